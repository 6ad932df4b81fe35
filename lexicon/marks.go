package lexicon

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
)

// startMarks tells, for the tries of a compiled lexicon (its matcher's,
// its passes' and its gazetteer's, eight at most), at which tokens a walk
// of each may find a phrase to start: Text.TokenizeFor marks each token
// as it is made, a bit per trie, and matchWords passes over a token
// without its trie's bit in one read, where it would otherwise test the
// token's case, its filters and its word.
//
// A bit is set unless matchWords, walking that trie, would pass over the
// token before it looks for candidates: the same tests on the same
// filters, without looking a word up, so a bit may be set where the walk
// finds nothing, but is never clear where it would find something.
type startMarks struct {
	tries     [8]*trie // the trie of each bit; nil for an unused bit
	pres      [8]*node // the root's wildcard prefixes of each trie, nil when it has none
	preBits   uint8    // the tries whose root has wildcard prefixes
	shortBits uint8    // of those, the tries with prefixes shorter than prefixKeyLen, which any word may start
	// first2s and first3s are the first2 and first3 bit sets of the
	// tries' root prefixes, nil when they have none
	first2s, first3s [8]*[1 << 16 / 64]uint64
	// pre3s holds, for the tries with root prefixes (first2s not nil),
	// the root-prefix test of every lower-case ASCII word, first2 and
	// first3 in one bit, by keyIndex of its first three bytes
	pre3s [8]*[keyIndexes / 64]uint64
	// pre3 is the pre3s entry of the first trie that has one, pre3Bit
	// its bit; an empty table and 0 when none has
	pre3      *[keyIndexes / 64]uint64
	pre3Bit   uint8
	punctBits uint8 // the tries where a phrase may start with punctuation (matcher.punct)
	// byHash holds, by bits 18 to 31 of a word's hashWord, the tries
	// whose start filter may hold the word, and of those the ones where
	// it may start a phrase written without a capital; lowerPre, the
	// tries where a word without a capital may start one by a wildcard
	// prefix. Each entry is the union of four entries of the filters,
	// indexed by bits 16 to 31.
	byHash [1 << markHashBits]markEntry
	// oneByte holds the marks of a token whose Norm is one ASCII byte,
	// by whether it is a word, whether its Text starts with a capital,
	// whether its Text is its Norm, and the byte: it is looked up in the
	// vocab's ascii table, not by its hash
	oneByte [2][2][2][utf8.RuneSelf]uint8
}

// markEntry is an entry of startMarks.byHash, indexed by markUpper,
// markLower, markLowerOwn and markLowerPre. markLowerOwn is markLower
// for a token whose Text is its Norm, which a word of upperStarts does
// not start: it is made with a start filter of the other words of
// starts.
type markEntry [4]uint8

// The indexes of a markEntry.
const (
	markUpper = iota
	markLower
	markLowerOwn
	markLowerPre
)

// markHashBits is how many bits of a word's hash index startMarks.byHash.
const markHashBits = 14

// newStartMarks makes the marks of l's tries: its matcher's, its passes'
// (as many as fit) and its gazetteer's when it has places.
func newStartMarks(l *Lexicon) *startMarks {
	var ms []*matcher
	add := func(m *matcher) {
		if m != nil && m.trie != nil && len(ms) < 8 {
			ms = append(ms, m)
		}
	}
	add(l.compiled)
	for _, p := range l.passes {
		add(p.compiled)
	}
	if len(l.places.Entries) > 0 {
		add(l.places.compiled)
	}
	sm := &startMarks{pre3: new([keyIndexes / 64]uint64)}
	for b, m := range ms {
		t, bit := m.trie, uint8(1)<<b
		sm.tries[b] = t
		pre := t.nodes[0].pre
		if pre != nil {
			sm.pres[b] = pre
			sm.preBits |= bit
			if len(pre.short) > 0 {
				sm.shortBits |= bit
			}
			sm.first2s[b], sm.first3s[b] = pre.first2, pre.first3
			if pre.first2 != nil {
				sm.pre3s[b] = newPre3(pre)
				if sm.pre3Bit == 0 {
					sm.pre3, sm.pre3Bit = sm.pre3s[b], bit
				}
			}
		}
		if m.punct {
			sm.punctBits |= bit
		}
		var own [1 << 16 / 64]uint64 // startFilter without upperStarts
		for id, w := range t.vocab.words {
			if t.starts[id/64]&(1<<(id%64)) != 0 && t.upperStarts[id/64]&(1<<(id%64)) == 0 {
				k := uint32(hashNorm(w)) >> 16
				own[k/64] |= 1 << (k % 64)
			}
		}
		for k := range 1 << 16 {
			sf := t.startFilter[k/64]&(1<<(k%64)) != 0
			lf := m.lowerAny || t.lowerFirstFilter[k/64]&(1<<(k%64)) != 0
			e := &sm.byHash[k>>(16-markHashBits)]
			if sf {
				e[markUpper] |= bit
				if lf {
					e[markLower] |= bit
				}
			}
			if lf {
				e[markLowerPre] |= bit
				if own[k/64]&(1<<(k%64)) != 0 {
					e[markLowerOwn] |= bit
				}
			}
		}
		// a token of one byte: matchWords takes its id from the vocab's
		// ascii table, and a wildcard prefix needs two bytes at least
		// unless the root has short ones
		for c := range utf8.RuneSelf {
			k := uint32(byteHash[c]) >> 16
			lf := m.lowerAny || t.lowerFirstFilter[k/64]&(1<<(k%64)) != 0
			id := t.vocab.ascii[c]
			for word := range 2 {
				for upper := range 2 {
					for own := range 2 {
						ok := (word == 1 || m.punct) && (upper == 1 || lf)
						if id != 0 {
							ok = ok && t.starts[id/64]&(1<<(id%64)) != 0 &&
								(own == 0 || t.upperStarts[id/64]&(1<<(id%64)) == 0)
						} else {
							ok = ok && pre != nil && word == 1 && len(pre.short) > 0
						}
						if ok {
							sm.oneByte[word][upper][own][c] |= bit
						}
					}
				}
			}
		}
	}
	return sm
}

// mark returns the marks of a token: whether it is a word, whether its
// Text starts with a capital (upperFirst), whether its Text is its Norm,
// its Norm and the hashWord of its Norm.
func (sm *startMarks) mark(word, upper, own bool, norm string, h uint64) uint8 {
	if len(norm) == 1 && norm[0] < utf8.RuneSelf {
		w, u, o := 0, 0, 0
		if word {
			w = 1
		}
		if upper {
			u = 1
		}
		if own {
			o = 1
		}
		return sm.oneByte[w][u][o][norm[0]]
	}
	// the entry by case, chosen without a branch: one would go
	// astray at most capitals
	u, o := b2u(upper), b2u(own)
	e := &sm.byHash[uint32(h)>>(32-markHashBits)]
	mk := e[(1-u)*(markLower+o)]                     // markUpper, markLower or markLowerOwn
	pre := (e[markLowerPre] | -u) &^ mk & sm.preBits // every trie with prefixes for a capital
	if !word {
		return mk & sm.punctBits // and no wildcard prefix starts punctuation
	}
	// rootPrefixMay for the tries not marked yet: any word for short
	// prefixes, else a word of prefixKeyLen bytes at least that the
	// tries' first2 and first3 may hold
	mk |= pre & sm.shortBits
	pre &^= sm.shortBits
	if pre == 0 || len(norm) < prefixKeyLen {
		return mk
	}
	k2, k3 := uint(norm[0])<<8|uint(norm[1]), first3Bit(prefixKey(norm))
	for ; pre != 0; pre &= pre - 1 {
		b := bits.TrailingZeros8(pre)
		if f2, f3 := sm.first2s[b], sm.first3s[b]; f2 != nil {
			mk |= uint8(f2[k2/64]>>(k2%64)&(f3[k3/64]>>(k3%64))&1) << b
		}
	}
	return mk
}

// markKey is mark for an ASCII word of n bytes, given its key in lower
// case (lowerKey), which the tokeniser has read already: the first two
// and three bytes the root-prefix test wants are taken from the key, not
// read again from the word's Norm.
func (sm *startMarks) markKey(upper, own bool, key uint64, n int, h uint64) uint8 {
	u, o := b2u(upper), b2u(own)
	if n == 1 {
		return sm.oneByte[1][u][o][uint8(key)]
	}
	e := &sm.byHash[uint32(h)>>(32-markHashBits)]
	mk := e[(1-u)*(markLower+o)]
	pre := (e[markLowerPre] | -u) &^ mk & sm.preBits
	mk |= pre & sm.shortBits
	pre &^= sm.shortBits
	// the first trie with a table of root prefixes is tested without a
	// branch, whether the test is wanted or not: which words it is wanted
	// for cannot be foretold
	k := keyIndex(key)
	long := -b2u(n >= prefixKeyLen)
	mk |= pre & long & sm.pre3Bit & -uint8(sm.pre3[k/64]>>(k%64)&1)
	if rest := pre &^ sm.pre3Bit & long; rest != 0 {
		for ; rest != 0; rest &= rest - 1 {
			b := bits.TrailingZeros8(rest)
			if p := sm.pre3s[b]; p != nil {
				mk |= uint8(p[k/64]>>(k%64)&1) << b
			}
		}
	}
	return mk
}

// keyDigits is the number of bytes a lower-case ASCII word is made of:
// the digits and the letters a to z.
const keyDigits = 36

// keyIndexes is how many values keyIndex takes, rounded up to a whole
// number of 64-bit words.
const keyIndexes = (keyDigits*keyDigits*keyDigits + 63) &^ 63

// keyDigit numbers the bytes of lower-case ASCII words, '0' to '9' and
// 'a' to 'z', from 0 to keyDigits-1; other bytes are 0.
var keyDigit = func() (t [256]uint8) {
	for c := range 10 {
		t['0'+c] = uint8(c)
	}
	for c := range 26 {
		t['a'+c] = uint8(10 + c)
	}
	return t
}()

// keyIndex numbers the first three bytes of a lower-case ASCII word of
// three bytes or more, given its key (lowerKey), from 0 to
// keyDigits³-1.
func keyIndex(key uint64) uint {
	return (uint(keyDigit[uint8(key)])*keyDigits+uint(keyDigit[uint8(key>>8)]))*keyDigits + uint(keyDigit[uint8(key>>16)])
}

// newPre3 makes startMarks.pre3s for root prefixes pre, whose first2 is
// not nil: the test of markKey on first2 and first3 for every three
// bytes a lower-case ASCII word may start with.
func newPre3(pre *node) *[keyIndexes / 64]uint64 {
	var digits []byte
	for c := range 256 {
		if c < utf8.RuneSelf && asciiClass[c]&(classWord|classUpper) == classWord {
			digits = append(digits, byte(c))
		}
	}
	t := new([keyIndexes / 64]uint64)
	for _, a := range digits {
		for _, b := range digits {
			for _, c := range digits {
				w := string([]byte{a, b, c})
				if pre.mayPrefix(w) && pre.mayPrefixKey(prefixKey(w)) {
					k := keyIndex(uint64(a) | uint64(b)<<8 | uint64(c)<<16)
					t[k/64] |= 1 << (k % 64)
				}
			}
		}
	}
	return t
}

// b2u is 1 for true, 0 for false.
func b2u(b bool) uint8 {
	var u uint8
	if b {
		u = 1
	}
	return u
}

// rootPrefixMay is scan.rootPrefix's test of a word w on the root's
// wildcard prefixes pre.
func rootPrefixMay(pre *node, w string) bool {
	return len(pre.short) > 0 || pre.first2 != nil && pre.mayPrefix(w) && len(w) >= prefixKeyLen && pre.mayPrefixKey(prefixKey(w))
}

// nextMarked returns the index of the first mark from i on that has bit,
// or len(marks) when none has: eight marks at a time.
func nextMarked(marks []uint8, i int, bit uint8) int {
	const ones = 0x0101010101010101
	for ; i+8 <= len(marks); i += 8 {
		if x := binary.LittleEndian.Uint64(marks[i:]) & (ones * uint64(bit)); x != 0 {
			return i + bits.TrailingZeros64(x)/8
		}
	}
	for ; i < len(marks) && marks[i]&bit == 0; i++ {
	}
	return i
}

// marksOf returns w's marks for the n tokens and the bit of trie t in
// them, or nil when they are not made for t.
func (w *textWords) marksOf(t *trie, n int) ([]uint8, uint8) {
	if w.marker == nil {
		return nil, 0
	}
	for b, mt := range w.marker.tries {
		if mt == t {
			return w.marks[:n], 1 << b
		}
	}
	return nil, 0
}
