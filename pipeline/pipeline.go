package pipeline

import (
	"context"
	"fmt"
	"sync"

	"github.com/turntag/turntag/pipeline/read"
	"github.com/turntag/turntag/pipeline/speakers"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/tagger"
)

// Pipeline parses transcripts and tags their turns with one shared tagger.
// It is safe for concurrent use.
type Pipeline struct {
	Tagger *tagger.Tagger

	once   sync.Once
	reader *read.Reader    // the lexicon as the reader's vocabulary, built on first use
	people *speakers.Index // the lexicon's people by surname and office, built on first use
}

// stages returns the reader and the people index, built once.
func (p *Pipeline) stages() (*read.Reader, *speakers.Index) {
	p.once.Do(func() {
		p.reader = read.New(p.Tagger.Lexicon())
		p.people = speakers.NewIndex(p.Tagger.Lexicon())
	})
	return p.reader, p.people
}

// New returns a pipeline over a tagger.
func New(t *tagger.Tagger) *Pipeline { return &Pipeline{Tagger: t} }

// Parse parses one transcript with the pipeline's lexicon's title words.
func (p *Pipeline) Parse(source string, src []byte) (*transcript.Document, error) {
	r, _ := p.stages()
	return r.Parse(source, src)
}

// ParseFormat parses src in the given format with the pipeline's title
// words.
func (p *Pipeline) ParseFormat(source string, f read.Format, src []byte) (*transcript.Document, error) {
	r, _ := p.stages()
	return r.ParseFormat(source, f, src)
}

// Document parses one transcript and tags every turn.
// It stops with ctx's error when ctx is cancelled.
func (p *Pipeline) Document(ctx context.Context, source string, src []byte) (*transcript.Document, error) {
	doc, err := p.Parse(source, src)
	if err != nil {
		return nil, err
	}
	return doc, p.Tag(ctx, doc)
}

// Tag runs the stages after reading: it resolves the document's speakers,
// then adds mentions and tags to every turn. Every speaker of the
// document is known to the tagger from the start, so that a surname or
// first name in the text resolves to the speaker of that name ("Sullivan"
// to Jake Sullivan; "Let's go to Said" to the questioner who speaks next).
// Mention offsets are byte offsets into the turn's normalised text
// (Document.TurnText). Tag checks ctx between turns and returns its error
// when it is cancelled.
func (p *Pipeline) Tag(ctx context.Context, doc *transcript.Document) error {
	doc.Normalize()
	_, idx := p.stages()
	speakers.Resolve(doc, p.Tagger, idx)
	td := p.Tagger.NewDoc()
	defer td.Release()
	td.SkipMatches() // no turn keeps them
	td.SetHome(doc.Country)
	for _, t := range doc.Turns {
		td.AddPerson(t.Speaker.Name) // every speaker is known throughout: a moderator names the next questioner before they speak
	}
	for i := range doc.Turns {
		if err := ctx.Err(); err != nil {
			return err
		}
		t := &doc.Turns[i]
		td.AddPerson(t.Speaker.Name) // known from their first turn on
		res, err := td.Tag(doc.TurnText(*t))
		if err != nil {
			return &transcript.Error{File: doc.Source, Line: t.Line, Err: fmt.Errorf("tagging turn %d: %w", i+1, err)}
		}
		t.Mentions, t.Tags, t.Unknown = res.Mentions, res.Tags, res.Unknown
	}
	return nil
}
