package lexicon

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
)

// diffLexicons returns the lexicons the differential tests match with:
// the default one with its default taxonomy and with every taxonomy (its
// passes), and the small test lexicon.
var diffLexicons = sync.OnceValues(func() ([]*Lexicon, error) {
	var out []*Lexicon
	for _, all := range []bool{false, true} {
		l, err := LoadDefault()
		if err != nil {
			return nil, err
		}
		if all {
			if err := l.SelectTaxonomies(l.Taxonomies()); err != nil {
				return nil, err
			}
		}
		if err := l.Compile(); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	small := New()
	if err := small.AddFile("testdata/small.yaml"); err != nil {
		return nil, err
	}
	if err := small.Compile(); err != nil {
		return nil, err
	}
	return append(out, small), nil
})

// checkSameMatches compares MatchTokens and MatchPlaces, and MatchText
// and MatchTextPlaces on one Text that every lexicon shares, with the
// reference matcher on one text.
func checkSameMatches(t *testing.T, lexs []*Lexicon, text string) {
	t.Helper()
	toks := Tokenize(text)
	var x, y Text
	x.Reset(text, toks)
	y.TokenizeFor(lexs[0], nil, text) // marked for the first lexicon, matched with every one
	for n, l := range lexs {
		var z Text
		z.TokenizeFor(l, nil, text)
		want := refMatchTokens(l, text, toks)
		for _, got := range [][]Match{l.MatchTokens(text, toks), l.Match(text), l.MatchText(&x), l.MatchText(&y), l.MatchText(&z)} {
			if !sameMatches(got, want) {
				t.Fatalf("lexicon %d: MatchTokens(%.80q)\n got %s\nwant %s", n, text, render(text, got), render(text, want))
			}
		}
		covered := coveredBy(toks, want, nil)
		want = refMatchPlaces(l, text, toks, covered)
		for _, got := range [][]Match{l.MatchPlaces(text, toks, covered), l.MatchTextPlaces(&x, covered), l.MatchTextPlaces(&y, covered), l.MatchTextPlaces(&z, covered)} {
			if !sameMatches(got, want) {
				t.Fatalf("lexicon %d: MatchPlaces(%.80q)\n got %s\nwant %s", n, text, render(text, got), render(text, want))
			}
		}
	}
}

func sameMatches(a, b []Match) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestMatchTokensSameAsReference(t *testing.T) {
	lexs, err := diffLexicons()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range append(testdataTexts(t), tokenizeSamples...) {
		checkSameMatches(t, lexs, text) // whole: context windows reach far
		for _, line := range strings.Split(text, "\n") {
			checkSameMatches(t, lexs, line) // a turn or paragraph each, as the tagger matches
		}
	}
}

func FuzzMatchTokens(f *testing.F) {
	addLineSeeds(f)
	lexs, err := diffLexicons()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSameMatches(t, lexs, text)
	})
}

// TestMatchTokensConcurrent matches the same texts from several
// goroutines with one compiled lexicon, which shares its tries and pools
// its per-text buffers, and folds them and tells whether they end a
// sentence, which share the token buffers: every goroutine must get what
// one alone gets. Run it with -race.
func TestMatchTokensConcurrent(t *testing.T) {
	lexs, err := diffLexicons()
	if err != nil {
		t.Fatal(err)
	}
	l := lexs[1] // every taxonomy: the passes share the per-text buffers
	var lines []string
	for _, text := range testdataTexts(t)[:4] {
		lines = append(lines, strings.Split(text, "\n")...)
	}
	want := make([]string, len(lines))
	for i, s := range lines {
		want[i] = render(s, l.Match(s)) + "|" + FoldKey(s) + "|" + fmt.Sprint(EndsSentence(s))
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, s := range lines {
				if got := render(s, l.Match(s)) + "|" + FoldKey(s) + "|" + fmt.Sprint(EndsSentence(s)); got != want[i] {
					t.Errorf("concurrent Match(%.60q)\n got %s\nwant %s", s, got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestAppendMatchText checks that AppendMatchText appends to a buffer
// that holds other matches what MatchText returns, leaving those alone,
// with the main taxonomy, all of them and one other alone (whose main
// cues are dropped), text after text; and AppendMatchTextPlaces what
// MatchTextPlaces returns.
func TestAppendMatchText(t *testing.T) {
	lexs, err := diffLexicons()
	if err != nil {
		t.Fatal(err)
	}
	other, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	if txs := other.Taxonomies(); len(txs) > 1 {
		if err := other.SelectTaxonomies(txs[len(txs)-1:]); err != nil {
			t.Fatal(err)
		}
	}
	if err := other.Compile(); err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, text := range append(testdataTexts(t), tokenizeSamples...) {
		texts = append(texts, strings.Split(text, "\n\n")...)
	}
	for n, l := range append(lexs, other) {
		var x Text
		var buf, pbuf []Match
		for k, text := range texts {
			x.TokenizeFor(l, nil, text)
			want := l.MatchText(&x)
			prefix := buf[:0]
			if k%2 == 1 && len(buf) > 0 {
				prefix = buf[:1] // a match the caller holds
			}
			held := slices.Clone(prefix)
			buf = l.AppendMatchText(prefix, &x)
			if !slices.Equal(buf[:len(held)], held) || !slices.Equal(buf[len(held):], want) {
				t.Fatalf("lexicon %d: %.80q: AppendMatchText gives %v after %v, MatchText %v", n, text, buf[len(held):], held, want)
			}
			covered := coveredBy(x.toks, want, nil)
			wantP := l.MatchTextPlaces(&x, covered)
			pn := min(len(pbuf), k%2) // a place the caller holds, or none
			pbuf = l.AppendMatchTextPlaces(pbuf[:pn], &x, covered)
			if got := pbuf[pn:]; !slices.Equal(got, wantP) {
				t.Fatalf("lexicon %d: %.80q: AppendMatchTextPlaces gives %v, MatchTextPlaces %v", n, text, got, wantP)
			}
		}
	}
}
