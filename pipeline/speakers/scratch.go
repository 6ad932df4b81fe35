package speakers

import (
	"sync"

	"github.com/turntag/turntag/lexicon"
)

// scratch is the memory a speakers value reuses from one document to the
// next: the tokens of the turns it searches, and its per-turn lists.
type scratch struct {
	arena    []lexicon.Token   // the tokens of turns, one after another; a full arena is replaced by a larger one
	toks     [][]lexicon.Token // speakers.toks
	cuts     []int             // speakers.cuts
	wide     []int8            // speakers.wide
	sentence []lexicon.Token   // speakers.sentence
}

// scratches hold the scratch of documents resolved before.
var scratches = sync.Pool{New: func() any { return new(scratch) }}

// minArena is the fewest tokens an arena is made for.
const minArena = 4096

// tokens returns the tokens of text, made in the arena.
func (sc *scratch) tokens(text string) []lexicon.Token {
	a := sc.arena
	if need := len(text)/3 + 8; cap(a)-len(a) < need { // as much as AppendTokens grows by
		a = make([]lexicon.Token, 0, max(need, 2*cap(a), minArena))
	}
	start := len(a)
	a = lexicon.AppendTokens(a, text)
	sc.arena = a
	return a[start:len(a):len(a)]
}

// perTurn readies the per-turn lists for a document of n turns: toks and
// cuts, or wide, as asked, cleared.
func (sc *scratch) perTurn(n int, tokens bool) {
	if tokens {
		sc.toks = resize(sc.toks, n)
		sc.cuts = resize(sc.cuts, n)
	} else {
		sc.wide = resize(sc.wide, n)
	}
}

// resize returns s with length n, its elements zero.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// release hands the scratch back for another document, keeping what s
// made: the arena is emptied, the lists readied again when next used.
func (s *speakers) release() {
	sc := s.sc
	if sc == nil {
		return
	}
	s.sc = nil
	sc.arena = sc.arena[:0]
	if s.toks != nil {
		clear(s.toks) // tokens of this document: not kept reachable
	}
	sc.sentence = s.sentence
	scratches.Put(sc)
}
