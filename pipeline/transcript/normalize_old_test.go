package transcript

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// normalizeCountRuneWise is normalizeCount as it was, decoding every
// character that is not ASCII and copying word by word: the reference for
// FuzzNormalizeCountRuneWise, valid UTF-8 or not.
func normalizeCountRuneWise(s string) (string, int) {
	p, words := normalPrefixRuneWise(s)
	if p == len(s) {
		return s, words
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:p])
	newlines := 0
	for i := p; i < len(s); {
		start := i
		for i < len(s) {
			if c := s[i]; c < utf8.RuneSelf {
				if !IsSpaceByte(c) {
					break
				}
				if c == '\n' {
					newlines++
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsSpace(r) {
				break
			}
			i += size
		}
		if i == len(s) {
			break
		}
		if i > start && b.Len() > 0 {
			if newlines >= 2 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		newlines = 0
		start = i
		i = wordEndRuneWise(s, i)
		b.WriteString(s[start:i])
		words++
	}
	return b.String(), words
}

func normalPrefixRuneWise(s string) (end, words int) {
	for i := 0; i < len(s); {
		j := wordEndRuneWise(s, i)
		if j == i {
			return end, words
		}
		words++
		end = j
		switch {
		case j == len(s):
			return end, words
		case s[j] == ' ':
			i = j + 1
		case strings.HasPrefix(s[j:], "\n\n"):
			i = j + 2
		default:
			return end, words
		}
	}
	return end, words
}

func wordEndRuneWise(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if IsSpaceByte(c) {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

// TestByteClassLeads checks that every white-space character outside
// ASCII starts with a byte that wordEnd decodes.
func TestByteClassLeads(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r < utf8.RuneSelf {
			if got := byteClass[r] != classWord; got != IsSpaceByte(byte(r)) {
				t.Errorf("byteClass[%q] says space %v", r, got)
			}
			continue
		}
		if unicode.IsSpace(r) {
			if b := utf8.AppendRune(nil, r); byteClass[b[0]] != classLead {
				t.Errorf("U+%04X starts with %#x, not a lead byte in byteClass", r, b[0])
			}
		}
	}
}

// TestNormalizeCountTestdata compares normalizeCount with the rune-wise
// reference on the testdata transcripts and each of their paragraphs.
func TestNormalizeCountTestdata(t *testing.T) {
	for _, s := range testdataTexts(t) {
		got, n := normalizeCount(s)
		if want, wn := normalizeCountRuneWise(s); got != want || n != wn {
			t.Errorf("normalizeCount(%.60q…) differs from the reference", s)
		}
	}
}

func testdataTexts(tb testing.TB) []string {
	paths, _ := filepath.Glob("../../testdata/transcripts/*")
	real, _ := filepath.Glob("../../testdata/real/*/*")
	var out []string
	for _, p := range append(paths, real...) {
		src, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, string(src))
		out = append(out, strings.SplitAfter(string(src), "\n\n")...)
	}
	return out
}

func FuzzNormalizeCountRuneWise(f *testing.F) {
	for _, c := range normalizeCases {
		f.Add(c.in)
	}
	for i, s := range testdataTexts(f) {
		if i%5 == 0 && len(s) < 4000 {
			f.Add(s)
		}
	}
	f.Add("a\u2028b\u3000c\u1680\u0085d\xc2\xe2\x80")
	f.Fuzz(func(t *testing.T, s string) {
		got, n := normalizeCount(s)
		if want, wn := normalizeCountRuneWise(s); got != want || n != wn {
			t.Errorf("normalizeCount(%q) = %q, %d; want %q, %d", s, got, n, want, wn)
		}
	})
}
