package speakers

import (
	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/tagger"
)

// Index is the lexicon's people by surname and office, and its
// organisations' web sites: built once per lexicon, shared read-only but
// for a memory of the calls on questioners checked and of the roles
// cleaned, which is safe for concurrent use.
type Index struct {
	ppl   *people
	w     *words
	calls *callees // the calls on questioners checked so far, which documents share
	roles *roles   // the roles cleaned so far, which documents share
}

// NewIndex indexes a compiled lexicon's people and sites, and reads its
// word lists.
func NewIndex(lex *lexicon.Lexicon) *Index {
	return &Index{ppl: newPeople(lex), w: newWords(lex), calls: newCallees(), roles: newRoles()}
}

// Resolve sets the Speaker of every turn of doc. It reads the document's
// metadata, byline and labels, and the text of the turns before each one
// (where a person may be introduced in full); it writes Turn.Speaker and
// nothing else. tg gives the lexicon lookups and a name registry for the
// document; nothing is tagged.
func Resolve(doc *transcript.Document, tg *tagger.Tagger, idx *Index) {
	resolve(doc, tg, idx, nil)
}

// resolve is Resolve with the scratch sc, or, when sc is nil, one kept
// from documents resolved before.
func resolve(doc *transcript.Document, tg *tagger.Tagger, idx *Index, sc *scratch) {
	s := &speakers{lex: tg.Lexicon(), tg: tg, reg: tg.NewDoc(), ppl: idx.ppl, w: idx.w, callees: idx.calls, roles: idx.roles, sc: sc}
	if sc != nil {
		s.sentence = sc.sentence
	}
	defer s.reg.Release()
	defer s.release()
	s.prepare(doc)
	for i := range doc.Turns {
		s.resolveTurn(doc, i)
	}
	s.settle(doc)
	doc.Warnings = append(doc.Warnings, clampSpeakers(doc)...)
}
