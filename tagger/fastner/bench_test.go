package fastner_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jdkato/prose/v2"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/tagger"
	"github.com/turntag/turntag/tagger/fastner"
)

// benchTurns returns the paragraphs of the bundled .txt transcripts, about
// one turn each (the texts tagger's BenchmarkProseNER reads), and their
// size.
func benchTurns(b *testing.B) ([]string, int64) {
	b.Helper()
	paths, _ := filepath.Glob("../../testdata/transcripts/*.txt")
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

// BenchmarkFastNER is fastner on every turn: tokens, tags, labels,
// entities.
func BenchmarkFastNER(b *testing.B) {
	turns, n := benchTurns(b)
	m, err := fastner.Default()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(n)
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		for _, t := range turns {
			if _, err := m.Names(t); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportCPU(b, n, cpu)
	b.ReportMetric(float64(len(turns)*b.N)/b.Elapsed().Seconds(), "turns/s")
}

// BenchmarkProseNER is prose's NewDocument (shared model, segmentation
// off) on the same turns: the reference.
func BenchmarkProseNER(b *testing.B) {
	turns, n := benchTurns(b)
	model := proseModel()
	b.SetBytes(n)
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		for _, t := range turns {
			doc, err := prose.NewDocument(t, prose.UsingModel(model), prose.WithSegmentation(false))
			if err != nil {
				b.Fatal(err)
			}
			_ = doc.Entities()
		}
	}
	reportCPU(b, n, cpu)
	b.ReportMetric(float64(len(turns)*b.N)/b.Elapsed().Seconds(), "turns/s")
}

// BenchmarkLoad decodes the embedded model.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := fastner.Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// reportCPU adds MB/s per CPU second, the process's CPU time since start
// (garbage collection included): on a busy machine it is steadier than
// MB/s by the wall clock.
func reportCPU(b *testing.B, n int64, start time.Duration) {
	if d := cpuTime() - start; d > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/1e6/d.Seconds(), "MB/cpu-s")
	}
}

// BenchmarkTagFastNER is the tagger's default mode over the same turns as
// tagger's BenchmarkTagNER, with fastner's NER in place of prose's.
func BenchmarkTagFastNER(b *testing.B) {
	turns, n := benchTurns(b)
	lex, err := lexicon.Default()
	if err != nil {
		b.Fatal(err)
	}
	if err := (fastner.Finder{}).Warm(); err != nil {
		b.Fatal(err)
	}
	tg := tagger.New(lex, fastner.Finder{})
	b.SetBytes(n)
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		d := tg.NewDoc()
		for _, t := range turns {
			if _, err := d.Tag(t); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportCPU(b, n, cpu)
	b.ReportMetric(float64(len(turns)*b.N)/b.Elapsed().Seconds(), "turns/s")
}
