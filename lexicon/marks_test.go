package lexicon

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// walkMayStart is matchWords' test of whether it looks for candidates of
// trie t at token i, made with exact lookups and no marks.
func walkMayStart(m *matcher, toks []Token, i int) bool {
	t, tk := m.trie, &toks[i]
	if !tk.Word && !m.punct {
		return false
	}
	k := uint32(hashNorm(tk.Norm)) >> 16
	if !m.lowerAny && !upperFirst(tk.Text) && !(t.lowerFirstFilter[k/64]&(1<<(k%64)) != 0 && t.lowerFirst[t.vocab.id(tk.Norm)]) {
		return false
	}
	nm := tk.Norm
	var id uint32
	if len(nm) == 1 && nm[0] < utf8.RuneSelf {
		id = t.vocab.ascii[nm[0]]
	} else if t.startFilter[k/64]&(1<<(k%64)) != 0 {
		id = t.vocab.id(nm)
	}
	if id != 0 {
		return t.starts[id/64]&(1<<(id%64)) != 0 && !(t.upperStarts[id/64]&(1<<(id%64)) != 0 && tk.Text == tk.Norm)
	}
	pre := t.nodes[0].pre
	return pre != nil && tk.Word && rootPrefixMay(pre, nm)
}

// TestStartMarks checks that TokenizeFor marks every token at which a
// walk of each of the lexicon's tries looks for candidates, on the
// transcripts, line by line, and on the samples.
func TestStartMarks(t *testing.T) {
	lexs, err := diffLexicons()
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, text := range append(testdataTexts(t), tokenizeSamples...) {
		texts = append(texts, strings.Split(text, "\n")...)
	}
	for n, l := range lexs {
		var x Text
		for _, text := range texts {
			checkStartMarks(t, n, l, &x, text)
		}
	}
}

func checkStartMarks(t *testing.T, n int, l *Lexicon, x *Text, text string) {
	t.Helper()
	toks := x.TokenizeFor(l, nil, text)
	if x.words.marker != l.marks || len(x.words.marks) != len(toks) {
		t.Fatalf("lexicon %d: %.80q: %d marks for %d tokens", n, text, len(x.words.marks), len(toks))
	}
	// markRun makes most of these tokens, appendTokens' own loop the
	// rest: the tokens, hashes and capitals are those of that loop alone
	// (AppendTokens, which marks nothing), and of the reference
	want := refAppendTokens(nil, text)
	if plain := AppendTokens(nil, text); !slices.Equal(toks, want) || !slices.Equal(plain, want) {
		t.Fatalf("lexicon %d: %.80q: TokenizeFor gives\n%+v\nAppendTokens\n%+v\nwant\n%+v", n, text, toks, plain, want)
	}
	var caps []int32
	for i, tk := range toks {
		if tk.Word && upperFirst(tk.Text) {
			caps = append(caps, int32(i))
		}
		if h := hashToken(tk.Norm); x.words.hashes[i] != h {
			t.Fatalf("lexicon %d: %.80q: token %d %q hashed %#x, want %#x", n, text, i, tk.Text, x.words.hashes[i], h)
		}
	}
	if !slices.Equal(x.Capitalised(), caps) {
		t.Fatalf("lexicon %d: %.80q: Capitalised gives %v, want %v", n, text, x.Capitalised(), caps)
	}
	for i, tk := range toks {
		if got, want := x.words.marks[i], l.marks.mark(tk.Word, upperFirst(tk.Text), tk.Text == tk.Norm, tk.Norm, hashToken(tk.Norm)); got != want {
			t.Fatalf("lexicon %d: %.80q: token %d %q marked %#x, mark gives %#x", n, text, i, tk.Text, got, want)
		}
	}
	ms := []*matcher{l.compiled}
	for _, p := range l.passes {
		ms = append(ms, p.compiled)
	}
	if len(l.places.Entries) > 0 {
		ms = append(ms, l.places.compiled)
	}
	for _, m := range ms {
		marks, bit := x.words.marksOf(m.trie, len(toks))
		if bit == 0 {
			t.Fatalf("lexicon %d: a trie has no marks", n)
		}
		for i := range toks {
			if marks[i]&bit == 0 && walkMayStart(m, toks, i) {
				t.Fatalf("lexicon %d: %.80q: token %d %q is not marked for a trie whose walk starts there", n, text, i, toks[i].Text)
			}
		}
	}
}

func FuzzStartMarks(f *testing.F) {
	addLineSeeds(f)
	lexs, err := diffLexicons()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for n, l := range lexs {
			var x Text
			checkStartMarks(t, n, l, &x, text)
		}
	})
}

// TestTextKeepsNorms tokenises texts one after another with one Text,
// whose buffer of lower-case forms serves them all: the tokens of each
// text keep their Norms after the next texts are tokenised.
func TestTextKeepsNorms(t *testing.T) {
	lexs, err := diffLexicons()
	if err != nil {
		t.Fatal(err)
	}
	var x Text
	var kept [][]Token
	var texts []string
	for _, text := range append(testdataTexts(t), tokenizeSamples...) {
		for _, line := range strings.Split(text, "\n") {
			kept = append(kept, slices.Clone(x.TokenizeFor(lexs[0], nil, line)))
			texts = append(texts, line)
		}
	}
	for k, toks := range kept {
		if want := AppendTokens(nil, texts[k]); !slices.Equal(toks, want) {
			t.Fatalf("%.80q: the tokens changed after later texts", texts[k])
		}
	}
}

// TestNextMarked checks nextMarked against a loop over the marks.
func TestNextMarked(t *testing.T) {
	marks := make([]uint8, 40)
	for n := range 2000 {
		for k := range marks {
			marks[k] = 0
			if (n*7+k*13)%(n%17+2) == 0 {
				marks[k] = uint8(1 << ((n + k) % 8))
			}
		}
		for bit := uint8(1); bit != 0; bit <<= 1 {
			for i := range len(marks) + 1 {
				want := i
				for want < len(marks) && marks[want]&bit == 0 {
					want++
				}
				if got := nextMarked(marks, i, bit); got != want {
					t.Fatalf("nextMarked(%v, %d, %#x) = %d, want %d", marks, i, bit, got, want)
				}
			}
		}
	}
}

// TestMarkKey checks markKey against mark for the ASCII words of the
// transcripts and samples, with every case, on each lexicon's marks.
func TestMarkKey(t *testing.T) {
	lexs, err := diffLexicons()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, text := range append(testdataTexts(t), tokenizeSamples...) {
		for _, tk := range Tokenize(text) {
			w := tk.Norm
			if !tk.Word || seen[w] || strings.IndexFunc(w, func(r rune) bool { return r >= utf8.RuneSelf }) >= 0 {
				continue
			}
			seen[w] = true
			padded := w + "\x00\x00\x00\x00\x00\x00\x00\x00"
			key := lowerKey(load64(padded), len(w))
			h := hashNorm(w)
			for _, l := range lexs {
				for _, upper := range []bool{false, true} {
					for _, own := range []bool{false, true} {
						if got, want := l.marks.markKey(upper, own, key, len(w), h), l.marks.mark(true, upper, own, w, h); got != want {
							t.Fatalf("%q upper %v own %v: markKey %#x, mark %#x", w, upper, own, got, want)
						}
					}
				}
			}
		}
	}
}

// TestMarkKeyPrefixes checks markKey against mark on every lower-case
// ASCII word of two and three bytes, and of four bytes for a few last
// bytes, so that each entry of the root-prefix tables is compared.
func TestMarkKeyPrefixes(t *testing.T) {
	lexs, err := diffLexicons()
	if err != nil {
		t.Fatal(err)
	}
	const digits = "0123456789abcdefghijklmnopqrstuvwxyz"
	var words []string
	for _, a := range []byte(digits) {
		for _, b := range []byte(digits) {
			words = append(words, string([]byte{a, b}))
			for _, c := range []byte(digits) {
				words = append(words, string([]byte{a, b, c}), string([]byte{a, b, c, 'e'}))
			}
		}
	}
	for _, w := range words {
		key := lowerKey(load64(w+"\x00\x00\x00\x00\x00\x00\x00\x00"), len(w))
		h := hashNorm(w)
		for n, l := range lexs {
			for _, upper := range []bool{false, true} {
				for _, own := range []bool{false, true} {
					if got, want := l.marks.markKey(upper, own, key, len(w), h), l.marks.mark(true, upper, own, w, h); got != want {
						t.Fatalf("lexicon %d: %q upper %v own %v: markKey %#x, mark %#x", n, w, upper, own, got, want)
					}
				}
			}
		}
	}
}
