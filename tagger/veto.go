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
	cursor := 0
	for _, n := range names {
		i, j := locate(toks, lexicon.Tokenize(n.Text), cursor)
		if i < 0 {
			continue
		}
		cursor = i + 1
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
	words := 0
	for k := i; k < j; k++ {
		t := toks[k]
		if !t.Word {
			if t.Text == "'" || t.Text == "." && k > i && len(toks[k-1].Text) <= 2 {
				continue // "J. Smith", "O'Brien"; a full stop after a word ends a sentence
			}
			return nil
		}
		if t.IsUpper() && len(t.Text) > 1 {
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
	i, j = d.extendName(toks, covered, i, j)
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
	span := text[toks[i].Start:toks[j-1].End]
	return &Mention{Start: toks[i].Start, End: toks[j-1].End, Text: span, Type: lexicon.Organisation,
		Canonical: strings.Join(strings.Fields(span), " "), Origin: FromNER, Rule: "not in the lexicon"}
}

// extendName widens the name in tokens [i, j) over the capitalised words
// right before and after it that no lexicon match covers: not over an
// honorific, a sentence start's common word or title ("The"), or
// lower-case words, except particles ("of the") between capitalised
// words. Title words inside a name stay ("National Science Foundation").
func (d *Doc) extendName(toks []lexicon.Token, covered []bool, i, j int) (int, int) {
	nameWord := func(k int) bool {
		t := toks[k]
		return t.Word && !covered[k] && t.IsCapitalised() && !d.t.honorifics[t.Norm] &&
			!(lexicon.SentenceStart(toks, k) && (d.t.lex.IsCommonToken(t) || d.t.lex.IsTitleToken(t)))
	}
	// "and" joins two words of one name ("Food and Drug Administration",
	// "Health and Human Services"), not two names, the first of which ends
	// in an organisation word ("Customs Union and the Common Economic
	// Space", "Hertzen Centre and Alexei Belyayev")
	joins := func(k, before int) bool {
		return d.joins(toks[k]) && !covered[k] && (toks[k].Norm != "and" || !d.t.lex.IsOrgWordToken(toks[before]))
	}
	for grew := true; grew; {
		switch {
		case i > 0 && nameWord(i-1):
			i--
		case i >= 2 && joins(i-1, i-2) && nameWord(i-2):
			i -= 2 // "Ministry of Foreign Affairs": "of" between names
		case i >= 3 && joins(i-2, i-3) && toks[i-1].Norm == "the" && nameWord(i-3):
			i -= 3 // "Department of the Treasury"
		default:
			grew = false
		}
	}
	for grew := true; grew; {
		switch {
		case j < len(toks) && nameWord(j) && !lexicon.SentenceStart(toks, j):
			j++
		case j+1 < len(toks) && joins(j, j-1) && nameWord(j+1):
			j += 2
		case j+2 < len(toks) && joins(j, j-1) && toks[j+1].Norm == "the" && nameWord(j+2):
			j += 3
		default:
			grew = false
		}
	}
	return i, j
}
