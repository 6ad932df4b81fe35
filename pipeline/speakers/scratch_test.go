package speakers

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/tagger"
)

// resolved returns a copy of doc with its speakers resolved, by Resolve
// or, when fresh, with a scratch of its own, and what it says of them.
func resolved(doc *transcript.Document, tg *tagger.Tagger, idx *Index, fresh bool) string {
	d := *doc
	d.Turns = slices.Clone(doc.Turns)
	d.Warnings = slices.Clone(doc.Warnings)
	for i := range d.Turns {
		d.Turns[i].Speaker = transcript.Speaker{}
	}
	if fresh {
		resolve(&d, tg, idx, new(scratch))
	} else {
		Resolve(&d, tg, idx)
	}
	var b strings.Builder
	for i, t := range d.Turns {
		fmt.Fprintf(&b, "%d %q %q %q\n", i+1, t.Speaker.Name, t.Speaker.Role, t.Speaker.Affiliation)
	}
	fmt.Fprintf(&b, "country %q, warnings %q\n", d.Country, d.Warnings)
	return b.String()
}

// TestScratchReuse resolves the testdata documents one after another, in
// two orders, with the scratch and the Index of the documents before, and
// checks each against a resolution with a scratch and an Index of its own.
func TestScratchReuse(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	tg, idx := tagger.New(lex, nil), NewIndex(lex)
	docs := testDocs(t)
	want := make([]string, len(docs))
	for i, doc := range docs {
		want[i] = resolved(doc, tg, NewIndex(lex), true) // nothing remembered from other documents
	}
	for pass := range 2 {
		for k := range docs {
			i := k
			if pass == 1 {
				i = len(docs) - 1 - k
			}
			if got := resolved(docs[i], tg, idx, false); got != want[i] {
				t.Fatalf("%s after other documents:\n%s\nwant\n%s", docs[i].Source, got, want[i])
			}
		}
	}
}

// TestScratchParallel resolves the testdata documents in several
// goroutines at once, sharing an Index, as batch workers do (run with
// -race), and checks each against a resolution with an Index of its own.
func TestScratchParallel(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	tg, idx := tagger.New(lex, nil), NewIndex(lex)
	docs := testDocs(t)
	want := make([]string, len(docs))
	for i, doc := range docs {
		want[i] = resolved(doc, tg, NewIndex(lex), true) // nothing remembered from other documents
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for k := range docs {
				i := (k*5 + g) % len(docs)
				if got := resolved(docs[i], tg, idx, false); got != want[i] {
					t.Errorf("%s, in parallel:\n%s\nwant\n%s", docs[i].Source, got, want[i])
					return
				}
			}
		})
	}
	wg.Wait()
}

// resolveTurnRef is resolveTurn as it was before a turn whose speaker is
// registered already skipped registering it: the reference it is checked
// against.
func (s *speakers) resolveTurnRef(doc *transcript.Document, i int) {
	s.turn = i
	t := &doc.Turns[i]
	switch {
	case t.Label == (transcript.Label{}) && i > 0:
		t.Speaker = doc.Turns[i-1].Speaker
	case t.Label == (transcript.Label{}):
		if len(s.byline) > 0 {
			t.Speaker = s.byline[0]
		}
	default:
		sp, ok := s.fixedSpeaker(t.Label)
		if !ok {
			sp = s.fromLabel(t.Label, s.byline)
			if transcript.CountFields(sp.Name, 2) >= 2 {
				s.fix(t.Label, sp)
			}
		}
		t.Speaker = sp
	}
	if transcript.CountFields(t.Speaker.Name, 2) >= 2 {
		s.addPerson(t.Speaker.Name)
	}
}

// TestResolveTurnMatchesRef resolves each testdata document with
// resolveTurn and with resolveTurnRef, and compares the speakers.
func TestResolveTurnMatchesRef(t *testing.T) {
	lex := mustDefault(t)
	tg, idx := tagger.New(lex, nil), NewIndex(lex)
	for _, doc := range testDocs(t) {
		var got [2][]transcript.Speaker
		for k, ref := range []bool{false, true} {
			d := *doc
			d.Turns = slices.Clone(doc.Turns)
			s := &speakers{lex: lex, tg: tg, reg: tg.NewDoc(), ppl: idx.ppl, w: idx.w, callees: idx.calls, roles: idx.roles, sc: new(scratch)}
			s.prepare(&d)
			for i := range d.Turns {
				d.Turns[i].Speaker = transcript.Speaker{}
				if ref {
					s.resolveTurnRef(&d, i)
				} else {
					s.resolveTurn(&d, i)
				}
			}
			s.settle(&d)
			for _, tr := range d.Turns {
				got[k] = append(got[k], tr.Speaker)
			}
			s.reg.Release()
		}
		if !slices.Equal(got[0], got[1]) {
			t.Errorf("%s: resolveTurn gives %v, the reference %v", doc.Source, got[0], got[1])
		}
	}
}

// settleRef is settle as it was before each person's role was kept by the
// place of their name: the reference it is checked against.
func (s *speakers) settleRef(doc *transcript.Document) {
	var full map[string]string // made at the first surname alone: until then, no name has changed
	for i := range doc.Turns {
		sp := &doc.Turns[i].Speaker
		if transcript.CountFields(sp.Name, 2) == 1 {
			if full == nil {
				full = s.fullNames(doc)
			}
			if f := full[lexicon.FoldKey(strings.TrimSpace(sp.Name))]; f != "" {
				sp.Name = f
			}
		}
		sp.Role = s.cleanRole(sp.Role)
	}
	roles := map[string]string{}
	for _, b := range doc.Byline {
		if b.Name != "" && s.cleanRole(b.Role) != "" && roles[b.Name] == "" {
			roles[b.Name] = s.cleanRole(b.Role)
		}
	}
	for i := range doc.Turns {
		sp := &doc.Turns[i].Speaker
		if sp.Name == "" || sp.Role == "" || s.w.partRoles[sp.Role] {
			continue
		}
		if r := roles[sp.Name]; r == "" || len(sp.Role) > len(r) && containsAll(roleWords(sp.Role), roleWords(r)) && !s.fromByline(doc, sp.Name) {
			roles[sp.Name] = sp.Role // "Press Secretary" over "Secretary"
		}
	}
	for i := range doc.Turns {
		sp := &doc.Turns[i].Speaker
		if r := roles[sp.Name]; r != "" && sp.Name != "" && !s.w.partRoles[sp.Role] {
			sp.Role = r
		}
	}
	for i := 1; i < len(doc.Turns); i++ {
		t := &doc.Turns[i]
		if !t.Label.Question || t.Speaker.Name != "" {
			continue
		}
		// the operator may open the line between the call and the question
		for j := i - 1; j >= 0 && j >= i-2; j-- {
			if name, outlet := s.calledOn(j); name != "" {
				t.Speaker.Name = s.named(doc.TurnTextAt(i), name)
				if t.Speaker.Affiliation == "" {
					t.Speaker.Affiliation = outlet
				}
				break
			}
			if doc.Turns[j].Speaker.Role != "Operator" {
				break
			}
		}
		if t.Speaker.Name == "" && i >= 2 && s.stillAsking(doc, i) {
			t.Speaker = doc.Turns[i-2].Speaker
		}
	}
}

// TestSettleMatchesRef settles each testdata document's speakers with
// settle and with settleRef, twice in a row with the same scratch, and
// compares them.
func TestSettleMatchesRef(t *testing.T) {
	lex := mustDefault(t)
	tg, idx := tagger.New(lex, nil), NewIndex(lex)
	sc := new(scratch)
	for _, doc := range append(testDocs(t), testDocs(t)...) {
		var got [2][]transcript.Speaker
		for k, ref := range []bool{false, true} {
			d := *doc
			d.Turns = slices.Clone(doc.Turns)
			s := &speakers{lex: lex, tg: tg, reg: tg.NewDoc(), ppl: idx.ppl, w: idx.w, callees: idx.calls, roles: idx.roles, sc: sc}
			s.prepare(&d)
			for i := range d.Turns {
				d.Turns[i].Speaker = transcript.Speaker{}
				s.resolveTurn(&d, i)
			}
			if ref {
				s.settleRef(&d)
			} else {
				s.settle(&d)
			}
			for _, tr := range d.Turns {
				got[k] = append(got[k], tr.Speaker)
			}
			s.reg.Release()
			s.release()
			sc = scratches.Get().(*scratch)
		}
		if !slices.Equal(got[0], got[1]) {
			t.Errorf("%s: settle gives %v, the reference %v", doc.Source, got[0], got[1])
		}
	}
}
