package sense

import (
	"container/heap"
	_ "embed"
	"hash/fnv"
	"strconv"
	"strings"
	"unicode"

	"github.com/turntag/turntag/lexicon"
)

//go:embed stopwords.txt
var stopwordsText string

// stopwords are the words left out of every context: function words and
// fillers, which never tell one sense from another.
var stopwords = func() map[string]bool {
	out := map[string]bool{}
	for _, l := range strings.Split(stopwordsText, "\n") {
		l, _, _ = strings.Cut(l, "#")
		for _, w := range strings.Fields(l) {
			out[lexicon.FoldKey(w)] = true
		}
	}
	return out
}()

// Options tune the check; a zero field takes its default.
type Options struct {
	Window         int     // words on either side of a match that make its context; default 12
	MinOccurrences int     // contexts (turns with a match) a cue needs to be judged; default 12
	Sample         int     // contexts kept per cue (a sample fixed by hashing, the same on every run); default 300
	MinSplit       float64 // split from which a cue is a suspect, in [0, 1]; default 0.6
}

func (o Options) withDefaults() Options {
	if o.Window <= 0 {
		o.Window = 12
	}
	if o.MinOccurrences <= 0 {
		o.MinOccurrences = 12
	}
	if o.Sample <= 0 {
		o.Sample = 300
	}
	if o.MinSplit <= 0 {
		o.MinSplit = 0.6
	}
	return o
}

// Context is one match of a cue in its text, for a person to read.
type Context struct {
	Source string // the text's source, as given to Add
	Line   int    // the 1-based line given to Add (a turn's first line)
	Text   string // the words around the match on one line, the match in [brackets]
}

// Checker collects the contexts of a lexicon's cues over a corpus. Make
// one with New, call Add for every turn, then Suspects. It is not safe for
// concurrent use.
type Checker struct {
	lex   *lexicon.Lexicon
	opt   Options
	ids   map[string]int32 // context word -> id
	words []string         // id -> word
	df    []int32          // id -> turns with the word
	last  []int32          // id -> the last turn that counted it in df
	turns int32
	cues  map[*lexicon.Phrase]*cue
	toks  []lexicon.Token
}

// cue is what the checker knows of one phrase.
type cue struct {
	phrase *lexicon.Phrase
	topic  *lexicon.Topic // for a topic cue
	entry  *lexicon.Entry // for a capital
	n      int            // matches in the corpus
	turns  int            // turns with a match
	sample occHeap        // the kept contexts: those with the lowest hashes
}

type occurrence struct {
	hash    uint64
	words   []int32 // context word ids, repeats kept
	support bool    // the turn has other evidence for the cue's topic
	ctx     Context
}

// New returns a checker for a compiled lexicon.
func New(lex *lexicon.Lexicon, opt Options) *Checker {
	return &Checker{lex: lex, opt: opt.withDefaults(), ids: map[string]int32{}, cues: map[*lexicon.Phrase]*cue{}}
}

// Turns returns the number of texts added.
func (c *Checker) Turns() int { return int(c.turns) }

// Add matches the lexicon in one text (a turn) and records, for every
// topic cue or capital that matches, its context in the text: the words
// within Window words of its matches (one context per cue and text).
// Source and line say where the text is, for the sample contexts.
func (c *Checker) Add(source string, line int, text string) {
	c.turns++
	c.toks = lexicon.AppendTokens(c.toks[:0], text)
	toks := c.toks
	// word ids of the turn, for df and for the contexts; -1: not a context word
	wid := make([]int32, len(toks))
	for i, t := range toks {
		wid[i] = -1
		if !t.Word || len(t.Norm) < 2 || !hasLetter(t.Norm) || stopwords[t.Norm] {
			continue
		}
		id, ok := c.ids[t.Norm]
		if !ok {
			id = int32(len(c.words))
			c.ids[t.Norm] = id
			c.words = append(c.words, t.Norm)
			c.df = append(c.df, 0)
			c.last = append(c.last, 0)
		}
		if c.last[id] != c.turns {
			c.last[id] = c.turns
			c.df[id]++
		}
		wid[i] = id
	}
	matches := c.lex.MatchTokens(text, toks)
	// one context per cue and turn: a turn uses a word in one sense, and
	// the windows of a cue said three times in a row are one context
	byPhrase := map[*lexicon.Phrase][]int{}
	var phrases []*lexicon.Phrase
	for k, m := range matches {
		if m.Role != lexicon.RoleCue && m.Role != lexicon.RoleCapital {
			continue
		}
		if byPhrase[m.Phrase] == nil {
			phrases = append(phrases, m.Phrase)
		}
		byPhrase[m.Phrase] = append(byPhrase[m.Phrase], k)
	}
	for _, ph := range phrases {
		ks := byPhrase[ph]
		m := matches[ks[0]]
		cu := c.cues[ph]
		if cu == nil {
			cu = &cue{phrase: ph, topic: m.Topic}
			if m.Role == lexicon.RoleCapital {
				cu.topic, cu.entry = nil, m.Entry
			}
			c.cues[ph] = cu
		}
		cu.n += len(ks)
		cu.turns++
		h := hash(source, line, m.Start)
		if len(cu.sample) >= c.opt.Sample && h >= cu.sample[0].hash {
			continue
		}
		o := &occurrence{hash: h, support: supported(matches, ks[0])}
		inMatch := map[int]bool{}
		own := map[int32]bool{}
		var windows [][2]int
		for _, k := range ks {
			first, end := span(toks, matches[k].Start, matches[k].End)
			for i := first; i < end; i++ {
				inMatch[i] = true
				own[wid[i]] = true
			}
			if first >= 0 {
				windows = append(windows, [2]int{toks[first].Index - c.opt.Window, toks[end-1].Index + c.opt.Window})
			}
		}
		for i, t := range toks {
			if wid[i] < 0 || inMatch[i] || own[wid[i]] {
				continue
			}
			for _, w := range windows {
				if t.Index >= w[0] && t.Index <= w[1] {
					o.words = append(o.words, wid[i])
					break
				}
			}
		}
		o.ctx = Context{Source: source, Line: line, Text: kwic(text, m.Start, m.End)}
		heap.Push(&cu.sample, o)
		if len(cu.sample) > c.opt.Sample {
			heap.Pop(&cu.sample)
		}
	}
}

// span returns the tokens [first, end) of the byte span [start, end).
func span(toks []lexicon.Token, start, end int) (int, int) {
	first, last := -1, -1
	for i, t := range toks {
		if t.Start >= end {
			break
		}
		if t.Start >= start {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	return first, last + 1
}

// supported reports whether another phrase of the turn is evidence for a
// topic that match k is evidence for.
func supported(ms []lexicon.Match, k int) bool {
	own := topicsOf(ms[k])
	for j, m := range ms {
		if j == k || m.Phrase == ms[k].Phrase {
			continue
		}
		for _, t := range topicsOf(m) {
			for _, o := range own {
				if t == o {
					return true
				}
			}
		}
	}
	return false
}

// topicsOf returns the ids of the topics a match is evidence for.
func topicsOf(m lexicon.Match) []string {
	if m.Topic != nil {
		return []string{m.Topic.ID}
	}
	if m.Entry != nil {
		return m.Entry.Topics
	}
	return nil
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func hash(source string, line, start int) uint64 {
	h := fnv.New64a()
	h.Write([]byte(source))
	h.Write([]byte{0})
	h.Write([]byte(strconv.Itoa(line)))
	h.Write([]byte{0})
	h.Write([]byte(strconv.Itoa(start)))
	return h.Sum64()
}

// kwic returns the match with up to about 60 bytes of text on either side,
// cut at spaces, on one line.
func kwic(text string, start, end int) string {
	const side = 60
	lo, hi := max(0, start-side), min(len(text), end+side)
	for lo > 0 && lo < start && text[lo-1] != ' ' {
		lo++
	}
	for hi < len(text) && hi > end && text[hi] != ' ' {
		hi--
	}
	var sb strings.Builder
	if lo > 0 {
		sb.WriteString("…")
	}
	sb.WriteString(text[lo:start])
	sb.WriteString("[" + text[start:end] + "]")
	sb.WriteString(text[end:hi])
	if hi < len(text) {
		sb.WriteString("…")
	}
	return strings.Join(strings.Fields(sb.String()), " ")
}

// occHeap is a max-heap of occurrences by hash: the top is the first to go
// when a sample is full.
type occHeap []*occurrence

func (h occHeap) Len() int           { return len(h) }
func (h occHeap) Less(i, j int) bool { return h[i].hash > h[j].hash }
func (h occHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *occHeap) Push(x any)        { *h = append(*h, x.(*occurrence)) }
func (h *occHeap) Pop() any {
	old := *h
	o := old[len(old)-1]
	*h = old[:len(old)-1]
	return o
}
