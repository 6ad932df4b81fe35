package lexicon

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"
)

// vocab numbers the words that a matcher's phrases and context phrases are
// made of, their tokens' Norm, so that the matcher looks a word of a text
// up once, at most, and walks its trie by number. Id 0 is every word that
// no phrase has. A compiled lexicon's passes share its vocab, so a text's
// ids serve them all; the gazetteer has its own.
type vocab struct {
	words []string    // by id; words[0] is ""
	slots []vocabSlot // open addressing by hash, linear probing
	mask  uint32
	ascii [utf8.RuneSelf]uint32 // the ids of the one-byte words, punctuation mostly: no hashing
}

// vocabSlot is a word of a vocab in its hash table: a word of eight bytes
// or less is told by key and n alone, without reading the word.
type vocabSlot struct {
	key uint64 // the word's first eight bytes (wordKey)
	id  uint32 // 0 when the slot is empty
	n   uint32 // the word's length, at most 1<<32-1
}

// newVocab numbers the words of the matchers, in the order met. Its own
// hash table tells which words it has met, and doubles as it fills to
// stay at most half full.
func newVocab(ms ...*matcher) *vocab {
	v := &vocab{words: []string{""}, slots: make([]vocabSlot, 16), mask: 15}
	add := func(w string) {
		key := wordKey(w)
		h := hashWord(w, key)
		if v.lookup(w, key, h) != 0 {
			return
		}
		v.words = append(v.words, w)
		if 2*len(v.words) > len(v.slots) {
			v.rehash(2 * len(v.slots))
			return
		}
		v.put(uint32(len(v.words)-1), key, h)
	}
	for _, m := range ms {
		m.words(add)
	}
	return v
}

// rehash makes v's hash table size slots, a power of two, and puts every
// word in it again, in the order of their ids.
func (v *vocab) rehash(size int) {
	v.slots = make([]vocabSlot, size)
	v.mask = uint32(size - 1)
	for id, w := range v.words[1:] {
		key := wordKey(w)
		v.put(uint32(id+1), key, hashWord(w, key))
	}
}

// put adds word id, whose wordKey is key and hashWord h, to the hash
// table, which has room for it.
func (v *vocab) put(id uint32, key, h uint64) {
	w := v.words[id]
	i := uint32(h) & v.mask
	for v.slots[i].id != 0 {
		i = (i + 1) & v.mask
	}
	v.slots[i] = vocabSlot{key: key, id: id, n: uint32(min(len(w), 1<<32-1))}
	if len(w) == 1 && w[0] < utf8.RuneSelf {
		v.ascii[w[0]] = id
	}
}

// id returns the number of word w, 0 when no phrase has it.
func (v *vocab) id(w string) uint32 {
	if len(w) == 1 && w[0] < utf8.RuneSelf {
		return v.ascii[w[0]]
	}
	key := wordKey(w)
	return v.lookup(w, key, hashWord(w, key))
}

// lookup is id for a word of more than one byte, given its wordKey and
// hashWord.
func (v *vocab) lookup(w string, key, h uint64) uint32 {
	for i := uint32(h) & v.mask; ; i = (i + 1) & v.mask {
		s := &v.slots[i]
		if s.id == 0 {
			return 0
		}
		// words have no zero byte: up to eight bytes, key and length are the word
		if s.key == key && int(s.n) == len(w) && (len(w) <= 8 || v.words[s.id] == w) {
			return s.id
		}
	}
}

// wordKey is a word's first eight bytes as a little-endian number, zeros
// for missing bytes. A word of two to seven bytes is read in two loads
// that overlap, not byte by byte.
func wordKey(w string) uint64 {
	switch n := len(w); {
	case n >= 8:
		return load64(w)
	case n >= 4:
		return uint64(load32(w)) | uint64(load32(w[n-4:]))<<(8*(n-4))
	case n >= 2:
		return uint64(load16(w)) | uint64(load16(w[n-2:]))<<(8*(n-2))
	case n == 1:
		return uint64(w[0])
	}
	return 0
}

// load64, load32 and load16 read the first bytes of s, which has as
// many at least, as a little-endian number.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func load32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

func load16(s string) uint16 {
	_ = s[1]
	return uint16(s[0]) | uint16(s[1])<<8
}

// hashWord hashes a word for vocab, given its wordKey: the same in every
// process, so that a lexicon compiles to the same tables, and a multiply
// or two for a word of eight bytes or less.
func hashWord(w string, key uint64) uint64 {
	const m1, m2 = 0x9e3779b97f4a7c15, 0xbf58476d1ce4e5b9
	h := (key ^ uint64(len(w))*m1) * m2
	if len(w) > 8 {
		h = hashTail(h, w[8:])
	}
	return h ^ h>>29
}

// hashToken is hashNorm, written out for the loop over a text's tokens:
// a word of one byte, punctuation mostly, is looked up in byteHash, and
// wordKey is read in line.
func hashToken(w string) uint64 {
	const m1, m2 = 0x9e3779b97f4a7c15, 0xbf58476d1ce4e5b9
	var key uint64
	switch n := len(w); {
	case n >= 8:
		key = load64(w)
	case n >= 4:
		key = uint64(load32(w)) | uint64(load32(w[n-4:]))<<(8*(n-4))
	case n >= 2:
		key = uint64(load16(w)) | uint64(load16(w[n-2:]))<<(8*(n-2))
	case n == 1:
		return byteHash[w[0]]
	}
	h := (key ^ uint64(len(w))*m1) * m2
	if len(w) > 8 {
		h = hashTail(h, w[8:])
	}
	return h ^ h>>29
}

// byteHash is hashWord of each word of one byte.
var byteHash = func() (t [256]uint64) {
	for c := range t {
		w := string([]byte{byte(c)})
		t[c] = hashWord(w, wordKey(w))
	}
	return t
}()

// hashTail is hashWord's loop over the bytes of a word after its first
// eight.
func hashTail(h uint64, w string) uint64 {
	const m1 = 0x9e3779b97f4a7c15
	for ; len(w) > 0; w = w[min(len(w), 8):] {
		h = (h ^ h>>32 ^ wordKey(w)) * m1
	}
	return h
}

// words calls add with every word of the matcher's trie paths and context
// phrases (a wildcard's prefix is not a word).
func (m *matcher) words(add func(string)) {
	var walk func(n *node)
	walk = func(n *node) {
		for _, c := range n.kids {
			add(c.word)
			walk(c)
		}
	}
	walk(m.root)
	for _, c := range m.ctxs {
		for k, w := range c.norm {
			if k < len(c.norm)-1 || !c.prefix {
				add(w)
			}
		}
	}
}

// trie is a matcher's trie with its words numbered by a vocab, in flat
// arrays: what MatchTokens walks. Node 0 is the root.
type trie struct {
	vocab      *vocab
	root       []int32 // by word id: the root's child, 0 for none
	nodes      []tnode
	edges      []edge  // each node's children, sorted by word id
	ends       []int32 // each node's phrases
	lowerFirst []bool  // by word id: the matcher's lowerFirst
	// rootPre lists, for the words of the vocab that start wildcard
	// prefixes of the root, the phrases (as prefixCandidates gives them),
	// so that a known word needs no prefix test; rootPreBits marks them
	rootPre     map[uint32][]int
	rootPreBits []uint64
	starts      []uint64 // bit set by word id: the root has a child on it, or rootPre has it
	// upperStarts marks the words of starts whose every phrase (on the
	// root's child on the word, and in rootPre) fails caseOK on a first
	// token in lower case (Text == Norm): such a token starts no match,
	// and is passed over without a walk ("the", "to", "president")
	upperStarts []uint64
	// bare marks the words of starts that end no phrase and start no
	// wildcard prefix by themselves: the root's child on the word has no
	// phrase and no prefix, and rootPre has not the word. Such a word
	// starts a match only when the next word goes on from the child
	// ("the", "%")
	bare []uint64
	// preKeys, preSpans and preEnds are the root's wildcard prefixes of
	// prefixKeyLen bytes or more (node.prefixes) in flat arrays: preKeys
	// is a table of the prefixKeys by open addressing, 0 for an empty
	// slot, and preSpans[k] the span of preEnds that holds the prefixes
	// of key preKeys[k], in their order; nil when the root has none
	preKeys  []uint32
	preSpans [][2]int32
	preEnds  []prefixEnd
	preShift uint // 32 less the number of bits of preKeys' index
	// kinds holds by word id the bits of starts, upperStarts and bare
	// (kindStart, kindUpper, kindBare), for the walk to read in one load
	kinds []uint8
	// soloFilter is startFilter for the words of starts that are not
	// bare, and pairFilter a Bloom filter of the first two words of the
	// phrases whose first word is bare, by the two words' hashWord
	// (pairBit): a word that neither holds may start a match only by a
	// wildcard prefix, and tells so without being looked up
	soloFilter [1 << 16 / 64]uint64
	pairFilter []uint64
	pairShift  uint // 64 less the number of bits of pairFilter's index
	// startFilter is a Bloom filter of the words in starts, by bits 16 to
	// 31 of their hashWord: most words of a text start no phrase, and
	// this tells so without looking them up
	startFilter [1 << 16 / 64]uint64
	// followFilter is a Bloom filter of the edges of the nodes other than
	// the root, by node and hashWord of the edge's word (followBit): most
	// words after one that starts a phrase go on none from where the walk
	// stands, and this tells so without looking them up
	followFilter []uint64
	followShift  uint // 64 less the number of bits of followFilter's index
	// lowerFirstFilter is startFilter for the lowerFirst words, so that
	// most words need no lookup to tell they are not one
	lowerFirstFilter [1 << 16 / 64]uint64
}

// The bits of trie.kinds.
const (
	kindStart uint8 = 1 << iota // starts
	kindUpper                   // upperStarts
	kindBare                    // bare
)

// tnode is a node of a trie: its children are edges[edgeLo:edgeHi], the
// phrases that end at it ends[endLo:endHi], and pre the node as built
// when it has wildcard prefixes (nil otherwise).
type tnode struct {
	edgeLo, edgeHi, endLo, endHi int32
	pre                          *node
}

// edge is a trie transition on a word id.
type edge struct {
	id uint32
	to int32
}

// freeze numbers the matcher's words with v, building its trie, and the
// words of its context phrases. The string-keyed trie it was built in is
// left as it is.
func (m *matcher) freeze(v *vocab) {
	t := &trie{vocab: v, root: make([]int32, len(v.words)), lowerFirst: make([]bool, len(v.words))}
	var add func(n *node) int32
	add = func(n *node) int32 { // numbers n and its descendants, depth first
		k := int32(len(t.nodes))
		t.nodes = append(t.nodes, tnode{})
		if n.first2 != nil || len(n.short) > 0 {
			t.nodes[k].pre = n
		}
		t.nodes[k].endLo = int32(len(t.ends))
		for _, id := range n.ends {
			t.ends = append(t.ends, int32(id))
		}
		t.nodes[k].endHi = int32(len(t.ends))
		kids := make([]edge, 0, len(n.next))
		for _, c := range n.kids { // nodes numbered the same in every build
			kids = append(kids, edge{v.id(c.word), add(c)})
		}
		slices.SortFunc(kids, func(a, b edge) int { return cmp.Compare(a.id, b.id) })
		t.nodes[k].edgeLo = int32(len(t.edges))
		t.edges = append(t.edges, kids...)
		t.nodes[k].edgeHi = int32(len(t.edges))
		return k
	}
	add(m.root)
	r := t.nodes[0]
	for _, e := range t.edges[r.edgeLo:r.edgeHi] {
		t.root[e.id] = e.to
	}
	t.rootPreBits = make([]uint64, (len(v.words)+63)/64)
	if m.root.first2 != nil || len(m.root.short) > 0 {
		t.rootPre = map[uint32][]int{}
		for id, w := range v.words[1:] {
			for _, c := range m.root.prefixCandidates(w, 0, nil) {
				t.rootPre[uint32(id+1)] = append(t.rootPre[uint32(id+1)], c.id)
			}
			if len(t.rootPre[uint32(id+1)]) > 0 {
				t.rootPreBits[(id+1)/64] |= 1 << ((id + 1) % 64)
			}
		}
	}
	if len(m.root.prefixes) > 0 {
		t.flattenRootPrefixes(m.root)
	}
	t.starts = slices.Clone(t.rootPreBits)
	for id, c := range t.root {
		if c != 0 {
			t.starts[id/64] |= 1 << (id % 64)
		}
	}
	t.upperStarts = make([]uint64, len(t.starts))
	for _, c := range m.root.kids {
		id := v.id(c.word)
		if m.upperFirstOnly(c) && !slices.ContainsFunc(t.rootPre[id], func(p int) bool { return !m.phrases[p].upperFirst() }) {
			t.upperStarts[id/64] |= 1 << (id % 64)
		}
	}
	t.bare = make([]uint64, len(t.starts))
	for id, c := range t.root {
		if nd := t.nodes[c]; c != 0 && nd.endLo == nd.endHi && nd.pre == nil && t.rootPreBits[id/64]&(1<<(id%64)) == 0 {
			t.bare[id/64] |= 1 << (id % 64)
		}
	}
	t.kinds = make([]uint8, len(v.words))
	for id := range t.kinds {
		for _, b := range []struct {
			set  []uint64
			kind uint8
		}{{t.starts, kindStart}, {t.upperStarts, kindUpper}, {t.bare, kindBare}} {
			if b.set[id/64]&(1<<(id%64)) != 0 {
				t.kinds[id] |= b.kind
			}
		}
	}
	pairs := 0
	for id, w := range v.words {
		if t.starts[id/64]&(1<<(id%64)) != 0 {
			k := uint32(hashNorm(w)) >> 16
			t.startFilter[k/64] |= 1 << (k % 64)
			if t.bare[id/64]&(1<<(id%64)) == 0 {
				t.soloFilter[k/64] |= 1 << (k % 64)
			} else {
				nd := t.nodes[t.root[id]]
				pairs += int(nd.edgeHi - nd.edgeLo)
			}
		}
	}
	t.pairFilter, t.pairShift = bloomBits(pairs)
	for id, w := range v.words {
		if t.bare[id/64]&(1<<(id%64)) != 0 {
			h, nd := hashNorm(w), t.nodes[t.root[id]]
			for _, e := range t.edges[nd.edgeLo:nd.edgeHi] {
				k := t.pairBit(h, hashNorm(v.words[e.id]))
				t.pairFilter[k/64] |= 1 << (k % 64)
			}
		}
	}
	t.followFilter, t.followShift = bloomBits(len(t.edges))
	for n, nd := range t.nodes[1:] {
		for _, e := range t.edges[nd.edgeLo:nd.edgeHi] {
			k := t.followBit(int32(n+1), hashNorm(v.words[e.id]))
			t.followFilter[k/64] |= 1 << (k % 64)
		}
	}
	for w := range m.lowerFirst {
		t.lowerFirst[v.id(w)] = true
		k := uint32(hashNorm(w)) >> 16
		t.lowerFirstFilter[k/64] |= 1 << (k % 64)
	}
	for _, c := range m.ctxs {
		c.hash0 = hashNorm(c.norm[0])
	}
	m.trie = t
}

// flattenRootPrefixes fills preKeys, preSpans and preEnds from the
// prefixes of root, which has some, in a table at most half full.
func (t *trie) flattenRootPrefixes(root *node) {
	bits := uint(1)
	for 1<<bits < 2*len(root.prefixes) {
		bits++
	}
	t.preKeys, t.preSpans, t.preShift = make([]uint32, 1<<bits), make([][2]int32, 1<<bits), 32-bits
	for _, key := range slices.Sorted(maps.Keys(root.prefixes)) { // the same table in every build
		k := t.preSlot(key)
		for t.preKeys[k] != 0 {
			k = (k + 1) & uint32(len(t.preKeys)-1)
		}
		lo := int32(len(t.preEnds))
		t.preEnds = append(t.preEnds, root.prefixes[key]...)
		t.preKeys[k], t.preSpans[k] = key, [2]int32{lo, int32(len(t.preEnds))}
	}
}

// preSlot is the first slot of a prefixKey in preKeys.
func (t *trie) preSlot(key uint32) uint32 { return key * 0x9e3779b1 >> t.preShift }

// rootPrefixCandidates is prefixCandidates at the root, root, of t:
// the prefixes of prefixKeyLen bytes or more are found in preKeys, not
// in root.prefixes.
func (t *trie) rootPrefixCandidates(root *node, w string, end int, out []cand) []cand {
	if root.first2 != nil && root.mayPrefix(w) {
		if key := prefixKey(w); key != 0 && root.mayPrefixKey(key) {
			mask := uint32(len(t.preKeys) - 1)
			for k := t.preSlot(key); t.preKeys[k] != 0; k = (k + 1) & mask {
				if t.preKeys[k] == key {
					sp := t.preSpans[k]
					for _, p := range t.preEnds[sp[0]:sp[1]] {
						if strings.HasPrefix(w, p.pre) {
							out = append(out, cand{p.id, end})
						}
					}
					break
				}
			}
		}
	}
	for _, p := range root.short {
		if strings.HasPrefix(w, p.pre) {
			out = append(out, cand{p.id, end})
		}
	}
	return out
}

// bloomBits makes the bits of a Bloom filter of n keys, and the shift
// that takes a hash of 64 bits to an index of them: sixteen bits or more
// a key, so that a key not in the filter passes it about once in twenty.
func bloomBits(n int) ([]uint64, uint) {
	bits := uint(12)
	for 1<<bits < 16*n {
		bits++
	}
	return make([]uint64, 1<<bits/64), 64 - bits
}

// upperFirstOnly reports whether every phrase that ends at node n or
// below it, wildcard prefixes included, has upperFirst.
func (m *matcher) upperFirstOnly(n *node) bool {
	for _, p := range n.ends {
		if !m.phrases[p].upperFirst() {
			return false
		}
	}
	for _, ps := range n.prefixes {
		for _, p := range ps {
			if !m.phrases[p.id].upperFirst() {
				return false
			}
		}
	}
	for _, p := range n.short {
		if !m.phrases[p.id].upperFirst() {
			return false
		}
	}
	for _, c := range n.kids {
		if !m.upperFirstOnly(c) {
			return false
		}
	}
	return true
}

// upperFirst reports whether caseOK fails whenever the first token is in
// lower case, its Text its own Norm (lower(Text) == Text): the phrase's
// first word has a capital, and neither it nor its upper case, which
// caseAuto also accepts, is in lower case. A string in lower case has
// every prefix in lower case (lower maps rune by rune), so neither can be
// a prefix of the token either.
func (cp *compiled) upperFirst() bool {
	if cp.mode == caseAny || isLower(cp.toks[0]) {
		return false
	}
	return cp.mode == caseExact || !isLower(cp.upperToks[0])
}

// child returns node n's child on word id, 0 when it has none.
func (t *trie) child(n int32, id uint32) int32 {
	nd := &t.nodes[n]
	kids := t.edges[nd.edgeLo:nd.edgeHi]
	if len(kids) <= 8 {
		for _, e := range kids {
			if e.id == id {
				return e.to
			}
		}
		return 0
	}
	lo, hi := 0, len(kids)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if kids[h].id < id {
			lo = h + 1
		} else {
			hi = h
		}
	}
	if lo < len(kids) && kids[lo].id == id {
		return kids[lo].to
	}
	return 0
}
