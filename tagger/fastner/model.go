package fastner

import (
	_ "embed"
	"errors"
	"fmt"
	"hash/maphash"
	"math"
	"math/bits"
	"strconv"
	"sync"
)

//go:embed data/model.bin
var modelData string

// magic starts model.bin (internal/gen writes it).
const magic = "TTNER002"

// Templates: the POS tagger's features (featurize in prose's tag.go), then
// the NER's in prose's featureOrder. internal/gen numbers them the same way.
const (
	tBias = iota
	tISuffix
	tIPref1
	tIm1Tag
	tIm2Tag
	tITagIm2Tag
	tIWord
	tIm1TagIWord
	tIm1Word
	tIm1Suffix
	tIm2Word
	tIp1Word
	tIp1Suffix
	tIp2Word
	nPOSTemplates
)

const (
	nBias = nPOSTemplates + iota
	nEnWordlist
	nNextpos
	nNextword
	nPos
	nPosPrevtag
	nPrefix3
	nPrevpos
	nPrevtag
	nPrevword
	nShape
	nShapePrevtag
	nSuffix3
	nWord
	nWordNextpos
	nWordLower
	nWordlen
	nTemplates
)

// idBits bounds string ids in a feature key.
const idBits = 21

// Model is prose's default POS and NER model in fastner's form. It is
// read-only once loaded and safe for concurrent use.
type Model struct {
	strs strTable

	// POS tagger
	classes  []string // prose's class order
	classID  []int32  // string id of each class
	classLow []int32  // string id of each class in lower case (nextpos)
	tagDict  []int8   // string id -> class from prose's tag dictionary, or -1
	basic    []bool   // string id -> in the en-wordlist

	// NER
	labels   []string
	labelO   int     // index of "O"
	labelEnd []int   // strings.Replace(label, "B", "I", 1), as a label index (-1: none)
	history  []int32 // string id of simplePOS(label): "B", "I", "O"

	// features: by the string id they hang on (features.go)
	byID    []uint32    // string id -> its entries in entries
	entries []uint64    // (template<<idBits | second id)<<32 | weights
	pairs   featTable   // the pair features of few values -> weights
	posW    []int32     // weight × 1000 << 8 | class
	nerW    []nerWeight // by label

	// ids of constant values
	idTrue, idFalse, idNone, idEmpty    int32
	idStart, idStart2, idEnd, idEnd2    int32
	idHyphen, idYear, idDigits          int32
	idHyphenSuf, idYearSuf, idDigitsSuf int32
	idDash, idDashNone, idNoneTag       int32 // "-", "-none-", "-NONE-"
	idSym, idNN, idSymLow, idNNLow      int32
	shapeID                             [nShapes]int32
	pref1                               [256]int32 // string(w[0]) for each first byte
	lenID                               []int32    // strconv.Itoa(n) for short lengths
	sentSuf                             [4]int32   // last 3 bytes of -START-, -START2-, -END-, -END2-

	// the features every token has, summed at load
	posBias        [64]int32    // POS bias
	posBiasTouched uint64       // the classes it has weights for
	nerBias        [2][]float64 // NER bias then en-wordlist False, True
}

// Default returns the embedded model, decoded on first use and then shared.
var Default = sync.OnceValues(func() (*Model, error) { return decode(modelData) })

// reader reads model.bin's varints.
type reader struct {
	s   string
	err error
}

func (r *reader) uvarint() uint64 {
	if len(r.s) > 0 && r.s[0] < 0x80 { // most values: one byte, inlined
		v := r.s[0]
		r.s = r.s[1:]
		return uint64(v)
	}
	return r.uvarintLong()
}

func (r *reader) uvarintLong() uint64 {
	if r.err != nil {
		return 0
	}
	var v uint64
	var shift uint
	for i := 0; i < len(r.s) && shift < 64; i++ {
		b := r.s[i]
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			r.s = r.s[i+1:]
			return v
		}
		shift += 7
	}
	r.err = errors.New("truncated")
	return 0
}

// uint reads a count or an id, at most MaxInt32.
func (r *reader) uint() int {
	v := r.uvarint()
	if v > math.MaxInt32 && r.err == nil {
		r.err = errors.New("value out of range")
	}
	return int(v)
}

// int32 reads a zig-zag varint (binary.AppendVarint) that fits 32 bits.
func (r *reader) int32() int32 {
	u := r.uvarint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	if (v > math.MaxInt32 || v < math.MinInt32) && r.err == nil {
		r.err = errors.New("weight out of range")
	}
	return int32(v)
}

func (r *reader) float() float64 {
	if r.err != nil || len(r.s) < 8 {
		r.err = errors.New("truncated")
		return 0
	}
	var u uint64
	for i := 7; i >= 0; i-- {
		u = u<<8 | uint64(r.s[i])
	}
	v := math.Float64frombits(u)
	r.s = r.s[8:]
	return v
}

func (r *reader) bytes(n int) string {
	if r.err != nil || n > len(r.s) {
		r.err = errors.New("truncated")
		return ""
	}
	s := r.s[:n]
	r.s = r.s[n:]
	return s
}

// id reads a string id and checks it.
func (r *reader) id(n int) int32 {
	v := r.uint()
	if v >= n && r.err == nil {
		r.err = fmt.Errorf("string id %d out of range", v)
	}
	return int32(v)
}

func decode(data string) (*Model, error) {
	if len(data) < len(magic) || data[:len(magic)] != magic {
		return nil, errors.New("fastner: model.bin: not a fastner model")
	}
	r := &reader{s: data[len(magic):]}
	m := &Model{}
	blob, nPOS, nPOSW, nNER, nNERW := r.uint(), r.uint(), r.uint(), r.uint(), r.uint()
	if blob+nPOS+nPOSW+nNER+nNERW > len(data) {
		return nil, errors.New("fastner: model.bin: sizes out of range")
	}
	n := r.uint()
	if n >= 1<<idBits {
		return nil, fmt.Errorf("fastner: model.bin: %d strings, more than ids hold", n)
	}
	m.strs.init(n, blob)
	for i := 0; i < n && r.err == nil; i++ {
		m.strs.add(r.bytes(r.uint()))
	}
	nc := r.uint()
	if nc > 64 {
		return nil, fmt.Errorf("fastner: model.bin: %d POS classes, at most 64", nc)
	}
	for i := 0; i < nc; i++ {
		id := r.id(n)
		m.classID = append(m.classID, id)
		m.classes = append(m.classes, m.strs.str(id))
	}
	m.tagDict = make([]int8, n)
	for i := range m.tagDict {
		m.tagDict[i] = -1
	}
	prev := 0
	for k := r.uint(); k > 0 && r.err == nil; k-- {
		prev += r.uint()
		c := r.uint()
		if prev >= n || c >= nc {
			return nil, errors.New("fastner: model.bin: bad tag dictionary")
		}
		m.tagDict[prev] = int8(c)
	}
	m.basic = make([]bool, n)
	prev = 0
	for k := r.uint(); k > 0 && r.err == nil; k-- {
		prev += r.uint()
		if prev >= n {
			return nil, errors.New("fastner: model.bin: bad word list")
		}
		m.basic[prev] = true
	}
	nl := r.uint()
	if nl > 255 {
		return nil, errors.New("fastner: model.bin: too many labels")
	}
	for i := 0; i < nl; i++ {
		m.labels = append(m.labels, m.strs.str(r.id(n)))
	}
	if r.err != nil {
		return nil, fmt.Errorf("fastner: model.bin: %v", r.err)
	}
	b := builder{feats: make([]rawFeat, 0, nPOS+nNER), posW: make([]int32, 0, nPOSW), nerW: make([]nerWeight, 0, nNERW)}
	if r.uint() != nPOS {
		r.err = errors.New("POS features miscounted")
	}
	for i := 0; i < nPOS && r.err == nil; i++ {
		t, id1, id2 := r.key(n, 0, nPOSTemplates)
		start := len(b.posW)
		for k := r.uint(); k > 0 && r.err == nil; k-- {
			c := r.uint()
			w := r.int32()
			if c >= nc || w >= 1<<23 || w < -1<<23 {
				r.err = errors.New("bad POS weight")
			}
			b.posW = append(b.posW, w<<8|int32(c))
		}
		b.add(t, id1, id2, start, len(b.posW)-start)
	}
	if r.uint() != nNER {
		r.err = errors.New("NER features miscounted")
	}
	for i := 0; i < nNER && r.err == nil; i++ {
		t, id1, id2 := r.key(n, nPOSTemplates, nTemplates)
		start := len(b.nerW)
		for k := r.uint(); k > 0 && r.err == nil; k-- {
			l := r.uint()
			w := r.float()
			if l >= nl || math.IsInf(w, 0) || math.IsNaN(w) {
				r.err = errors.New("bad NER weight")
			}
			b.nerW = append(b.nerW, nerWeight{w, uint8(l)})
		}
		b.add(t, id1, id2, start, len(b.nerW)-start)
	}
	if r.err == nil && (len(r.s) != 0 || len(b.posW) != nPOSW || len(b.nerW) != nNERW) {
		r.err = errors.New("trailing bytes or miscounted weights")
	}
	if r.err != nil {
		return nil, fmt.Errorf("fastner: model.bin: %v", r.err)
	}
	if err := b.build(m, n); err != nil {
		return nil, err
	}
	if err := m.constants(); err != nil {
		return nil, err
	}
	return m, nil
}

// key reads a feature's template and value ids.
func (r *reader) key(n, lo, hi int) (int, int32, int32) {
	t := r.uint()
	a, b := r.id(n), r.id(n)
	if (t < lo || t >= hi) && r.err == nil {
		r.err = fmt.Errorf("template %d out of range", t)
	}
	return t, a, b
}

// id returns the string id of s, or -1.
func (m *Model) id(s string) int32 { return m.strs.lookupString(s) }

// constants looks up the ids of the values the features use.
func (m *Model) constants() error {
	m.idTrue, m.idFalse, m.idNone, m.idEmpty = m.id("True"), m.id("False"), m.id("None"), m.id("")
	m.idStart, m.idStart2, m.idEnd, m.idEnd2 = m.id("-START-"), m.id("-START2-"), m.id("-END-"), m.id("-END2-")
	m.idHyphen, m.idYear, m.idDigits = m.id("!HYPHEN"), m.id("!YEAR"), m.id("!DIGITS")
	m.idHyphenSuf, m.idYearSuf, m.idDigitsSuf = m.id("HEN"), m.id("EAR"), m.id("ITS")
	m.sentSuf = [4]int32{m.id("RT-"), m.id("T2-"), m.id("ND-"), m.id("D2-")}
	m.idDash, m.idDashNone, m.idNoneTag = m.id("-"), m.id("-none-"), m.id("-NONE-")
	m.idSym, m.idNN, m.idSymLow, m.idNNLow = m.id("SYM"), m.id("NN"), m.id("sym"), m.id("nn")
	for i, s := range shapeNames {
		m.shapeID[i] = m.id(s)
	}
	for b := 0; b < 256; b++ {
		m.pref1[b] = m.id(string(rune(b))) // prose's string(w[0]): a byte as a rune
	}
	m.lenID = make([]int32, 1024)
	for i := range m.lenID {
		m.lenID[i] = m.id(strconv.Itoa(i))
	}
	m.classLow = make([]int32, len(m.classes))
	for i, c := range m.classes {
		m.classLow[i] = m.lookupLower(c)
	}
	m.labelO = -1
	for i, l := range m.labels {
		if l == "O" {
			m.labelO = i
		}
	}
	if m.labelO < 0 || m.idTrue < 0 || m.idFalse < 0 || m.idNone < 0 || m.idEmpty < 0 || m.idStart < 0 {
		return errors.New("fastner: model.bin: a constant is missing")
	}
	if v, ok := m.feature(tBias, m.idEmpty, m.idEmpty); ok {
		for _, x := range m.posW[v>>6 : v>>6+v&63] {
			m.posBias[x&0xff] += x >> 8
			m.posBiasTouched |= 1 << (x & 0xff)
		}
	}
	for i, basic := range []int32{m.idFalse, m.idTrue} {
		acc := make([]float64, len(m.labels)) // prose's totals start at 0.0
		for _, f := range [][2]int32{{nBias, m.idTrue}, {nEnWordlist, basic}} {
			if v, ok := m.feature(int(f[0]), f[1], m.idEmpty); ok {
				for _, x := range m.nerW[v>>6 : v>>6+v&63] {
					acc[x.label] += x.w
				}
			}
		}
		m.nerBias[i] = acc
	}
	m.labelEnd = make([]int, len(m.labels))
	m.history = make([]int32, len(m.labels))
	for i, l := range m.labels {
		m.labelEnd[i] = -1
		end := replaceFirst(l, 'B', 'I')
		for j, k := range m.labels {
			if k == end {
				m.labelEnd[i] = j
			}
		}
		if m.labelEnd[i] < 0 {
			return fmt.Errorf("fastner: model.bin: label %q has no inside label %q", l, end)
		}
		m.history[i] = m.id(simplePOS(l))
	}
	return nil
}

// lookupLower returns the id of strings.ToLower(s), or -1.
func (m *Model) lookupLower(s string) int32 {
	var buf [64]byte
	return m.strs.lookup(appendLower(buf[:0], s))
}

// replaceFirst is strings.Replace(s, old, new, 1) for single bytes.
func replaceFirst(s string, old, new byte) string {
	for i := 0; i < len(s); i++ {
		if s[i] == old {
			return s[:i] + string(new) + s[i+1:]
		}
	}
	return s
}

// simplePOS is prose's simplePOS: "v" for a label starting with V, else
// the label up to its first "-".
func simplePOS(l string) string {
	if len(l) > 0 && l[0] == 'V' {
		return "v"
	}
	for i := 0; i < len(l); i++ {
		if l[i] == '-' {
			return l[:i]
		}
	}
	return l
}

// strTable interns the model's strings: one blob, offsets, and an
// open-addressing hash table of ids.
type strTable struct {
	seed  maphash.Seed
	blob  []byte
	off   []uint32
	slots []uint64 // hash high bits << 32 | id+1; 0 is empty
	mask  uint64
}

func (t *strTable) init(n, blob int) {
	t.seed = maphash.MakeSeed()
	size := 1 << bits.Len(uint(2*n+1))
	t.slots = make([]uint64, size)
	t.mask = uint64(size - 1)
	t.off = make([]uint32, 1, n+1)
	t.blob = make([]byte, 0, blob)
}

func (t *strTable) str(id int32) string {
	return string(t.blob[t.off[id]:t.off[id+1]])
}

func (t *strTable) add(s string) {
	id := uint64(len(t.off) - 1)
	t.blob = append(t.blob, s...)
	t.off = append(t.off, uint32(len(t.blob)))
	h := maphash.String(t.seed, s)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		if t.slots[i] == 0 {
			t.slots[i] = h>>32<<32 | (id + 1)
			return
		}
	}
}

// lookup returns the id of b, or -1.
func (t *strTable) lookup(b []byte) int32 {
	h := maphash.Bytes(t.seed, b)
	hi := h >> 32
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		e := t.slots[i]
		if e == 0 {
			return -1
		}
		if e>>32 == hi {
			id := uint32(e) - 1
			if string(t.blob[t.off[id]:t.off[id+1]]) == string(b) {
				return int32(id)
			}
		}
	}
}

// lookupString returns the id of s, or -1.
func (t *strTable) lookupString(s string) int32 {
	h := maphash.String(t.seed, s)
	hi := h >> 32
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		e := t.slots[i]
		if e == 0 {
			return -1
		}
		if e>>32 == hi {
			id := uint32(e) - 1
			if string(t.blob[t.off[id]:t.off[id+1]]) == s {
				return int32(id)
			}
		}
	}
}

// Load decodes the embedded model anew; Default shares one.
func Load() (*Model, error) { return decode(modelData) }
