package read

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/turntag/turntag/pipeline/internal/testdocs"
)

// BenchmarkParseMarkdown reads the real White House transcripts of
// testdata (markdown with front matter).
func BenchmarkParseMarkdown(b *testing.B) { benchRead(b, "../../testdata/real/*/*.md") }

// BenchmarkParseHTML reads the real Kremlin and State Department pages of
// testdata.
func BenchmarkParseHTML(b *testing.B) { benchRead(b, "../../testdata/real/*/*.html") }

// BenchmarkParseCorpus reads the transcripts of the folder that
// TURNTAG_CORPUS names, and of its subfolders, as the batch runner reads
// a folder: each file in its format, the mix of formats and sizes being
// the corpus's. It is skipped when TURNTAG_CORPUS is not set.
func BenchmarkParseCorpus(b *testing.B) {
	dir := os.Getenv("TURNTAG_CORPUS")
	if dir == "" {
		b.Skip("TURNTAG_CORPUS names no folder")
	}
	benchRead(b, filepath.Join(dir, "*", "*.*"), filepath.Join(dir, "*.*"))
}

// benchRead parses every file matching the patterns in its format.
func benchRead(b *testing.B, patterns ...string) {
	paths, srcs, n := testdocs.Files(b, patterns...)
	r := testReader(b)
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

// BenchmarkRenderMarkdown renders the bodies of the real White House
// transcripts of testdata, front matter included, as plain text.
func BenchmarkRenderMarkdown(b *testing.B) {
	_, srcs, n := testdocs.Files(b, "../../testdata/real/*/*.md")
	texts := make([]string, len(srcs))
	for i, src := range srcs {
		texts[i] = string(src)
	}
	b.SetBytes(n)
	for b.Loop() {
		for _, text := range texts {
			renderBody(text, true)
		}
	}
}

// BenchmarkByline reads the people named in the titles and header lines
// of the real White House transcripts of testdata.
func BenchmarkByline(b *testing.B) {
	paths, srcs, _ := testdocs.Files(b, "../../testdata/real/*/*.md")
	r := testReader(b)
	var lines []string
	n := 0
	for i, src := range srcs {
		doc, err := r.Parse(filepath.Base(paths[i]), src)
		if err != nil {
			b.Fatal(err)
		}
		for _, l := range append([]string{doc.Title}, headerLines(doc)...) {
			lines = append(lines, l)
			n += len(l)
		}
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			bylinePeople(l, r.lex)
		}
	}
}
