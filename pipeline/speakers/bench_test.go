package speakers_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/turntag/turntag/lexicon"
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
		doc.Normalize()
		docs = append(docs, doc)
		n += int64(len(src))
	}
	if len(docs) == 0 {
		b.Fatal("no transcripts")
	}
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
