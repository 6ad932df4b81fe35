package transcript

import (
	"math/bits"
	"strings"
	"testing"
)

// normalizeCountBuilder is normalizeCount as it was, each copied text in
// a strings.Builder of its own: the reference for Normalize, which writes
// a document's copied texts into one buffer.
func normalizeCountBuilder(s string) (string, int) {
	p, words := normalPrefix(s)
	if p == len(s) {
		return s, words
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:p])
	newlines := 0
	for i := p; i < len(s); {
		start := i
	space:
		for i < len(s) {
			switch byteClass[s[i]] {
			case classSpace:
				i++
			case classNewline:
				newlines++
				i++
			case classLead:
				size, space := leadSpace(s, i)
				if !space {
					break space
				}
				i += size
			default:
				break space
			}
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
		n, w := normalPrefix(s[i:])
		b.WriteString(s[i : i+n])
		words += w
		i += n
	}
	return b.String(), words
}

// turnsAt makes a document of body whose turns end at each of the
// given cuts (clamped to the body, in order), the last one at its end.
func turnsAt(body string, cuts []int) *Document {
	d := &Document{Body: body}
	start := 0
	for _, c := range cuts {
		c = min(max(c, start), len(body))
		d.Turns = append(d.Turns, Turn{Text: Span{start, c}})
		start = c
	}
	d.Turns = append(d.Turns, Turn{Text: Span{start, len(body)}})
	return d
}

// lineCuts cuts body at the end of every k-th line.
func lineCuts(body string, k int) []int {
	var cuts []int
	for i, n := 0, 0; i < len(body); i++ {
		if body[i] == '\n' {
			if n++; n%k == 0 {
				cuts = append(cuts, i+1)
			}
		}
	}
	return cuts
}

// checkNormalize normalises docs one after the other, then checks each
// turn of each against normalizeCountBuilder and the rune-wise reference
// on its text alone.
func checkNormalize(t *testing.T, docs ...*Document) {
	t.Helper()
	for _, d := range docs {
		d.Normalize()
	}
	for _, d := range docs {
		for i, turn := range d.Turns {
			s := d.Body[turn.Text.Start:turn.Text.End]
			got, n := d.TurnText(turn), d.Words(turn)
			if at, an := d.TurnTextAt(i), d.WordsAt(i); at != got || an != n {
				t.Fatalf("turn %d: TurnTextAt, WordsAt give %q, %d; TurnText, Words %q, %d", i, at, an, got, n)
			}
			want, wn := normalizeCountBuilder(s)
			if got != want || n != wn {
				t.Fatalf("turn %d of %.40q…: Normalize gives %q, %d; want %q, %d", i, d.Body, got, n, want, wn)
			}
			if rw, rn := normalizeCountRuneWise(s); rw != want || rn != wn {
				t.Fatalf("turn %d of %.40q…: reference gives %q, %d; rune-wise %q, %d", i, d.Body, want, wn, rw, rn)
			}
		}
	}
}

// TestNormalizeDocuments normalises the testdata transcripts, cut into
// turns of one, three and seven lines, two documents at a time, and
// checks every turn against its text normalised alone.
func TestNormalizeDocuments(t *testing.T) {
	texts := testdataTexts(t)
	for i := 0; i+1 < len(texts); i += 2 {
		for _, k := range []int{1, 3, 7} {
			checkNormalize(t, turnsAt(texts[i], lineCuts(texts[i], k)), turnsAt(texts[i+1], lineCuts(texts[i+1], k)))
		}
	}
}

// FuzzNormalize cuts a text into turns at the given bytes and checks
// Normalize on it, and on a second document after it, against each
// turn's text normalised alone.
func FuzzNormalize(f *testing.F) {
	for _, c := range normalizeCases {
		f.Add(c.in, []byte{1, 5, 9})
	}
	for i, s := range testdataTexts(f) {
		if i%5 == 0 && len(s) < 4000 {
			f.Add(s, []byte{10, 40, 90, 200})
		}
	}
	f.Add("a  b\nc\n\n\nd\u00a0e \u2028f", []byte{2, 3, 11})
	f.Fuzz(func(t *testing.T, s string, at []byte) {
		var cuts []int
		for _, c := range at {
			cuts = append(cuts, int(c)*len(s)/255)
		}
		checkNormalize(t, turnsAt(s, cuts), turnsAt(strings.ToUpper(s), cuts[:len(cuts)/2]))
	})
}

// normalPrefixWordStarts is normalPrefix as it was, counting the bytes
// that start a word and keeping the last space it read eight bytes at a
// time: the reference for FuzzNormalPrefixWordStarts.
func normalPrefixWordStarts(s string) (end, words int) {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	// after is 0x80 when s[i-1] is no part of a word (a separator, or
	// nothing at the start), else 0: the high bit of the first byte's
	// "after a space" flag
	after := uint64(0x80)
	var spaces uint64 // the last eight bytes read at a time with a space, at last
	last := 0
	i := 0
	for i < len(s) {
		for i+8 <= len(s) {
			x := load64(s, i)
			odd, sp := oddBytes(x), spaceBytes(x)
			starts := sp<<8 | after // the bytes after a space or a separator
			if odd|sp&starts != 0 {
				break // a byte to read alone, or a space after a space
			}
			words += int(((^sp & starts & highs) >> 7 * ones) >> 56) // the bytes that start a word
			if sp != 0 {
				spaces, last = sp, i
			}
			after = sp >> 56
			i += 8
		}
		if spaces != 0 {
			end = last + (63-bits.LeadingZeros64(spaces))>>3 // each space ended a word
			spaces = 0
		}
		stop := len(s) // read one by one up to here
		if i+8 <= len(s) {
			// the bytes before the first odd one as above, if no space
			// comes after a space there, and then the odd one alone
			x := load64(s, i)
			odd := oddBytes(x)
			stop = i + 8 // a space after a space, which ends the normal part
			if n := bits.TrailingZeros64(odd) >> 3; n == 0 {
				stop = i + 1
			} else if n < 8 {
				in := uint64(1)<<(8*n) - 1
				sp := spaceBytes(x) & in
				if starts := sp<<8 | after; sp&starts == 0 {
					words += int(((^sp & starts & highs & in) >> 7 * ones) >> 56)
					if sp != 0 {
						end = i + (63-bits.LeadingZeros64(sp))>>3
					}
					after = sp >> (8*n - 8) & 0x80
					i += n
					stop = i + 1
				}
			}
		}
		for i < stop {
			c := s[i]
			switch byteClass[c] {
			case classWord:
				if after != 0 {
					words++
					after = 0
				}
				i++
				continue
			case classLead:
				if size, space := leadSpace(s, i); !space {
					if after != 0 {
						words++
						after = 0
					}
					i += size
					continue
				}
			}
			// white space: one space or a blank line between two words is
			// a separator; anything else ends the normal part
			if after != 0 {
				return end, words
			}
			end = i
			after = 0x80
			switch {
			case c == ' ':
				i++
			case c == '\n' && i+1 < len(s) && s[i+1] == '\n':
				i += 2
			default:
				return end, words
			}
		}
	}
	if after == 0 {
		end = len(s)
	}
	return end, words
}

// FuzzNormalPrefixWordStarts checks normalPrefix, which counts
// separators, against normalPrefixWordStarts, which counted word starts.
func FuzzNormalPrefixWordStarts(f *testing.F) {
	for _, c := range normalizeCases {
		f.Add(c.in)
	}
	for i, s := range testdataTexts(f) {
		if i%5 == 0 && len(s) < 4000 {
			f.Add(s)
		}
	}
	f.Add("abcdefg  hijklmno pqrstuvw\n\nxyzabcde fghijklm\u00a0nop")
	f.Add("a b c d e f g h i j k l m n o p \n\n\n")
	f.Fuzz(func(t *testing.T, s string) {
		end, words := normalPrefix(s)
		if wantEnd, wantWords := normalPrefixWordStarts(s); end != wantEnd || words != wantWords {
			t.Errorf("normalPrefix(%q) = %d, %d; want %d, %d", s, end, words, wantEnd, wantWords)
		}
	})
}

// TestNormalPrefixWordStarts compares normalPrefix with
// normalPrefixWordStarts on every suffix of the first 64 bytes of each
// testdata text and paragraph.
func TestNormalPrefixWordStarts(t *testing.T) {
	for _, s := range testdataTexts(t) {
		for k := 0; k < len(s) && k < 64; k++ {
			end, words := normalPrefix(s[k:])
			if wantEnd, wantWords := normalPrefixWordStarts(s[k:]); end != wantEnd || words != wantWords {
				t.Fatalf("normalPrefix(%.60q…) = %d, %d; want %d, %d", s[k:], end, words, wantEnd, wantWords)
			}
		}
	}
}
