package read

import (
	"bytes"
	"testing"

	"golang.org/x/net/html"

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

// BenchmarkReadTreeReal reads the trees of the real Kremlin and State
// Department pages of testdata, parsed before the loop: readTree alone
// (metadata, content region and text).
func BenchmarkReadTreeReal(b *testing.B) {
	_, srcs, n := testdocs.Files(b, "../../testdata/real/*/*.html")
	roots := make([]*html.Node, len(srcs))
	for i, src := range srcs {
		root, err := html.Parse(bytes.NewReader(src))
		if err != nil {
			b.Fatal(err)
		}
		roots[i] = root
	}
	h := &testReader(b).lex.html
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for i, root := range roots {
			h.readTree(root, len(srcs[i]))
		}
	}
}
