package tagger

import (
	"strings"

	"github.com/turntag/turntag/lexicon"
)

// vet maps the NER's names back into the text and keeps the people and
// organisations the lexicon does not know and the rules accept. Every
// located name that is not wholly covered by the lexicon is returned as
// Unknown, kept or not, for curation.
func (d *Doc) vet(text string, toks []lexicon.Token, covered []bool, names []Name) ([]Mention, []Unknown) {
	var out []Mention
	var unknown []Unknown
	spans := locateNames(toks, names)
	d.nerPeople = d.personCores(toks, covered, names, spans)
	for x, n := range names {
		i, j := spans[x][0], spans[x][1]
		if i < 0 {
			continue
		}
		if k := afterDash(text, toks, i, j); k > i {
			i = k // "Simon — Simon — Michael", "Brian — Senator Brian Schatz": a name said again, or corrected, after a dash
		}
		i, j = d.trim(toks, covered, i, j)
		if i >= j {
			continue // all titles, punctuation or lexicon matches
		}
		span := text[toks[i].Start:toks[j-1].End]
		u := Unknown{Start: toks[i].Start, End: toks[j-1].End, Text: strings.Join(strings.Fields(span), " "), Class: n.Class}
		if anyCovered(covered, i, j) || d.allCommon(toks[i:j]) {
			continue
		}
		var m *Mention
		switch n.Class {
		case "PERSON":
			m = d.personName(text, toks, covered, i, j)
		case "ORGANIZATION", "ORG":
			m = d.orgName(text, toks, covered, i, j)
		}
		if m != nil {
			m.Rule = "NER " + n.Class + ": " + m.Rule
			out = append(out, *m)
			for k := i; k < j; k++ {
				covered[k] = true
			}
			for k := j; k < len(toks) && toks[k].End <= m.End; k++ {
				covered[k] = true // the name ran on ("John F. Kennedy")
			}
			u.Kept = true
		}
		if u.Kept || j-i > 1 || !lexicon.SentenceStart(toks, i) {
			unknown = append(unknown, u) // a lone capitalised word opening a sentence is mostly not a name
		}
	}
	return out, unknown
}

// locate finds the token sequence of a name in toks, from cursor on and
// then from the start; it returns the token range or -1.
func locate(toks, name []lexicon.Token, cursor int) (int, int) {
	if len(name) == 0 {
		return -1, -1
	}
	for _, from := range []int{cursor, 0} {
		for i := from; i+len(name) <= len(toks); i++ {
			k := 0
			for k < len(name) && toks[i+k].Norm == name[k].Norm {
				k++
			}
			if k == len(name) {
				return i, i + k
			}
		}
	}
	return -1, -1
}

// trim drops leading titles, honorifics, articles and lexicon-covered
// words, and leading and trailing punctuation and possessives.
func (d *Doc) trim(toks []lexicon.Token, covered []bool, i, j int) (int, int) {
	lex := d.t.lex
	for i < j {
		t := toks[i]
		if !t.Word || covered[i] || lex.IsTitleToken(t) || t.Norm == "the" {
			i++
			continue
		}
		break
	}
	for j > i {
		t := toks[j-1]
		if !t.Word || t.Norm == "s" && j-2 >= i && toks[j-2].Text == "'" {
			j--
			continue
		}
		break
	}
	return i, j
}

func anyCovered(covered []bool, i, j int) bool {
	for k := i; k < j; k++ {
		if covered[k] {
			return true
		}
	}
	return false
}

// allCommon reports whether every word is a common word or a title.
func (d *Doc) allCommon(toks []lexicon.Token) bool {
	for _, t := range toks {
		if t.Word && !d.t.lex.IsCommonToken(t) && !d.t.lex.IsTitleToken(t) {
			return false
		}
	}
	return true
}

// joins reports a word that joins the parts of a name ("of", "and",
// "for": the lexicon's title_connectors).
func (d *Doc) joins(t lexicon.Token) bool { return d.t.titleConnectors[t.Norm] }

// personName accepts a PERSON candidate: two or more capitalised words (no
// acronyms, particles allowed), or one word that is the surname of a
// person named earlier in the document. A candidate with an organisation
// word in it is judged as an organisation; leading common and title
// words are dropped while two words remain.
func (d *Doc) personName(text string, toks []lexicon.Token, covered []bool, i, j int) *Mention {
	// "Kelly O" of "Kelly O’Donnell": a surname's prefix and apostrophe
	// belong with the rest of it
	if j+1 < len(toks) && toks[j].Text == "'" && len(toks[j-1].Text) == 1 && toks[j-1].IsCapitalised() &&
		toks[j].Start == toks[j-1].End && toks[j+1].Start == toks[j].End && toks[j+1].Word && toks[j+1].IsCapitalised() {
		j += 2
	}
	// "John F" of "John F. Kennedy": a name does not end in an initial; it
	// runs on over the full stop, or is dropped when it runs into a
	// lexicon match ("Dwight D. Eisenhower") or a common word
	if t := toks[j-1]; len(t.Text) == 1 && t.IsCapitalised() && j+1 < len(toks) && toks[j].Text == "." &&
		toks[j].Start == t.End && toks[j+1].Word && toks[j+1].IsCapitalised() {
		k := j + 1
		for k < len(toks) && d.freeNameWord(toks, covered, k) {
			k++
		}
		if k == j+1 || k < len(toks) && covered[k] {
			return nil
		}
		j = k
	}
	last := -1 // the last organisation word
	for k := i; k < j; k++ {
		if toks[k].Word && d.t.lex.IsOrgWordToken(toks[k]) {
			last = k
		}
	}
	switch {
	case last >= 0 && d.personAfter(toks, last+1, j) >= 0:
		i = d.personAfter(toks, last+1, j) // "Pacific Affairs Dan Kritenbrink": the person after the office's name
	case last >= 0:
		return d.orgName(text, toks, covered, i, j) // "Aspen Pharma", "Air Force": an organisation's name
	}
	for j-i > 2 && toks[i].Word && (d.t.lex.IsCommonToken(toks[i]) || d.t.lex.IsTitleToken(toks[i])) && toks[i+1].Word {
		i++ // "Economy Peter Altmaier", "Global Criminal Justice Beth Van Schaack": the end of a title the lexicon does not know
	}
	if d.commonEdge(toks, i, j) {
		return nil // "Total Black employment", "Happy Diwali", "Mercer Street", "Nobel Peace Prize": common words, not a name
	}
	words := 0
	for k := i; k < j; k++ {
		t := toks[k]
		if !t.Word {
			if t.Text == "'" || t.Text == "." && k > i && len(toks[k-1].Text) <= 2 {
				continue // "J. Smith", "O'Brien"; a full stop after a word ends a sentence
			}
			return nil
		}
		if allUpper(&t) && len(t.Text) > 1 {
			return nil // "NATO Allies", "VG"
		}
		if !t.IsCapitalised() && !d.t.particles[t.Norm] {
			return nil
		}
		words++
	}
	if j < len(toks) && toks[j].Word && d.t.lex.IsOrgWordToken(toks[j]) {
		return nil // the start of an organisation's name: "Al-Mashriq TV", "Walter Reed Medical Center"
	}
	span := text[toks[i].Start:toks[j-1].End]
	name := strings.Join(strings.Fields(span), " ")
	if words == 1 {
		p := d.surnames[toks[i].Norm]
		if p == nil {
			return nil
		}
		m := d.personMention(text, toks[i].Start, toks[j-1].End, p, "surname of "+p.name+" named earlier in the document")
		return &m
	}
	if canonical, id, ok := d.Person(name); ok {
		m := d.personMention(text, toks[i].Start, toks[j-1].End, &docPerson{name: canonical, id: id}, "same person as "+canonical)
		m.Origin = FromNER
		return &m
	}
	d.addPerson(name, "")
	return &Mention{Start: toks[i].Start, End: toks[j-1].End, Text: span, Type: lexicon.Person,
		Canonical: name, Origin: FromNER, Rule: "not in the lexicon"}
}

// personAfter returns where a person's name starts in tokens [i, j) that
// follow an organisation's name: after any title words, two or more
// capitalised words, none a common, title or organisation word ("Dan
// Kritenbrink" in "Pacific Affairs Dan Kritenbrink", "Rozman Kendler" in
// "Export Administration Assistant Secretary Rozman Kendler"); -1 if none.
func (d *Doc) personAfter(toks []lexicon.Token, i, j int) int {
	lex := d.t.lex
	for i < j && toks[i].Word && lex.IsTitleToken(toks[i]) {
		i++
	}
	if j-i < 2 {
		return -1
	}
	for _, t := range toks[i:j] {
		if !t.Word || !t.IsCapitalised() || lex.IsCommonToken(t) || lex.IsTitleToken(t) || lex.IsOrgWordToken(t) {
			return -1
		}
	}
	return i
}

// orgName accepts an ORGANIZATION candidate of two or more capitalised
// words that contains an organisation word (Agency, Council, Ministry...).
// The span is first extended over the capitalised words around it that
// belong to the same name, so that a name is never cut short ("Science
// Foundation" in "National Science Foundation" is the whole); a candidate
// with a lower-case word in it, or one that a lexicon match touches (the
// rest of a longer name), is dropped.
func (d *Doc) orgName(text string, toks []lexicon.Token, covered []bool, i, j int) *Mention {
	i, j = d.extendName(text, toks, covered, i, j)
	i, j = d.dropOffice(toks, i, j)
	if i > 0 && covered[i-1] && toks[i-1].Word && toks[i-1].IsCapitalised() ||
		j < len(toks) && covered[j] && toks[j].Word && toks[j].IsCapitalised() {
		return nil // the rest of a longer name the lexicon holds part of ("IAEA Board of Governors"): it would be cut short
	}
	words, head, open := 0, false, 0
	for k := i; k < j; k++ {
		t := toks[k]
		if !t.Word {
			switch t.Text {
			case "(", "[":
				open++
			case ")", "]":
				open--
			}
			continue
		}
		if !t.IsCapitalised() && !d.t.particles[t.Norm] {
			return nil
		}
		if d.t.lex.IsOrgWordToken(t) {
			head = true
		}
		words++
	}
	if words < 2 || !head || open != 0 {
		return nil // "KGB [State Security Committee": the name of a gloss, cut; "Task Force [sic]" is whole
	}
	if d.namedAfter(toks, i, j) {
		return nil // "Conspicuous Service Medal", "College Athlete Day": a thing named after an organisation
	}
	span := text[toks[i].Start:toks[j-1].End]
	return &Mention{Start: toks[i].Start, End: toks[j-1].End, Text: span, Type: lexicon.Organisation,
		Canonical: strings.Join(strings.Fields(span), " "), Origin: FromNER, Rule: "not in the lexicon"}
}

// extendName widens the name in tokens [i, j) over the capitalised words
// right before and after it that no lexicon match covers: not over an
// honorific, a sentence start's common word or title ("The"), or
// lower-case words, except particles ("of the") between capitalised
// words. Title words inside a name stay ("National Science Foundation").
func (d *Doc) extendName(text string, toks []lexicon.Token, covered []bool, i, j int) (int, int) {
	nameWord := func(k int) bool {
		t := toks[k]
		return t.Word && !covered[k] && t.IsCapitalised() && !d.t.honorifics[t.Norm] &&
			!(lexicon.SentenceStart(toks, k) && (d.t.lex.IsCommonToken(t) || d.t.lex.IsTitleToken(t)))
	}
	// a dash between two words ends a name ("Delaware — University of
	// Delaware"); a person the NER found after an organisation's name is
	// not part of it ("Federal Service for Financial Monitoring Yury
	// Chikhanchin")
	before := func(k int) bool { return !dashBetween(text, toks, k, k+1) }
	after := func(k int) bool { return !dashBetween(text, toks, k-1, k) && !(k < len(d.nerPeople) && d.nerPeople[k]) }
	// "and" joins two words of one name ("Food and Drug Administration",
	// "Health and Human Services"), not two names, the first of which ends
	// in an organisation word ("Customs Union and the Common Economic
	// Space", "Hertzen Centre and Alexei Belyayev")
	joins := func(k, before int) bool {
		return d.joins(toks[k]) && !covered[k] && (toks[k].Norm != "and" || !d.t.lex.IsOrgWordToken(toks[before]))
	}
	for grew := true; grew; {
		switch {
		case i > 0 && nameWord(i-1) && before(i-1):
			i--
		case i >= 2 && joins(i-1, i-2) && nameWord(i-2) && before(i-2):
			i -= 2 // "Ministry of Foreign Affairs": "of" between names
		case i >= 3 && joins(i-2, i-3) && toks[i-1].Norm == "the" && nameWord(i-3) && before(i-3):
			i -= 3 // "Department of the Treasury"
		default:
			grew = false
		}
	}
	for grew := true; grew; {
		switch {
		case j < len(toks) && nameWord(j) && !lexicon.SentenceStart(toks, j) && after(j):
			j++
		case j+1 < len(toks) && joins(j, j-1) && nameWord(j+1) && after(j+1):
			j += 2
		case j+2 < len(toks) && joins(j, j-1) && toks[j+1].Norm == "the" && nameWord(j+2) && after(j+2):
			j += 3
		default:
			grew = false
		}
	}
	return i, j
}

// dashBetween reports whether a dash stands between tokens a and b
// ("Sires — Murphy", "Kuyumba – Taishet", "Pra- — Pramila"): an em or en
// dash, or a hyphen with a space beside it. A hyphen inside a word
// ("Bankman-Fried") is no break.
func dashBetween(text string, toks []lexicon.Token, a, b int) bool {
	if a < 0 || b >= len(toks) {
		return false
	}
	gap := text[toks[a].End:toks[b].Start]
	return strings.ContainsAny(gap, "—–―") || strings.Contains(gap, "-") && strings.ContainsAny(gap, " \t\n")
}

// afterDash returns where the last part of the name in tokens [i, j)
// after a dash starts, or i when there is no dash: what follows a dash
// inside a name is said again or corrected ("Simon — Simon — Michael",
// "John Dobbinson – Jim Dobbinson"), or is another name.
func afterDash(text string, toks []lexicon.Token, i, j int) int {
	for k := j - 1; k > i; k-- {
		if dashBetween(text, toks, k-1, k) {
			return k
		}
	}
	return i
}

// freeNameWord reports whether token k can be a word of an unknown name:
// capitalised, not covered by the lexicon, and not a common, title or
// organisation word.
func (d *Doc) freeNameWord(toks []lexicon.Token, covered []bool, k int) bool {
	t := toks[k]
	lex := d.t.lex
	return t.Word && !covered[k] && t.IsCapitalised() && !lex.IsCommonToken(t) && !lex.IsTitleToken(t) && !lex.IsOrgWordToken(t)
}

// commonEdge reports whether the name in tokens [i, j) starts with a
// common word ("Total Black", "Counter Antisemitism", "Dear Joe") or ends
// with one ("Mercer Street", "Black Friday", "Grammy Awards", "Air
// Base"): the NER took words around a capitalised word, or the name of a
// place, an event or an award, for a person. A common word of three
// letters or fewer may end a name ("Hyejun So", "Doris Day"): short words
// double as surnames.
func (d *Doc) commonEdge(toks []lexicon.Token, i, j int) bool {
	lex := d.t.lex
	if toks[i].Word && lex.IsCommonToken(toks[i]) {
		return true
	}
	last := toks[j-1]
	return last.Word && lex.IsCommonToken(last) && len(last.Norm) > 3
}

// dropOffice takes the office off an organisation's name in tokens [i,
// j): titles before it with the word that joins them to it ("President of
// the National Hemophilia Society", "Executive Vice President and Head of
// the Markets Group") and titles after it ("Detroit Police Chief"), but
// not a title after "the" or a joining word ("Office of the Vice
// President") or one that is also an organisation word ("Press").
func (d *Doc) dropOffice(toks []lexicon.Token, i, j int) (int, int) {
	lex := d.t.lex
	office := func(k int) bool { return toks[k].Word && lex.IsTitleToken(toks[k]) && !lex.IsOrgWordToken(toks[k]) }
	for {
		k := i
		for k < j && office(k) {
			k++
		}
		if k == i || k >= j || !d.joins(toks[k]) {
			break
		}
		k++
		if k < j && toks[k].Norm == "the" {
			k++
		}
		i = k
	}
	k := j
	for k > i && office(k-1) {
		k--
	}
	if k < j && k > i && toks[k-1].Word && toks[k-1].Norm != "the" && !d.joins(toks[k-1]) {
		j = k
	}
	return i, j
}

// namedAfter reports whether the organisation's name in tokens [i, j)
// ends in a common word that follows its last organisation word with no
// joining word between: the name of a thing named after the organisation
// ("Conspicuous Service Medal", "College Athlete Day", "Media Forum"), not
// of the organisation ("Board of Governors", "Department of Health").
func (d *Doc) namedAfter(toks []lexicon.Token, i, j int) bool {
	lex := d.t.lex
	if last := toks[j-1]; !last.Word || !lex.IsCommonToken(last) || lex.IsOrgWordToken(last) {
		return false
	}
	for k := j - 2; k >= i; k-- {
		switch {
		case d.joins(toks[k]):
			return false
		case toks[k].Word && lex.IsOrgWordToken(toks[k]):
			return true
		}
	}
	return false
}

// locateNames returns the token range [i, j) of each of the NER's names,
// found in order ({-1, -1} for one not found).
func locateNames(toks []lexicon.Token, names []Name) [][2]int {
	spans := make([][2]int, len(names))
	cursor := 0
	for x, n := range names {
		i, j := locate(toks, lexicon.Tokenize(n.Text), cursor)
		spans[x] = [2]int{i, j}
		if i >= 0 {
			cursor = i + 1
		}
	}
	return spans
}

// personCores marks the tokens of the people among the NER's names, past
// the common and title words that open them ("Yury Chikhanchin" of
// "Financial Monitoring Yury Chikhanchin"), so that an organisation's
// name is not extended over them. A name followed by an organisation word
// is left unmarked: it starts that organisation's name ("Walter Reed
// Medical Center").
func (d *Doc) personCores(toks []lexicon.Token, covered []bool, names []Name, spans [][2]int) []bool {
	marks := d.nerPeople[:0]
	for range toks {
		marks = append(marks, false)
	}
	for x, n := range names {
		i, j := spans[x][0], spans[x][1]
		if i < 0 || n.Class != "PERSON" {
			continue
		}
		for j-i > 2 && toks[i].Word && (d.t.lex.IsCommonToken(toks[i]) || d.t.lex.IsTitleToken(toks[i])) {
			i++
		}
		if j-i < 2 || j < len(toks) && toks[j].Word && d.t.lex.IsOrgWordToken(toks[j]) {
			continue
		}
		ok := true
		for k := i; k < j; k++ {
			ok = ok && d.freeNameWord(toks, covered, k)
		}
		if ok {
			for k := i; k < j; k++ {
				marks[k] = true
			}
		}
	}
	return marks
}
