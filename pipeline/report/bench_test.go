package report_test

import (
	"io"
	"testing"

	"github.com/turntag/turntag/pipeline/report"
)

// BenchmarkBuild builds the report of the bundled transcripts, already
// tagged: packing every document view, the summary and the page. The
// whole command, tagging included, is BenchmarkReport in cmd/turntag.
func BenchmarkBuild(b *testing.B) {
	c := loadCorpus(b)
	var size int64
	turns := 0
	for _, d := range c.docs {
		size += int64(len(d.Body))
		turns += len(d.Turns)
	}
	b.SetBytes(size)
	for b.Loop() {
		r := report.New(report.Options{Lexicon: c.lex})
		for _, d := range c.docs {
			if err := r.AddDocument(d); err != nil {
				b.Fatal(err)
			}
		}
		if err := r.Write(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(turns*b.N)/b.Elapsed().Seconds(), "turns/s")
}
