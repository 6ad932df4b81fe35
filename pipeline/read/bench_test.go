package read

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParseMarkdown reads the real White House transcripts of
// testdata (markdown with front matter).
func BenchmarkParseMarkdown(b *testing.B) { benchRead(b, "../../testdata/real/*/*.md") }

// BenchmarkParseHTML reads the real Kremlin and State Department pages of
// testdata.
func BenchmarkParseHTML(b *testing.B) { benchRead(b, "../../testdata/real/*/*.html") }

// benchRead parses every file matching pattern in its format.
func benchRead(b *testing.B, pattern string) {
	paths, err := filepath.Glob(pattern)
	if err != nil || len(paths) == 0 {
		b.Fatal("no transcripts", err)
	}
	r := testReader(b)
	var srcs [][]byte
	var n int64
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, src)
		n += int64(len(src))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	turns := 0
	for b.Loop() {
		for i, src := range srcs {
			doc, err := r.Parse(filepath.Base(paths[i]), src)
			if err != nil {
				b.Fatal(err)
			}
			turns += len(doc.Turns)
		}
	}
	b.ReportMetric(float64(turns)/b.Elapsed().Seconds(), "turns/s")
}
