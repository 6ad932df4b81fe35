package speakers

import (
	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/tagger"
)

// Index is the lexicon's people by surname and office, built once per
// lexicon and shared read-only.
type Index struct{ ppl *people }

// NewIndex indexes the lexicon's people.
func NewIndex(lex *lexicon.Lexicon) *Index { return &Index{ppl: newPeople(lex)} }

// Resolver resolves the speakers of one document.
type Resolver struct{ s speakers }

// New returns a resolver for one document, registering full names with td
// so that later surnames resolve to them.
func New(tg *tagger.Tagger, td *tagger.Doc, idx *Index) *Resolver {
	return &Resolver{s: speakers{lex: tg.Lexicon(), tg: tg, td: td, ppl: idx.ppl}}
}

// Prepare fills doc.Byline and registers the names known before any turn
// is read.
func (r *Resolver) Prepare(doc *transcript.Document) { r.s.prepare(doc) }

// Turn sets turn i's speaker.
func (r *Resolver) Turn(doc *transcript.Document, i int) { r.s.resolveTurn(doc, i) }

// Settle makes the document's speakers consistent once every turn has one.
func (r *Resolver) Settle(doc *transcript.Document) { r.s.settle(doc) }
