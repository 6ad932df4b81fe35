package read

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// misspeltRoleByMap is misspeltRole as it was, comparing a label with
// every role: the reference for the one that compares it only with the
// roles of about its length.
func misspeltRoleByMap(folded string, lex *vocab) string {
	if len(folded) < 6 {
		return ""
	}
	best := ""
	for k := range lex.roleLabels {
		if len(k) >= 6 && oneEditApart(folded, k) && (best == "" || k < best) {
			best = k
		}
	}
	return lex.roleLabels[best]
}

// testdataLines returns the lines of the transcripts in testdata.
func testdataLines(tb testing.TB) []string {
	tb.Helper()
	var out []string
	for _, pattern := range []string{"../../testdata/transcripts/*", "../../testdata/real/*/*.md"} {
		paths, err := filepath.Glob(pattern)
		if err != nil {
			tb.Fatal(err)
		}
		for _, p := range paths {
			src, err := os.ReadFile(p)
			if err != nil {
				tb.Fatal(err)
			}
			out = append(out, strings.Split(string(src), "\n")...)
		}
	}
	return out
}

func TestMisspeltRoleSameAsByMap(t *testing.T) {
	lex := testReader(t).lex
	words := []string{"opertator", "moerator", "audiene", "senior administration offial", "moderator", "moderatorr", "questoner", "the presidnt", "xxxxxx", ""}
	for k := range lex.roleLabels {
		words = append(words, k, k+"s", k[1:], "x"+k, strings.Replace(k, "e", "a", 1))
	}
	for _, w := range words {
		if got, want := misspeltRole(w, lex), misspeltRoleByMap(w, lex); got != want {
			t.Errorf("misspeltRole(%q) = %q, want %q", w, got, want)
		}
	}
}

// FuzzMisspeltRole checks that misspeltRole gives what comparing with
// every role gives.
func FuzzMisspeltRole(f *testing.F) {
	for k := range testReader(f).lex.roleLabels {
		f.Add(k)
	}
	f.Fuzz(func(t *testing.T, w string) {
		lex := testReader(t).lex
		if got, want := misspeltRole(w, lex), misspeltRoleByMap(w, lex); got != want {
			t.Fatalf("misspeltRole(%q) = %q, want %q", w, got, want)
		}
	})
}

// TestParseLabelCached checks that a document's cache of label heads
// changes no label: every line of testdata, read with one cache for all,
// gives what it gives with none.
func TestParseLabelCached(t *testing.T) {
	lex := testReader(t).lex
	heads := headCache{}
	for _, l := range testdataLines(t) {
		checkParseLabelCached(t, l, lex, heads)
	}
}

func checkParseLabelCached(t *testing.T, l string, lex *vocab, heads headCache) {
	t.Helper()
	want, wok := parseLabel(l, lex, nil)
	for range 2 { // the first reads the head, the second the cache
		if got, ok := parseLabel(l, lex, heads); ok != wok || got != want {
			t.Fatalf("parseLabel(%q) with a cache = %+v, %v; want %+v, %v", l, got, ok, want, wok)
		}
	}
}

// FuzzParseLabelCached checks that a cache of label heads changes no
// label, the cache holding the heads of other lines too.
func FuzzParseLabelCached(f *testing.F) {
	for _, l := range testdataLines(f) {
		if len(l) < 200 {
			f.Add(l)
		}
	}
	heads := headCache{}
	f.Fuzz(func(t *testing.T, l string) {
		checkParseLabelCached(t, l, testReader(t).lex, heads)
	})
}

// labelColonByByte is labelColon as it was, a byte at a time: the
// reference for the one that finds the colon first.
func labelColonByByte(s string) int {
	depth := 0
	for i := 0; i < len(s) && i <= 120; i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
		case ':':
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

func TestLabelColon(t *testing.T) {
	for _, l := range append(testdataLines(t), "a) b: c", "(a: b) c: d", strings.Repeat("x", 120)+":", strings.Repeat("x", 121)+":") {
		if got, want := labelColon(l), labelColonByByte(l); got != want {
			t.Fatalf("labelColon(%q) = %d, want %d", l, got, want)
		}
	}
}

func FuzzLabelColon(f *testing.F) {
	f.Add("MS. PSAKI: Good")
	f.Add("a) b: c")
	f.Add("(a: b) c: d")
	f.Fuzz(func(t *testing.T, l string) {
		if got, want := labelColon(l), labelColonByByte(l); got != want {
			t.Fatalf("labelColon(%q) = %d, want %d", l, got, want)
		}
	})
}
