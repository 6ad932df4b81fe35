package lexicon

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Token is a word or a punctuation mark of a text. Words are runs of
// letters, digits and combining marks; every other visible character is a
// token of its own, except hyphens and dashes, which are dropped so that
// "NATO-Ukraine" and "NATO Ukraine" tokenise alike.
type Token struct {
	Start, End int    // half-open byte span in the original text
	Text       string // the token with diacritics removed and quotes folded, case kept
	Norm       string // Text in lower case: the matching key
	Word       bool   // letters or digits, not punctuation
	Index      int    // 0-based index of the word among the text's words (punctuation takes the next word's index)
}

// IsUpper reports whether the token has letters and all are upper case.
func (t Token) IsUpper() bool {
	return t.Word && t.Text != t.Norm && strings.ToUpper(t.Text) == t.Text
}

// IsCapitalised reports whether the token starts with an upper-case letter.
func (t Token) IsCapitalised() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// Tokenize splits text into tokens with byte offsets into text.
func Tokenize(text string) []Token {
	if len(text) <= 64 { // a name or a phrase: tokenised on the stack, then copied out at its size
		var buf [64/3 + 8]Token
		toks := AppendTokens(buf[:0], text)
		return append([]Token{}, toks...)
	}
	// tokenised into a buffer kept from one call to the next, then copied
	// out at its size: AppendTokens reserves a token per three bytes, and
	// real text has one per four or five
	b := tokenBuffers.Get().(*[]Token)
	toks := AppendTokens((*b)[:0], text)
	out := make([]Token, len(toks))
	copy(out, toks)
	clear(toks) // no hold on text
	*b = toks[:0]
	tokenBuffers.Put(b)
	return out
}

// Tokenizer tokenises texts one after another, as Tokenize does, for a
// caller that keeps the tokens of many texts (a document's turns): the
// tokens of each text, and the lower-case forms of their words, are cut
// from blocks that many texts share, so that a text costs no allocation
// of its own. The tokens it returns stay valid and unchanged: later texts
// go after them, or into a new block. The zero Tokenizer is ready for
// use; it is not safe for concurrent use.
type Tokenizer struct {
	toks []Token // the current block; its free capacity is for the next texts
	low  []byte  // the current block of lower-case forms (tokenizer.low)
}

// Tokenize returns the tokens of text, as the function Tokenize does.
// The slice's capacity ends with its length: appending to it copies.
func (z *Tokenizer) Tokenize(text string) []Token {
	need := len(text)/3 + 8 // what appendTokens reserves
	if cap(z.toks)-len(z.toks) < need {
		// a new block for this text and the next few: twice the last,
		// from 256 tokens up to 4096, or this text's own size
		z.toks = make([]Token, 0, max(need, min(max(2*cap(z.toks), 256), 4096)))
	}
	n := len(z.toks)
	t := tokenizer{low: z.low, chunk: 1 << 10}
	toks := t.appendTokens(z.toks, text)
	z.toks, z.low = toks, t.low
	return toks[n:len(toks):len(toks)]
}

// Reset readies z for another set of texts, such as the next document's,
// in the block of tokens it holds: the tokens it returned before must not
// be used after. Their Norms stay valid, and may be kept: the lower-case
// forms are not written again.
func (z *Tokenizer) Reset() { z.toks = z.toks[:0] }

// tokenBuffers holds Tokenize's buffers, and borrowTokens'.
var tokenBuffers = sync.Pool{New: func() any { return new([]Token) }}

// borrowTokens tokenises text into a buffer of tokenBuffers, for a
// caller that keeps no token once done with them (their Norms and Texts
// it may keep): it hands the buffer back with returnTokens.
func borrowTokens(text string) (*[]Token, []Token) {
	b := tokenBuffers.Get().(*[]Token)
	return b, AppendTokens((*b)[:0], text)
}

// returnTokens hands back the buffer of borrowTokens, emptied, with no
// hold on the text.
func returnTokens(b *[]Token, toks []Token) {
	clear(toks)
	*b = toks[:0]
	tokenBuffers.Put(b)
}

// AppendTokens is Tokenize appending to toks, so that a caller can reuse a
// buffer from one text to the next.
//
// An ASCII word without capitals is its own Norm, a substring of text;
// the lower-case forms of the others are written one after another into
// a buffer per text, allocated at the first such word, and Norm is a
// substring of that buffer. Punctuation is a substring of text too, except
// where it is folded.
func AppendTokens(toks []Token, text string) []Token {
	var t tokenizer
	return t.appendTokens(toks, text)
}

// tokenizer is what appendTokens appends besides the tokens: when hash
// is true, hashToken of each token's Norm to hashes, and when sm is not
// nil, the token's marks (startMarks.mark) to marks, as each token is
// made.
//
// The lower-case forms of ASCII words with capitals, their Norms, are
// written one after another into low and never written again: low is
// appended to, and replaced by a new buffer when full. A tokenizer that
// is kept from one text to the next (Text's) keeps low, so that a buffer
// serves many texts; its buffers hold chunk bytes at least.
//
// When hash is true, it also appends to caps the index of each word that
// starts with a capital (upperFirst), less base.
type tokenizer struct {
	hashes []uint64
	marks  []uint8
	sm     *startMarks
	hash   bool
	low    []byte
	chunk  int
	caps   []int32
	base   int
}

// appendTokens is AppendTokens, appending to t's hashes and marks too.
func (t *tokenizer) appendTokens(toks []Token, text string) []Token {
	// real transcripts have a token every four bytes or so, markup more:
	// grow once rather than double and copy along the way
	toks = slices.Grow(toks, len(text)/3+8)
	words := 0
	for i := 0; i < len(text); {
		if t.sm != nil {
			// most tokens are made by markRun, which leaves the rest
			// to this loop
			if toks, i, words = t.markRun(toks, text, i, words); i == len(text) {
				break
			}
		}
		c := text[i]
		if c < utf8.RuneSelf {
			switch k := asciiClass[c]; {
			case k&classWord != 0:
				j, kinds := i+1, k
				if j+8 <= len(text) {
					j += lowerRun(loadAt(text, j)) // most words, without a branch per byte
				}
				for j < len(text) {
					k := asciiClass[text[j]]
					if k&classWord == 0 {
						break
					}
					kinds |= k
					j++
				}
				if j < len(text) && text[j] >= utf8.RuneSelf {
					if r, _ := utf8.DecodeRuneInString(text[j:]); wordRune(r) {
						toks, i = tokenizeWord(toks, text, i, words)
						if t.hash {
							t.hashLast(toks)
						}
						words++
						continue
					}
				}
				w := text[i:j]
				norm := w
				// with eight bytes to read from i, the word's key is read
				// from the text in lower case, without a branch on its
				// length or a loop over its bytes
				fast := i+8 <= len(text)
				var key uint64
				if fast {
					key = lowerKey(loadAt(text, i), j-i)
				}
				if kinds&classUpper != 0 {
					if t.hash && asciiClass[c]&classUpper != 0 {
						t.caps = append(t.caps, int32(len(toks)-t.base))
					}
					low := t.low
					if cap(low)-len(low) < max(j-i, 8) {
						// words with capitals are a small part of a
						// text: a quarter of the rest of it holds them,
						// most often; when it is full, another buffer
						// is made, and the Norms already made keep the
						// old one
						low = make([]byte, 0, max((len(text)-i)/4+16, t.chunk, j-i, 8))
					}
					off := len(low)
					if fast && j-i <= 8 {
						binary.LittleEndian.PutUint64(low[off:off+8], key) // past len(low): no Norm holds those bytes yet
					} else {
						for x := i; x < j; x++ {
							low = append(low, lowerASCII[text[x]])
						}
						low = low[:off]
					}
					low = low[:off+j-i]
					norm = unsafe.String(&low[off], j-i) // the bytes are written once: a string
					t.low = low
				}
				if len(toks) == cap(toks) {
					toks = slices.Grow(toks, (len(text)-i)/3+8)
				}
				toks = toks[:len(toks)+1]
				tk := &toks[len(toks)-1] // written in place, not built and copied
				tk.Start, tk.End, tk.Text, tk.Norm, tk.Word, tk.Index = i, j, w, norm, true, words
				if t.hash {
					var h uint64
					if fast { // hashWord, written out: a call here costs the loop its registers
						const m1, m2 = 0x9e3779b97f4a7c15, 0xbf58476d1ce4e5b9
						h = (key ^ uint64(len(norm))*m1) * m2
						if len(norm) > 8 {
							h = hashTail(h, norm[8:])
						}
						h ^= h >> 29
					} else {
						h = hashToken(norm)
					}
					t.hashes = append(t.hashes, h)
					if t.sm != nil {
						upper, own := asciiClass[c]&classUpper != 0, kinds&classUpper == 0
						var mk uint8
						if fast {
							mk = t.sm.markKey(upper, own, key, j-i, h)
						} else {
							mk = t.sm.mark(true, upper, own, norm, h)
						}
						t.marks = append(t.marks, mk)
					}
				}
				words++
				if j < len(text) && text[j] == ' ' {
					j++ // the space after most words, dropped without a turn of the loop
				}
				i = j
			case k&classSpace != 0:
				i++
			default:
				p := text[i : i+1]
				if c == '`' {
					p = "'"
				}
				if len(toks) == cap(toks) {
					toks = slices.Grow(toks, (len(text)-i)/3+8)
				}
				toks = toks[:len(toks)+1]
				tk := &toks[len(toks)-1]
				tk.Start, tk.End, tk.Text, tk.Norm, tk.Word, tk.Index = i, i+1, p, p, false, words
				if t.hash {
					t.hashes = append(t.hashes, byteHash[p[0]])
					if t.sm != nil {
						t.marks = append(t.marks, t.sm.oneByte[0][0][1][p[0]])
					}
				}
				i++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case wordRune(r):
			toks, i = tokenizeWord(toks, text, i, words)
			if t.hash {
				t.hashLast(toks)
			}
			words++
		case dropped(r, size):
			i += size
		default:
			p := foldQuote(r)
			if p == "" {
				p = text[i : i+size] // the rune as written: string(r), without allocating
			}
			toks = append(toks, Token{Start: i, End: i + size, Text: p, Norm: p, Index: words})
			if t.hash {
				t.hashLast(toks)
			}
			i += size
		}
	}
	return toks
}

// markRun is appendTokens' loop for the tokens most of a text is made of,
// when t hashes and marks them (t.sm is not nil) and the text has eight
// bytes at least: ASCII words of sixteen bytes at most that a byte
// outside ASCII does not go on with, unless it starts General
// Punctuation (e2 80); ASCII punctuation but the backquote; the dashes
// and quotes of General Punctuation up to U+203F; and ASCII white space.
// It makes them from i on, as appendTokens does, the word after words,
// and returns toks with them, the offset of the first token it leaves to
// appendTokens (or len(text)) and the index of the next word. It makes
// no token once toks, t.hashes or t.marks is full, nor a word with a
// capital when t.low has no room for sixteen bytes, so that it calls
// nothing on its way: its values stay in registers.
func (t *tokenizer) markRun(toks []Token, text string, i, words int) ([]Token, int, int) {
	const m1, m2 = 0x9e3779b97f4a7c15, 0xbf58476d1ce4e5b9
	sm := t.sm
	// the tokens, hashes and marks are written by index into the free
	// capacity of each, the q-th of this run at q: no append, whose
	// growth would be a call
	n0, h0, m0 := len(toks), len(t.hashes), len(t.marks)
	room := min(cap(toks)-n0, cap(t.hashes)-h0, cap(t.marks)-m0)
	if len(text) < 8 {
		room = 0 // loadEnd wants eight bytes
	}
	tk, hs, ms := toks[n0:n0+room], t.hashes[h0:h0+room], t.marks[m0:m0+room]
	q := 0
	for ; i < len(text) && q < len(tk); q++ {
		c := text[i]
		k := asciiClass[c]
		if k&classWord == 0 {
			if k&classSpace != 0 {
				i++
				q-- // no token made
				continue
			}
			p, size := text[i:i+1], 1
			if c >= utf8.RuneSelf || c == '`' {
				// of the rest, the dashes and quotes of General
				// Punctuation up to U+203F: e2 80 and a byte of
				// 80 to bf
				if c != 0xe2 || i+3 > len(text) || text[i+1] != 0x80 || text[i+2]&0xc0 != 0x80 {
					break
				}
				r := text[i+2] & 0x3f
				if generalPunctDropped[r] {
					i += 3
					q-- // no token made
					continue
				}
				if p = generalQuote[r]; p == "" {
					break
				}
				c, size = p[0], 3
			}
			tq := &tk[q]
			tq.Start, tq.End, tq.Text, tq.Norm, tq.Word, tq.Index = i, i+size, p, p, false, words
			hs[q] = byteHash[c]
			ms[q] = sm.oneByte[0][0][1][c]
			i += size
			continue
		}
		x := loadEnd(text, i+1)
		r := lowerRun(x)
		j, kinds := i+1+r, k
		// b is the byte after the word, 0 at the end of the text: the
		// byte after the run of lower-case letters, when x has it
		b := byte(x >> (8 * r & 63))
		if r == 8 { // a long word: the next eight bytes, as the first
			x = loadEnd(text, j)
			r = lowerRun(x)
			j += r
			b = byte(x >> (8 * r & 63))
		}
		if r == 8 || asciiClass[b]&classWord != 0 {
			b = 0
			for j < len(text) {
				c := text[j]
				k := asciiClass[c]
				if k&classWord == 0 {
					b = c
					break
				}
				kinds |= k
				j++
			}
		}
		n := j - i
		// a word goes on past a byte outside ASCII unless the byte
		// starts General Punctuation up to U+203F, e2 80
		if b >= utf8.RuneSelf && (b != 0xe2 || j+1 == len(text) || text[j+1] != 0x80) || n > 16 || kinds&classUpper != 0 && cap(t.low)-len(t.low) < 16 {
			break
		}
		key := lowerKey(loadEnd(text, i), n)
		var key2 uint64 // the key of the bytes after the first eight
		if n > 8 {
			key2 = lowerKey(loadEnd(text, i+8), n-8)
		}
		w := text[i:j]
		norm := w
		upper := k&classUpper != 0
		if kinds&classUpper != 0 {
			if upper {
				t.caps = append(t.caps, int32(n0+q-t.base))
			}
			low := t.low
			off := len(low)
			// past len(low): no Norm holds those bytes yet
			binary.LittleEndian.PutUint64(low[off:off+8], key)
			binary.LittleEndian.PutUint64(low[off+8:off+16], key2)
			low = low[:off+n]
			norm = unsafe.String(&low[off], n)
			t.low = low
		}
		tq := &tk[q]
		tq.Start, tq.End, tq.Text, tq.Norm, tq.Word, tq.Index = i, j, w, norm, true, words
		h := (key ^ uint64(n)*m1) * m2
		if n > 8 { // hashTail of the rest, eight bytes or less
			h = (h ^ h>>32 ^ key2) * m1
		}
		h ^= h >> 29
		hs[q] = h
		// markKey, written out
		u, o := b2u(upper), b2u(kinds&classUpper == 0)
		var mk uint8
		if n == 1 {
			mk = sm.oneByte[1][u][o][uint8(key)]
		} else {
			e := &sm.byHash[uint32(h)>>(32-markHashBits)]
			mk = e[(1-u)*(markLower+o)]
			pre := (e[markLowerPre] | -u) &^ mk & sm.preBits
			mk |= pre & sm.shortBits
			pre &^= sm.shortBits
			// the first trie with a table of root prefixes is tested
			// without a branch, as markKey does
			x := keyIndex(key)
			long := -b2u(n >= prefixKeyLen)
			mk |= pre & long & sm.pre3Bit & -uint8(sm.pre3[x/64]>>(x%64)&1)
			for rest := pre &^ sm.pre3Bit & long; rest != 0; rest &= rest - 1 {
				b := bits.TrailingZeros8(rest)
				if p := sm.pre3s[b]; p != nil {
					mk |= uint8(p[x/64]>>(x%64)&1) << b
				}
			}
		}
		ms[q] = mk
		words++
		if b == ' ' {
			j++ // the space after most words
		}
		i = j
	}
	t.hashes, t.marks = t.hashes[:h0+q], t.marks[:m0+q]
	return toks[:n0+q], i, words
}

// hashLast appends to hashes the hash of the last token's Norm, and to
// t.marks its marks when t marks tokens: for the tokens made apart from
// the ASCII words and marks.
func (t *tokenizer) hashLast(toks []Token) {
	tk := &toks[len(toks)-1]
	h := hashToken(tk.Norm)
	upper := upperFirst(tk.Text)
	if upper && tk.Word {
		t.caps = append(t.caps, int32(len(toks)-1-t.base))
	}
	if t.sm != nil {
		t.marks = append(t.marks, t.sm.mark(tk.Word, upper, tk.Text == tk.Norm, tk.Norm, h))
	}
	t.hashes = append(t.hashes, h)
}

// tokenizeWord appends to toks the word starting at i, which has
// non-ASCII letters, and returns the offset after it.
func tokenizeWord(toks []Token, text string, i int, index int) ([]Token, int) {
	j := i
	for j < len(text) {
		r2, s2 := utf8.DecodeRuneInString(text[j:])
		if !wordRune(r2) {
			break
		}
		j += s2
	}
	return append(toks, newWord(text[i:j], i, j, false, index)), j
}

// loadAt returns the eight bytes of s from i on, read little-endian, as
// load64(s[i:]) does, without testing i: i+8 must be len(s) or less.
func loadAt(s string, i int) uint64 {
	return binary.LittleEndian.Uint64(unsafe.Slice((*byte)(unsafe.Add(unsafe.Pointer(unsafe.StringData(s)), i)), 8))
}

// loadEnd is loadAt for any i up to len(s), s having eight bytes at
// least: the bytes past the end of s read as zeros.
func loadEnd(s string, i int) uint64 {
	if i+8 <= len(s) {
		return loadAt(s, i)
	}
	return loadAt(s, len(s)-8) >> (8 * (i + 8 - len(s)))
}

// lowerRun returns how many of the eight bytes of x, read little-endian,
// are ASCII lower-case letters before the first that is not one.
func lowerRun(x uint64) int {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	ge := x + ones*(0x80-'a')   // high bit set: the byte is 'a' or more
	gt := x + ones*(0x80-'z'-1) // high bit set: the byte is past 'z'
	// an ASCII byte carries into no other; a byte outside ASCII may, but
	// it ends the run, and what it carries into comes after it
	in := ge &^ gt &^ x & high
	return bits.TrailingZeros64(^in&high) / 8
}

// lowerKey is wordKey of an ASCII word of n bytes in lower case, given
// the first eight bytes of the word as written, read little-endian
// (bytes after the word included, which it drops).
func lowerKey(x uint64, n int) uint64 {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	ge := x + ones*(0x80-'A')   // high bit set: the byte is 'A' or more
	gt := x + ones*(0x80-'Z'-1) // high bit set: the byte is past 'Z'
	// the word's bytes are ASCII and come first: nothing carries into them
	upper := ge &^ gt &^ x & high
	return (x | upper>>2) & (^uint64(0) >> ((64 - 8*min(n, 8)) & 63)) // n is 1 or more: the shift is less than 64
}

// The classes of ASCII bytes in asciiClass.
const (
	classWord  = 1 << iota // a letter or digit
	classUpper             // a capital letter
	classSpace             // white space or a hyphen: dropped between tokens
)

// asciiClass gives each byte its classes; bytes of multi-byte runes have
// none.
var asciiClass = func() (t [256]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			t[c] = classWord
		case 'A' <= c && c <= 'Z':
			t[c] = classWord | classUpper
		case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '-':
			t[c] = classSpace
		}
	}
	return t
}()

// asciiLower lower-cases the ASCII letters of s, keeping every byte offset.
func asciiLower(s string) string {
	i := 0
	for i < len(s) && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, len(s))
	copy(b, s[:i])
	for ; i < len(s); i++ {
		b[i] = lowerASCII[s[i]]
	}
	return string(b)
}

// lowerASCII maps each byte to itself, but ASCII capitals to lower case.
var lowerASCII = func() (t [256]byte) {
	for c := range t {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] += 'a' - 'A'
		}
	}
	return t
}()

// lower returns s in lower case without allocating when it already is.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// isLower reports whether lower(s) == s, without making the lower case
// of a word that has an ASCII capital before any byte outside ASCII.
func isLower(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'A' <= c && c <= 'Z':
			return false
		case c >= utf8.RuneSelf:
			return strings.ToLower(s) == s
		}
	}
	return true
}

// wordRune is isWordRune, telling the runes of General Punctuation
// (U+2000 to U+206F: spaces, dashes, quotes, format characters), none
// of which is a word rune, without Unicode's tables.
func wordRune(r rune) bool {
	if uint32(r)-0x2000 < 0x70 {
		return false
	}
	return isWordRune(r)
}

// dropped reports whether the tokeniser drops a rune that is not a word
// rune, of size bytes as decoded: white space, a dash, a format
// character or a byte that is not UTF-8.
func dropped(r rune, size int) bool {
	if k := uint32(r) - 0x2000; k < 0x70 {
		return generalPunctDropped[k]
	}
	return unicode.IsSpace(r) || isDash(r) || r == utf8.RuneError && size == 1 || unicode.Is(unicode.Cf, r)
}

// generalPunctDropped is dropped for the runes of General Punctuation,
// U+2000 to U+206F, by their offset from U+2000.
var generalPunctDropped = func() (t [0x70]bool) {
	for k := range t {
		r := rune(0x2000 + k)
		t[k] = unicode.IsSpace(r) || isDash(r) || unicode.Is(unicode.Cf, r)
	}
	return t
}()

// generalQuote is foldQuote for the runes of General Punctuation up to
// U+203F, by their offset from U+2000.
var generalQuote = func() (t [0x40]string) {
	for k := range t {
		t[k] = foldQuote(rune(0x2000 + k))
	}
	return t
}()

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isDash(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\u00ad', '\ufe63', '\uff0d':
		return true
	}
	return false
}

// foldQuote returns the ASCII form of a typographic quote, or "" when r is
// not one.
func foldQuote(r rune) string {
	switch r {
	case '\u2018', '\u2019', '\u201b', '\u02bc', '\u2032', '`', '\u00b4':
		return "'"
	case '\u201c', '\u201d', '\u201e', '\u201f', '\u00ab', '\u00bb', '\u2033':
		return `"`
	}
	return ""
}

var stripMarks = runes.Remove(runes.In(unicode.Mn))

// letters that carry no combining mark in Unicode but are read as plain
// Latin letters in English transcripts.
var foldLetters = strings.NewReplacer(
	"ø", "o", "Ø", "O", "ł", "l", "Ł", "L", "đ", "d", "Đ", "D", "ı", "i",
	"æ", "ae", "Æ", "AE", "œ", "oe", "Œ", "OE", "ß", "ss", "þ", "th", "Þ", "Th",
)

// diacriticFolders holds the transformers of foldDiacritics: a chain
// allocates some 9 KB of buffers, more than the word it folds, so chains
// are reused (transform.String resets one before use).
var diacriticFolders = sync.Pool{New: func() any { return transform.Chain(norm.NFD, stripMarks, norm.NFC) }}

// foldDiacritics removes accents: "Erdoğan" becomes "Erdogan".
func foldDiacritics(s string) string {
	t := diacriticFolders.Get().(transform.Transformer)
	out, _, err := transform.String(t, s)
	diacriticFolders.Put(t)
	if err != nil {
		return s
	}
	return foldLetters.Replace(out)
}

// foldKey is the matching key of a single word or phrase: tokens' Norm
// joined by spaces.
func foldKey(s string) string {
	plain := len(s) > 0
	for i := 0; i < len(s) && plain; i++ {
		plain = asciiClass[s[i]]&classWord != 0
	}
	if plain { // one ASCII word: the common case, without tokenising
		return asciiLower(s)
	}
	if len(s) <= 64 { // a name or a phrase: tokenised on the stack
		var buf [64/3 + 8]Token
		return joinNorms(AppendTokens(buf[:0], s))
	}
	b, toks := borrowTokens(s)
	key := joinNorms(toks)
	returnTokens(b, toks)
	return key
}

// joinNorms joins the tokens' Norms by spaces.
func joinNorms(toks []Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Norm
	}
	return strings.Join(parts, " ")
}

// FoldKey is the case- and accent-insensitive key of a phrase, the form in
// which phrases are compared: "Erdoğan's" and "ERDOGAN ' S" share a key.
func FoldKey(s string) string { return foldKey(s) }

// spellingPairs are British and American spellings generated for lowercase
// cues in both directions.
var spellingPairs = [][2]string{
	{"defence", "defense"},
	{"offence", "offense"},
	{"neighbour", "neighbor"},
	{"isation", "ization"},
	{"ise", "ize"},
	{"centre", "center"},
	{"programme", "program"},
	{"behaviour", "behavior"},
	{"labour", "labor"},
	{"armour", "armor"},
	{"favour", "favor"},
	{"honour", "honor"},
	{"rumour", "rumor"},
	{"licence", "license"},
	{"analyse", "analyze"},
	{"catalogue", "catalog"},
}

// spellingVariants returns the other spellings of a lowercase phrase; the
// suffix pair "ise"/"ize" applies only at the end of a word.
func spellingVariants(s string) []string {
	seen := map[string]bool{s: true}
	out := []string{s}
	for _, p := range spellingPairs {
		for _, v := range out {
			for _, dir := range [][2]string{p, {p[1], p[0]}} {
				w := replaceSpelling(v, dir[0], dir[1])
				if !seen[w] {
					seen[w] = true
					out = append(out, w)
				}
			}
		}
	}
	return out[1:]
}

func replaceSpelling(s, from, to string) string {
	if from != "ise" && from != "ize" {
		return strings.ReplaceAll(s, from, to)
	}
	// only word-final (or before s/d/r: "modernised", "stabilises")
	words := strings.Fields(s)
	for i, w := range words {
		base := strings.TrimRight(w, "*")
		for _, suf := range []string{"", "s", "d", "r", "rs"} {
			if strings.HasSuffix(base, from+suf) && len(base) > len(from+suf)+2 {
				words[i] = base[:len(base)-len(from+suf)] + to + suf + w[len(base):]
				break
			}
		}
	}
	return strings.Join(words, " ")
}

func newWord(s string, start, end int, ascii bool, index int) Token {
	text := s
	if !ascii {
		text = foldDiacritics(s)
	}
	return Token{Start: start, End: end, Text: text, Norm: lower(text), Word: true, Index: index}
}
