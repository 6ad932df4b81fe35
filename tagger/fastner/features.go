package fastner

import (
	"errors"
	"math/bits"
	"slices"
)

// The features are laid out by the string id they hang on, so that the
// features of a word sit together in memory and the tokens around it find
// them in cache: for each string id, its entries sorted by template and
// second id, each pointing at a run of weights stored in the same order.
// A word's features (i word, i-1 word, i+1 word, word, prevword, ...) are
// read as the window passes over it. The pair features of few values (two
// tags; a tag or shape and the previous label) sit in a small hash table.

// nerWeight is an NER weight and the label it votes for.
type nerWeight struct {
	w     float64
	label uint8
}

// packWeights packs a run of weights: start<<6 | n.
func packWeights(start, n int) uint32 { return uint32(start)<<6 | uint32(n) }

// hashedPair reports whether a template's features go in the hash table.
func hashedPair(t int) bool { return t == tITagIm2Tag || t == nPosPrevtag || t == nShapePrevtag }

// anchor returns the string id a feature hangs on and its second id.
func anchor(t int, id1, id2 int32) (int32, int32) {
	if t == tIm1TagIWord {
		return id2, id1 // by the word, not the tag
	}
	return id1, id2
}

// builder gathers the features as model.bin lists them.
type builder struct {
	feats []rawFeat
	posW  []int32
	nerW  []nerWeight
}

type rawFeat struct {
	id1, id2 int32
	start    uint32
	t, n     uint8
}

func (b *builder) add(t int, id1, id2 int32, start, n int) {
	b.feats = append(b.feats, rawFeat{id1, id2, uint32(start), uint8(t), uint8(min(n, 255))})
}

// build lays the features out in m for nStrings string ids.
func (b *builder) build(m *Model, nStrings int) error {
	m.byID = make([]uint32, nStrings+1)
	pairs := 0
	for _, f := range b.feats {
		if f.n > 63 {
			return errors.New("fastner: model.bin: a feature with more than 63 weights")
		}
		if hashedPair(int(f.t)) {
			pairs++
			continue
		}
		a, _ := anchor(int(f.t), f.id1, f.id2)
		m.byID[a+1]++
	}
	for i := 1; i <= nStrings; i++ {
		m.byID[i] += m.byID[i-1]
	}
	m.entries = make([]uint64, m.byID[nStrings])
	next := slices.Clone(m.byID[:nStrings])
	for i, f := range b.feats {
		if hashedPair(int(f.t)) {
			continue
		}
		a, sec := anchor(int(f.t), f.id1, f.id2)
		m.entries[next[a]] = uint64(uint32(f.t)<<idBits|uint32(sec))<<32 | uint64(i)
		next[a]++
	}
	m.posW = make([]int32, 0, len(b.posW))
	m.nerW = make([]nerWeight, 0, len(b.nerW))
	place := func(f rawFeat) uint32 {
		from, n := int(f.start), int(f.n)
		if f.t < nPOSTemplates {
			start := len(m.posW)
			m.posW = append(m.posW, b.posW[from:from+n]...)
			return packWeights(start, n)
		}
		start := len(m.nerW)
		m.nerW = append(m.nerW, b.nerW[from:from+n]...)
		return packWeights(start, n)
	}
	for id := 0; id < nStrings; id++ {
		es := m.entries[m.byID[id]:m.byID[id+1]]
		slices.Sort(es)
		for k, e := range es {
			es[k] = e>>32<<32 | uint64(place(b.feats[uint32(e)]))
		}
	}
	m.pairs.init(pairs)
	for _, f := range b.feats {
		if hashedPair(int(f.t)) {
			m.pairs.add(pairKey(int(f.t), f.id1, f.id2), place(f))
		}
	}
	return nil
}

// feature returns the packed weights of the feature (template t, values
// id and sec), or false. Single-value features have sec = idEmpty.
func (m *Model) feature(t int, id, sec int32) (uint32, bool) {
	if id < 0 || sec < 0 {
		return 0, false
	}
	if hashedPair(t) {
		return m.pairs.get(pairKey(t, id, sec))
	}
	id, sec = anchor(t, id, sec)
	key := uint32(t)<<idBits | uint32(sec)
	es := m.entries[m.byID[id]:m.byID[id+1]]
	for len(es) > 8 { // binary search down to a few
		mid := len(es) / 2
		if uint32(es[mid]>>32) > key {
			es = es[:mid]
		} else {
			es = es[mid:]
		}
	}
	for _, e := range es {
		if k := uint32(e >> 32); k >= key {
			return uint32(e), k == key
		}
	}
	return 0, false
}

// pairKey packs a template and two string ids; template+1 keeps it nonzero.
func pairKey(t int, a, b int32) uint64 {
	return uint64(t+1)<<(2*idBits) | uint64(a)<<idBits | uint64(b)
}

// featTable maps packed keys to packed weights: open addressing,
// Fibonacci hashing.
type featTable struct {
	keys  []uint64 // 0 is empty
	vals  []uint32
	shift uint
}

func (t *featTable) init(n int) {
	b := bits.Len(uint(2*n + 1))
	t.keys = make([]uint64, 1<<b)
	t.vals = make([]uint32, 1<<b)
	t.shift = uint(64 - b)
}

func (t *featTable) add(key uint64, v uint32) {
	mask := uint64(len(t.keys) - 1)
	for i := (key * 0x9E3779B97F4A7C15) >> t.shift; ; i = (i + 1) & mask {
		if t.keys[i] == 0 || t.keys[i] == key {
			t.keys[i] = key
			t.vals[i] = v
			return
		}
	}
}

func (t *featTable) get(key uint64) (uint32, bool) {
	mask := uint64(len(t.keys) - 1)
	for i := (key * 0x9E3779B97F4A7C15) >> t.shift; ; i = (i + 1) & mask {
		k := t.keys[i]
		if k == key {
			return t.vals[i], true
		}
		if k == 0 {
			return 0, false
		}
	}
}
