package speakers

import (
	"testing"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/tagger"
)

// TestCalleesShared resolves the testdata documents with an Index that
// remembers the calls of all of them, resolved before in another order,
// and checks each against a resolution with an Index that remembers none.
func TestCalleesShared(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	tg := tagger.New(lex, nil)
	docs := testDocs(t)
	shared := NewIndex(lex)
	for i := range docs {
		resolved(docs[len(docs)-1-i], tg, shared, false)
	}
	if shared.calls.n.Load() == 0 {
		t.Fatal("no call remembered")
	}
	fresh := NewIndex(lex)
	fresh.calls = nil // nothing remembered: each call checked anew
	for _, doc := range docs {
		if got, want := resolved(doc, tg, shared, false), resolved(doc, tg, fresh, true); got != want {
			t.Fatalf("%s with the calls of other documents:\n%s\nwant\n%s", doc.Source, got, want)
		}
	}
}
