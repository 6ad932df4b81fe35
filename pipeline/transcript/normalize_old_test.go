package transcript

import (
	"math/bits"
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

// normalPrefixByWords is normalPrefix as it was, word by word with
// wordEnd: the reference for FuzzNormalPrefix.
func normalPrefixByWords(s string) (end, words int) {
	for i := 0; i < len(s); {
		j := wordEnd(s, i)
		if j == i {
			return end, words // white space that is not a single separator
		}
		words++
		end = j
		switch {
		case j == len(s):
			return end, words
		case s[j] == ' ':
			i = j + 1
		case s[j] == '\n' && j+1 < len(s) && s[j+1] == '\n':
			i = j + 2
		default:
			return end, words
		}
	}
	return end, words // s is empty, or ends with a separator
}

// wordEnd returns the end of the run of characters that are not white
// space at s[i]. It skips eight bytes at a time while none of them is a
// control character, a space or outside ASCII.
func wordEnd(s string, i int) int {
	for i < len(s) {
		for ; i+8 <= len(s); i += 8 {
			if m := unusual(load64(s, i)); m != 0 {
				i += bits.TrailingZeros64(m) >> 3
				break
			}
		}
		if i == len(s) {
			break
		}
		switch byteClass[s[i]] {
		case classWord:
			i++
			continue
		case classLead:
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return i
			}
			i += size
			continue
		}
		return i
	}
	return i
}

// unusual sets the high bit of each byte of x that is below 0x21 (a
// control character or a space) or at least 0x80 (outside ASCII). A byte
// above the lowest one flagged may be flagged wrongly; the lowest is
// right, and x has none when the result is 0.
func unusual(x uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	return ((x-0x21*ones)&^x | x) & highs
}

// FuzzNormalPrefix checks normalPrefix, which reads eight bytes at a
// time, against normalPrefixByWords.
func FuzzNormalPrefix(f *testing.F) {
	for _, c := range normalizeCases {
		f.Add(c.in)
	}
	for i, s := range testdataTexts(f) {
		if i%5 == 0 && len(s) < 4000 {
			f.Add(s)
		}
	}
	f.Add("abcdefg  hijklmno pqrstuvw\n\nxyzabcde fghijklm\u00a0nop")
	f.Add("a b c d e f g h i j k l m n o p")
	f.Fuzz(func(t *testing.T, s string) {
		end, words := normalPrefix(s)
		if wantEnd, wantWords := normalPrefixByWords(s); end != wantEnd || words != wantWords {
			t.Errorf("normalPrefix(%q) = %d, %d; want %d, %d", s, end, words, wantEnd, wantWords)
		}
	})
}

// TestNormalPrefixTestdata compares normalPrefix with normalPrefixByWords
// on the testdata transcripts, their paragraphs and every suffix of the
// first paragraphs, so that each byte falls at each place in a word of
// eight.
func TestNormalPrefixTestdata(t *testing.T) {
	for i, s := range testdataTexts(t) {
		for k := 0; k < len(s) && (k == 0 || i%50 == 1 && k < 64); k++ {
			end, words := normalPrefix(s[k:])
			if wantEnd, wantWords := normalPrefixByWords(s[k:]); end != wantEnd || words != wantWords {
				t.Fatalf("normalPrefix(%.60q…) = %d, %d; want %d, %d", s[k:], end, words, wantEnd, wantWords)
			}
		}
	}
}

// TestLeadSpace checks leadSpace against utf8.DecodeRuneInString and
// unicode.IsSpace on every two bytes after a lead byte, at the end of a
// text and before more.
func TestLeadSpace(t *testing.T) {
	for lead := 0; lead < 256; lead++ {
		if byteClass[lead] != classLead {
			continue
		}
		for x := 0; x < 1<<16; x++ {
			full := string([]byte{byte(lead), byte(x >> 8), byte(x), 'a'})
			for _, s := range []string{full, full[:3], full[:2], full[:1]} {
				r, wantSize := utf8.DecodeRuneInString(s)
				size, space := leadSpace(s, 0)
				if size != wantSize || space != unicode.IsSpace(r) {
					t.Fatalf("leadSpace(%q) = %d, %v; want %d, %v", s, size, space, wantSize, unicode.IsSpace(r))
				}
			}
		}
	}
}
