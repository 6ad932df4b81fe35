package transcript

import (
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
