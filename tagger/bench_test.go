package tagger

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchTurns returns the paragraphs of the bundled .txt transcripts, about
// one turn each, and their total size.
func benchTurns(b *testing.B) ([]string, int64) {
	b.Helper()
	paths, _ := filepath.Glob("../testdata/transcripts/*.txt")
	var out []string
	var n int64
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		for _, para := range strings.Split(string(src), "\n\n") {
			if strings.TrimSpace(para) != "" {
				out = append(out, para)
				n += int64(len(para))
			}
		}
	}
	return out, n
}

// BenchmarkProseNER is prose's NewDocument (shared model, segmentation
// off) on every turn: the reference the default mode is measured against.
func BenchmarkProseNER(b *testing.B) {
	turns, n := benchTurns(b)
	Prose{}.Warm()
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range turns {
			if _, err := (Prose{}).Names(t); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(turns)*b.N)/b.Elapsed().Seconds(), "turns/s")
}

// BenchmarkTagNER is the tagger's default mode: lexicon, known people,
// the NER on the sentences that need it, vetoes and topic scoring.
func BenchmarkTagNER(b *testing.B) { benchTag(b, Prose{}) }

// BenchmarkTagLexicon is the tagger without the NER.
func BenchmarkTagLexicon(b *testing.B) { benchTag(b, nil) }

func benchTag(b *testing.B, ner NameFinder) {
	turns, n := benchTurns(b)
	tg := New(defaultLexicon(b), ner)
	Prose{}.Warm()
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		d := tg.NewDoc()
		for _, t := range turns {
			if _, err := d.Tag(t); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(turns)*b.N)/b.Elapsed().Seconds(), "turns/s")
}

// BenchmarkScore measures topic scoring alone, over matches found once,
// with one scorer as a document has.
func BenchmarkScore(b *testing.B) {
	turns, n := benchTurns(b)
	tg := New(defaultLexicon(b), nil)
	type pre struct {
		text string
		res  Result
	}
	var pres []pre
	for _, t := range turns {
		res, _ := tg.NewDoc().Tag(t)
		pres = append(pres, pre{t, res})
	}
	b.SetBytes(n)
	b.ReportAllocs()
	var s scorer // as a Doc keeps one
	for b.Loop() {
		for _, p := range pres {
			s.score(tg.lex, p.text, p.res.Matches, nil)
		}
	}
}

// realTurns returns the lines of the bundled real transcripts (markdown
// and HTML, cut at each paragraph tag), about a turn each, and their
// total size.
func realTurns(b *testing.B) ([]string, int64) {
	b.Helper()
	var paths []string
	for _, pat := range []string{"../testdata/real/*/*.md", "../testdata/real/*/*.html"} {
		ps, _ := filepath.Glob(pat)
		paths = append(paths, ps...)
	}
	if len(paths) == 0 {
		b.Fatal("no real transcripts in ../testdata/real")
	}
	var out []string
	var n int64
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		for _, line := range strings.Split(string(src), "\n") {
			for _, t := range strings.Split(line, "<p") {
				if strings.TrimSpace(t) != "" {
					out = append(out, t)
					n += int64(len(t))
				}
			}
		}
	}
	return out, n
}

// BenchmarkTagReal is Doc.Tag without the NER on real transcripts, a
// document per file's worth of turns: the tagger's share of lexicon-only
// mode.
func BenchmarkTagReal(b *testing.B) {
	turns, n := realTurns(b)
	tg := New(defaultLexicon(b), nil)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		d := tg.NewDoc()
		for _, t := range turns {
			if _, err := d.Tag(t); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(turns)*b.N)/b.Elapsed().Seconds(), "turns/s")
}
