package lexicon

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// testdataTexts returns the repository's transcripts, real and bundled,
// for the differential tests and as fuzz seeds.
func testdataTexts(tb testing.TB) []string {
	tb.Helper()
	var out []string
	for _, pat := range []string{"../testdata/transcripts/*.txt", "../testdata/real/*/*.md", "../testdata/real/*/*.html"} {
		paths, _ := filepath.Glob(pat)
		for _, p := range paths {
			src, err := os.ReadFile(p)
			if err != nil {
				tb.Fatal(err)
			}
			out = append(out, string(src))
		}
	}
	if len(out) == 0 {
		tb.Fatal("no transcripts in ../testdata")
	}
	return out
}

// addLineSeeds seeds f with the non-blank lines of testdataTexts and
// tokenizeSamples.
func addLineSeeds(f *testing.F) {
	for _, text := range append(testdataTexts(f), tokenizeSamples...) {
		for _, line := range strings.Split(text, "\n") {
			if strings.TrimSpace(line) != "" {
				f.Add(line)
			}
		}
	}
}

// tokenizeSamples are short texts that reach the tokeniser's corners.
var tokenizeSamples = []string{
	"", "a", "A", "Erdoğan's NATO-Ukraine talks", "`quoted´ “double” «guillemets»",
	"U.S. 9/11 — dash – en\u00adsoft", "ÀÉÎ Ωmega ß straße", "MIXEDcase123abc", "\xff\xfe bad utf8 \xc3",
	"tab\tform\fvert\vcr\r\nnl", "emoji 🙂 zero\u200bwidth", "Über-Ärger", "x\uFFFDy",
	"The Government’s “Internationalisation” — of WASHINGTONIANS, CounterTerrorismUnit and ab\u2032cd\u2033",
	"naïve don’t x\u2019 y\u203f z\u2040 q\xe2\x80 r\xe2\x80\x41 Longwordwithcaps Abcdefghijklmnop Abcdefghijklmnopq end",
	"Sixteen-letters: abcdefghijklmnop abcdefghijklmnopq ABCDEFGHIJKLMNOP 1234567890123456 x.Tail Capital",
}

func TestAppendTokensSameAsReference(t *testing.T) {
	texts := append(testdataTexts(t), tokenizeSamples...)
	var got, want []Token
	for n, text := range texts {
		got = AppendTokens(got[:0], text)
		want = refAppendTokens(want[:0], text)
		if !reflect.DeepEqual(got, want) {
			for k := range min(len(got), len(want)) {
				if got[k] != want[k] {
					t.Fatalf("text %d: token %d: got %+v, want %+v", n, k, got[k], want[k])
				}
			}
			t.Fatalf("text %d: %d tokens, want %d", n, len(got), len(want))
		}
	}
}

// TestTokenizeSameAsReference checks Tokenize, which tokenises a short
// text on the stack, on the samples and every line of the transcripts.
func TestTokenizeSameAsReference(t *testing.T) {
	for _, text := range append(testdataTexts(t), tokenizeSamples...) {
		for _, line := range strings.Split(text, "\n") {
			got, want := Tokenize(line), refAppendTokens(nil, line)
			if len(got) != len(want) || got == nil {
				t.Fatalf("Tokenize(%q): %d tokens, want %d", line, len(got), len(want))
			}
			for k := range got {
				if got[k] != want[k] {
					t.Fatalf("Tokenize(%q): token %d: got %+v, want %+v", line, k, got[k], want[k])
				}
			}
		}
	}
}

func FuzzAppendTokens(f *testing.F) {
	for _, s := range append(testdataTexts(f), tokenizeSamples...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got, want := Tokenize(text), refAppendTokens(nil, text)
		if len(got) != len(want) {
			t.Fatalf("%d tokens, want %d", len(got), len(want))
		}
		for k := range got {
			if got[k] != want[k] {
				t.Fatalf("token %d: got %+v, want %+v", k, got[k], want[k])
			}
		}
	})
}

// checkTextTokenize checks that Text.Tokenize, after prefix, gives the
// tokens of AppendTokens and the hashes of Reset, and that the matchers
// find on it what they find after Reset.
func checkTextTokenize(t *testing.T, lexs []*Lexicon, prefix []Token, text string) {
	t.Helper()
	var x, y Text
	got := x.Tokenize(slices.Clone(prefix), text)
	want := AppendTokens(slices.Clone(prefix), text)
	if len(got) != len(want) {
		t.Fatalf("Tokenize(%.80q): %d tokens, want %d", text, len(got), len(want))
	}
	for k := range got {
		if got[k] != want[k] {
			t.Fatalf("Tokenize(%.80q): token %d: got %+v, want %+v", text, k, got[k], want[k])
		}
	}
	y.Reset(text, want[len(prefix):])
	var caps []int32
	for i, tk := range want[len(prefix):] {
		if tk.Word && tk.IsCapitalised() {
			caps = append(caps, int32(i))
		}
	}
	if !slices.Equal(x.Capitalised(), caps) || !slices.Equal(y.Capitalised(), caps) {
		t.Fatalf("Tokenize(%.80q): Capitalised gives %v, Reset's %v, want %v", text, x.Capitalised(), y.Capitalised(), caps)
	}
	if !slices.Equal(x.words.hashes, y.words.hashes) || len(x.words.ids) != len(y.words.ids) || len(x.toks) != len(y.toks) {
		t.Fatalf("Tokenize(%.80q): %d hashes, %d ids, %d tokens; Reset gives %d, %d, %d", text,
			len(x.words.hashes), len(x.words.ids), len(x.toks), len(y.words.hashes), len(y.words.ids), len(y.toks))
	}
	for n, l := range lexs {
		if a, b := l.MatchText(&x), l.MatchText(&y); !sameMatches(a, b) {
			t.Fatalf("lexicon %d: MatchText(%.80q) after Tokenize\n got %s\nwant %s", n, text, render(text, a), render(text, b))
		}
		if a, b := l.MatchTextPlaces(&x, nil), l.MatchTextPlaces(&y, nil); !sameMatches(a, b) {
			t.Fatalf("lexicon %d: MatchTextPlaces(%.80q) after Tokenize\n got %s\nwant %s", n, text, render(text, a), render(text, b))
		}
	}
}

func TestTextTokenizeSameAsReset(t *testing.T) {
	lexs, err := diffLexicons()
	if err != nil {
		t.Fatal(err)
	}
	prefix := Tokenize("A prefix, left as it is.")
	for _, text := range append(testdataTexts(t), tokenizeSamples...) {
		checkTextTokenize(t, lexs, nil, text)
		checkTextTokenize(t, lexs, prefix, text)
		for _, line := range strings.Split(text, "\n") {
			checkTextTokenize(t, lexs, nil, line)
		}
	}
}

func FuzzTextTokenize(f *testing.F) {
	addLineSeeds(f)
	lexs, err := diffLexicons()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkTextTokenize(t, lexs, nil, text)
	})
}

// TestTokenizeParallel tokenises texts of every size from several
// goroutines at once, which share Tokenize's buffers (run with -race):
// each result is the reference's, and stays so after later calls.
func TestTokenizeParallel(t *testing.T) {
	var texts []string
	for _, text := range append(testdataTexts(t), tokenizeSamples...) {
		texts = append(texts, text)
		texts = append(texts, strings.Split(text, "\n")...)
	}
	done := make(chan []string)
	for g := 0; g < 4; g++ {
		go func() {
			var errs []string
			var kept [][]Token
			for n := g; n < len(texts); n += 4 {
				kept = append(kept, Tokenize(texts[n]))
			}
			for k, n := 0, g; n < len(texts); k, n = k+1, n+4 {
				if want := refAppendTokens(nil, texts[n]); !slices.Equal(kept[k], want) {
					errs = append(errs, texts[n])
				}
			}
			done <- errs
		}()
	}
	for range 4 {
		for _, text := range <-done {
			t.Errorf("Tokenize(%.80q) in parallel differs from the reference", text)
		}
	}
}

// TestWordRuneDropped checks wordRune and dropped, which tell General
// Punctuation by a table, against Unicode's tables for every rune.
func TestWordRuneDropped(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune+1; r++ {
		if wordRune(r) != isWordRune(r) {
			t.Fatalf("wordRune(%U) = %v", r, wordRune(r))
		}
		for _, size := range []int{1, utf8.RuneLen(r)} {
			want := unicode.IsSpace(r) || isDash(r) || r == utf8.RuneError && size == 1 || unicode.Is(unicode.Cf, r)
			if !isWordRune(r) && dropped(r, size) != want {
				t.Fatalf("dropped(%U, %d) = %v", r, size, !want)
			}
		}
	}
}

// TestLowerRun checks lowerRun against a loop over the bytes, on every
// byte at every place among lower-case letters.
func TestLowerRun(t *testing.T) {
	for pos := range 8 {
		for c := range 256 {
			b := []byte("abcdefgh")
			b[pos] = byte(c)
			want := 0
			for want < 8 && 'a' <= b[want] && b[want] <= 'z' {
				want++
			}
			if got := lowerRun(load64(string(b))); got != want {
				t.Fatalf("lowerRun(%q) = %d, want %d", b, got, want)
			}
		}
	}
}

// TestLowerKey checks lowerKey against wordKey of the word in lower
// case, for words of every length with bytes of every kind after them.
func TestLowerKey(t *testing.T) {
	for _, w := range []string{"a", "Ab", "ABC", "aBcD", "Hello", "WORLDS", "Ukraine", "Zelenskyy", "0x9AZ", "NATO2024summit"} {
		for c := range 256 {
			s := w + string([]byte{byte(c)}) + "\xffQ@[`{zZ"
			if got, want := lowerKey(load64(s), len(w)), wordKey(strings.ToLower(w)); got != want {
				t.Fatalf("lowerKey(%q, %d) = %#x, want %#x", s, len(w), got, want)
			}
		}
	}
}

// TestTokenizer tokenises the lines of the transcripts one after another
// with one Tokenizer, keeping every result: each is the reference's, and
// stays so after the texts that follow it.
func TestTokenizer(t *testing.T) {
	var z Tokenizer
	var texts []string
	var kept [][]Token
	for _, text := range append(testdataTexts(t), tokenizeSamples...) {
		for _, line := range append(strings.Split(text, "\n"), text) {
			texts = append(texts, line)
			toks := z.Tokenize(line)
			if len(toks) != cap(toks) {
				t.Fatalf("Tokenize(%.80q): capacity %d past length %d", line, cap(toks), len(toks))
			}
			kept = append(kept, toks)
		}
	}
	for k, toks := range kept {
		if want := refAppendTokens(nil, texts[k]); !slices.Equal(toks, want) {
			t.Fatalf("Tokenize(%.80q): the tokens differ from the reference's after later texts", texts[k])
		}
	}
}

// TestTokenizerReset tokenises the texts of two documents in a row with
// one Tokenizer, Reset between them, each text after texts of another
// size: each document's tokens are the reference's while it is used, and
// its Norms after the next document's.
func TestTokenizerReset(t *testing.T) {
	var docs [][]string
	for _, text := range append(testdataTexts(t), tokenizeSamples...) {
		docs = append(docs, append(strings.Split(text, "\n"), text))
	}
	var z Tokenizer
	var norms [][]string
	var texts []string
	for round := range 2 {
		for d := range docs {
			turns := docs[(d+round)%len(docs)]
			z.Reset()
			var kept [][]Token
			for _, line := range turns {
				kept = append(kept, z.Tokenize(line))
			}
			for k, toks := range kept {
				if want := refAppendTokens(nil, turns[k]); !slices.Equal(toks, want) {
					t.Fatalf("Tokenize(%.80q) after Reset: the tokens differ from the reference's", turns[k])
				}
				var ns []string
				for _, tk := range toks {
					ns = append(ns, tk.Norm)
				}
				norms, texts = append(norms, ns), append(texts, turns[k])
			}
		}
	}
	for k, ns := range norms {
		for i, tk := range refAppendTokens(nil, texts[k]) {
			if ns[i] != tk.Norm {
				t.Fatalf("%.80q: Norm %d is %q after later documents, want %q", texts[k], i, ns[i], tk.Norm)
			}
		}
	}
}
