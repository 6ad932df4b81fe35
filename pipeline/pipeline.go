package pipeline

import (
	"fmt"

	"github.com/turntag/turntag/tagger"
)

// Pipeline parses transcripts and tags their turns with one shared tagger.
// It is safe for concurrent use.
type Pipeline struct {
	Tagger *tagger.Tagger
}

// New returns a pipeline over a tagger.
func New(t *tagger.Tagger) *Pipeline { return &Pipeline{Tagger: t} }

// Parse parses one transcript with the pipeline's lexicon's title words.
func (p *Pipeline) Parse(source string, src []byte) (*Document, error) {
	return parse(source, src, p.Tagger.Lexicon().IsTitle)
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
// turn, in order: a speaker named in full is known to every later turn.
// Mention offsets are byte offsets into the turn's normalised text
// (Document.TurnText).
func (p *Pipeline) Tag(doc *Document) error {
	td := p.Tagger.NewDoc()
	sp := &speakers{lex: p.Tagger.Lexicon(), tg: p.Tagger, td: td}
	sp.resolve(doc)
	for i := range doc.Turns {
		t := &doc.Turns[i]
		res, err := td.Tag(doc.TurnText(*t))
		if err != nil {
			return &ParseError{File: doc.Source, Line: t.Line, Err: fmt.Errorf("tagging turn %d: %w", i+1, err)}
		}
		t.Mentions, t.Tags, t.Unknown = res.Mentions, res.Tags, res.Unknown
	}
	return nil
}
