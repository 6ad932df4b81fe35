// Package testdocs reads the transcripts of testdata for the pipeline's
// benchmarks: one way to find the files, read them and parse them, so
// that each benchmark measures only its stage.
package testdocs

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/turntag/turntag/pipeline/transcript"
)

// Files returns the files matching patterns (filepath.Glob), their bytes
// and the total size; it stops the benchmark when none match.
func Files(tb testing.TB, patterns ...string) (paths []string, srcs [][]byte, size int64) {
	tb.Helper()
	for _, pattern := range patterns {
		ps, err := filepath.Glob(pattern)
		if err != nil {
			tb.Fatal(err)
		}
		paths = append(paths, ps...)
	}
	if len(paths) == 0 {
		tb.Fatalf("no transcripts match %q", patterns)
	}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		srcs = append(srcs, src)
		size += int64(len(src))
	}
	return paths, srcs, size
}

// Docs parses the files matching patterns with parse, given each file's
// base name, and returns the documents and the size of their files. parse
// returns nil and no error for a file to leave out (a format it does not
// read).
func Docs(tb testing.TB, parse func(name string, src []byte) (*transcript.Document, error), patterns ...string) ([]*transcript.Document, int64) {
	tb.Helper()
	paths, srcs, _ := Files(tb, patterns...)
	var docs []*transcript.Document
	var size int64
	for i, p := range paths {
		doc, err := parse(filepath.Base(p), srcs[i])
		if err != nil {
			tb.Fatal(err)
		}
		if doc != nil {
			docs = append(docs, doc)
			size += int64(len(srcs[i]))
		}
	}
	if len(docs) == 0 {
		tb.Fatalf("no transcripts in %q", patterns)
	}
	return docs, size
}
