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
		i := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= m.Start })
		j := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= m.End })
		if i >= j || !endsVocative(toks, j) {
			continue
		}
		first := d.firstNameUse(m)
		k := i // the name with any titles before it: "Secretary Blinken", "Mr. Kirby"
		for k > 0 && (d.t.lex.IsTitleToken(toks[k-1]) || toks[k-1].Text == "." && k > 1 && d.t.lex.IsTitleToken(toks[k-2])) {
			k--
		}
		switch {
		case d.afterCue(toks, k):
		case first && k == i && lexicon.SentenceStart(toks, i): // "Peter, go ahead."
		case first && k == i && i > 0 && toks[i-1].Text == ",": // "What do you think, Jake?", "Very quickly, Jalina, …"
		default:
			continue
		}
		m.Origin = FromAddress
	}
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

// firstNameUse reports a one-word mention of a person named in full that
// is not their surname: "Karine" for Karine Jean-Pierre, "Matt" for
// Matthew Miller.
func (d *Doc) firstNameUse(m *Mention) bool {
	if strings.ContainsAny(strings.TrimSpace(m.Text), " \t\n") {
		return false
	}
	words := nameTokens(m.Canonical)
	return len(words) >= 2 && lexicon.FoldKey(m.Text) != words[len(words)-1]
}
