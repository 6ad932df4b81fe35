package transcript_test

import (
	"testing"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline/internal/testdocs"
	"github.com/turntag/turntag/pipeline/read"
	"github.com/turntag/turntag/pipeline/transcript"
)

// BenchmarkNormalize normalises the turns of the testdata transcripts,
// parsed before the loop. Bytes are the files' sizes.
func BenchmarkNormalize(b *testing.B) {
	lex, err := lexicon.Default()
	if err != nil {
		b.Fatal(err)
	}
	r := read.New(lex)
	docs, n := testdocs.Docs(b, func(name string, src []byte) (*transcript.Document, error) {
		if _, err := read.DetectFormat(name); err != nil {
			return nil, nil // not a transcript format
		}
		return r.Parse(name, src)
	}, "../../testdata/transcripts/*", "../../testdata/real/*/*")
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, doc := range docs {
			doc.Normalize()
		}
	}
}
