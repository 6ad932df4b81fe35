package write_test

import (
	"context"
	"io"
	"testing"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline"
	"github.com/turntag/turntag/pipeline/internal/testdocs"
	"github.com/turntag/turntag/pipeline/read"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/pipeline/write"
	"github.com/turntag/turntag/tagger"
)

// BenchmarkCSVEncode encodes the turn rows of the testdata transcripts,
// read and tagged in lexicon-only mode before the loop. Bytes are the
// files' sizes.
func BenchmarkCSVEncode(b *testing.B) {
	lex, err := lexicon.Default()
	if err != nil {
		b.Fatal(err)
	}
	p := pipeline.New(tagger.New(lex, nil))
	docs, n := testdocs.Docs(b, func(name string, src []byte) (*transcript.Document, error) {
		if _, err := read.DetectFormat(name); err != nil {
			return nil, nil // not a transcript format
		}
		return p.Document(context.Background(), name, src)
	}, "../../testdata/transcripts/*", "../../testdata/real/*/*")
	var enc write.CSVEncoder
	b.SetBytes(n)
	b.ReportAllocs()
	turns := 0
	for b.Loop() {
		for _, doc := range docs {
			if _, err := enc.Encode(doc); err != nil {
				b.Fatal(err)
			}
			turns += len(doc.Turns)
		}
	}
	b.ReportMetric(float64(turns)/b.Elapsed().Seconds(), "turns/s")
}

// BenchmarkCSVWriter is BenchmarkCSVEncode through a Writer, as the tag
// command renders and writes documents: its encoder renders each document
// into a buffer that WriteEncoded reuses once it has written it.
func BenchmarkCSVWriter(b *testing.B) {
	lex, err := lexicon.Default()
	if err != nil {
		b.Fatal(err)
	}
	p := pipeline.New(tagger.New(lex, nil))
	docs, n := testdocs.Docs(b, func(name string, src []byte) (*transcript.Document, error) {
		if _, err := read.DetectFormat(name); err != nil {
			return nil, nil // not a transcript format
		}
		return p.Document(context.Background(), name, src)
	}, "../../testdata/transcripts/*", "../../testdata/real/*/*")
	w := write.NewWriter(io.Discard, write.CSVEncoder{})
	b.SetBytes(n)
	b.ReportAllocs()
	turns := 0
	for b.Loop() {
		for _, doc := range docs {
			enc, err := w.Encoder().Encode(doc)
			if err != nil {
				b.Fatal(err)
			}
			if err := w.WriteEncoded(enc); err != nil {
				b.Fatal(err)
			}
			turns += len(doc.Turns)
		}
	}
	b.ReportMetric(float64(turns)/b.Elapsed().Seconds(), "turns/s")
}
