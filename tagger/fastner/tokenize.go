package fastner

import (
	"bytes"
	"errors"
	"hash/maphash"
	"math/bits"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrProsePanics is returned for a text on which prose's tokeniser panics:
// it looks for 's, 're, 'm, 'll and n't in the lower-case form of a word
// and cuts the word itself there, which fails when lower-casing made the
// word longer in bytes (Ⱥ, Ⱦ and invalid UTF-8 do) and the suffix lies
// past the word's end.
var ErrProsePanics = errors.New("fastner: prose's tokeniser would panic on this text")

// tok is one token as prose's tokeniser cuts it.
type tok struct {
	start, end int32 // byte offsets into the sanitised text
	ident      int32 // the token prose shares this one's *Token with: itself or an earlier one
}

// spanEntry remembers the tokens of a whitespace-separated span, as
// prose's tokeniser caches them.
type spanEntry struct {
	hash       uint64
	start, len int32 // the span in the sanitised text
	first, n   int32 // its tokens
}

// brk is a point where prose's sanitiser changed the text: from clean
// offset at on, original offset = clean offset + delta.
type brk struct{ at, delta int32 }

// sanitize is prose's sanitizer (strings.NewReplacer of “ ” ‘ ’ and
// &rsquo;): it returns the text unchanged, or the rewritten text with the
// breakpoints that map its offsets back.
func (s *scratch) sanitize(text string) string {
	s.brks = s.brks[:0]
	i := 0
	for ; i < len(text); i++ {
		if _, n := replacement(text[i:]); n > 0 {
			break
		}
	}
	if i == len(text) {
		return text
	}
	b := append(s.clean[:0], text[:i]...)
	for i < len(text) {
		if r, n := replacement(text[i:]); n > 0 {
			b = append(b, r)
			i += n
			s.brks = append(s.brks, brk{int32(len(b)), int32(i - len(b))})
			continue
		}
		b = append(b, text[i])
		i++
	}
	s.clean = b
	return string(b)
}

// replacement returns what prose's sanitiser writes for a quote at the
// start of s, and the quote's length, or 0.
func replacement(s string) (byte, int) {
	switch {
	case len(s) >= 3 && s[0] == 0xE2 && s[1] == 0x80:
		switch s[2] {
		case 0x9C, 0x9D: // “ ”
			return '"', 3
		case 0x98, 0x99: // ‘ ’
			return '\'', 3
		}
	case len(s) >= 7 && s[0] == '&' && s[:7] == "&rsquo;":
		return '\'', 7
	}
	return 0, 0
}

// orig maps an offset in the sanitised text to one in the original.
func (s *scratch) orig(c int32) int {
	i := sort.Search(len(s.brks), func(i int) bool { return s.brks[i].at > c })
	if i == 0 {
		return int(c)
	}
	return int(c + s.brks[i-1].delta)
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// tokenize is prose's iterTokenizer.tokenize over the sanitised text:
// spans between whitespace, each cut by split, the tokens of a span seen
// before shared with its first occurrence (the text's last span aside).
func (s *scratch) tokenize(clean string) error {
	s.toks = s.toks[:0]
	s.resetSpans(len(clean))
	start, index := 0, 0
	white := false
	for index < len(clean) {
		c := clean[index]
		size := 1
		var space bool
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(clean[index:])
			space = unicode.IsSpace(r)
		}
		if index == 0 {
			white = space
		}
		if space != white {
			if start < index && !white { // a span of whitespace yields no token
				if err := s.span(clean, start, index, true); err != nil {
					return err
				}
			}
			if c == ' ' {
				start = index + 1
			} else {
				start = index
			}
			white = !white
		}
		index += size
	}
	if start < index && !white {
		return s.span(clean, start, index, false)
	}
	return nil
}

// resetSpans empties the span cache, sized for a text of n bytes.
func (s *scratch) resetSpans(n int) {
	size := 1 << bits.Len(uint(n/4+8))
	if cap(s.spans) < size {
		s.spans = make([]spanEntry, size)
	} else {
		s.spans = s.spans[:size]
		clear(s.spans)
	}
	s.nspans = 0
}

// span adds the tokens of clean[lo:hi]. With cached, a span seen before
// gets the tokens of its first occurrence, shared.
func (s *scratch) span(clean string, lo, hi int, cached bool) error {
	if !cached {
		return s.split(clean[lo:hi], lo)
	}
	text := clean[lo:hi]
	h := maphash.String(s.seed, text) | 1 // nonzero: 0 marks an empty slot
	mask := len(s.spans) - 1
	i := int(h) & mask
	for ; s.spans[i].hash != 0; i = (i + 1) & mask {
		e := &s.spans[i]
		if e.hash == h && int(e.len) == len(text) && clean[e.start:e.start+e.len] == text {
			shift := int32(lo) - e.start
			for j := e.first; j < e.first+e.n; j++ {
				t := s.toks[j]
				s.toks = append(s.toks, tok{start: t.start + shift, end: t.end + shift, ident: j})
			}
			return nil
		}
	}
	first := int32(len(s.toks))
	if err := s.split(text, lo); err != nil {
		return err
	}
	s.spans[i] = spanEntry{hash: h, start: int32(lo), len: int32(len(text)), first: first, n: int32(len(s.toks)) - first}
	if s.nspans++; 2*s.nspans > len(s.spans) {
		s.growSpans()
	}
	return nil
}

func (s *scratch) growSpans() {
	old := s.spans
	s.spans = make([]spanEntry, 2*len(old))
	mask := len(s.spans) - 1
	for _, e := range old {
		if e.hash == 0 {
			continue
		}
		i := int(e.hash) & mask
		for s.spans[i].hash != 0 {
			i = (i + 1) & mask
		}
		s.spans[i] = e
	}
}

// add appends the token text[lo:hi] of a span starting at base, if it is
// not empty (prose's addToken; spans hold no whitespace).
func (s *scratch) add(base, lo, hi int) {
	if hi > lo {
		n := int32(len(s.toks))
		s.toks = append(s.toks, tok{start: int32(base + lo), end: int32(base + hi), ident: n})
	}
}

// split is prose's doSplit: it cuts a span into tokens, peeling prefixes
// ($ ( " [), contractions ('ll 's 're 'm n't) and suffixes (, ) " ] ! ; . ?
// : ') until the span stops shrinking, keeping emoticons and abbreviations
// whole.
func (s *scratch) split(text string, base int) error {
	lo, hi := 0, len(text)
	s.suffs = s.suffs[:0]
	last := 0
	for lo < hi && utf8.RuneCountInString(text[lo:hi]) != last {
		t := text[lo:hi]
		if isEmoticon(t) || isInternal(t) {
			s.add(base, lo, hi)
			break
		}
		last = utf8.RuneCountInString(t)
		n := len(t)
		if n > 1 && (t[0] == '$' || t[0] == '(' || t[0] == '"' || t[0] == '[') {
			s.add(base, lo, lo+1)
			lo++
		} else if idx := s.contraction(t); idx > -1 {
			if idx > n {
				return ErrProsePanics
			}
			s.add(base, lo, lo+idx)
			lo += idx
		} else if n > 1 && strings.IndexByte(",)\"]!;.?:'", t[n-1]) >= 0 {
			s.suffs = append(s.suffs, int32(base+hi-1))
			hi--
		} else {
			s.add(base, lo, hi)
		}
	}
	for i := len(s.suffs) - 1; i >= 0; i-- { // prose prepends each suffix
		n := int32(len(s.toks))
		s.toks = append(s.toks, tok{start: s.suffs[i], end: s.suffs[i] + 1, ident: n})
	}
	return nil
}

var contractions = [...][]byte{[]byte("'ll"), []byte("'s"), []byte("'re"), []byte("'m"), []byte("n't")}

// contraction is prose's pair of hasAnyIndex calls over strings.ToLower(t):
// the index, in the lower-case form, of the first of 'll, 's, 're, 'm
// found (each only if the form is longer than it), else of n't, else -1.
func (s *scratch) contraction(t string) int {
	if strings.IndexByte(t, '\'') < 0 {
		return -1 // lower-casing makes no apostrophe
	}
	s.low = appendLower(s.low[:0], t)
	for _, c := range contractions {
		if idx := bytes.Index(s.low, c); idx >= 0 && len(s.low) > len(c) {
			return idx
		}
	}
	return -1
}
