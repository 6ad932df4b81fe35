package lexicon

import (
	"slices"
	"testing"
)

// BenchmarkWalkReal measures the walks as the tagger makes them: each
// turn of the real transcripts is tokenised and marked for the default
// lexicon (TokenizeFor), then walked by MatchText and MatchTextPlaces.
// The walks alone take its time less BenchmarkTextTokenizeForReal's.
func BenchmarkWalkReal(b *testing.B) {
	lex, err := LoadDefault()
	if err != nil {
		b.Fatal(err)
	}
	if err := lex.Compile(); err != nil {
		b.Fatal(err)
	}
	turns, size := realTurns(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var x Text
	var toks []Token
	var ms, places []Match
	var covered []bool
	for b.Loop() {
		for _, t := range turns {
			toks = x.TokenizeFor(lex, toks[:0], t)
			ms = lex.AppendMatchText(ms[:0], &x)
			covered = coveredBy(toks, ms, covered)
			places = lex.AppendMatchTextPlaces(places[:0], &x, covered)
		}
	}
}

// TestFollowFilter checks that every edge of the default lexicon's tries
// passes their follow filters, and that few other pairs of a node and a
// word do; and that every start word that is not bare passes the solo
// filter, and every first two words of a bare one's phrases the pair
// filter.
func TestFollowFilter(t *testing.T) {
	lexs, err := diffLexicons()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lexs {
		for _, m := range []*matcher{l.compiled, l.places.compiled} {
			if m == nil || m.trie == nil {
				continue
			}
			tr := m.trie
			pass, tests := 0, 0
			for n, nd := range tr.nodes[1:] {
				for _, e := range tr.edges[nd.edgeLo:nd.edgeHi] {
					if !tr.mayFollow(int32(n+1), hashNorm(tr.vocab.words[e.id])) {
						t.Fatalf("node %d: edge on %q fails the follow filter", n+1, tr.vocab.words[e.id])
					}
				}
				for id := 1; id < len(tr.vocab.words); id += 97 {
					if tr.child(int32(n+1), uint32(id)) == 0 {
						tests++
						if tr.mayFollow(int32(n+1), hashNorm(tr.vocab.words[id])) {
							pass++
						}
					}
				}
			}
			for id, w := range tr.vocab.words {
				if tr.starts[id/64]&(1<<(id%64)) == 0 {
					continue
				}
				h := hashNorm(w)
				if tr.bare[id/64]&(1<<(id%64)) == 0 {
					if k := uint32(h) >> 16; tr.soloFilter[k/64]&(1<<(k%64)) == 0 {
						t.Fatalf("start %q, not bare, fails the solo filter", w)
					}
					continue
				}
				nd := tr.nodes[tr.root[id]]
				for _, e := range tr.edges[nd.edgeLo:nd.edgeHi] {
					if !tr.mayPair(h, hashNorm(tr.vocab.words[e.id])) {
						t.Fatalf("%q %q fails the pair filter", w, tr.vocab.words[e.id])
					}
				}
			}
			if tests > 1000 && pass > tests/10 {
				t.Errorf("%d of %d words that go on no phrase from a node pass its follow filter", pass, tests)
			}
		}
	}
}

// checkRootPrefixes checks that rootPrefixCandidates gives what the
// root's prefixCandidates gives for word w, in every trie of lexs.
func checkRootPrefixes(t *testing.T, lexs []*Lexicon, w string) {
	t.Helper()
	for _, l := range lexs {
		for _, m := range []*matcher{l.compiled, l.places.compiled} {
			if m == nil || m.trie == nil || m.trie.nodes[0].pre == nil {
				continue
			}
			root := m.trie.nodes[0].pre
			want := root.prefixCandidates(w, 7, nil)
			if got := m.trie.rootPrefixCandidates(root, w, 7, nil); !slices.Equal(got, want) {
				t.Fatalf("rootPrefixCandidates(%q) = %v, want %v", w, got, want)
			}
		}
	}
}

// TestRootPrefixCandidates checks rootPrefixCandidates against the root's
// prefixCandidates on the words of the test texts and of the vocabs.
func TestRootPrefixCandidates(t *testing.T) {
	lexs, err := diffLexicons()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range append(testdataTexts(t), tokenizeSamples...) {
		for _, tk := range Tokenize(text) {
			checkRootPrefixes(t, lexs, tk.Norm)
		}
	}
	for _, l := range lexs {
		for _, w := range l.compiled.trie.vocab.words {
			checkRootPrefixes(t, lexs, w)
		}
	}
}

func FuzzRootPrefixCandidates(f *testing.F) {
	seen := map[string]bool{}
	for _, text := range append(testdataTexts(f), tokenizeSamples...) {
		for _, tk := range Tokenize(text) {
			if len(tk.Norm) >= prefixKeyLen && !seen[tk.Norm[:prefixKeyLen]] { // a word for each key
				seen[tk.Norm[:prefixKeyLen]] = true
				f.Add(tk.Norm)
			}
		}
	}
	lexs, err := diffLexicons()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, w string) {
		checkRootPrefixes(t, lexs, w)
	})
}
