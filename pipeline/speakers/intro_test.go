package speakers

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline/read"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/tagger"
)

// introForRef is introFor as it was before turns that cannot hold the
// name were passed over: every turn is tokenised and searched. It is the
// reference introFor is checked against.
func (s *speakers) introForRef(want []lexicon.Token) intro {
	var in intro
	for j := max(0, s.turn-maxIntroTurns); j < s.turn && in.name == ""; j++ {
		text := s.doc.TurnText(s.doc.Turns[j])
		in = s.introIn(text, lexicon.Tokenize(text), want, 0)
	}
	return in
}

// newTestSpeakers returns the speakers of doc on the default lexicon.
func newTestSpeakers(tb testing.TB, doc *transcript.Document) *speakers {
	tb.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		tb.Fatal(err)
	}
	tg, idx := tagger.New(lex, nil), NewIndex(lex)
	return &speakers{lex: lex, tg: tg, reg: tg.NewDoc(), ppl: idx.ppl, w: idx.w, doc: doc}
}

// addTurnSeeds seeds f with seeds and with the texts of the testdata
// turns (testDocs).
func addTurnSeeds(f *testing.F, seeds ...string) {
	for _, s := range seeds {
		f.Add(s)
	}
	for _, doc := range testDocs(f) {
		for i := range doc.Turns {
			f.Add(doc.TurnTextAt(i))
		}
	}
}

// testDocs parses and normalises the transcripts of testdata.
func testDocs(tb testing.TB) []*transcript.Document {
	tb.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		tb.Fatal(err)
	}
	r := read.New(lex)
	var paths []string
	for _, pattern := range []string{"../../testdata/transcripts/*", "../../testdata/real/*/*"} {
		ps, _ := filepath.Glob(pattern)
		paths = append(paths, ps...)
	}
	var docs []*transcript.Document
	for _, p := range paths {
		if _, err := read.DetectFormat(p); err != nil {
			continue
		}
		src, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		doc, err := r.Parse(filepath.Base(p), src)
		if err != nil {
			tb.Fatal(err)
		}
		doc.Normalize()
		docs = append(docs, doc)
	}
	if len(docs) == 0 {
		tb.Fatal("no transcripts in testdata")
	}
	return docs
}

// splitDoc makes a document of text with a turn for each paragraph.
func splitDoc(text string) *transcript.Document {
	doc := &transcript.Document{Body: text}
	start := 0
	for {
		i := strings.Index(text[start:], "\n\n")
		if i < 0 {
			doc.Turns = append(doc.Turns, transcript.Turn{Text: transcript.Span{Start: start, End: len(text)}})
			return doc
		}
		doc.Turns = append(doc.Turns, transcript.Turn{Text: transcript.Span{Start: start, End: start + i}})
		start += i + 2
	}
}

// TestIntroForMatchesRef looks up the names of each testdata transcript's
// labels, and every capitalised word of its text, at its last turn, with
// introFor and with the reference.
func TestIntroForMatchesRef(t *testing.T) {
	for _, doc := range testDocs(t) {
		s := newTestSpeakers(t, doc)
		s.turn = len(doc.Turns)
		names := map[string]bool{"Pérez": true, "Jake Sullivan": true, "O'Brien": true}
		for _, tr := range doc.Turns {
			names[tr.Label.Name] = true
			for _, w := range strings.Fields(tr.Label.Name) {
				names[w] = true
			}
			for _, tk := range lexicon.Tokenize(doc.TurnText(tr)) {
				if tk.Word && tk.IsCapitalised() {
					names[tk.Text] = true
				}
			}
		}
		found := 0
		for name := range names {
			want := lexicon.Tokenize(name)
			if len(want) == 0 {
				continue // no name: introIn needs a token to look for
			}
			got, ref := s.introFor(want), s.introForRef(want)
			if got != ref {
				t.Errorf("%s: introFor(%q) = %+v, the reference gives %+v", doc.Source, name, got, ref)
			}
			if got.name != "" {
				found++
			}
		}
		if found == 0 && len(doc.Turns) > 20 {
			t.Logf("%s: no name of %d is introduced", doc.Source, len(names))
		}
	}
}

func FuzzIntroFor(f *testing.F) {
	for _, doc := range testDocs(f)[:4] {
		body := doc.Body
		if len(body) > 1200 {
			body = body[:1200]
		}
		f.Add(body, "Sullivan")
	}
	f.Add("With us is National Security Advisor Jake Sullivan.\n\nThanks.", "Sullivan")
	f.Add("Minister Pérez spoke.\n\nMINISTER PEREZ: Yes.", "Perez")
	f.Add("And Mayor Nir- — Nirenberg has been a leader.", "Nirenberg")
	f.Add("Said O’Brien and J. Kelvin Kelly", "O'Brien")
	f.Add("Thanks, Kirby. Admiral John\vKirby and John \u00a0Kirby, JOHN KIRBY.", "Kirby")
	f.Add("Jake Sullivan2 and Jake SullivanX and Jake-Sullivan, and then Jake Sullivan.", "Jake Sullivan")
	f.Add("Admiral Kirby, then Mr. Kirby, then the Kirby and JOHN KIRBY and John  Kirby.", "Kirby")
	f.Add("Jake  --Sullivan and Jake.Sullivan and Jake\u00a0Sullivan and Lloyd J. Austin", "Jake Sullivan")
	f.Add("Press Secretary, then Press "+strings.Repeat("- ", 40)+"Secretary said.", "Press Secretary")
	f.Add("Press Secretary, Press Secretary and Press Secretary"+strings.Repeat(" and more", 20), "Press Secretary")
	f.Add("Mr. Kirby, John"+strings.Repeat(" ", 40)+"Kirby, Admiral John Kirby.", "Kirby")
	s := newTestSpeakers(f, nil)
	f.Fuzz(func(t *testing.T, text, name string) {
		s.doc = splitDoc(text)
		s.release() // the tokens of the text before: the arena is not to grow from one input to the next
		s.turn, s.wide, s.toks = len(s.doc.Turns), nil, nil
		want := lexicon.Tokenize(name)
		if len(want) == 0 {
			return // no name: introIn needs a token to look for
		}
		if got, ref := s.introFor(want), s.introForRef(want); got != ref {
			t.Errorf("introFor(%q) in %q = %+v, the reference gives %+v", name, text, got, ref)
		}
	})
}

// hasWideWordRef is hasWideWord as it was before it skipped eight ASCII
// bytes at a time: the reference it is checked against.
func hasWideWordRef(text string) bool {
	for _, r := range text {
		if r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)) {
			return true
		}
	}
	return false
}

func FuzzHasWideWord(f *testing.F) {
	for _, s := range []string{"", "plain ASCII text, twenty bytes", "Pérez", "a quote’s end", "0123456é", "01234567é", "\xff\xfe", "abcdefgh\u0301", "“Hi” — no", "a\u2071b", "x\u206f\u2070\u207f", "\u2040…\u2000", "\xe2\x80", "\xe2\x81\xb1", "\xe2\x80a", "sixteen ASCII bytes, then ’é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasWideWord(s), hasWideWordRef(s); got != want {
			t.Errorf("hasWideWord(%q) = %v, want %v", s, got, want)
		}
	})
}
