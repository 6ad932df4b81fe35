// Command gen turns prose's default model into the compact form that
// package fastner embeds (data/model.bin). Run it with go generate in
// tagger/fastner.
//
// The maximum-entropy NER comes from prose's public Model.Write (labels,
// mapping and weights); the averaged-perceptron POS tagger, which Write
// does not export, comes from prose's public Asset (the classes, the
// tag dictionary and the weights it loads itself), and so does the word
// list of the NER's en-wordlist feature (Maxent/words.gob, the same 850
// words as prose's enWordList). Feature keys are split into a template
// and interned values; keys that no input can produce are dropped and
// counted; the generator fails if a key could be read two ways or a POS
// weight is not a multiple of 0.001.
package main

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"flag"
	"log"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/turntag/turntag/internal/genfile"

	"github.com/jdkato/prose/v2"
)

// The templates, in the order fastner numbers them (its templates.go).
var posTemplates = []string{"bias", "i suffix", "i pref1", "i-1 tag", "i-2 tag", "i tag+i-2 tag",
	"i word", "i-1 tag+i word", "i-1 word", "i-1 suffix", "i-2 word", "i+1 word", "i+1 suffix", "i+2 word"}

// posPairs are the POS templates with two values.
var posPairs = map[string]bool{"i tag+i-2 tag": true, "i-1 tag+i word": true}

// nerTemplates is prose's featureOrder.
var nerTemplates = []string{"bias", "en-wordlist", "nextpos", "nextword", "pos", "pos+prevtag",
	"prefix3", "prevpos", "prevtag", "prevword", "shape", "shape+prevtag",
	"suffix3", "word", "word+nextpos", "word.lower", "wordlen"}

// nerPairs are the NER features whose value is two values joined by "+".
var nerPairs = map[string]bool{"pos+prevtag": true, "shape+prevtag": true, "word+nextpos": true}

// Magic starts model.bin; the reader checks it.
const Magic = "TTNER002"

func main() {
	out := flag.String("out", "data/model.bin", "write the model to `FILE` (a regular file)")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	m, err := load()
	if err != nil {
		log.Fatal(err)
	}
	b := m.encode()
	if err := genfile.WriteRegular(*out, b); err != nil {
		log.Fatal(err)
	}
	log.Printf("%s: %d bytes: %d strings, %d POS features (%d weights, %d unreachable keys dropped), %d NER features (%d weights, %d dropped)",
		*out, len(b), len(m.strs), len(m.pos), m.posWeights, m.posDropped, len(m.ner), m.nerWeights, m.nerDropped)
}

// load reads prose's model and builds fastner's.
func load() (*model, error) {
	// the POS tagger, as prose loads it
	var classes []string
	var tagMap map[string]string
	var posWeights map[string]map[string]float64
	asset("model/AveragedPerceptron/classes.gob", &classes)
	asset("model/AveragedPerceptron/tags.gob", &tagMap)
	asset("model/AveragedPerceptron/weights.gob", &posWeights)
	var words []string
	asset("model/Maxent/words.gob", &words)

	// the NER, through Model.Write
	dir, err := os.MkdirTemp("", "fastner-gen")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	doc, err := prose.NewDocument("", prose.WithSegmentation(false))
	if err != nil {
		return nil, err
	}
	if err := doc.Model.Write(dir); err != nil {
		return nil, err
	}
	var labels []string
	var mapping map[string]int
	var nerWeights []float64
	file(filepath.Join(dir, "Maxent", "labels.gob"), &labels)
	file(filepath.Join(dir, "Maxent", "mapping.gob"), &mapping)
	file(filepath.Join(dir, "Maxent", "weights.gob"), &nerWeights)
	return build(classes, tagMap, posWeights, words, labels, mapping, nerWeights), nil
}

func asset(name string, v any) {
	b, err := prose.Asset(name)
	if err != nil {
		log.Fatal(err)
	}
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(v); err != nil {
		log.Fatalf("%s: %v", name, err)
	}
}

func file(name string, v any) {
	b, err := os.ReadFile(name)
	if err != nil {
		log.Fatal(err)
	}
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(v); err != nil {
		log.Fatalf("%s: %v", name, err)
	}
}

// feature is one feature key: a template and up to two value ids, with a
// weight per class (POS) or per label (NER).
type feature struct {
	tmpl     int
	id1, id2 int
	classes  []int
	ints     []int32   // POS: weight × 1000
	floats   []float64 // NER
}

type model struct {
	strs       []string
	ids        map[string]int
	classes    []int // string ids
	tagMap     [][2]int
	basic      []int
	labels     []int
	pos, ner   []feature
	posWeights int
	nerWeights int
	posDropped int
	nerDropped int
}

func build(classes []string, tagMap map[string]string, posWeights map[string]map[string]float64,
	words, labels []string, mapping map[string]int, nerWeights []float64) *model {
	set := map[string]bool{}
	intern := func(s string) { set[s] = true }

	classIdx := map[string]int{}
	for i, c := range classes {
		if _, dup := classIdx[c]; dup {
			log.Fatalf("class %q twice", c)
		}
		classIdx[c] = i
		intern(c)
	}
	for w, t := range tagMap {
		if _, ok := classIdx[t]; !ok {
			log.Fatalf("tag dictionary: %q -> %q, not a class", w, t)
		}
		intern(w)
	}
	for _, w := range words {
		intern(w)
	}
	labelIdx := map[string]int{}
	for i, l := range labels {
		labelIdx[l] = i
		intern(l)
	}

	type posKey struct {
		tmpl   int
		v1, v2 string
	}
	posKeys := map[string]posKey{}
	posDropped := 0
	for key := range posWeights {
		var found []posKey
		for ti, t := range posTemplates {
			if t == "bias" {
				if key == "bias" {
					found = append(found, posKey{tmpl: ti})
				}
				continue
			}
			rest, ok := strings.CutPrefix(key, t+" ")
			if !ok {
				continue
			}
			if posPairs[t] {
				if strings.Count(rest, " ") == 1 {
					a, b, _ := strings.Cut(rest, " ")
					found = append(found, posKey{ti, a, b})
				}
			} else if !strings.Contains(rest, " ") {
				found = append(found, posKey{tmpl: ti, v1: rest})
			}
		}
		switch len(found) {
		case 0:
			posDropped++ // no input yields it: its values hold a space
		case 1:
			posKeys[key] = found[0]
			intern(found[0].v1)
			intern(found[0].v2)
		default:
			log.Fatalf("POS feature %q reads two ways: %v", key, found)
		}
	}

	type nerKey struct {
		tmpl   int
		v1, v2 string
		label  int
	}
	nerKeys := map[string]nerKey{}
	nerDropped := 0
	for key, idx := range mapping {
		if idx < 0 || idx >= len(nerWeights) {
			log.Fatalf("NER feature %q: weight %d out of range", key, idx)
		}
		var found []nerKey
		for ti, t := range nerTemplates {
			rest, ok := strings.CutPrefix(key, t+"-")
			if !ok {
				continue
			}
			for li, l := range labels {
				val, ok := strings.CutSuffix(rest, "-"+l)
				if !ok {
					continue
				}
				tmpl := len(posTemplates) + ti // fastner numbers NER templates after the POS ones
				if nerPairs[t] {
					i := strings.LastIndexByte(val, '+')
					if i < 0 {
						continue
					}
					found = append(found, nerKey{tmpl, val[:i], val[i+1:], li})
				} else {
					found = append(found, nerKey{tmpl, val, "", li})
				}
			}
		}
		switch len(found) {
		case 0:
			nerDropped++
		case 1:
			nerKeys[key] = found[0]
			intern(found[0].v1)
			intern(found[0].v2)
		default:
			log.Fatalf("NER feature %q reads two ways: %v", key, found)
		}
	}

	m := &model{ids: map[string]int{}, posDropped: posDropped, nerDropped: nerDropped}
	for s := range set {
		m.strs = append(m.strs, s)
	}
	sort.Strings(m.strs)
	for i, s := range m.strs {
		m.ids[s] = i
	}
	for _, c := range classes {
		m.classes = append(m.classes, m.ids[c])
	}
	for w, t := range tagMap {
		m.tagMap = append(m.tagMap, [2]int{m.ids[w], classIdx[t]})
	}
	sort.Slice(m.tagMap, func(i, j int) bool { return m.tagMap[i][0] < m.tagMap[j][0] })
	for _, w := range words {
		m.basic = append(m.basic, m.ids[w])
	}
	sort.Ints(m.basic)
	for _, l := range labels {
		m.labels = append(m.labels, m.ids[l])
	}

	// POS: one feature per key, weights per class in class order
	for key, k := range posKeys {
		f := feature{tmpl: k.tmpl, id1: m.ids[k.v1], id2: m.ids[k.v2]}
		ws := posWeights[key]
		cs := make([]string, 0, len(ws))
		for c := range ws {
			cs = append(cs, c)
		}
		sort.Slice(cs, func(i, j int) bool { return classIdx[cs[i]] < classIdx[cs[j]] })
		for _, c := range cs {
			ci, ok := classIdx[c]
			if !ok {
				log.Fatalf("POS feature %q: class %q unknown", key, c)
			}
			w := ws[c]
			n := math.Round(w * 1000)
			if n/1000 != w || math.Abs(n) > math.MaxInt32/64 {
				log.Fatalf("POS feature %q: weight %v is not a multiple of 0.001", key, w)
			}
			f.classes = append(f.classes, ci)
			f.ints = append(f.ints, int32(n))
			m.posWeights++
		}
		m.pos = append(m.pos, f)
	}
	sortFeatures(m.pos)

	// NER: keys of one (template, value) gathered, weights per label
	byFeat := map[[3]int]*feature{}
	for key, k := range nerKeys {
		fk := [3]int{k.tmpl, m.ids[k.v1], m.ids[k.v2]}
		f := byFeat[fk]
		if f == nil {
			f = &feature{tmpl: k.tmpl, id1: fk[1], id2: fk[2]}
			byFeat[fk] = f
		}
		f.classes = append(f.classes, k.label)
		f.floats = append(f.floats, nerWeights[mapping[key]])
		m.nerWeights++
	}
	for _, f := range byFeat {
		idx := make([]int, len(f.classes))
		for i := range idx {
			idx[i] = i
		}
		sort.Slice(idx, func(a, b int) bool { return f.classes[idx[a]] < f.classes[idx[b]] })
		var cs []int
		var ws []float64
		for i, j := range idx {
			if i > 0 && f.classes[j] == cs[len(cs)-1] {
				log.Fatalf("NER feature %d/%d/%d: label %d twice", f.tmpl, f.id1, f.id2, f.classes[j])
			}
			cs = append(cs, f.classes[j])
			ws = append(ws, f.floats[j])
		}
		f.classes, f.floats = cs, ws
		m.ner = append(m.ner, *f)
	}
	sortFeatures(m.ner)
	return m
}

func sortFeatures(fs []feature) {
	sort.Slice(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.tmpl != b.tmpl {
			return a.tmpl < b.tmpl
		}
		if a.id1 != b.id1 {
			return a.id1 < b.id1
		}
		return a.id2 < b.id2
	})
}

// encode writes the model: the magic, the sizes of the string blob and of
// the feature and weight sections, then sections of unsigned varints
// (ids as deltas where sorted), POS weights as zig-zag varints, NER
// weights as IEEE 754 bits.
func (m *model) encode() []byte {
	var b []byte
	u := func(v int) {
		if v < 0 {
			log.Fatalf("negative %d", v)
		}
		b = binary.AppendUvarint(b, uint64(v))
	}
	b = append(b, Magic...)
	blob := 0
	for _, s := range m.strs {
		blob += len(s)
	}
	// sizes first, so that the reader allocates once
	u(blob)
	u(len(m.pos))
	u(m.posWeights)
	u(len(m.ner))
	u(m.nerWeights)
	u(len(m.strs))
	for _, s := range m.strs {
		u(len(s))
		b = append(b, s...)
	}
	u(len(m.classes))
	for _, c := range m.classes {
		u(c)
	}
	u(len(m.tagMap))
	prev := 0
	for _, t := range m.tagMap {
		u(t[0] - prev)
		prev = t[0]
		u(t[1])
	}
	u(len(m.basic))
	prev = 0
	for _, w := range m.basic {
		u(w - prev)
		prev = w
	}
	u(len(m.labels))
	for _, l := range m.labels {
		u(l)
	}
	for _, part := range []struct {
		fs  []feature
		ner bool
	}{{m.pos, false}, {m.ner, true}} {
		u(len(part.fs))
		for _, f := range part.fs {
			u(f.tmpl)
			u(f.id1)
			u(f.id2)
			u(len(f.classes))
			for i, c := range f.classes {
				u(c)
				if part.ner {
					b = binary.LittleEndian.AppendUint64(b, math.Float64bits(f.floats[i]))
				} else {
					b = binary.AppendVarint(b, int64(f.ints[i]))
				}
			}
		}
	}
	return b
}
