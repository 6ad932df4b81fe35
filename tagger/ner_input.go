package tagger

import (
	"strings"

	"github.com/turntag/turntag/lexicon"
)

// nerInput returns the sentences of text that may hold a name the lexicon
// and the document do not know, joined by spaces, or "" when there are
// none. A sentence qualifies when it has a capitalised word that no lexicon
// match or known person covers and that is neither a common word nor a
// title. The NER's cost grows with its input, and in press transcripts
// most sentences name only what the lexicon knows, so this keeps its
// results while feeding it a fraction of the text.
func (d *Doc) nerInput(text string, toks []lexicon.Token, covered []bool) string {
	type sentence struct {
		start, end int // token range
		keep       bool
	}
	var sents []sentence
	cur := sentence{}
	for i, t := range toks {
		if i > cur.start && newSentence(text, toks, i) {
			cur.end = i
			sents = append(sents, cur)
			cur = sentence{start: i}
		}
		if !cur.keep && t.Word && !covered[i] && t.IsCapitalised() && t.Text != "I" &&
			!d.t.lex.IsCommonToken(t) && !d.t.lex.IsTitleToken(t) {
			cur.keep = true
		}
	}
	cur.end = len(toks)
	if cur.end > cur.start {
		sents = append(sents, cur)
	}
	// a kept sentence takes its neighbours along: the NER reads context
	want := make([]bool, len(sents))
	for i, s := range sents {
		if s.keep {
			for k := max(0, i-1); k <= min(len(sents)-1, i+1); k++ {
				want[k] = true
			}
		}
	}
	var b strings.Builder
	for i := 0; i < len(sents); {
		if !want[i] {
			i++
			continue
		}
		j := i
		for j < len(sents) && want[j] {
			j++
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(text[toks[sents[i].start].Start:toks[sents[j-1].end-1].End])
		i = j
	}
	return b.String()
}

// newSentence reports whether token i starts a sentence or a line.
func newSentence(text string, toks []lexicon.Token, i int) bool {
	return strings.Contains(text[toks[i-1].End:toks[i].Start], "\n") || lexicon.SentenceStart(toks, i)
}
