package read

import (
	"bytes"
	"math/bits"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// appendLineAsWas is appendLine as it was, looking at each byte of an
// eight that is not all printable ASCII (or, in markdown, that may hold a
// mark) one by one: the reference for the one that goes to the first such
// byte at once and back to eight at a time after it.
func appendLineAsWas(out []byte, text string, off int, markdown bool) (_ []byte, end int, marked, valid bool) {
	start := len(out)
	valid = true
	pure := true // no byte outside ASCII and no control character so far
	del := false // a DEL seen while pure
	kept := off  // text[kept:i] is yet to be copied, as it is
	i := off
	for {
		for ; i+8 <= len(text); i += 8 {
			if x := load8(text, i); !printable8(x) || markdown && mayBeMark(x) {
				break
			}
		}
		for stop := min(i+8, len(text)); i < stop; {
			c := text[i]
			switch {
			case c == '\n':
				return trimBlanks(append(out, text[kept:i]...), start), i, marked, valid
			case c >= ' ' && c < 0x7f:
				if isMarkdownMark[c] {
					marked = true
				}
				i++
				continue
			case c == '\t':
				i++
				continue
			}
			if c == 0x7f && pure {
				del = true
				i++
				continue
			}
			if del {
				// the DEL goes after all: render the line again
				end := lineEnd(text, i)
				out = appendRendered(out[:start], text[off:end])
				return out, end, hasMarkdownMark(out[start:]), utf8.ValidString(text[off:end])
			}
			pure = false
			if n := keptAt(text, i); n > 0 {
				i += n // an accented letter, a dash or a curly quote
				continue
			}
			if c == 0xC2 && i+1 < len(text) && text[i+1] == 0xA0 {
				out = append(out, text[kept:i]...)
				out = append(out, ' ') // a no-break space
				i += 2
				kept = i
				continue
			}
			r, size := rune(c), 1
			if c >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(text[i:])
				if keptRune(r) || !changes(r, size) {
					i += size
					continue
				}
			}
			out = append(out, text[kept:i]...)
			switch {
			case unicode.IsSpace(r) || unicode.Is(unicode.Zs, r):
				out = append(out, ' ')
			case isInvisible(r):
			default:
				out = append(out, "\uFFFD"...) // a byte that is not UTF-8
				valid = false
			}
			i += size
			kept = i
		}
		if i >= len(text) {
			return trimBlanks(append(out, text[kept:]...), start), len(text), marked, valid
		}
	}
}

// scanLineAsWas is scanLine as it was, as appendLineAsWas is appendLine.
func scanLineAsWas(text string, off int, markdown bool) (end int, kept, marked bool) {
	plain, keeps := true, true // isPlainASCII of the line so far, and no character that changes
	i := off
	for {
		for ; i+8 <= len(text); i += 8 {
			if x := load8(text, i); !printable8(x) || markdown && mayBeMark(x) {
				break
			}
		}
		for stop := min(i+8, len(text)); i < stop; i++ {
			c := text[i]
			switch {
			case c == '\n':
				return i, plain || keeps, marked
			case c >= utf8.RuneSelf:
				plain = false
				if keeps {
					r, size := utf8.DecodeRuneInString(text[i:])
					if !keptRune(r) && changes(r, size) {
						return lineEnd(text, i), false, false
					}
					i += size - 1
				} else {
					return lineEnd(text, i), false, false
				}
			case c < ' ' && c != '\t':
				return lineEnd(text, i), false, false
			case c == 0x7f:
				keeps = false // DEL: plain ASCII, yet not kept
			case isMarkdownMark[c]:
				marked = true
			}
		}
		if i >= len(text) {
			return len(text), plain || keeps, marked
		}
	}
}

// checkLineScans checks appendLine and scanLine against appendLineAsWas
// and scanLineAsWas at every line start of text, in markdown and outside
// (where what they say of marks is not asked).
func checkLineScans(t *testing.T, text string) {
	t.Helper()
	for off := 0; off <= len(text); off++ {
		if off > 0 && text[off-1] != '\n' {
			continue
		}
		for _, md := range []bool{false, true} {
			out, end, marked, valid := appendLine([]byte("x"), text, off, md)
			wout, wend, wmarked, wvalid := appendLineAsWas([]byte("x"), text, off, md)
			// outside markdown, marked may miss marks, and tells nothing
			// valid is now also false for a line with a NUL or a carriage return
			wvalid = wvalid && !strings.ContainsAny(text[off:wend], "\x00\r")
			if string(out) != string(wout) || end != wend || md && marked != wmarked || valid != wvalid {
				t.Fatalf("appendLine(%q, %d, %v) = %q, %d, %v, %v; want %q, %d, %v, %v", text, off, md, out, end, marked, valid, wout, wend, wmarked, wvalid)
			}
			if off == len(text) {
				continue
			}
			end, kept, marked := scanLine(text, off, md)
			wend, wkept, wmarked := scanLineAsWas(text, off, md)
			if end != wend || kept != wkept || md && marked != wmarked {
				t.Fatalf("scanLine(%q, %d, %v) = %d, %v, %v; want %d, %v, %v", text, off, md, end, kept, marked, wend, wkept, wmarked)
			}
		}
	}
}

func TestLineScansSameAsWas(t *testing.T) {
	for _, s := range renderLineSeeds {
		checkLineScans(t, s)
		checkLineScans(t, s+"\n"+s+"\n")
	}
	// every byte value at every place of a word of sixteen, among others
	for c := 0; c < 256; c++ {
		for at := 0; at < 16; at++ {
			for _, fill := range []byte{' ', 'a', '\t', 0x1f, 0x7f, 0x80, 0xC3, 0xE2, '[', '\\', ']', '^', '`', '*', '<', '_'} {
				w := []byte(strings.Repeat(string(rune(fill)), 16))
				w[at] = byte(c)
				checkLineScans(t, "abcdefghij"+string(w)+"plain text\n**MS. X:** y  \nz")
				checkLineScans(t, "0123456"+string(w[:at+1]))
			}
		}
	}
	for _, s := range testdataTexts(t) {
		checkLineScans(t, s)
	}
}

func FuzzLineScans(f *testing.F) {
	for _, s := range renderLineSeeds {
		f.Add(s)
	}
	for _, s := range testdataTexts(f) {
		f.Add(s)
	}
	f.Fuzz(checkLineScans)
}

// unusual8AsWas is unusual8 as it was, from printable8's tests and
// mayBeMark's: the reference for the one with fewer operations.
func unusual8AsWas(x uint64, markdown bool) uint64 {
	del := x ^ 0x7f*loBits // DEL becomes zero
	m := x&hiBits | (x-0x20*loBits)&^x&hiBits | (del-loBits)&^del&hiBits
	if markdown {
		h := x | hiBits // a byte outside ASCII, marked above, may be marked again
		m |= ^(h^'*'*loBits-loBits)&hiBits | ^(h^'<'*loBits-loBits)&hiBits |
			(h-'['*loBits)&^(h-('_'+1)*loBits)&hiBits
	}
	return m
}

// checkUnusual8 checks that unusual8 and unusual8AsWas mark the same
// lowest byte of the eight bytes of s, or none, and printable8 against
// printableByByte.
func checkUnusual8(t *testing.T, s string) {
	t.Helper()
	x := load8(s, 0)
	for _, markdown := range []bool{false, true} {
		got, want := unusual8(x, markdown), unusual8AsWas(x, markdown)
		if got == 0 != (want == 0) || got != 0 && bits.TrailingZeros64(got) != bits.TrailingZeros64(want) {
			t.Fatalf("unusual8(%q, %v) = %#x, as was %#x", s, markdown, got, want)
		}
	}
	if got, want := printable8(x), printableByByte(s[:8]); got != want {
		t.Fatalf("printable8(%q) = %v, want %v", s[:8], got, want)
	}
}

// TestUnusual8SameAsWas checks unusual8 against unusual8AsWas for every
// byte in every place of eight otherwise plain bytes, every pair of
// bytes in the two lowest places, and random words.
func TestUnusual8SameAsWas(t *testing.T) {
	for _, fill := range []byte{'a', ' ', '~', 0x80, 0xff, '*', 0x00} {
		b := []byte(strings.Repeat(string(rune(fill)), 8))
		if fill >= 0x80 {
			b = bytes.Repeat([]byte{fill}, 8)
		}
		for k := range 8 {
			for c := range 256 {
				w := bytes.Clone(b)
				w[k] = byte(c)
				checkUnusual8(t, string(w))
			}
		}
		for c := range 256 {
			for d := range 256 {
				w := bytes.Clone(b)
				w[0], w[1] = byte(c), byte(d)
				checkUnusual8(t, string(w))
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		var w [8]byte
		for k := range w {
			w[k] = byte(rng.Uint32())
			if rng.IntN(2) == 0 {
				w[k] = "ab *<[_\\]^`{~\x1f\x7f\x80\n"[rng.IntN(17)]
			}
		}
		checkUnusual8(t, string(w[:]))
	}
}

// FuzzUnusual8 checks unusual8 against unusual8AsWas.
func FuzzUnusual8(f *testing.F) {
	f.Add([]byte("MS. PSAKI:\u00a0 Good \\[sic\\] <s>day</s>  "))
	f.Fuzz(func(t *testing.T, b []byte) {
		for i := 0; i+8 <= len(b); i++ {
			checkUnusual8(t, string(b[i:i+8]))
		}
	})
}
