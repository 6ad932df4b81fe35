package transcript

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

var normalizeCases = []struct {
	in, want string
	words    int
}{
	{"  a  b\n c \n\n\n d\u00a0e ", "a b c\n\nd e", 5},
	{"", "", 0},
	{"one", "one", 1},
	{"x\n \ny", "x\n\ny", 2},
	{"already normal.\n\nTwo paragraphs", "already normal.\n\nTwo paragraphs", 4},
	{"a ", "a", 1},
	{"a\n\n", "a", 1},
	{"a  b", "a b", 2},
	{"a\n\n\nb", "a\n\nb", 2},
	{"a \n\nb", "a\n\nb", 2},
	{"a\nb", "a b", 2},
	{"a\u00a0b c", "a b c", 3},
	{"bad\xffbyte here", "bad\xffbyte here", 2},
}

func TestNormalizeSpace(t *testing.T) {
	for _, c := range normalizeCases {
		got, n := normalizeCount(c.in)
		if got != c.want || n != c.words {
			t.Errorf("normalizeCount(%q) = %q, %d; want %q, %d", c.in, got, n, c.want, c.words)
		}
	}
}

// normalizeByFields is what normalizeCount does, written plainly: the
// reference for the fuzz test.
func normalizeByFields(s string) (string, int) {
	var paras []string
	words := 0
	for _, para := range splitParagraphs(s) {
		if f := strings.Fields(para); len(f) > 0 {
			paras = append(paras, strings.Join(f, " "))
			words += len(f)
		}
	}
	return strings.Join(paras, "\n\n"), words
}

// splitParagraphs splits s at every run of white space with two or more
// line breaks.
func splitParagraphs(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			i += size
			continue
		}
		j, nl := i, 0
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsSpace(r) {
				break
			}
			if r == '\n' {
				nl++
			}
			j += size
		}
		if nl >= 2 {
			out = append(out, s[start:i])
			start = j
		}
		i = j
	}
	return append(out, s[start:])
}

func FuzzNormalizeCount(f *testing.F) {
	for _, c := range normalizeCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // the reader hands over valid UTF-8
		}
		got, n := normalizeCount(s)
		want, wn := normalizeByFields(s)
		if got != want || n != wn {
			t.Errorf("normalizeCount(%q) = %q, %d; want %q, %d", s, got, n, want, wn)
		}
	})
}
