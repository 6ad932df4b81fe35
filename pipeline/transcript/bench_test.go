package transcript_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/turntag/turntag/lexicon"
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
	var paths []string
	for _, pattern := range []string{"../../testdata/transcripts/*", "../../testdata/real/*/*"} {
		ps, _ := filepath.Glob(pattern)
		paths = append(paths, ps...)
	}
	var docs []*transcript.Document
	var n int64
	for _, p := range paths {
		if _, err := read.DetectFormat(p); err != nil {
			continue
		}
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		doc, err := r.Parse(filepath.Base(p), src)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
		n += int64(len(src))
	}
	if len(docs) == 0 {
		b.Fatal("no transcripts")
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, doc := range docs {
			doc.Normalize()
		}
	}
}
