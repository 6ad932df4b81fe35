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

// BenchmarkLoadDefault measures decoding the embedded snapshot of the
// default lexicon, what start-up pays before Compile.
func BenchmarkLoadDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadDefault(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadDefaultYAML measures parsing the default lexicon's YAML,
// what start-up paid before the snapshot and what lexicon check pays.
func BenchmarkLoadDefaultYAML(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadDefaultYAML(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompileDefault measures compiling the default lexicon's
// matcher, the rest of what start-up pays for the lexicon.
func BenchmarkCompileDefault(b *testing.B) {
	l, err := LoadDefault()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := l.Compile(); err != nil {
			b.Fatal(err)
		}
	}
}
