package speakers

import (
	"sync"

	"github.com/turntag/turntag/lexicon"
)

// scratch is the memory a speakers value reuses from one document to the
// next: the tokens of the turns it searches, and its per-turn lists.
type scratch struct {
	tz        lexicon.Tokenizer            // the tokens of turns and names, one after another, in blocks it shares between them
	toks      [][]lexicon.Token            // speakers.toks
	cuts      []int                        // speakers.cuts
	wide      []int8                       // speakers.wide
	sentence  []lexicon.Token              // speakers.sentence
	fixed     map[string]int32             // speakers.fixed, cleared
	fixedList []fixedLabel                 // speakers.fixedList
	intros    map[string]intro             // speakers.intros, cleared
	holders   map[holderKey]*lexicon.Entry // speakers.holders, cleared
	byRoles   map[string]roleHolder        // speakers.byRoles, cleared
	persons   map[string]personAnswer      // speakers.persons, cleared
	added     map[string]bool              // speakers.added, cleared
	nameAt    map[string]int32             // speakers.nameAt, cleared
	roles     []string                     // speakers.roleOf, cleared
	ids       []int32                      // speakers.ids
}

// maxKept bounds the entries of a map that a scratch keeps for the next
// document: a map is cleared to its capacity, which a larger one would
// make every later document pay for.
const maxKept = 256

// scratches hold the scratch of documents resolved before.
var scratches = sync.Pool{New: func() any { return new(scratch) }}

// tokens returns the tokens of text, kept for the document.
func (sc *scratch) tokens(text string) []lexicon.Token { return sc.tz.Tokenize(text) }

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

// keep returns the map a scratch keeps for the next document, m cleared,
// when it is no larger than maxKept, else old (nil when m is old).
func keep[K comparable, V any](m, old map[K]V) map[K]V {
	if m == nil {
		return old
	}
	if len(m) > maxKept {
		return nil
	}
	clear(m)
	return m
}

// release hands the scratch back for another document, keeping what s
// made: the tokenizer starts again in its block of tokens, the lists are
// readied again when next used.
func (s *speakers) release() {
	sc := s.sc
	if sc == nil {
		return
	}
	s.sc = nil
	sc.tz.Reset()
	if s.toks != nil {
		clear(s.toks) // tokens of this document: not kept reachable
	}
	sc.sentence = s.sentence
	sc.fixed = keep(s.fixed, sc.fixed)
	if s.fixedList != nil {
		clear(s.fixedList) // labels and names of this document: not kept reachable
		sc.fixedList = s.fixedList[:0]
	}
	sc.intros = keep(s.intros, sc.intros)
	sc.holders = keep(s.holders, sc.holders)
	sc.byRoles = keep(s.byRoles, sc.byRoles)
	sc.persons = keep(s.persons, sc.persons)
	sc.added = keep(s.added, sc.added)
	sc.nameAt = keep(s.nameAt, sc.nameAt)
	if s.roleOf != nil {
		clear(s.roleOf) // roles of this document: not kept reachable
		sc.roles = s.roleOf[:0]
	}
	if s.ids != nil {
		sc.ids = s.ids
	}
	scratches.Put(sc)
}
