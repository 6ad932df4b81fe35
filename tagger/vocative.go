package tagger

import (
	"sort"
	"strings"

	"github.com/turntag/turntag/lexicon"
)

// markAddressed gives the person mentions that address someone, rather
// than talk about them, the origin FromAddress:
//   - a name (titles allowed before it) right after a vocative cue and a
//     comma or nothing, and before a comma or the end of a sentence:
//     "Thanks, Karine.", "Go ahead, Ed.", "Good morning, Secretary
//     Blinken.", "Yes, Peter?";
//   - a first name alone opening a sentence, before a comma or as the
//     whole sentence: "Peter, go ahead.", "Jiha, your line is open.";
//   - an honorific and a name opening a sentence, before a comma: "Mr
//     Kostin, we were going to talk about …";
//   - a name opening a sentence, before a comma and a cue: "Terje
//     Aasland, thank you very much.";
//   - a first name alone after a comma, before another comma or the end
//     of a sentence: "What do you think, Jake?", "Very quickly, Jalina,
//     the Secretary …".
//
// The cues are the lexicon's vocative_cues; a first name is a one-word
// mention that is not the person's surname.
func (d *Doc) markAddressed(toks []lexicon.Token, ms []Mention) {
	for n := range ms {
		m := &ms[n]
		if m.Type != lexicon.Person {
			continue
		}
		j := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= m.End })
		if !endsVocative(toks, j) {
			continue // most mentions: no need of i
		}
		i := sort.Search(j, func(k int) bool { return toks[k].Start >= m.Start })
		if i >= j {
			continue
		}
		first := d.firstNameUse(m)
		k := i // the name with any titles before it: "Secretary Blinken", "Mr. Kirby"
		for k > 0 && (d.t.lex.IsTitleToken(toks[k-1]) || toks[k-1].Text == "." && k > 1 && d.t.lex.IsTitleToken(toks[k-2]) && len(toks[k-2].Text) <= 4) {
			k-- // "Mr." and "Gen." keep their full stop; "Thank you, General. Tara Copp, AP." does not
		}
		honorific := k < i
		for _, t := range toks[k:i] {
			honorific = honorific && (t.Text == "." || d.t.honorifics[t.Norm])
		}
		switch {
		case d.afterCue(toks, k):
		case honorific && opens(toks, k) && j < len(toks) && toks[j].Text == ",": // "Mr Kostin, we were going to talk …"
		case opens(toks, k) && d.cueAfter(toks, j): // "Terje Aasland, thank you very much."
		case first && k == i && opens(toks, i): // "Peter, go ahead.", "(Inaudible) Jalina, thanks …"
		case first && k == i && i > 0 && toks[i-1].Text == ",": // "What do you think, Jake?", "Very quickly, Jalina, …"
		default:
			continue
		}
		m.Origin = FromAddress
	}
}

// opens reports whether token i starts a sentence or follows a closing
// bracket: "(Inaudible) Jalina, thanks for taking my question."
func opens(toks []lexicon.Token, i int) bool {
	return lexicon.SentenceStart(toks, i) || i > 0 && (toks[i-1].Text == ")" || toks[i-1].Text == "]")
}

// endsVocative reports whether the name ending before token j is followed
// by a comma, the end of a sentence or the end of the text.
func endsVocative(toks []lexicon.Token, j int) bool {
	if j == len(toks) {
		return true
	}
	switch toks[j].Text {
	case ",", ".", "?", "!":
		return true
	}
	return false
}

// afterCue reports whether token k follows a vocative cue ("Thanks",
// "Thank you", "Go ahead") and an optional comma, the cue opening a
// sentence or following a comma.
func (d *Doc) afterCue(toks []lexicon.Token, k int) bool {
	end := k - 1
	if end >= 0 && toks[end].Text == "," {
		end--
	}
	if end < 0 || !toks[end].Word {
		return false
	}
	cues := d.t.vocativeCues
	// two-word cues first: "thank you", "go ahead"
	if start := end - 1; start >= 0 && cues[string(d.pair(toks[start].Norm, toks[end].Norm))] &&
		(lexicon.SentenceStart(toks, start) || toks[start-1].Text == ",") {
		return true
	}
	return cues[toks[end].Norm] && (lexicon.SentenceStart(toks, end) || toks[end-1].Text == ",")
}

// pair returns the two words with a space between, in a buffer that the
// next call reuses: a map key to look up (m[string(key)] does not copy).
func (d *Doc) pair(a, b string) []byte {
	d.key = append(append(append(d.key[:0], a...), ' '), b...)
	return d.key
}

// cueAfter reports whether the name ending before token j is followed by a
// comma and one of the lexicon's vocative_followers: "…, thank you very
// much.", "…, go ahead."
func (d *Doc) cueAfter(toks []lexicon.Token, j int) bool {
	if j >= len(toks) || toks[j].Text != "," {
		return false
	}
	after := d.t.vocativeAfter
	if j+2 < len(toks) && after[string(d.pair(toks[j+1].Norm, toks[j+2].Norm))] {
		return true
	}
	return j+1 < len(toks) && after[toks[j+1].Norm]
}

// firstNameUse reports a one-word mention of a person named in full that
// is not their surname: "Karine" for Karine Jean-Pierre, "Matt" for
// Matthew Miller.
func (d *Doc) firstNameUse(m *Mention) bool {
	if strings.ContainsAny(strings.TrimSpace(m.Text), " \t\n") {
		return false
	}
	last, ok := d.surnameOf[m.Canonical]
	if !ok {
		var buf [8]string
		if words := appendNameTokens(buf[:0], m.Canonical); len(words) >= 2 {
			last = words[len(words)-1]
		}
		if d.surnameOf == nil {
			d.surnameOf = map[string]string{}
		}
		d.surnameOf[m.Canonical] = last
	}
	return last != "" && lexicon.FoldKey(m.Text) != last
}

// addressedNames appends to out the first names no one has named in full that a
// speaker addresses, each a capitalised word that is no common word,
// title or lexicon match: "Thanks, Josh.", "Josh, go ahead.", and a known
// first name (of a lexicon person, or a nickname) alone closing the turn,
// "… Trevor.", "Phil?". Their canonical name is the word as said. It
// looks at the capitalised words of d.text, which holds toks.
func (d *Doc) addressedNames(out []Mention, text string, toks []lexicon.Token, covered []bool) []Mention {
	last := -2 // the last word's index, found when first needed: most turns never need it
	for _, k := range d.text.Capitalised() {
		i := int(k)
		j := i + 1
		if covered[i] || !endsVocative(toks, j) { // most capitalised words: the cheapest tests first
			continue
		}
		t := &toks[i]
		if len(t.Text) < 2 || allUpper(t) ||
			d.t.lex.IsCommonToken(*t) || d.t.lex.IsTitleToken(*t) {
			continue
		}
		if last == -2 {
			last = len(toks) - 1
			for last >= 0 && !toks[last].Word {
				last--
			}
		}
		alone := i == last && opens(toks, i) && d.t.firstNames[t.Norm] // "… Trevor." "Phil?"
		if !alone && !d.afterCue(toks, i) && !(opens(toks, i) && d.cueAfter(toks, j)) {
			continue
		}
		covered[i] = true
		out = append(out, Mention{Start: t.Start, End: t.End, Text: text[t.Start:t.End], Type: lexicon.Person,
			Canonical: t.Text, Origin: FromAddress, Rule: "a name the speaker addresses"})
	}
	return out
}
