package lexicon

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchText is the bundled transcripts joined.
func benchText(b *testing.B) string {
	b.Helper()
	paths, _ := filepath.Glob("../testdata/transcripts/*.txt")
	var sb strings.Builder
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(src)
	}
	return sb.String()
}

// BenchmarkTokenize measures the normalising tokeniser.
func BenchmarkTokenize(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Tokenize(text)
	}
}

// BenchmarkMatch measures tokenising and matching with the default lexicon.
func BenchmarkMatch(b *testing.B) {
	lex, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	text := benchText(b)
	paras := strings.Split(text, "\n\n") // about one turn each
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range paras {
			lex.Match(p)
		}
	}
}
