package tagger

import (
	"bufio"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/turntag/turntag/lexicon"
)

// capitalPairs is a NameFinder that calls every run of two or more
// capitalised words a person, and a run after "the" an organisation: a
// crude NER that exercises the vetoes.
type capitalPairs struct{}

func (capitalPairs) Names(text string) ([]Name, error) {
	var out []Name
	toks := lexicon.Tokenize(text)
	for i := 0; i < len(toks); {
		j := i
		for j < len(toks) && toks[j].Word && toks[j].IsCapitalised() {
			j++
		}
		if j-i >= 2 {
			class := "PERSON"
			if i > 0 && toks[i-1].Norm == "the" {
				class = "ORGANIZATION"
			}
			out = append(out, Name{Text: text[toks[i].Start:toks[j-1].End], Class: class})
		}
		i = max(j, i+1)
	}
	return out, nil
}

// diffTexts returns texts to tag in order, as the turns of documents: the
// paragraphs of the testdata transcripts and the topic cases.
func diffTexts(tb testing.TB) [][]string {
	paths, _ := filepath.Glob("../testdata/transcripts/*")
	real, _ := filepath.Glob("../testdata/real/*/*")
	var docs [][]string
	for _, p := range append(paths, real...) {
		src, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		var turns []string
		for _, para := range strings.Split(string(src), "\n\n") {
			if para = strings.TrimSpace(para); para != "" {
				turns = append(turns, para)
			}
		}
		docs = append(docs, turns)
	}
	f, err := os.Open("testdata/topic-cases.tsv")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var cases []string
	for sc := bufio.NewScanner(f); sc.Scan(); {
		if parts := strings.SplitN(sc.Text(), "\t", 3); len(parts) == 3 {
			cases = append(cases, parts[2])
		}
	}
	return append(docs, cases)
}

// checkTagOld tags turns with Tag and with tagOld, each in a document of
// its own, and compares the results and what the documents learnt.
func checkTagOld(t *testing.T, tg *Tagger, people []string, turns []string) {
	t.Helper()
	dn, do := tg.NewDoc(), tg.NewDoc()
	for _, p := range people {
		dn.AddPerson(p)
		do.addPersonOld(p, "")
	}
	for _, text := range turns {
		got, errN := dn.Tag(text)
		want, errO := do.tagOld(text)
		if (errN == nil) != (errO == nil) || !reflect.DeepEqual(got, want) {
			t.Fatalf("Tag(%q):\ngot  %+v\nwant %+v", text, got, want)
		}
	}
	if !reflect.DeepEqual(dn.roles, do.roles) || !reflect.DeepEqual(dn.known, do.known) || !reflect.DeepEqual(dn.surnames, do.surnames) {
		t.Fatalf("document state differs: roles %v / %v", dn.roles, do.roles)
	}
}

// TestTagMatchesOld checks Tag against tagOld on the testdata, with the
// lexicon alone and with a crude NER.
func TestTagMatchesOld(t *testing.T) {
	lex := defaultLexicon(t)
	for _, ner := range []NameFinder{nil, capitalPairs{}} {
		tg := New(lex, ner)
		for _, turns := range diffTexts(t) {
			checkTagOld(t, tg, []string{"Karine Jean-Pierre", "Matthew Miller", "John Kirby", "Jordan Halloran"}, turns)
		}
	}
}

func FuzzTagMatchesOld(f *testing.F) {
	for _, turns := range diffTexts(f) {
		for i, text := range turns {
			if i%4 == 0 {
				f.Add(text, "Thanks, Karine. Matt, go ahead.", true)
			}
		}
	}
	f.Add("Thank you, Secretary Austin. Jordan Halloran, thank you very much.", "Mr. Kirby, go ahead. Phil?", false)
	tgs := []*Tagger{New(defaultLexicon(f), nil), New(defaultLexicon(f), capitalPairs{})}
	f.Fuzz(func(t *testing.T, a, b string, ner bool) {
		tg := tgs[0]
		if ner {
			tg = tgs[1]
		}
		checkTagOld(t, tg, []string{"Karine Jean-Pierre", "Matthew Miller", "Lloyd Austin"}, []string{a, b, a})
	})
}

// BenchmarkTagOld and BenchmarkTagNew are BenchmarkTagLexicon with tagOld
// and with Tag, without loading the NER's model: the two differ only in
// what Tag does besides the lexicon's matching (see BenchmarkLexiconCalls).
func BenchmarkTagOld(b *testing.B) { benchTagLexicon(b, (*Doc).tagOld) }

func BenchmarkTagNew(b *testing.B) { benchTagLexicon(b, (*Doc).Tag) }

func benchTagLexicon(b *testing.B, tag func(*Doc, string) (Result, error)) {
	turns, n := benchTurns(b)
	tg := New(defaultLexicon(b), nil)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		d := tg.NewDoc()
		for _, t := range turns {
			if _, err := tag(d, t); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkLexiconCalls is the lexicon's part of Tag alone: tokens,
// matches and places.
func BenchmarkLexiconCalls(b *testing.B) {
	turns, n := benchTurns(b)
	lex := defaultLexicon(b)
	var toks []lexicon.Token
	var covered []bool
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range turns {
			toks = lexicon.AppendTokens(toks[:0], t)
			matches := lex.MatchTokens(t, toks)
			covered = append(covered[:0], make([]bool, len(toks))...)
			markCovered(toks, covered, matches)
			lex.MatchPlaces(t, toks, covered)
		}
	}
}

// TestFirstNameMatchesOld checks firstName against firstNameOld for every
// nickname of the lexicon and the first names of a document's people,
// some of whom share a first name or a short form.
func TestFirstNameMatchesOld(t *testing.T) {
	tg := New(defaultLexicon(t), nil)
	d := tg.NewDoc()
	for _, p := range []string{"Matthew Miller", "Matthew Perry", "Karine Jean-Pierre", "Robert Wood", "Bob Menendez", "Elizabeth Warren", "Jake Sullivan", "Jacob Lew", "Madonna"} {
		d.AddPerson(p)
	}
	words := []string{"", "jake", "matt", "matthew", "karine", "bob", "rob", "liz", "madonna"}
	for w := range tg.lex.Nicknames {
		words = append(words, w)
	}
	for w := range d.byFirst {
		words = append(words, w)
	}
	for _, w := range words {
		if got, want := d.firstName(w), d.firstNameOld(w); got != want {
			t.Errorf("firstName(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestCapitalised checks capitalised against Token.IsCapitalised for every
// character, alone and followed by others.
func TestCapitalised(t *testing.T) {
	check := func(s string) {
		if got, want := capitalised(s), (lexicon.Token{Text: s}).IsCapitalised(); got != want {
			t.Errorf("capitalised(%q) = %v, want %v", s, got, want)
		}
	}
	check("")
	check("\xff")
	check("\xc3")
	for r := rune(0); r <= 0x10ffff; r += 1 + r/4096 {
		check(string(r))
		check(string(r) + "ab")
	}
}

// TestAllUpper checks allUpper against Token.IsUpper on the tokens of the
// testdata and on words of every character.
func TestAllUpper(t *testing.T) {
	check := func(tk lexicon.Token) {
		if got, want := allUpper(&tk), tk.IsUpper(); got != want {
			t.Errorf("allUpper(%q) = %v, want %v", tk.Text, got, want)
		}
	}
	for _, turns := range diffTexts(t) {
		for _, text := range turns {
			for _, tk := range lexicon.Tokenize(text) {
				check(tk)
			}
		}
	}
	for r := rune(0); r <= 0x10ffff; r += 1 + r/4096 {
		for _, s := range []string{string(r), "A" + string(r), string(r) + "b", "\xff" + string(r)} {
			for _, tk := range lexicon.Tokenize(s) {
				check(tk)
			}
		}
	}
}

// TestSkipMatches tags the testdata's documents one after another with a
// Doc that skips matches, whose buffers pass from one document to the
// next, and with one that keeps them: each turn's mentions, tags and
// unknown names are the same, and Matches is nil.
func TestSkipMatches(t *testing.T) {
	for _, ner := range []NameFinder{nil, capitalPairs{}} {
		tg := New(defaultLexicon(t), ner)
		for _, turns := range diffTexts(t) {
			ds, dk := tg.NewDoc(), tg.NewDoc()
			ds.SkipMatches()
			for _, d := range []*Doc{ds, dk} {
				d.AddPerson("Karine Jean-Pierre")
				d.AddPerson("Matthew Miller")
			}
			for _, text := range turns {
				got, errS := ds.Tag(text)
				want, errK := dk.Tag(text)
				if got.Matches != nil {
					t.Fatalf("Tag(%.80q) after SkipMatches: %d matches", text, len(got.Matches))
				}
				want.Matches = nil
				if (errS == nil) != (errK == nil) || !reflect.DeepEqual(got, want) {
					t.Fatalf("Tag(%.80q) after SkipMatches:\ngot  %+v\nwant %+v", text, got, want)
				}
			}
			ds.Release()
			dk.Release()
		}
	}
}

// checkNameTokens compares nameTokens and appendNameTokens, after a
// buffer that holds a word already, with nameTokensOld.
func checkNameTokens(t *testing.T, name string) {
	t.Helper()
	want := nameTokensOld(name)
	if got := nameTokens(name); !reflect.DeepEqual(got, want) {
		t.Fatalf("nameTokens(%q) = %q, want %q", name, got, want)
	}
	if got := appendNameTokens([]string{"x"}, name); !reflect.DeepEqual(got, append([]string{"x"}, want...)) {
		t.Fatalf("appendNameTokens(x, %q) = %q, want x and %q", name, got, want)
	}
}

// TestNameTokensMatchesOld checks nameTokens against nameTokensOld on the
// lexicon's people and the lines of the testdata.
func TestNameTokensMatchesOld(t *testing.T) {
	for _, e := range defaultLexicon(t).Sorted(lexicon.Person) {
		checkNameTokens(t, e.Name)
	}
	for _, turns := range diffTexts(t) {
		for _, text := range turns {
			for _, line := range strings.Split(text, "\n") {
				checkNameTokens(t, line)
			}
		}
	}
}

func FuzzNameTokens(f *testing.F) {
	for _, turns := range diffTexts(f) {
		for i, text := range turns {
			if i%8 == 0 {
				f.Add(text)
			}
		}
	}
	f.Add("Antony J. Blinken")
	f.Add("Karine Jean-Pierre")
	f.Add("José Ángel Gurría Treviño")
	f.Fuzz(checkNameTokens)
}

// checkMarkCovered checks markCovered against markCoveredOld on the
// text's lexicon matches, on every other one of them, and on them in
// reverse.
func checkMarkCovered(t *testing.T, lex *lexicon.Lexicon, text string) {
	t.Helper()
	toks := lexicon.Tokenize(text)
	matches := lex.MatchTokens(text, toks)
	var odd []lexicon.Match
	for n := 0; n < len(matches); n += 2 {
		odd = append(odd, matches[n])
	}
	back := slices.Clone(matches)
	slices.Reverse(back)
	for _, ms := range [][]lexicon.Match{matches, odd, back} {
		got, want := make([]bool, len(toks)), make([]bool, len(toks))
		markCovered(toks, got, ms)
		markCoveredOld(toks, want, ms)
		if !slices.Equal(got, want) {
			t.Fatalf("markCovered(%q):\ngot  %v\nwant %v", text, got, want)
		}
	}
}

// TestMarkCoveredMatchesOld checks markCovered against markCoveredOld on
// the testdata's turns.
func TestMarkCoveredMatchesOld(t *testing.T) {
	lex := defaultLexicon(t)
	for _, turns := range diffTexts(t) {
		for _, text := range turns {
			checkMarkCovered(t, lex, text)
		}
	}
}

func FuzzMarkCovered(f *testing.F) {
	for _, turns := range diffTexts(f) {
		for i, text := range turns {
			if i%4 == 0 {
				f.Add(text)
			}
		}
	}
	lex := defaultLexicon(f)
	f.Fuzz(func(t *testing.T, text string) { checkMarkCovered(t, lex, text) })
}
