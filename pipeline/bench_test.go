package pipeline

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline/internal/testdocs"
	"github.com/turntag/turntag/pipeline/read"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/pipeline/write"
	"github.com/turntag/turntag/tagger"
)

func benchPipeline(b *testing.B, ner tagger.NameFinder) *Pipeline {
	b.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		b.Fatal(err)
	}
	return New(tagger.New(lex, ner))
}

// BenchmarkParse measures parsing alone (decode, header, labels, turns).
func BenchmarkParse(b *testing.B) {
	paths, srcs, n := testdocs.Files(b, "../testdata/transcripts/*")
	p := benchPipeline(b, nil)
	b.SetBytes(n)
	b.ReportAllocs()
	turns := 0
	for b.Loop() {
		for i, src := range srcs {
			turns += len(benchParse(b, p, paths[i], src).Turns)
		}
	}
	b.ReportMetric(float64(turns)/b.Elapsed().Seconds(), "turns/s")
}

// benchParse parses one bundled transcript in its format.
func benchParse(b *testing.B, p *Pipeline, path string, src []byte) *transcript.Document {
	f, _ := read.DetectFormat(path)
	doc, err := p.ParseFormat(filepath.Base(path), f, src)
	if err != nil {
		b.Fatal(err)
	}
	return doc
}

// BenchmarkEndToEndLexicon runs parse, speakers, lexicon matching, scoring
// and CSV writing without the NER.
func BenchmarkEndToEndLexicon(b *testing.B) { benchEndToEnd(b, nil, transcriptsGlob) }

// BenchmarkEndToEndLexiconReal is BenchmarkEndToEndLexicon over the real
// transcripts of testdata/real (White House markdown, Kremlin and State
// Department HTML), whose mix of formats and turn lengths the speed targets
// are set on.
func BenchmarkEndToEndLexiconReal(b *testing.B) {
	benchEndToEnd(b, nil, "../testdata/real/*/*")
}

// BenchmarkEndToEndNER is the default mode, with prose's NER.
func BenchmarkEndToEndNER(b *testing.B) { benchEndToEnd(b, tagger.Prose{}, transcriptsGlob) }

// transcriptsGlob names the bundled transcripts of every format.
const transcriptsGlob = "../testdata/transcripts/*"

func benchEndToEnd(b *testing.B, ner tagger.NameFinder, patterns ...string) {
	paths, srcs, n := testdocs.Files(b, patterns...)
	p := benchPipeline(b, ner)
	if pr, ok := ner.(tagger.Prose); ok {
		pr.Warm()
	}
	w := write.NewWriter(discard{}, write.CSVEncoder{})
	b.SetBytes(n)
	b.ReportAllocs()
	turns := 0
	for b.Loop() {
		for i, src := range srcs {
			doc := benchParse(b, p, paths[i], src)
			if err := p.Tag(context.Background(), doc); err != nil {
				b.Fatal(err)
			}
			if err := w.WriteDocument(doc); err != nil {
				b.Fatal(err)
			}
			turns += len(doc.Turns)
		}
	}
	b.ReportMetric(float64(turns)/b.Elapsed().Seconds(), "turns/s")
}

// BenchmarkCSV measures writing rows of already tagged documents.
func BenchmarkCSV(b *testing.B) {
	paths, srcs, n := testdocs.Files(b, "../testdata/transcripts/*")
	p := benchPipeline(b, nil)
	var docs []*transcript.Document
	for i, src := range srcs {
		doc := benchParse(b, p, paths[i], src)
		if err := p.Tag(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
	}
	w := write.NewWriter(discard{}, write.CSVEncoder{})
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if err := w.WriteDocument(d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
