package speakers_test

import (
	"testing"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline/internal/testdocs"
	"github.com/turntag/turntag/pipeline/read"
	"github.com/turntag/turntag/pipeline/speakers"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/tagger"
)

// BenchmarkResolve resolves the speakers of the testdata transcripts,
// parsed and normalised before the loop. Bytes are the files' sizes.
func BenchmarkResolve(b *testing.B) {
	lex, err := lexicon.Default()
	if err != nil {
		b.Fatal(err)
	}
	tg, r, idx := tagger.New(lex, nil), read.New(lex), speakers.NewIndex(lex)
	docs, n := testdocs.Docs(b, func(name string, src []byte) (*transcript.Document, error) {
		if _, err := read.DetectFormat(name); err != nil {
			return nil, nil // not a transcript format
		}
		doc, err := r.Parse(name, src)
		if doc != nil {
			doc.Normalize()
		}
		return doc, err
	}, "../../testdata/transcripts/*", "../../testdata/real/*/*")
	b.SetBytes(n)
	b.ReportAllocs()
	turns := 0
	for b.Loop() {
		for _, doc := range docs {
			for i := range doc.Turns {
				doc.Turns[i].Speaker = transcript.Speaker{}
			}
			doc.Warnings = doc.Warnings[:0]
			speakers.Resolve(doc, tg, idx)
			turns += len(doc.Turns)
		}
	}
	b.ReportMetric(float64(turns)/b.Elapsed().Seconds(), "turns/s")
}
