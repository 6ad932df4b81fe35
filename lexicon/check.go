package lexicon

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"golang.org/x/text/language"
)

// ErrAmbiguous marks one alias claimed by two entries with no rule to tell
// them apart.
var ErrAmbiguous = errors.New("ambiguous alias")

// userAssigned are codes outside ISO 3166-1 that the default lexicon uses
// by common agreement: XK/XKX for Kosovo (used by the EU and many
// governments; golang.org/x/text maps XK to XKK).
var userAssigned = map[string]string{"XK": "XKX"}

// Check validates the lexicon as a curator needs it and returns every
// problem, sorted by file and line, or nil: ids defined twice, an alias
// claimed by two entries without a rule, ISO codes that are not ISO 3166-1
// regions, topics with no cues, references to unknown ids, phrases that
// can never match, places of an unknown kind, and places that never match
// because another entry or a topic cue always takes their words. It covers every problem Compile reports, so a caller
// that only checks need not compile; len of the result is the number of
// problems. Compare the result with nil or test its length: stored in an
// error variable, even an empty Problems is a non-nil error.
func (l *Lexicon) Check() Problems {
	var probs Problems
	add := func(file string, line int, err error) {
		probs = append(probs, &Error{File: file, Line: line, Err: err})
	}
	probs = append(probs, l.dupes...)
	x := newContextExpander(l)
	cued := map[string]bool{}
	type claim struct {
		e *Entry
		p *Phrase
	}
	claims := map[string][]claim{}
	for _, e := range l.Entries {
		checkEntry(l, e, add)
		for _, id := range e.Topics {
			cued[id] = true
		}
		phrases := append(append([]Phrase{}, e.Aliases...), e.Demonyms...)
		for _, p := range implicitAliases(e) {
			phrases = append(phrases, *p)
		}
		for i := range phrases {
			p := &phrases[i]
			checkPhrase(p, x, add)
			key := foldKey(p.Text)
			if len(claims[key]) == 0 || claims[key][len(claims[key])-1].e != e {
				claims[key] = append(claims[key], claim{e, p})
			}
		}
		for i := range e.Capitals {
			checkPhrase(&e.Capitals[i], x, add)
		}
	}
	keys := make([]string, 0, len(claims))
	for k := range claims {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		cs := claims[k]
		for i := 1; i < len(cs); i++ {
			for j := 0; j < i; j++ {
				a, b := cs[j], cs[i]
				if a.p.HasRules() || b.p.HasRules() {
					continue
				}
				add(b.p.File, b.p.Line, fmt.Errorf("%w: %q is claimed by %s (%s) and %s (%s:%d) without a rule (case, near, not_near, not_before, not_after) to tell them apart",
					ErrAmbiguous, b.p.Text, b.e.ID, b.e.Type, a.e.ID, a.p.File, a.p.Line))
			}
		}
	}
	for _, t := range l.Topics {
		cued[t.Parent] = true // a parent is cued through its subtopics (a dictionary's nested categories)
	}
	for _, t := range l.Topics {
		if t.Label == "" {
			add(t.File, t.Line, fmt.Errorf("%w: topic %q has no label", ErrInvalid, t.ID))
		}
		if t.Parent != "" && l.Topic(t.Parent) == nil {
			add(t.File, t.Line, fmt.Errorf("%w: topic %q has parent %q", ErrUnknownID, t.ID, t.Parent))
		}
		if len(t.Cues) == 0 && !cued[t.ID] {
			add(t.File, t.Line, fmt.Errorf("%w: topic %q has no cues and no entity names it", ErrInvalid, t.ID))
		}
		for i := range t.Cues {
			checkPhrase(&t.Cues[i], x, add)
		}
	}
	probs = append(probs, l.places.dupes...)
	checkPlaces(l, x, add)
	checkContexts(l, x, add)
	checkTaxonomies(l, add)
	if len(probs) == 0 {
		return nil
	}
	probs.sort()
	return probs
}

// checkPlaces checks the gazetteer: each place as an entry, its kind, its
// phrases, one alias claimed by two places without a rule, and a place
// whose words another entry or a topic cue always takes (a rule-less
// phrase that matches inside the place's own text): places give way, so it
// could never match. An uncompiled lexicon is compiled on a copy for this.
func checkPlaces(l *Lexicon, x *contextExpander, add func(string, int, error)) {
	others := l // what the places give way to, compiled
	if l.compiled == nil && len(l.places.Entries) > 0 {
		c := *l // a shallow copy: compiling it leaves l as it was
		if c.Compile() == nil {
			others = &c
		} // else the phrases that fail are reported elsewhere
	}
	claims := map[string]*Entry{}
	for _, e := range l.places.Entries {
		checkEntry(l, e, add)
		if !slices.Contains(PlaceKinds, e.Kind) {
			add(e.File, e.Line, fmt.Errorf("%w: place %q: kind %q (want one of %s)", ErrInvalid, e.ID, e.Kind, strings.Join(PlaceKinds, ", ")))
		}
		phrases := append([]Phrase{}, e.Aliases...)
		for _, p := range implicitAliases(e) {
			phrases = append(phrases, *p)
		}
		for i := range phrases {
			p := &phrases[i]
			checkPhrase(p, x, add)
			if !p.HasRules() {
				key := foldKey(p.Text)
				if other := claims[key]; other != nil && other != e {
					add(p.File, p.Line, fmt.Errorf("%w: %q is claimed by places %s and %s (%s:%d) without a rule (case, near, not_near, not_before, not_after) to tell them apart",
						ErrAmbiguous, p.Text, e.ID, other.ID, other.File, other.Line))
				}
				claims[key] = e
			}
			if others.compiled == nil {
				continue
			}
			text := strings.TrimSuffix(p.Text, "*")
			for _, m := range others.Match(text) {
				if m.Phrase.HasRules() {
					continue // it gives way in some contexts, and the place matches there
				}
				if m.Topic != nil && m.Phrase.File != p.File {
					continue // another file's cue may take a place's words: cues come first by design
				}
				what := ""
				switch {
				case m.Entry != nil:
					what = fmt.Sprintf("%s %s", m.Entry.Type, m.Entry.ID)
				case m.Topic != nil:
					what = "a cue of topic " + m.Topic.ID
				}
				add(p.File, p.Line, fmt.Errorf("%w: place %s never matches %q: %q is always read as %s (%s), and places give way",
					ErrAmbiguous, e.ID, p.Text, text[m.Start:m.End], what, m.Rule()))
				break
			}
		}
	}
}

// checkContexts reports contexts that are empty, that hold phrases that can
// never match or that refer to unknown or circular contexts, and contexts
// no phrase uses. x has expanded the references of every phrase.
func checkContexts(l *Lexicon, x *contextExpander, add func(string, int, error)) {
	used := map[string]bool{}
	for id := range x.done {
		used[id] = true
	}
	for _, c := range l.Contexts {
		if len(c.Phrases) == 0 {
			add(c.File, c.Line, fmt.Errorf("%w: context %q has no phrases", ErrInvalid, c.ID))
		}
		for _, s := range c.Phrases {
			if id, ok := strings.CutPrefix(s, ContextRef); ok {
				used[id] = true
				continue
			}
			if _, err := compilePhrase(s, caseAuto); err != nil {
				add(c.File, c.Line, fmt.Errorf("context %q: %w", c.ID, err))
			}
		}
		if _, errs := x.context(c.ID); len(errs) > 0 {
			for _, err := range errs {
				e := err.(*Error)
				add(e.File, e.Line, e.Err)
			}
		}
	}
	for _, c := range l.Contexts {
		if !used[c.ID] {
			add(c.File, c.Line, fmt.Errorf("%w: context %q is not used by any phrase", ErrInvalid, c.ID))
		}
	}
}

func checkEntry(l *Lexicon, e *Entry, add func(string, int, error)) {
	if e.Name == "" {
		add(e.File, e.Line, fmt.Errorf("%w: %s %q has no name", ErrInvalid, e.Type, e.ID))
	}
	for _, id := range e.Topics {
		if l.Topic(id) == nil {
			add(e.File, e.Line, fmt.Errorf("%w: %s %q names topic %q", ErrUnknownID, e.Type, e.ID, id))
		}
	}
	if e.Country != "" {
		if c := l.Entry(e.Country); c == nil || c.Type != Country {
			add(e.File, e.Line, fmt.Errorf("%w: %s %q names country %q", ErrUnknownID, e.Type, e.ID, e.Country))
		}
	}
	if e.Type == Country {
		if err := checkISO(e.ISO2, e.ISO3); err != nil {
			add(e.File, e.Line, fmt.Errorf("%w: country %q: %v", ErrInvalid, e.ID, err))
		}
	} else if e.ISO2 != "" || e.ISO3 != "" || e.Official != "" {
		add(e.File, e.Line, fmt.Errorf("%w: %s %q: iso2, iso3 and official are for countries", ErrInvalid, e.Type, e.ID))
	}
	checkOffices(l, e, add)
	if len(e.Sites) > 0 && e.Type != Organisation {
		add(e.File, e.Line, fmt.Errorf("%w: %s %q: sites are for organisations", ErrInvalid, e.Type, e.ID))
	}
	if len(e.Capitals) > 0 && e.Type != Country {
		add(e.File, e.Line, fmt.Errorf("%w: %s %q: capitals are for countries", ErrInvalid, e.Type, e.ID))
	}
}

// isoDate matches an ISO 8601 calendar date.
var isoDate = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$`)

// checkOffices checks a person's offices: a title, a known country, ISO
// dates, and a period that does not end before it starts.
func checkOffices(l *Lexicon, e *Entry, add func(string, int, error)) {
	if len(e.Offices) > 0 && e.Type != Person {
		add(e.File, e.Line, fmt.Errorf("%w: %s %q: offices are for people", ErrInvalid, e.Type, e.ID))
		return
	}
	for _, o := range e.Offices {
		bad := func(format string, args ...any) {
			add(e.File, o.Line, fmt.Errorf("%w: person %q: office %q: %s", ErrInvalid, e.ID, o.Title, fmt.Sprintf(format, args...)))
		}
		if strings.TrimSpace(o.Title) == "" {
			bad("no title")
		}
		if c := l.Entry(o.Country); c == nil || c.Type != Country {
			bad("unknown country %q", o.Country)
		}
		if !isoDate.MatchString(o.From) {
			bad("from %q is not an ISO 8601 date (YYYY-MM-DD)", o.From)
		}
		if o.To != "" && !isoDate.MatchString(o.To) {
			bad("to %q is not an ISO 8601 date (YYYY-MM-DD)", o.To)
		}
		if o.To != "" && o.To <= o.From {
			bad("ends (%s) before it starts (%s)", o.To, o.From)
		}
	}
}

// checkISO checks a country's codes against golang.org/x/text's ISO 3166-1
// region data: both must name the same region.
func checkISO(iso2, iso3 string) error {
	if iso2 == "" || iso3 == "" {
		return errors.New("needs iso2 and iso3")
	}
	if want, ok := userAssigned[iso2]; ok {
		if iso3 != want {
			return fmt.Errorf("iso3 %q, want %q for %s", iso3, want, iso2)
		}
		return nil
	}
	r2, err := language.ParseRegion(iso2)
	if err != nil || len(iso2) != 2 || strings.ToUpper(iso2) != iso2 {
		return fmt.Errorf("iso2 %q is not an ISO 3166-1 alpha-2 code", iso2)
	}
	r3, err := language.ParseRegion(iso3)
	if err != nil || len(iso3) != 3 || strings.ToUpper(iso3) != iso3 {
		return fmt.Errorf("iso3 %q is not an ISO 3166-1 alpha-3 code", iso3)
	}
	if r2 != r3 || r2.ISO3() != iso3 {
		return fmt.Errorf("iso2 %q is %s but iso3 %q is %s", iso2, r2.ISO3(), iso3, r3.String())
	}
	if !r2.IsCountry() {
		return fmt.Errorf("%s is a grouping, not a country", iso2)
	}
	return nil
}

// checkPhrase reports phrases that can never match and references to
// contexts that do not exist; x expands the references (a context's own
// phrases are checked once, by checkContexts).
func checkPhrase(p *Phrase, x *contextExpander, add func(string, int, error)) {
	mode, err := parseCase(p.Case)
	if err != nil {
		add(p.File, p.Line, err)
		return
	}
	if _, err := compilePhrase(p.Text, mode); err != nil {
		add(p.File, p.Line, fmt.Errorf("%v: it can never match", err))
		return
	}
	if p.Text != strings.TrimSpace(p.Text) {
		add(p.File, p.Line, fmt.Errorf("%w: phrase %q has leading or trailing spaces", ErrInvalid, p.Text))
	}
	if strings.Contains(strings.TrimSuffix(p.Text, "*"), "*") {
		add(p.File, p.Line, fmt.Errorf("%w: phrase %q: * only works at the end", ErrInvalid, p.Text))
	}
	if p.Weight < 0 || p.Window < 0 {
		add(p.File, p.Line, fmt.Errorf("%w: phrase %q: weight and window cannot be negative", ErrInvalid, p.Text))
	}
	if mode == caseAuto && lower(p.Text) == p.Text && p.Case == "" && len(p.Near)+len(p.NotNear)+len(p.NotBefore)+len(p.NotAfter) == 0 {
		return
	}
	for _, list := range [][]string{p.Near, p.NotNear, p.NotBefore, p.NotAfter} {
		if _, errs := x.expand(list, p.File, p.refLine); len(errs) > 0 {
			for _, err := range errs {
				e := err.(*Error)
				add(e.File, e.Line, e.Err)
			}
		}
		for _, s := range list {
			if strings.HasPrefix(s, ContextRef) {
				continue
			}
			if _, err := compilePhrase(s, caseAuto); err != nil {
				add(p.File, p.Line, fmt.Errorf("context of %q: %v", p.Text, err))
			}
		}
	}
}
