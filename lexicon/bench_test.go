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

// realTurns returns the real transcripts of ../testdata/real (White House
// markdown, Kremlin and State Department HTML) cut into lines and HTML
// paragraphs, about one turn or paragraph each, and their total size in
// bytes.
func realTurns(b *testing.B) ([]string, int) {
	b.Helper()
	var paths []string
	for _, pat := range []string{"../testdata/real/*/*.md", "../testdata/real/*/*.html"} {
		ps, _ := filepath.Glob(pat)
		paths = append(paths, ps...)
	}
	if len(paths) == 0 {
		b.Fatal("no real transcripts in ../testdata/real")
	}
	var turns []string
	size := 0
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		for _, line := range strings.Split(string(src), "\n") {
			for _, t := range strings.Split(line, "<p") {
				turns = append(turns, t)
				size += len(t)
			}
		}
	}
	return turns, size
}

// BenchmarkTokenizeReal measures the tokeniser on real transcripts, one
// turn at a time into a reused buffer, as the tagger calls it.
func BenchmarkTokenizeReal(b *testing.B) {
	turns, size := realTurns(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var toks []Token
	for b.Loop() {
		for _, t := range turns {
			toks = AppendTokens(toks[:0], t)
		}
	}
}

// BenchmarkTokenizeKeepReal measures Tokenize on real transcripts, one
// turn at a time, keeping the tokens of every turn as a caller that reads
// a document's turns again does; BenchmarkTokenizerReal is the same with
// a Tokenizer per document of a thousand turns.
func BenchmarkTokenizeKeepReal(b *testing.B) {
	benchTokenizeKeep(b, func() func(string) []Token { return Tokenize })
}

func BenchmarkTokenizerReal(b *testing.B) {
	benchTokenizeKeep(b, func() func(string) []Token { return new(Tokenizer).Tokenize })
}

func benchTokenizeKeep(b *testing.B, newDoc func() func(string) []Token) {
	turns, size := realTurns(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	kept := make([][]Token, len(turns))
	for b.Loop() {
		var tokenize func(string) []Token
		for n, t := range turns {
			if n%1000 == 0 {
				tokenize = newDoc()
			}
			kept[n] = tokenize(t)
		}
	}
}

// BenchmarkTextTokenizeReal is BenchmarkTokenizeReal with the words
// hashed for the matchers as the tagger has them: Text.Tokenize, which
// does both in one pass. BenchmarkTextResetReal is its reference, the
// tokeniser and then Text.Reset's pass.
func BenchmarkTextTokenizeReal(b *testing.B) {
	benchTextTokenize(b, func(x *Text, toks []Token, text string) []Token { return x.Tokenize(toks, text) })
}

// BenchmarkTextTokenizeForReal is BenchmarkTextTokenizeReal with the
// tokens marked for the default lexicon's tries, as the tagger has them:
// Text.TokenizeFor.
func BenchmarkTextTokenizeForReal(b *testing.B) {
	lex, err := LoadDefault()
	if err != nil {
		b.Fatal(err)
	}
	if err := lex.Compile(); err != nil {
		b.Fatal(err)
	}
	benchTextTokenize(b, func(x *Text, toks []Token, text string) []Token { return x.TokenizeFor(lex, toks, text) })
}

func BenchmarkTextResetReal(b *testing.B) {
	benchTextTokenize(b, func(x *Text, toks []Token, text string) []Token {
		toks = AppendTokens(toks, text)
		x.Reset(text, toks)
		return toks
	})
}

func benchTextTokenize(b *testing.B, tokenize func(*Text, []Token, string) []Token) {
	turns, size := realTurns(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var toks []Token
	var x Text
	for b.Loop() {
		for _, t := range turns {
			toks = tokenize(&x, toks[:0], t)
		}
	}
}

// BenchmarkMatchReal measures tokenising and matching real transcripts as
// the tagger does, one turn at a time: AppendTokens into a reused buffer,
// MatchTokens with the default lexicon and every taxonomy selected (the
// main matcher and a pass per other taxonomy), then MatchPlaces on the
// tokens the matches leave free. Matching alone is its time less
// BenchmarkTokenizeReal's.
func BenchmarkMatchReal(b *testing.B) {
	benchMatchReal(b, AppendTokens, (*Lexicon).MatchTokens, (*Lexicon).MatchPlaces)
}

// benchMatchReal is BenchmarkMatchReal with the given tokeniser and
// matchers.
func benchMatchReal(b *testing.B, tokenize func([]Token, string) []Token, match func(*Lexicon, string, []Token) []Match, places func(*Lexicon, string, []Token, []bool) []Match) {
	lex, err := LoadDefault()
	if err != nil {
		b.Fatal(err)
	}
	if err := lex.SelectTaxonomies(lex.Taxonomies()); err != nil {
		b.Fatal(err)
	}
	if err := lex.Compile(); err != nil {
		b.Fatal(err)
	}
	turns, size := realTurns(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	matches := 0
	var toks []Token
	var covered []bool
	for b.Loop() {
		for _, t := range turns {
			toks = tokenize(toks[:0], t)
			ms := match(lex, t, toks)
			covered = coveredBy(toks, ms, covered)
			matches += len(ms) + len(places(lex, t, toks, covered))
		}
	}
	b.ReportMetric(float64(matches)/b.Elapsed().Seconds(), "matches/s")
}

// coveredBy marks the tokens inside matches, as the tagger does before
// MatchPlaces, reusing buf.
func coveredBy(toks []Token, ms []Match, buf []bool) []bool {
	if cap(buf) < len(toks) {
		buf = make([]bool, len(toks))
	}
	buf = buf[:len(toks)]
	clear(buf)
	for _, m := range ms {
		i, j := tokenRange(toks, m)
		for k := i; k < j; k++ {
			buf[k] = true
		}
	}
	return buf
}

// BenchmarkMatchTextReal is BenchmarkMatchReal through a Text, as the
// tagger matches: MatchText and MatchTextPlaces share the hashing of the
// tokens' words.
func BenchmarkMatchTextReal(b *testing.B) {
	var x Text
	benchMatchReal(b, AppendTokens,
		func(l *Lexicon, text string, toks []Token) []Match {
			x.Reset(text, toks)
			return l.MatchText(&x)
		},
		func(l *Lexicon, _ string, _ []Token, covered []bool) []Match { return l.MatchTextPlaces(&x, covered) })
}
