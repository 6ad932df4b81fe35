package tagger

import (
	"sync"

	"github.com/jdkato/prose/v2"
)

// Name is a candidate name found by a NameFinder: its text as it appears in
// the input and the finder's class (PERSON, GPE, ORGANIZATION, ...).
type Name struct {
	Text  string
	Class string
}

// NameFinder finds candidate names in text; tests pass a stub.
type NameFinder interface {
	Names(text string) ([]Name, error)
}

// model is prose's default model, built once and shared read-only: without
// prose.UsingModel every NewDocument call would rebuild it.
var model = sync.OnceValue(func() *prose.Model {
	doc, _ := prose.NewDocument("", prose.WithSegmentation(false))
	return doc.Model
})

// Prose is the NameFinder backed by prose's statistical NER. Its zero value
// is ready; it is safe for concurrent use.
type Prose struct{}

// Warm loads prose's model now rather than on the first call.
func (Prose) Warm() { model() }

// Names runs prose's tokeniser, tagger and NER over text. Sentence
// segmentation is off: prose would reload its segmenter on every call, and
// the entities are the same without it.
func (Prose) Names(text string) ([]Name, error) {
	doc, err := prose.NewDocument(text,
		prose.UsingModel(model()),
		prose.WithSegmentation(false))
	if err != nil {
		return nil, err
	}
	ents := doc.Entities()
	out := make([]Name, len(ents))
	for i, e := range ents {
		out[i] = Name{Text: e.Text, Class: e.Label}
	}
	return out, nil
}
