package read

import (
	"testing"

	"github.com/turntag/turntag/pipeline/internal/testdocs"
)

// BenchmarkReadHTMLReal reads the real Kremlin and State Department pages
// of testdata with readHTML alone: title, date, lead and text, without
// parsing the text into turns.
func BenchmarkReadHTMLReal(b *testing.B) {
	_, srcs, n := testdocs.Files(b, "../../testdata/real/*/*.html")
	pages := make([]string, len(srcs))
	for i, src := range srcs {
		pages[i] = string(src)
	}
	h := &testReader(b).lex.html
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, page := range pages {
			if _, err := h.readHTML(page); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkReadHTMLRealByTree is BenchmarkReadHTMLReal with every page's
// tree from html.Parse, as readHTML read pages before parseSimple.
func BenchmarkReadHTMLRealByTree(b *testing.B) {
	_, srcs, n := testdocs.Files(b, "../../testdata/real/*/*.html")
	pages := make([]string, len(srcs))
	for i, src := range srcs {
		pages[i] = string(src)
	}
	h := &testReader(b).lex.html
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, page := range pages {
			h.readHTMLByTree(page)
		}
	}
}
