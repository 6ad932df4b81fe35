package transcript

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// countFieldsCompare is CountFields as it was, each ASCII byte compared
// with the six white-space bytes: the reference for the table.
func countFieldsCompare(s string, limit int) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		space := false
		if c := s[i]; c < utf8.RuneSelf {
			space = c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		switch {
		case space:
			in = false
		case !in:
			in = true
			if n++; n == limit {
				return n
			}
		}
	}
	return n
}

// TestASCIISpace checks the table against unicode.IsSpace.
func TestASCIISpace(t *testing.T) {
	for c := range utf8.RuneSelf {
		if asciiSpace[c] != unicode.IsSpace(rune(c)) {
			t.Errorf("asciiSpace[%q] = %v", rune(c), asciiSpace[c])
		}
	}
}

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
		if got, want := CountFields(s, int(limit)), countFieldsCompare(s, int(limit)); got != want {
			t.Errorf("CountFields(%q, %d) = %d, the reference gives %d", s, limit, got, want)
		}
	})
}

// BenchmarkCountFields counts up to 26 words of each testdata text, as
// the speakers stage asks of a short reply. Bytes are the texts' sizes.
func BenchmarkCountFields(b *testing.B) {
	texts := testdataTexts(b)
	size := 0
	for _, s := range texts {
		size += len(s)
	}
	b.SetBytes(int64(size))
	n := 0
	for b.Loop() {
		for _, s := range texts {
			n += CountFields(s, 26)
		}
	}
}
