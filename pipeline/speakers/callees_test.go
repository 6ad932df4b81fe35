package speakers

import (
	"testing"
	"unsafe"

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
	if shared.calls.m.Len() == 0 {
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

// TestCalleesKeepCopies remembers a call whose strings share the memory of
// a text that is then written over, as a reused buffer is: the memory must
// still answer for the call as it was.
func TestCalleesKeepCopies(t *testing.T) {
	c := newCallees()
	buf := []byte("Peter Doocy|Fox News")
	name, outlet := unsafe.String(&buf[0], 11), unsafe.String(&buf[12], 8)
	checks := 0
	check := func(name, outlet string) callee { checks++; return callee{name, outlet} }
	c.get(nil, name, outlet, check)
	copy(buf, "Xxxxx Xxxxx|Xxx Xxxx")
	got := c.get(nil, "Peter Doocy", "Fox News", check)
	if checks != 1 || got != (callee{"Peter Doocy", "Fox News"}) {
		t.Errorf("after the text was written over: %q, %d checks; want the call remembered as it was, 1 check", got, checks)
	}
}
