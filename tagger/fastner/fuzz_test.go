package fastner_test

import (
	"testing"

	"github.com/turntag/turntag/tagger/fastner"
)

// FuzzSameAsProse compares prose and fastner on random text: the same
// tokens, tags, labels and entities, or a panic in prose exactly where
// fastner returns ErrProsePanics.
func FuzzSameAsProse(f *testing.F) {
	for _, s := range []string{
		"President Biden met Prime Minister Sunak in Washington.",
		"“Hello,” said Mr. Smith. They'll say it’s done &rsquo;now&rsquo; :-) $100 (see [this]).",
		"U.S. e.g. www.nato.int press@nato.int @POTUS *T*-1 0 -LRB- - 2024 1e5 well-known",
		"Erdoğan İstanbul ΣΊΣΥΦΟΣ caf\xe9 ȺȺ's \u00a0 the the the",
	} {
		f.Add(s)
	}
	texts := corpus(f)
	for i := 0; i < len(texts); i += 40 {
		f.Add(texts[i])
	}
	m, err := fastner.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4096 {
			return // prose's time grows with the text
		}
		compare(t, m, text)
	})
}
