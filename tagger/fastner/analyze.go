package fastner

import (
	"hash/maphash"
	"math"
	"math/bits"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/mingrammer/commonregex"

	"github.com/turntag/turntag/tagger"
)

// Token is a token as prose's tokeniser cuts it, with the POS tag and the
// IOB label prose's Document.Tokens reports for it.
type Token struct {
	Text       string // as prose has it: after its quote rewriting (“ ” ‘ ’ &rsquo; to " and ')
	Start, End int    // byte offsets into the text given to Analyze, half-open
	Tag        string // Penn Treebank tag
	Label      string // IOB label: O, B-PERSON, I-GPE, ...
}

// Entity is a named entity as prose's chunker finds it.
type Entity struct {
	Text        string // its tokens joined by single spaces, as prose's Entity.Text
	Label       string // PERSON, GPE, ORGANIZATION, LOCATION, FACILITY, GSP
	Start, End  int    // byte offsets into the text, half-open: first token's start to last token's end
	First, Last int    // its tokens, half-open indexes into Analysis.Tokens
}

// Analysis is prose's view of a text: its tokens and its entities.
type Analysis struct {
	Tokens   []Token
	Entities []Entity
	Ties     int // POS decisions between equally scored tags, which prose breaks at random
}

// word holds what the tagger and the classifier read of one token: string
// ids (-1 when the model has no such string) and the token's outputs.
type word struct {
	raw, norm, rawSuf, normSuf int32 // POS: the word, its normalised form, their last 3 bytes
	pref1                      int32 // POS: string(w[0])
	lower, suf3, pre3, wlen    int32 // NER: word.lower, suffix3, prefix3, wordlen
	shape                      uint8
	basic                      bool
	tag                        tagRef // as tagged at this position
	label                      uint8  // as classified at this position
}

// tagRef is a POS tag: its text and the ids of it and of its lower case.
type tagRef struct {
	s       string
	id, low int32
}

// scratch is the working memory of one call, reused through a pool, so a
// call allocates only its results.
type scratch struct {
	seed   maphash.Seed
	clean  []byte
	brks   []brk
	toks   []tok
	spans  []spanEntry
	nspans int
	suffs  []int32
	low    []byte
	words  []word
	ctx    []int32 // POS context: normalised forms, with the -START- and -END- pads
	ctxSuf []int32
	last   []int32 // per identity: its last position
	acc    []float64
	parts  []int32
	ties   int
}

var pool = sync.Pool{New: func() any { return &scratch{seed: maphash.MakeSeed()} }}

// Regular expressions of prose's tagger, tried only when a cheap test
// says they may match.
var (
	noneRE  = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	linkRE  = commonregex.LinkRegex
	emailRE = commonregex.EmailRegex
)

// Analyze runs prose's pipeline over text and returns its tokens and
// entities as prose's NewDocument (segmentation off) would.
func (m *Model) Analyze(text string) (*Analysis, error) {
	s := pool.Get().(*scratch)
	defer pool.Put(s)
	clean, err := m.run(s, text)
	if err != nil {
		return nil, err
	}
	a := &Analysis{Ties: s.ties, Tokens: make([]Token, len(s.toks))}
	for i, t := range s.toks {
		w := &s.words[s.last[t.ident]]
		a.Tokens[i] = Token{Text: clean[t.start:t.end], Start: s.orig(t.start), End: s.orig(t.end),
			Tag: w.tag.s, Label: m.labels[w.label]}
	}
	a.Entities = m.chunk(s, clean, nil)
	return a, nil
}

// run sanitises, tokenises, tags and classifies text into s, and returns
// the sanitised text.
func (m *Model) run(s *scratch, text string) (string, error) {
	clean := s.sanitize(text)
	if err := s.tokenize(clean); err != nil {
		return "", err
	}
	n := len(s.toks)
	s.words = grow(s.words, n)
	s.last = grow(s.last, n)
	for i, t := range s.toks {
		if int(t.ident) == i {
			m.wordFeatures(s, &s.words[i], clean[t.start:t.end])
		} else {
			s.words[i] = s.words[t.ident] // the same text: the same features
		}
		s.last[t.ident] = int32(i)
	}
	m.tag(s, clean)
	m.classify(s)
	return clean, nil
}

// grow returns b with length n, reallocated if it is too small.
func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n, n+n/4)
	}
	return b[:n]
}

// wordFeatures fills in what depends on the token's text alone.
func (m *Model) wordFeatures(s *scratch, w *word, t string) {
	*w = word{raw: m.strs.lookupString(t), pref1: m.pref1[t[0]]}
	w.rawSuf = m.strs.lookupString(t[len(t)-min(len(t), 3):])
	s.low = appendLower(s.low[:0], t)
	low := s.low
	w.lower = m.strs.lookup(low)
	switch normalize(t) {
	case normHyphen:
		w.norm, w.normSuf = m.idHyphen, m.idHyphenSuf
	case normYear:
		w.norm, w.normSuf = m.idYear, m.idYearSuf
	case normDigits:
		w.norm, w.normSuf = m.idDigits, m.idDigitsSuf
	default:
		w.norm = w.lower
		w.normSuf = m.strs.lookup(low[len(low)-min(len(low), 3):])
	}
	if len(low) == len(t) && isASCII(t) {
		w.suf3 = m.strs.lookup(low[len(low)-min(len(low), 3):])
		w.pre3 = m.strs.lookup(low[:min(len(low), 3)])
	} else { // lower-casing a cut rune differs from cutting the lower case
		s.low = appendLower(s.low[:0], t[len(t)-min(len(t), 3):])
		w.suf3 = m.strs.lookup(s.low)
		s.low = appendLower(s.low[:0], t[:min(len(t), 3)])
		w.pre3 = m.strs.lookup(s.low)
	}
	if len(t) < len(m.lenID) {
		w.wlen = m.lenID[len(t)]
	} else {
		s.low = strconv.AppendInt(s.low[:0], int64(len(t)), 10)
		w.wlen = m.strs.lookup(s.low)
	}
	w.shape = uint8(shape(t))
	w.basic = w.raw >= 0 && m.basic[w.raw]
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// tag is prose's perceptronTagger.tag: fixed tags for dashes, emoticons,
// links, e-mail addresses, handles and trace markers, the tag dictionary,
// then the averaged perceptron over the two previous tags and a window of
// five normalised words.
func (m *Model) tag(s *scratch, clean string) {
	n := len(s.toks)
	s.ctx = grow(s.ctx, n+4)
	s.ctxSuf = grow(s.ctxSuf, n+4)
	s.ctx[0], s.ctx[1], s.ctx[n+2], s.ctx[n+3] = m.idStart, m.idStart2, m.idEnd, m.idEnd2
	s.ctxSuf[0], s.ctxSuf[1], s.ctxSuf[n+2], s.ctxSuf[n+3] = m.sentSuf[0], m.sentSuf[1], m.sentSuf[2], m.sentSuf[3]
	for i := range s.words {
		s.ctx[i+2], s.ctxSuf[i+2] = s.words[i].norm, s.words[i].normSuf
	}
	s.ties = 0
	p1 := tagRef{"-START-", m.idStart, -1}
	p2 := tagRef{"-START2-", m.idStart2, -1}
	for i, t := range s.toks {
		w := &s.words[i]
		text := clean[t.start:t.end]
		var tg tagRef
		switch {
		case text == "-":
			tg = tagRef{"-", m.idDash, m.idDash}
		case isEmoticon(text):
			tg = tagRef{"SYM", m.idSym, m.idSymLow}
		case text[0] == '@' || strings.IndexByte(text, '@') >= 0 && emailRE.MatchString(text) ||
			mayBeLink(text) && linkRE.MatchString(text):
			tg = tagRef{"NN", m.idNN, m.idNNLow}
		case (text == "0" || text[0] == '*') && noneRE.MatchString(text):
			tg = tagRef{"-NONE-", m.idNoneTag, m.idDashNone}
		case isKeep(text):
			tg = tagRef{text, w.raw, m.lookupLower(text)}
		case w.raw >= 0 && m.tagDict[w.raw] >= 0:
			tg = m.classTag(int(m.tagDict[w.raw]))
		default:
			tg = m.predict(s, i, w, p1.id, p2.id)
		}
		w.tag = tg
		p2 = p1
		p1 = tg
	}
}

func (m *Model) classTag(c int) tagRef {
	return tagRef{m.classes[c], m.classID[c], m.classLow[c]}
}

// predict is prose's averagedPerceptron.predict over featurize's
// features: the class with the highest sum of weights among the classes
// some feature has a weight for. Weights are integers (× 1000), so the
// sums are exact whatever their order.
func (m *Model) predict(s *scratch, i int, w *word, p1, p2 int32) tagRef {
	var score [64]int32
	var touched uint64
	add := func(t int, a, b int32) {
		v, ok := m.feature(t, a, b)
		if !ok {
			return
		}
		for _, x := range m.posW[v>>6 : v>>6+v&63] {
			c := x & 0xff
			score[c] += x >> 8
			touched |= 1 << c
		}
	}
	e := m.idEmpty
	c := i + 2 // the word's place in the context
	score, touched = m.posBias, m.posBiasTouched
	add(tISuffix, w.rawSuf, e)
	add(tIPref1, w.pref1, e)
	add(tIm1Tag, p1, e)
	add(tIm2Tag, p2, e)
	add(tITagIm2Tag, p1, p2)
	add(tIWord, s.ctx[c], e)
	add(tIm1TagIWord, p1, s.ctx[c])
	add(tIm1Word, s.ctx[c-1], e)
	add(tIm1Suffix, s.ctxSuf[c-1], e)
	add(tIm2Word, s.ctx[c-2], e)
	add(tIp1Word, s.ctx[c+1], e)
	add(tIp1Suffix, s.ctxSuf[c+1], e)
	add(tIp2Word, s.ctx[c+2], e)
	if touched == 0 {
		return tagRef{"", m.idEmpty, m.idEmpty} // prose's max of no scores
	}
	best, cls, tied := int32(math.MinInt32), -1, false
	for t := touched; t != 0; t &= t - 1 {
		k := bits.TrailingZeros64(t)
		switch {
		case cls < 0 || score[k] > best:
			best, cls, tied = score[k], k, false
		case score[k] == best:
			tied = true
		}
	}
	if tied {
		s.ties++
	}
	return m.classTag(cls)
}

// classify is prose's entityExtracter.classify: for each token in turn,
// the label whose weights, summed in prose's feature order, are highest,
// the previous token's label feeding the next. It reads the tags prose's
// tokens hold after tagging: those of each token's last occurrence.
func (m *Model) classify(s *scratch) {
	n := len(s.toks)
	nl := len(m.labels)
	s.acc = grow(s.acc, nl)
	e := m.idEmpty
	prevTag := m.idNone // history: simplePOS of the previous label
	for i := range s.toks {
		w := &s.words[i]
		ft := &s.words[s.last[s.toks[i].ident]].tag // the tag prose's token holds
		var nextWord, nextPos, prevWord, prevPos, prevShape int32 = m.idNone, m.idNone, m.idNone, m.idNone, m.idNone
		if i+1 < n {
			nextWord = s.words[i+1].lower
			nextPos = s.words[s.last[s.toks[i+1].ident]].tag.low
		}
		if i > 0 {
			prevWord = s.words[i-1].lower
			prevPos = s.words[s.last[s.toks[i-1].ident]].tag.id
		}
		if i > 1 {
			prevShape = m.shapeID[s.words[i-1].shape]
		}
		acc := s.acc[:nl]
		add := func(t int, a, b int32) {
			v, ok := m.feature(t, a, b)
			if !ok {
				return
			}
			for _, x := range m.nerW[v>>6 : v>>6+v&63] {
				acc[x.label] += x.w
			}
		}
		copy(acc, m.nerBias[b2i(w.basic)]) // bias and en-wordlist, added in that order at load
		add(nNextpos, nextPos, e)
		add(nNextword, nextWord, e)
		add(nPos, ft.id, e)
		add(nPosPrevtag, ft.id, prevTag)
		add(nPrefix3, w.pre3, e)
		add(nPrevpos, prevPos, e)
		add(nPrevtag, prevTag, e)
		add(nPrevword, prevWord, e)
		add(nShape, m.shapeID[w.shape], e)
		add(nShapePrevtag, prevShape, prevTag)
		add(nSuffix3, w.suf3, e)
		add(nWord, w.raw, e)
		add(nWordNextpos, w.lower, nextPos)
		add(nWordLower, w.lower, e)
		add(nWordlen, w.wlen, e)
		best, label := math.Inf(-1), 0
		for l, v := range acc {
			if v > best {
				best, label = v, l
			}
		}
		w.label = uint8(label)
		prevTag = m.history[label]
	}
}

// chunk is prose's entityExtracter.chunk over the labels and tags prose's
// tokens hold in the end (each token's last occurrence): runs of tokens
// that open with a label other than O, extended by a matching inside label,
// the same tag, or a number after a labelled token, and closed by O or the
// inside label; a run still open at the end of the text is dropped. With
// names set, it appends the names instead and returns nil.
func (m *Model) chunk(s *scratch, clean string, names *[]tagger.Name) []Entity {
	var out []Entity
	end := -1 // the label that closes the open run; -1: none ("")
	parts := s.parts[:0]
	O := m.labelO
	for i, t := range s.toks {
		fw := &s.words[s.last[t.ident]]
		label := int(fw.label)
		var prev *word
		if len(parts) > 0 {
			prev = &s.words[s.last[s.toks[parts[len(parts)-1]].ident]]
		}
		switch {
		case label != O && label != end ||
			prev != nil && fw.tag.s == prev.tag.s ||
			prev != nil && fw.tag.s == "CD" && int(prev.label) != O:
			end = m.labelEnd[label]
			parts = append(parts, int32(i))
		case label == O && end != -1 || label == end:
			if label != O {
				parts = append(parts, int32(i))
			}
			if names != nil {
				*names = append(*names, tagger.Name{Text: entityText(s, clean, parts), Class: m.entityLabel(s, parts)})
			} else {
				out = append(out, m.coalesce(s, clean, parts))
			}
			end = -1
			parts = parts[:0]
		}
	}
	s.parts = parts
	return out
}

// entityLabel is prose's parseEntities: PERSON for two tokens one of which
// is B-PERSON, else the type of the first token's label.
func (m *Model) entityLabel(s *scratch, parts []int32) string {
	if len(parts) == 2 {
		for _, p := range parts {
			if m.labels[s.words[s.last[s.toks[p].ident]].label] == "B-PERSON" {
				return "PERSON"
			}
		}
	}
	l := m.labels[s.words[s.last[s.toks[parts[0]].ident]].label]
	_, typ, _ := strings.Cut(l, "-")
	typ, _, _ = strings.Cut(typ, "-")
	return typ
}

// entityText joins the tokens' texts with single spaces.
func entityText(s *scratch, clean string, parts []int32) string {
	first, last := s.toks[parts[0]], s.toks[parts[len(parts)-1]]
	contiguous := true // the tokens already stand one space apart
	for k := 1; k < len(parts); k++ {
		a, b := s.toks[parts[k-1]], s.toks[parts[k]]
		if parts[k] != parts[k-1]+1 || b.start != a.end+1 || clean[a.end] != ' ' {
			contiguous = false
			break
		}
	}
	if contiguous {
		return clean[first.start:last.end]
	}
	var b strings.Builder
	for k, p := range parts {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(clean[s.toks[p].start:s.toks[p].end])
	}
	return b.String()
}

func (m *Model) coalesce(s *scratch, clean string, parts []int32) Entity {
	first, last := s.toks[parts[0]], s.toks[parts[len(parts)-1]]
	return Entity{Text: entityText(s, clean, parts), Label: m.entityLabel(s, parts),
		Start: s.orig(first.start), End: s.orig(last.end), First: int(parts[0]), Last: int(parts[len(parts)-1]) + 1}
}
