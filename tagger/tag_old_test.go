package tagger

// The functions of Doc.Tag as they were before they were rewritten to
// allocate less and to test the cheap conditions first: the reference of
// TestTagMatchesOld and FuzzTagMatchesOld.

import (
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/turntag/turntag/lexicon"
)

func (d *Doc) tagOld(text string) (Result, error) {
	d.toks = lexicon.AppendTokens(d.toks[:0], text)
	toks := d.toks
	matches := d.t.lex.MatchTokens(text, toks)
	if cap(d.covered) < len(toks) {
		d.covered = make([]bool, len(toks))
	}
	covered := d.covered[:len(toks)]
	clear(covered)
	markCoveredOld(toks, covered, matches)

	var res Result
	res.Matches = matches
	for _, m := range matches {
		if !m.Role.IsMention() {
			continue
		}
		if i, ok := d.firstNameNotCountryOld(toks, covered, m); ok {
			covered[i] = false // "Jordan Halloran", "Thanks, Chad.": a person, not a country
			continue
		}
		e := m.Entry
		if e.Type == lexicon.Person {
			if i := surnameAt(toks, m); i >= 0 {
				if e = d.byTitleOld(toks, i, e); e == nil {
					continue // "Governor Abbott" where two governors are named so
				}
			}
		}
		mn := Mention{Start: m.Start, End: m.End, Text: text[m.Start:m.End], Type: e.Type,
			Canonical: e.Name, ID: e.ID, Origin: FromLexicon, Rule: m.Rule()}
		if e.Type == lexicon.Country {
			mn.Code = e.ISO3
		}
		if e.Type == lexicon.Person {
			d.addPersonOld(e.Name, e.ID)
		}
		res.Mentions = append(res.Mentions, mn)
		res.Mentions = append(res.Mentions, d.nestedCountriesOld(text, m)...)
	}
	places := d.placesOld(text, toks, covered) // after every lexicon match: a place gives way
	res.Matches = withPlacesOld(matches, places)
	res.Mentions = append(res.Mentions, d.knownPeopleOld(text, toks, covered)...)
	if d.t.ner != nil {
		var names []Name
		for _, input := range chunks(d.nerInput(text, toks, covered), maxNERInput) {
			ns, err := d.t.ner.Names(input)
			if err != nil {
				return res, err
			}
			names = append(names, ns...)
		}
		names, vetCovered := d.vetoPlaces(text, toks, covered, places, names)
		ms, unknown := d.vet(text, toks, vetCovered, names)
		res.Mentions = append(res.Mentions, ms...)
		res.Unknown = unknown
	}
	res.Mentions = append(res.Mentions, d.addressedNamesOld(text, toks, covered)...)
	sort.SliceStable(res.Mentions, func(i, j int) bool { return res.Mentions[i].Start < res.Mentions[j].Start })
	d.noteRoles(text, toks, res.Mentions)
	d.markAddressedOld(toks, res.Mentions)
	res.Tags = d.t.scoreOld(text, matches, d.home)
	return res, nil
}

func (d *Doc) nestedCountriesOld(text string, m lexicon.Match) []Mention {
	e := m.Entry
	if e.Type != lexicon.Organisation || e.Kind == "media" || e.Kind == "company" {
		return nil
	}
	span := text[m.Start:m.End]
	inner := d.t.countriesInside(span, e) // worked out each time: the reference remembers nothing
	out := make([]Mention, len(inner))
	for i, n := range inner {
		n.Start += m.Start
		n.End += m.Start
		out[i] = n
	}
	return out
}

func (d *Doc) knownPeopleOld(text string, toks []lexicon.Token, covered []bool) []Mention {
	var out []Mention
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if covered[i] || !t.Word || !t.IsCapitalised() {
			continue
		}
		if p, n := d.fullAtOld(toks, covered, i); p != nil {
			out = append(out, d.personMention(text, toks[i].Start, toks[i+n-1].End, p, "full name named earlier in the document"))
			for k := i; k < i+n; k++ {
				covered[k] = true
			}
			i += n - 1
			continue
		}
		if d.t.lex.IsCommonToken(t) || d.t.lex.IsTitleToken(t) {
			continue
		}
		if i+1 < len(toks) && toks[i+1].Word && toks[i+1].IsCapitalised() && !covered[i+1] {
			continue // part of a longer name: "Dylan White" vs "Dylan White Jr" is for the NER
		}
		if i > 0 && toks[i-1].Word && toks[i-1].IsCapitalised() && !covered[i-1] &&
			!d.t.lex.IsTitleToken(toks[i-1]) && !lexicon.SentenceStart(toks, i-1) {
			continue // another person's surname: "Hunter Biden" is not Joe Biden
		}
		vocative := i+1 < len(toks) && toks[i+1].Text == ","
		start := lexicon.SentenceStart(toks, i)
		if p := d.surnames[t.Norm]; p != nil && (!start || afterTitle(d.t.lex, toks, i)) {
			covered[i] = true
			out = append(out, d.personMention(text, t.Start, t.End, p, "surname of "+p.name+" named earlier in the document"))
			continue
		}
		// a title and the surname of exactly one lexicon person, or of the
		// one who holds that title: "Chairman Brown", "General Cavoli"
		if ps := d.t.surnames[t.Norm]; len(ps) > 0 && afterTitle(d.t.lex, toks, i) && (len(ps) == 1 || d.byTitleOld(toks, i, nil) != nil) {
			covered[i] = true
			e := ps[0]
			if len(ps) > 1 {
				e = d.byTitleOld(toks, i, nil) // "Governor Abbott": the one governor among the Abbotts
			}
			d.addPersonOld(e.Name, e.ID)
			out = append(out, Mention{Start: t.Start, End: t.End, Text: text[t.Start:t.End], Type: lexicon.Person,
				Canonical: e.Name, ID: e.ID, Origin: FromLexicon, Rule: "title and surname of " + e.Name + " (" + e.File + ")"})
			continue
		}
		// a first name alone: "Thanks, Jen." "Jen, on gas prices"
		if p := d.firstNameOld(t.Norm); p != nil && (!start || vocative) && !afterTitle(d.t.lex, toks, i) {
			covered[i] = true
			out = append(out, d.personMention(text, t.Start, t.End, p, "first name of "+p.name+" named earlier in the document"))
		}
	}
	return out
}

func (d *Doc) markAddressedOld(toks []lexicon.Token, ms []Mention) {
	for n := range ms {
		m := &ms[n]
		if m.Type != lexicon.Person {
			continue
		}
		i := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= m.Start })
		j := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= m.End })
		if i >= j || !endsVocative(toks, j) {
			continue
		}
		first := d.firstNameUseOld(m)
		k := i // the name with any titles before it: "Secretary Blinken", "Mr. Kirby"
		for k > 0 && (d.t.lex.IsTitleToken(toks[k-1]) || toks[k-1].Text == "." && k > 1 && d.t.lex.IsTitleToken(toks[k-2]) && len(toks[k-2].Text) <= 4) {
			k-- // "Mr." and "Gen." keep their full stop; "Thank you, General. Tara Copp, AP." does not
		}
		honorific := k < i
		for _, t := range toks[k:i] {
			honorific = honorific && (t.Text == "." || d.t.honorifics[t.Norm])
		}
		switch {
		case d.afterCueOld(toks, k):
		case honorific && opens(toks, k) && j < len(toks) && toks[j].Text == ",": // "Mr Kostin, we were going to talk …"
		case opens(toks, k) && d.cueAfterOld(toks, j): // "Terje Aasland, thank you very much."
		case first && k == i && opens(toks, i): // "Peter, go ahead.", "(Inaudible) Jalina, thanks …"
		case first && k == i && i > 0 && toks[i-1].Text == ",": // "What do you think, Jake?", "Very quickly, Jalina, …"
		default:
			continue
		}
		m.Origin = FromAddress
	}
}

func (d *Doc) afterCueOld(toks []lexicon.Token, k int) bool {
	end := k - 1
	if end >= 0 && toks[end].Text == "," {
		end--
	}
	if end < 0 || !toks[end].Word {
		return false
	}
	cues := d.t.vocativeCues
	for _, n := range []int{2, 1} { // two-word cues first: "thank you", "go ahead"
		start := end - n + 1
		if start < 0 {
			continue
		}
		words := make([]string, 0, n)
		for _, t := range toks[start : end+1] {
			words = append(words, t.Norm)
		}
		if cues[strings.Join(words, " ")] && (lexicon.SentenceStart(toks, start) || toks[start-1].Text == ",") {
			return true
		}
	}
	return false
}

func (d *Doc) cueAfterOld(toks []lexicon.Token, j int) bool {
	if j >= len(toks) || toks[j].Text != "," {
		return false
	}
	for _, n := range []int{2, 1} {
		if j+n >= len(toks) {
			continue
		}
		words := make([]string, 0, n)
		for _, t := range toks[j+1 : j+1+n] {
			words = append(words, t.Norm)
		}
		if d.t.vocativeAfter[strings.Join(words, " ")] {
			return true
		}
	}
	return false
}

func (d *Doc) firstNameUseOld(m *Mention) bool {
	if strings.ContainsAny(strings.TrimSpace(m.Text), " \t\n") {
		return false
	}
	words := nameTokensOld(m.Canonical)
	return len(words) >= 2 && lexicon.FoldKey(m.Text) != words[len(words)-1]
}

func (d *Doc) addressedNamesOld(text string, toks []lexicon.Token, covered []bool) []Mention {
	var out []Mention
	last := len(toks) - 1
	for last >= 0 && !toks[last].Word {
		last--
	}
	for i, t := range toks {
		if !t.Word || covered[i] || !t.IsCapitalised() || t.IsUpper() || len(t.Text) < 2 ||
			d.t.lex.IsCommonToken(t) || d.t.lex.IsTitleToken(t) {
			continue
		}
		j := i + 1
		if !endsVocative(toks, j) {
			continue
		}
		alone := i == last && opens(toks, i) && d.t.firstNames[t.Norm] // "… Trevor." "Phil?"
		if !alone && !d.afterCueOld(toks, i) && !(opens(toks, i) && d.cueAfterOld(toks, j)) {
			continue
		}
		covered[i] = true
		out = append(out, Mention{Start: t.Start, End: t.End, Text: text[t.Start:t.End], Type: lexicon.Person,
			Canonical: t.Text, Origin: FromAddress, Rule: "a name the speaker addresses"})
	}
	return out
}

func (t *Tagger) scoreOld(text string, matches []lexicon.Match, home *lexicon.Entry) []Tag {
	type acc struct {
		topic   *lexicon.Topic
		cues    []Cue
		first   int
		phrases []*lexicon.Phrase // the lexicon phrases that fired, each once: "technology" and "technologies" are one cue technolog*
		gate    float64           // their weights, each counted once
	}
	// a turn has few topics and few cues each: slices beat maps here
	var accs []acc
	add := func(topicID, label string, phrase *lexicon.Phrase, weight float64, pos int) {
		for depth := 0; topicID != "" && depth < 8; depth++ {
			tp := t.lex.Topic(topicID)
			if tp == nil || !t.lex.Selected(tp) {
				return // an entity of another taxonomy's topic, not selected
			}
			k := 0
			for k < len(accs) && accs[k].topic != tp {
				k++
			}
			if k == len(accs) {
				accs = append(accs, acc{topic: tp, first: pos})
			}
			a := &accs[k]
			c := 0
			for c < len(a.cues) && a.cues[c].Text != label {
				c++
			}
			if c == len(a.cues) {
				a.cues = append(a.cues, Cue{Text: label, Weight: weight, first: pos})
			}
			a.cues[c].Count++
			if !slices.Contains(a.phrases, phrase) {
				a.phrases = append(a.phrases, phrase)
				a.gate += weight
			}
			topicID = tp.Parent
		}
	}
	for _, m := range matches {
		switch {
		case m.Role == lexicon.RoleCue:
			add(m.Topic.ID, m.Label(text), m.Phrase, weightOf(m.Phrase), m.Start)
		case m.Entry != nil && len(m.Entry.Topics) > 0:
			label := m.Label(text)
			atHome := home != nil && (m.Entry == home || m.Entry.Country == home.ID)
			for _, id := range m.Entry.Topics {
				w := weightOf(m.Phrase)
				if atHome && slices.Contains(home.Topics, id) {
					w = min(w, 0.5) // the home country's own topic, named at home: a weak cue (see Doc.SetHome)
				}
				add(id, label, m.Phrase, w, m.Start)
			}
		}
	}
	tags := make([]Tag, 0, len(accs))
	first := map[string]int{}
	for _, a := range accs {
		total := 0.0
		for _, c := range a.cues {
			total += c.Weight * float64(c.Count)
		}
		if a.gate < MinWeight-1e-9 {
			continue // weak cues alone do not make a tag, nor one weak cue said again and again
		}
		ev := a.cues
		sort.SliceStable(ev, func(i, j int) bool {
			if ev[i].Count != ev[j].Count {
				return ev[i].Count > ev[j].Count
			}
			return ev[i].first < ev[j].first
		})
		tags = append(tags, Tag{ID: a.topic.ID, Label: a.topic.Label, Taxonomy: a.topic.Taxonomy, Evidence: ev,
			Score: math.Round((1-math.Exp(-total))*100) / 100})
		first[a.topic.ID] = a.first
	}
	sort.SliceStable(tags, func(i, j int) bool {
		if tags[i].Score != tags[j].Score {
			return tags[i].Score > tags[j].Score
		}
		return first[tags[i].ID] < first[tags[j].ID]
	})
	return tags
}

func (d *Doc) placesOld(text string, toks []lexicon.Token, covered []bool) []lexicon.Match {
	ms := d.t.lex.MatchPlaces(text, toks, covered)
	if len(ms) == 0 {
		return nil
	}
	spans := make([][2]int, len(ms))
	taken := make([]bool, len(toks)) // covered, or inside a place
	copy(taken, covered)
	for n, m := range ms {
		i := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= m.Start })
		j := i
		for j < len(toks) && toks[j].End <= m.End {
			taken[j] = true
			j++
		}
		spans[n] = [2]int{i, j}
	}
	out := ms[:0]
	for n, m := range ms {
		i, j := spans[n][0], spans[n][1]
		if j-i == 1 && d.placeIsName(toks, taken, i) {
			continue
		}
		for k := i; k < j; k++ {
			covered[k] = true
		}
		out = append(out, m)
	}
	return out
}

func (d *Doc) byTitleOld(toks []lexicon.Token, i int, e *lexicon.Entry) *lexicon.Entry {
	k := i - 1
	if k > 0 && toks[k].Text == "." {
		k--
	}
	if k < 0 || !toks[k].Word || !d.t.lex.IsTitleToken(toks[k]) || d.t.honorifics[toks[k].Norm] {
		return e
	}
	title := toks[k].Norm
	var holders []*lexicon.Entry
	for _, p := range d.t.surnames[toks[i].Norm] {
		if holdsOld(p, title) {
			holders = append(holders, p)
		}
	}
	switch {
	case len(holders) == 0:
		return e
	case e != nil && holdsOld(e, title):
		return e
	case len(holders) == 1:
		return holders[0]
	}
	return nil
}

func holdsOld(e *lexicon.Entry, title string) bool {
	has := func(s string) bool {
		for _, t := range lexicon.Tokenize(s) {
			if t.Norm == title {
				return true
			}
		}
		return false
	}
	if has(e.Role) {
		return true
	}
	for _, o := range e.Offices {
		if has(o.Title) {
			return true
		}
	}
	return false
}

func withPlacesOld(matches, places []lexicon.Match) []lexicon.Match {
	if len(places) == 0 {
		return matches
	}
	out := append(append(make([]lexicon.Match, 0, len(matches)+len(places)), matches...), places...)
	sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}

func (d *Doc) addPersonOld(name, id string) {
	if d.known[name] {
		return
	}
	d.known[name] = true
	toks := nameTokensOld(name)
	if len(toks) < 2 {
		return
	}
	key := strings.Join(toks, " ")
	for _, p := range d.byFirst[toks[0]] {
		if strings.Join(p.toks, " ") == key {
			return
		}
	}
	p := &docPerson{name: name, id: id, toks: toks}
	d.byFirst[toks[0]] = append(d.byFirst[toks[0]], p)
	last := toks[len(toks)-1]
	if old, ok := d.surnames[last]; ok && (old == nil || old.name != name) {
		d.surnames[last] = nil // two people share the surname: do not guess
		return
	}
	d.surnames[last] = p
}

func (d *Doc) firstNameOld(w string) *docPerson {
	ps := d.byFirst[w]
	if len(ps) == 0 {
		for _, full := range d.t.lex.Nicknames[w] {
			ps = append(ps, d.byFirst[full]...)
		}
	}
	if len(ps) != 1 || len(ps[0].toks) < 2 {
		return nil
	}
	return ps[0]
}

func (d *Doc) firstNameNotCountryOld(toks []lexicon.Token, covered []bool, m lexicon.Match) (int, bool) {
	if m.Entry.Type != lexicon.Country || m.Role != lexicon.RoleAlias {
		return 0, false
	}
	i := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= m.Start })
	if i >= len(toks) || toks[i].End != m.End || !toks[i].IsCapitalised() {
		return 0, false
	}
	if n := i + 1; n < len(toks) && toks[n].Word && toks[n].IsCapitalised() && !covered[n] &&
		!toks[n].IsUpper() && !d.t.lex.IsCommonToken(toks[n]) && !d.t.lex.IsTitleToken(toks[n]) {
		return i, true
	}
	if p := d.firstNameOld(toks[i].Norm); p != nil {
		before := i == 0 || toks[i-1].Text == "," || lexicon.SentenceStart(toks, i)
		after := i+1 == len(toks) || toks[i+1].Text == "," || toks[i+1].Text == "." || toks[i+1].Text == "?" || toks[i+1].Text == "!"
		if before && after {
			return i, true
		}
	}
	return 0, false
}

// fullAtOld is fullAt as it was, looking every word up in byFirst.
func (d *Doc) fullAtOld(toks []lexicon.Token, covered []bool, i int) (*docPerson, int) {
	for _, p := range d.byFirst[toks[i].Norm] {
		k, n := i, 0
		for ; k < len(toks) && n < len(p.toks); k++ {
			if !toks[k].Word {
				if toks[k].Text == "." {
					continue // initials: "Antony J. Blinken"
				}
				break
			}
			if covered[k] || toks[k].Norm != p.toks[n] {
				break
			}
			n++
		}
		if n == len(p.toks) {
			return p, k - i
		}
	}
	return nil, 0
}

// nameTokensOld is nameTokens as it was, growing its slice by appends.
func nameTokensOld(name string) []string {
	var out []string
	var buf [24]lexicon.Token
	for _, t := range lexicon.AppendTokens(buf[:0], name) {
		if t.Word {
			out = append(out, t.Norm)
		}
	}
	return out
}

// markCoveredOld is markCovered as it was, eight steps before a binary
// search.
func markCoveredOld(toks []lexicon.Token, covered []bool, matches []lexicon.Match) {
	j := 0
	for _, m := range matches {
		for k := 0; k < 8 && j < len(toks) && toks[j].Start < m.Start; k++ {
			j++
		}
		if j < len(toks) && toks[j].Start < m.Start {
			j += sort.Search(len(toks)-j, func(k int) bool { return toks[j+k].Start >= m.Start })
		}
		for k := j; k < len(toks) && toks[k].End <= m.End; k++ {
			covered[k] = true
		}
	}
}
