package tagger

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/turntag/turntag/internal/memo"
	"github.com/turntag/turntag/lexicon"
)

// Tagger tags texts with a compiled lexicon and an optional NameFinder. It
// is safe for concurrent use; per-document state lives in a Doc.
type Tagger struct {
	lex      *lexicon.Lexicon
	ner      NameFinder                  // nil: lexicon only
	surnames map[string][]*lexicon.Entry // folded surname -> lexicon people
	// word lists of the lexicon
	particles       map[string]bool // may stand lower case inside a name (de, van, bin)
	suffixes        map[string]bool // after a surname (Jr, III)
	titleConnectors map[string]bool // join two title words before a name (of, and)
	vocativeCues    map[string]bool // "thanks", "go ahead": a name after them addresses someone
	vocativeAfter   map[string]bool // "thank you", "go ahead" after a name and a comma
	honorifics      map[string]bool // mr, ms, dr
	firstNames      map[string]bool // folded first names of lexicon people and nicknames
	// names has the keys of surnames and of the lexicon's nicknames: a
	// word it lacks is no one's surname, and is a first name only of a
	// person a document names (Doc.names adds those)
	names nameFilter
	// nested maps an organisation's name as written, copied, to the
	// countries named inside it (countriesInside), their texts cut from
	// the copy
	nested *memo.Bounded[string, []Mention]
	titles sync.Map // *lexicon.Entry of a person -> the folded words of their role and offices (holds)
	// lexPeople maps a name as written, copied, to the lexicon person it
	// names (lexPerson)
	lexPeople *memo.Bounded[string, lexPerson]
	// buffers holds the buffers of released Docs (Doc.Release)
	buffers sync.Pool
}

// New returns a tagger over a compiled lexicon; ner may be nil to run on the
// lexicon alone.
func New(lex *lexicon.Lexicon, ner NameFinder) *Tagger {
	t := &Tagger{lex: lex, ner: ner, surnames: map[string][]*lexicon.Entry{}, lexPeople: memo.New[string, lexPerson](maxLexPeople),
		nested:    memo.New[string, []Mention](maxNested),
		particles: lex.Words(lexicon.NameParticles), suffixes: lex.Words(lexicon.NameSuffixes), titleConnectors: lex.Words(lexicon.TitleConnectors),
		vocativeCues: lex.Words(lexicon.VocativeCues), honorifics: lex.Words(lexicon.Honorifics),
		vocativeAfter: lex.Words(lexicon.VocativeFollowers)}
	t.firstNames = map[string]bool{}
	for short, fulls := range lex.Nicknames {
		t.firstNames[short] = true
		for _, f := range fulls {
			t.firstNames[f] = true
		}
	}
	for _, e := range lex.Sorted(lexicon.Person) {
		if ws := nameTokens(e.Name); len(ws) >= 2 {
			t.firstNames[ws[0]] = true
		}
		if s := t.surname(e.Name); s != "" {
			t.surnames[s] = append(t.surnames[s], e)
			t.names.add(s)
		}
	}
	for short := range lex.Nicknames {
		t.names.add(short)
	}
	return t
}

// surname returns the folded last word of a name, passing over suffixes
// ("Charles Q. Brown Jr." gives "brown").
func (t *Tagger) surname(name string) string {
	toks := nameTokens(name)
	for len(toks) > 1 && t.suffixes[toks[len(toks)-1]] {
		toks = toks[:len(toks)-1]
	}
	if len(toks) < 2 || len(toks[len(toks)-1]) < 3 {
		return ""
	}
	return toks[len(toks)-1]
}

// Lexicon returns the tagger's lexicon.
func (t *Tagger) Lexicon() *lexicon.Lexicon { return t.lex }

// Result is what Tag finds in one text.
type Result struct {
	Mentions []Mention // in text order
	Tags     []Tag     // by descending score
	Matches  []lexicon.Match
	Unknown  []Unknown // NER names that no lexicon entry covers, after vetoes
}

// Unknown is a name found by the NER that the lexicon does not know.
type Unknown struct {
	Start, End int    // byte span in the text
	Text       string // the name, trimmed of titles
	Class      string // the NER's class (PERSON, GPE, ORGANIZATION, ...)
	Kept       bool   // it became a mention (person or organisation)
}

// Tag finds the entities named in text and scores its topics. Names
// resolve against the document: people named in full earlier (speakers
// included) resolve later surnames.
func (d *Doc) Tag(text string) (Result, error) {
	d.toks = d.text.TokenizeFor(d.t.lex, d.toks[:0], text) // hashed and marked for the matchers as they are made
	toks := d.toks
	d.toksUsed = max(d.toksUsed, len(toks))
	var matches []lexicon.Match
	if d.skipMatches {
		d.matches = d.t.lex.AppendMatchText(d.matches[:0], &d.text)
		matches = d.matches
	} else {
		matches = d.t.lex.MatchText(&d.text)
	}
	if cap(d.covered) < len(toks) {
		d.covered = make([]bool, len(toks))
	}
	covered := d.covered[:len(toks)]
	clear(covered)
	markCovered(toks, covered, matches)

	var res Result
	if !d.skipMatches {
		res.Matches = matches
	}
	ms := d.mentions[:0] // the turn's mentions, copied out once complete
	for k := range matches {
		m := &matches[k] // not a copy of each match
		if !m.Role.IsMention() {
			continue
		}
		e := m.Entry
		if e.Type == lexicon.Country && m.Role == lexicon.RoleAlias { // what firstNameNotCountry asks first
			if i, ok := d.firstNameNotCountry(toks, covered, *m); ok {
				covered[i] = false // "Jordan Halloran", "Thanks, Chad.": a person, not a country
				continue
			}
		}
		if e.Type == lexicon.Person {
			if i := surnameAt(toks, *m); i >= 0 {
				if e = d.byTitle(toks, i, e); e == nil {
					continue // "Governor Abbott" where two governors are named so
				}
			}
		}
		code := ""
		if e.Type == lexicon.Country {
			code = e.ISO3
		}
		if e.Type == lexicon.Person {
			d.addPerson(e.Name, e.ID)
		}
		ms = append(ms, Mention{Start: m.Start, End: m.End, Text: text[m.Start:m.End], Type: e.Type,
			Canonical: e.Name, ID: e.ID, Code: code, Origin: FromLexicon, Rule: m.Rule()})
		if e.Type == lexicon.Organisation { // what nestedCountries asks first
			ms = d.nestedCountries(ms, text, *m)
		}
	}
	places := d.places(text, toks, covered) // after every lexicon match: a place gives way
	if !d.skipMatches {
		res.Matches = withPlaces(matches, places)
	}
	ms = d.knownPeople(ms, text, toks, covered)
	if d.t.ner != nil {
		var names []Name
		for _, input := range chunks(d.nerInput(text, toks, covered), maxNERInput) {
			ns, err := d.t.ner.Names(input)
			if err != nil {
				d.mentions, d.mentionsUsed = ms, max(d.mentionsUsed, len(ms))
				res.Mentions = cloneMentions(ms)
				return res, err
			}
			names = append(names, ns...)
		}
		names, vetCovered := d.vetoPlaces(text, toks, covered, places, names)
		nerMentions, unknown := d.vet(text, toks, vetCovered, names)
		ms = append(ms, nerMentions...)
		res.Unknown = unknown
	}
	ms = d.addressedNames(ms, text, toks, covered)
	if !slices.IsSortedFunc(ms, byStart) {
		slices.SortStableFunc(ms, byStart)
	}
	d.noteRoles(text, toks, ms)
	d.markAddressed(toks, ms)
	d.mentions, d.mentionsUsed = ms, max(d.mentionsUsed, len(ms))
	res.Mentions = cloneMentions(ms)
	res.Tags = d.scorer.score(d.t.lex, text, matches, d.home)
	return res, nil
}

// byStart orders mentions by their start.
func byStart(a, b Mention) int { return cmp.Compare(a.Start, b.Start) }

// cloneMentions copies a turn's mentions out of the Doc's buffer: nil
// when there are none.
func cloneMentions(ms []Mention) []Mention {
	if len(ms) == 0 {
		return nil
	}
	return slices.Clone(ms)
}

// markCovered marks the tokens inside lexicon matches.
func markCovered(toks []lexicon.Token, covered []bool, matches []lexicon.Match) {
	j := 0
	for n := range matches {
		m := &matches[n]
		// the first token at or after the match's start: a binary search
		// past the eighth token from here when the match starts beyond
		// it, else a few steps
		if e := j + 8; e < len(toks) && toks[e].Start < m.Start {
			j = e + 1 + sort.Search(len(toks)-e-1, func(k int) bool { return toks[e+1+k].Start >= m.Start })
		} else {
			for j < len(toks) && toks[j].Start < m.Start {
				j++
			}
		}
		for k := j; k < len(toks) && toks[k].End <= m.End; k++ {
			covered[k] = true
		}
	}
}

// maxNested bounds the organisation names a Tagger remembers the
// countries inside of.
const maxNested = 1 << 14

// nestedCountries appends to dst the countries named inside an organisation's
// name: "Russia's Africa Corps" and "Russian Armed Forces" name Russia. The
// names of companies and media are left alone ("China Daily", "Israel
// Aerospace Industries" name an outlet or a firm, not the country).
func (d *Doc) nestedCountries(dst []Mention, text string, m lexicon.Match) []Mention {
	e := m.Entry
	if e.Type != lexicon.Organisation || e.Kind == "media" || e.Kind == "company" {
		return dst
	}
	span := text[m.Start:m.End]
	inner, ok := d.t.nested.Get(span)
	if !ok {
		inner = d.t.countriesInside(span, e)
		if !d.t.nested.Full() {
			// kept as copies: span and the texts inside it point into
			// the document, which the memory must not keep alive
			key := strings.Clone(span)
			kept := slices.Clone(inner)
			for i := range kept {
				kept[i].Text = key[kept[i].Start:kept[i].End]
			}
			d.t.nested.Put(key, kept)
		}
	}
	for _, n := range inner {
		n.Start += m.Start
		n.End += m.Start
		dst = append(dst, n)
	}
	return dst
}

// countriesInside finds the countries named inside an organisation's name
// as written, with offsets into it.
func (t *Tagger) countriesInside(span string, e *lexicon.Entry) []Mention {
	toks := lexicon.Tokenize(span)
	if len(toks) < 2 {
		return nil
	}
	// the name matches itself whole: look inside it without its last word,
	// then without its first
	var out []Mention
	seen := map[int]bool{}
	for _, sub := range [][2]int{{0, toks[len(toks)-1].Start}, {toks[1].Start, len(span)}} {
		part := span[sub[0]:sub[1]]
		for _, n := range t.lex.Match(part) {
			start := sub[0] + n.Start
			if n.Entry == nil || n.Entry.Type != lexicon.Country || !n.Role.IsMention() || seen[start] {
				continue
			}
			seen[start] = true
			out = append(out, Mention{Start: start, End: start + n.End - n.Start, Text: part[n.Start:n.End],
				Type: lexicon.Country, Canonical: n.Entry.Name, ID: n.Entry.ID, Code: n.Entry.ISO3, Origin: FromLexicon,
				Rule: n.Rule() + ", inside " + e.Name})
		}
	}
	return out
}

// firstNameNotCountry reports whether a one-word country name is a
// person's first name here, with its token index: it is followed by a
// capitalised word that is neither known nor common ("Jordan Halloran",
// "Chad Whitcomb"), or it is the first name of a person named earlier and is
// used to address them ("Thanks, Jordan.").
func (d *Doc) firstNameNotCountry(toks []lexicon.Token, covered []bool, m lexicon.Match) (int, bool) {
	if m.Entry.Type != lexicon.Country || m.Role != lexicon.RoleAlias {
		return 0, false
	}
	i := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= m.Start })
	if i >= len(toks) || toks[i].End != m.End || !toks[i].IsCapitalised() {
		return 0, false
	}
	if n := i + 1; n < len(toks) && toks[n].Word && !covered[n] && capitalised(toks[n].Text) &&
		!allUpper(&toks[n]) && !d.t.lex.IsCommonToken(toks[n]) && !d.t.lex.IsTitleToken(toks[n]) {
		return i, true
	}
	before := i == 0 || toks[i-1].Text == "," || lexicon.SentenceStart(toks, i)
	after := i+1 == len(toks) || toks[i+1].Text == "," || toks[i+1].Text == "." || toks[i+1].Text == "?" || toks[i+1].Text == "!"
	if before && after && d.firstName(toks[i].Norm) != nil {
		return i, true
	}
	return 0, false
}

// maxNERInput bounds one NER call, in bytes, so that a huge turn costs
// memory in proportion to a chunk, not to the turn.
const maxNERInput = 16 << 10

// chunks cuts s into pieces of at most max bytes, at a sentence end
// (". ") where there is one, else at a space.
func chunks(s string, max int) []string {
	var out []string
	for len(s) > max {
		cut := strings.LastIndex(s[:max], ". ")
		if cut < max/2 {
			cut = strings.LastIndexByte(s[:max], ' ')
		}
		if cut <= 0 {
			cut = max - 1
		}
		out = append(out, s[:cut+1])
		s = strings.TrimLeft(s[cut+1:], " ")
	}
	if s != "" {
		out = append(out, s)
	}
	return out
}
