package pipeline

import (
	"fmt"
	"sync"

	"github.com/turntag/turntag/tagger"
)

// Pipeline parses transcripts and tags their turns with one shared tagger.
// It is safe for concurrent use.
type Pipeline struct {
	Tagger *tagger.Tagger

	once   sync.Once
	people *people // the lexicon's people by surname and office, built on first use
}

// index returns the lexicon's people index, built once.
func (p *Pipeline) index() *people {
	p.once.Do(func() { p.people = newPeople(p.Tagger.Lexicon()) })
	return p.people
}

// New returns a pipeline over a tagger.
func New(t *tagger.Tagger) *Pipeline { return &Pipeline{Tagger: t} }

// Parse parses one transcript with the pipeline's lexicon's title words.
func (p *Pipeline) Parse(source string, src []byte) (*Document, error) {
	return parse(source, src, p.Tagger.Lexicon())
}

// Document parses one transcript and tags every turn.
func (p *Pipeline) Document(source string, src []byte) (*Document, error) {
	doc, err := p.Parse(source, src)
	if err != nil {
		return nil, err
	}
	return doc, p.Tag(doc)
}

// Tag resolves the document's speakers and adds mentions and tags to every
// turn, in order: a person named in full (a speaker, or in a turn's text)
// is known to every later turn, so "MR. SULLIVAN:" after "Jake Sullivan"
// was introduced resolves to him.
// Mention offsets are byte offsets into the turn's normalised text
// (Document.TurnText).
func (p *Pipeline) Tag(doc *Document) error {
	td := p.Tagger.NewDoc()
	sp := &speakers{lex: p.Tagger.Lexicon(), tg: p.Tagger, td: td, ppl: p.index()}
	sp.prepare(doc)
	for i := range doc.Turns {
		sp.resolveTurn(doc, i)
		t := &doc.Turns[i]
		t.clean, t.words = normalizeCount(doc.Body[t.Text.Start:t.Text.End])
		res, err := td.Tag(t.clean)
		if err != nil {
			return &ParseError{File: doc.Source, Line: t.Line, Err: fmt.Errorf("tagging turn %d: %w", i+1, err)}
		}
		t.Mentions, t.Tags, t.Unknown = res.Mentions, res.Tags, res.Unknown
	}
	sp.settle(doc)
	return nil
}
