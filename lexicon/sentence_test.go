package lexicon

import "testing"

func TestSentenceRule(t *testing.T) {
	starts := []struct {
		text, word string
		want       bool
	}{
		{"Thanks. Next question.", "Next", true},
		{"He asked: Why now?", "Why", true},
		{`She said "No." Then left.`, "Then", true},
		{"Secretary Antony J. Blinken spoke.", "Blinken", false},
		{"The U.S. Army moved.", "Army", false},
		{"At 5 p.m. Biden spoke.", "Biden", false},
		{"Hi. So Jalina, can you hear me?", "So", true},
		{"Ask Jalina about it.", "Jalina", false},
	}
	for _, c := range starts {
		toks := Tokenize(c.text)
		i := 0
		for i < len(toks) && toks[i].Text != c.word {
			i++
		}
		if got := SentenceStart(toks, i); got != c.want {
			t.Errorf("SentenceStart(%q, %q) = %v, want %v", c.text, c.word, got, c.want)
		}
	}
	ends := map[string]bool{
		"Good afternoon.": true, "Is that so?": true, `He said "yes."`: true, "Washington, D.C.": false,
		"Remarks by the President": false, "Agenda:": false, "Briefing at 3 p.m.": false,
	}
	for text, want := range ends {
		if got := EndsSentence(text); got != want {
			t.Errorf("EndsSentence(%q) = %v, want %v", text, got, want)
		}
	}
}
