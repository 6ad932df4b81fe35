package transcript

import (
	"strings"
	"testing"
)

func FuzzCountFields(f *testing.F) {
	for _, s := range []string{"", " ", "Jake Sullivan", "  Lloyd J.\tAustin III\n", "Jean-Pierre", "a\u00a0b", "a\u2003b c", "\xff \xfe", "x\u0085y"} {
		f.Add(s, uint8(2))
		f.Add(s, uint8(26))
	}
	f.Fuzz(func(t *testing.T, s string, limit uint8) {
		want := min(len(strings.Fields(s)), max(int(limit), 1))
		if got := CountFields(s, max(int(limit), 1)); got != want {
			t.Errorf("CountFields(%q, %d) = %d, want %d", s, limit, got, want)
		}
		if got, want := CountFields(s, 0), len(strings.Fields(s)); got != want {
			t.Errorf("CountFields(%q, 0) = %d, want %d", s, got, want)
		}
	})
}
