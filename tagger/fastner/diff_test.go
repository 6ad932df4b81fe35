package fastner_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline"
	"github.com/turntag/turntag/pipeline/read"
	"github.com/turntag/turntag/tagger"
	"github.com/turntag/turntag/tagger/fastner"
)

// proseModel is prose's default model, built once.
var proseModel = sync.OnceValue(func() *prose.Model {
	doc, _ := prose.NewDocument("", prose.WithSegmentation(false))
	return doc.Model
})

// corpus returns texts to compare on: the turns of every bundled and real
// transcript as the pipeline reads them, and each file's raw paragraphs
// (markup and all).
func corpus(t testing.TB) []string {
	t.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	p := pipeline.New(tagger.New(lex, nil))
	var texts []string
	for _, root := range []string{"../../testdata/transcripts", "../../testdata/real"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			f, err := read.DetectFormat(path)
			if err != nil {
				return nil // not a transcript (README, .tsv)
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, para := range strings.Split(string(src), "\n\n") {
				if strings.TrimSpace(para) != "" {
					texts = append(texts, para)
				}
			}
			doc, err := p.ParseFormat(path, f, src)
			if err != nil {
				return nil // the parse tests report it
			}
			doc.Normalize()
			for _, turn := range doc.Turns {
				texts = append(texts, doc.TurnText(turn))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(texts) == 0 {
		t.Fatal("no texts")
	}
	return texts
}

// TestSameAsProse runs prose and fastner over every bundled and real
// transcript and requires the same tokens, tags, labels and entities
// (text, label and span). With -short it takes every fourth text.
func TestSameAsProse(t *testing.T) {
	m, err := fastner.Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := corpus(t)
	step := 1
	if testing.Short() {
		step = 4
	}
	var tokens, entities, ties int
	for i := 0; i < len(texts); i += step {
		n, e, tie := compare(t, m, texts[i])
		tokens += n
		entities += e
		ties += tie
	}
	t.Logf("%d texts, %d tokens, %d entities identical (%d tied POS decisions)", (len(texts)+step-1)/step, tokens, entities, ties)
}

// compare checks one text and returns its numbers of tokens, entities and
// ties.
func compare(t testing.TB, m *fastner.Model, text string) (int, int, int) {
	t.Helper()
	want, panicked := proseRun(text)
	got, err := m.Analyze(text)
	if panicked != nil || err != nil {
		if panicked == nil || err != fastner.ErrProsePanics {
			t.Fatalf("%q: prose panics: %v; fastner: %v", text, panicked, err)
		}
		return 0, 0, 0
	}
	if d := diff(text, want, got); d != "" {
		if got.Ties > 0 {
			t.Logf("%q: %s (after %d tied POS decisions, which prose breaks at random)", short(text), d, got.Ties)
			return 0, 0, got.Ties
		}
		t.Fatalf("%q:\n%s", short(text), d)
	}
	return len(got.Tokens), len(got.Entities), got.Ties
}

func short(s string) string {
	if len(s) > 300 {
		return s[:300] + "..."
	}
	return s
}

// proseResult is what prose reports.
type proseResult struct {
	tokens   []prose.Token
	entities []prose.Entity
}

func proseRun(text string) (res proseResult, panicked any) {
	defer func() { panicked = recover() }()
	doc, err := prose.NewDocument(text, prose.UsingModel(proseModel()), prose.WithSegmentation(false))
	if err != nil {
		panic(err)
	}
	return proseResult{doc.Tokens(), doc.Entities()}, nil
}

// diff describes the first difference between prose's result and
// fastner's, or returns "".
func diff(text string, want proseResult, got *fastner.Analysis) string {
	for i := 0; i < max(len(want.tokens), len(got.Tokens)); i++ {
		if i >= len(want.tokens) || i >= len(got.Tokens) {
			return fmt.Sprintf("%d tokens from prose, %d from fastner", len(want.tokens), len(got.Tokens))
		}
		w, g := want.tokens[i], got.Tokens[i]
		if w.Text != g.Text || w.Tag != g.Tag || w.Label != g.Label {
			return fmt.Sprintf("token %d: prose %q/%s/%s, fastner %q/%s/%s", i, w.Text, w.Tag, w.Label, g.Text, g.Tag, g.Label)
		}
		if sanitize(text[g.Start:g.End]) != g.Text {
			return fmt.Sprintf("token %d %q: span [%d,%d) holds %q", i, g.Text, g.Start, g.End, text[g.Start:g.End])
		}
	}
	// the reference spans: prose's chunker over prose's own tokens,
	// checked against prose's entities
	ref := chunkRef(want.tokens)
	if len(ref) != len(want.entities) {
		return fmt.Sprintf("chunkRef finds %d entities, prose %d", len(ref), len(want.entities))
	}
	if len(got.Entities) != len(want.entities) {
		return fmt.Sprintf("%d entities from prose, %d from fastner", len(want.entities), len(got.Entities))
	}
	for i, w := range want.entities {
		g, r := got.Entities[i], ref[i]
		if r.text != w.Text || r.label != w.Label {
			return fmt.Sprintf("entity %d: chunkRef %q/%s, prose %q/%s", i, r.text, r.label, w.Text, w.Label)
		}
		if g.Text != w.Text || g.Label != w.Label || g.First != r.first || g.Last != r.last {
			return fmt.Sprintf("entity %d: prose %q/%s tokens [%d,%d), fastner %q/%s tokens [%d,%d)", i, w.Text, w.Label, r.first, r.last, g.Text, g.Label, g.First, g.Last)
		}
		if g.Start != got.Tokens[g.First].Start || g.End != got.Tokens[g.Last-1].End {
			return fmt.Sprintf("entity %d %q: span [%d,%d), tokens [%d,%d)", i, g.Text, g.Start, g.End, got.Tokens[g.First].Start, got.Tokens[g.Last-1].End)
		}
	}
	return ""
}

var sanitizer = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'", "&rsquo;", "'")

func sanitize(s string) string { return sanitizer.Replace(s) }

// refEntity is an entity with its token range.
type refEntity struct {
	text, label string
	first, last int
}

// chunkRef is prose's chunk and coalesce (extract.go), transcribed to
// return token ranges.
func chunkRef(tokens []prose.Token) []refEntity {
	var out []refEntity
	end := ""
	var parts []int
	for i, tok := range tokens {
		label := tok.Label
		n := len(parts)
		if (label != "O" && label != end) ||
			(n > 0 && tok.Tag == tokens[parts[n-1]].Tag) ||
			(n > 0 && tok.Tag == "CD" && tokens[parts[n-1]].Label != "O") {
			end = strings.Replace(label, "B", "I", 1)
			parts = append(parts, i)
		} else if (label == "O" && end != "") || label == end {
			if label != "O" {
				parts = append(parts, i)
			}
			var texts, labels []string
			for _, p := range parts {
				texts = append(texts, tokens[p].Text)
				labels = append(labels, tokens[p].Label)
			}
			l := strings.Split(labels[0], "-")[1]
			if len(labels) == 2 && (labels[0] == "B-PERSON" || labels[1] == "B-PERSON") {
				l = "PERSON"
			}
			out = append(out, refEntity{strings.Join(texts, " "), l, parts[0], parts[len(parts)-1] + 1})
			end = ""
			parts = nil
		}
	}
	return out
}
