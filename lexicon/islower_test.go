package lexicon

import (
	"strings"
	"testing"
)

// isLowerSeeds are words in every case, in ASCII and beyond it.
var isLowerSeeds = []string{"", "tariffs", "Tariffs", "WTO", "e-mail", "élysée", "Élysée", "aÉ", "Aé", "ß", "İstanbul", "ǅ", "x\xff", "X\xff", "\xffX"}

// checkIsLower checks isLower against lower, which it stands for.
func checkIsLower(t *testing.T, s string) {
	t.Helper()
	if got, want := isLower(s), lower(s) == s; got != want {
		t.Errorf("isLower(%q) = %v, want %v", s, got, want)
	}
}

func TestIsLowerSameAsLower(t *testing.T) {
	for _, s := range isLowerSeeds {
		checkIsLower(t, s)
	}
	for _, text := range testdataTexts(t) {
		for _, w := range strings.Fields(text) {
			checkIsLower(t, w)
		}
	}
}

func FuzzIsLower(f *testing.F) {
	for _, s := range isLowerSeeds {
		f.Add(s)
	}
	for _, text := range testdataTexts(f) {
		for _, w := range strings.Fields(text)[:min(200, len(strings.Fields(text)))] {
			f.Add(w)
		}
	}
	f.Fuzz(checkIsLower)
}
