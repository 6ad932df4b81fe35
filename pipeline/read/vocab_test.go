package read

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/turntag/turntag/lexicon"
)

// plausibleNameAsWas is PlausibleName as it was, with the lexicon's own
// look-ups: the reference for the one that looks plain words up without
// allocating.
func plausibleNameAsWas(name string, lex *lexicon.Lexicon) bool {
	words := strings.Fields(name)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	for _, w := range words {
		bare := strings.Trim(w, ".")
		if lex.IsCommon(bare) || lex.IsTitle(bare) || lex.Months()[strings.ToLower(bare)] > 0 {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(bare); unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// checkWord checks vocab's look-ups of w against the lexicon's.
func checkWord(t *testing.T, v *vocab, w string) {
	t.Helper()
	if got, want := v.IsTitle(w), v.Lexicon.IsTitle(w); got != want {
		t.Fatalf("IsTitle(%q) = %v, want %v", w, got, want)
	}
	if got, want := v.IsCommon(w), v.Lexicon.IsCommon(w); got != want {
		t.Fatalf("IsCommon(%q) = %v, want %v", w, got, want)
	}
	if got, want := v.isMonth(w), v.Months()[strings.ToLower(w)] > 0; got != want {
		t.Fatalf("isMonth(%q) = %v, want %v", w, got, want)
	}
	for name, set := range map[string]map[string]bool{"honorifics": v.honorifics, "particles": v.particles,
		"connectors": v.connectors, "joiners": v.joiners, "notLabel": v.notLabel, "greetings": v.greetings} {
		if got, want := atLower(set, w), set[strings.ToLower(w)]; got != want {
			t.Fatalf("atLower(%s, %q) = %v, want %v", name, w, got, want)
		}
	}
	lowered := map[string]int{strings.ToLower(w): 1, "": 2, "é": 3}
	if got, want := atLower(lowered, w), lowered[strings.ToLower(w)]; got != want {
		t.Fatalf("atLower(%v, %q) = %v, want %v", lowered, w, got, want)
	}
	if got, want := PlausibleName(w, v.Lexicon), plausibleNameAsWas(w, v.Lexicon); got != want {
		t.Fatalf("PlausibleName(%q) = %v, want %v", w, got, want)
	}
}

// vocabSeeds are words and names that look-ups treat in different ways.
var vocabSeeds = []string{
	"", "Press", "SECRETARY", "secretary", "Gen.", "Jean-Pierre", "COVID-19", "Mr", "MR.", "January", "JAN", "may",
	"President", "Érdoğan", "Président", "Allies", "Border", "a", "Z9", "Secretaryship", strings.Repeat("A", 32),
	strings.Repeat("A", 33), "Karine Jean-Pierre", "Jen Psaki", "Press Secretary Jen Psaki", "Ned Price", "O'Brien", "İstanbul", "MR", "Dr", "DE", "Van", "OF", "Of", "THE", "Good", "GOOD", "K", "KELVIN", "ǅ", "ẞ",
}

func TestVocabWords(t *testing.T) {
	v := testReader(t).lex
	words := map[string]bool{}
	for _, w := range vocabSeeds {
		words[w] = true
	}
	for _, set := range []map[string]bool{v.Titles, v.CommonWords} {
		for w := range set {
			words[w] = true
			words[strings.ToUpper(w)] = true
		}
	}
	for w := range v.Months() {
		words[w] = true
		words[strings.ToUpper(w)] = true
	}
	var paths []string
	for _, pattern := range []string{"../../testdata/transcripts/*", "../../testdata/real/*/*"} {
		p, _ := filepath.Glob(pattern)
		paths = append(paths, p...)
	}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range strings.Fields(string(src)) {
			words[w] = true
			words[strings.Trim(w, `.,:;"“”()[]`)] = true
		}
	}
	for w := range words {
		checkWord(t, v, w)
	}
	lines := strings.Split(strings.Join(vocabSeeds, "\n"), "\n")
	for i := 0; i+1 < len(lines); i++ {
		checkWord(t, v, lines[i]+" "+lines[i+1])
	}
}

func FuzzVocabWords(f *testing.F) {
	for _, w := range vocabSeeds {
		f.Add(w)
	}
	v := testReader(f).lex
	f.Fuzz(func(t *testing.T, w string) { checkWord(t, v, w) })
}

func checkTrimQuotes(t *testing.T, w string) {
	t.Helper()
	if got, want := trimQuotes(w), strings.Trim(w, `"“”()[]:`); got != want {
		t.Fatalf("trimQuotes(%q) = %q, want %q", w, got, want)
	}
}

func TestTrimQuotes(t *testing.T) {
	for _, w := range []string{"", "\"", "“Psaki”", "(Biden):", "[x]", "“", "”“", "a“b", "\xe2\x80", "\xe2\x80\x9d\xff", "\xff\xe2\x80\x9c", "”\x9d", "\x80\x9d", "é”"} {
		checkTrimQuotes(t, w)
	}
	for _, l := range testdataLines(t) {
		for _, w := range strings.Fields(l) {
			checkTrimQuotes(t, w)
		}
	}
}

func FuzzTrimQuotes(f *testing.F) {
	for _, w := range []string{"“Psaki”", "(Biden):", "\xe2\x80\x9d\xff"} {
		f.Add(w)
	}
	f.Fuzz(checkTrimQuotes)
}

// checkFoldKey checks appendFoldKey and foldKey against lexicon.FoldKey.
func checkFoldKey(t *testing.T, s string) {
	t.Helper()
	var buf [64]byte
	got, ok := appendFoldKey(buf[:0], s)
	if want := lexicon.FoldKey(s); ok && string(got) != want {
		t.Fatalf("appendFoldKey(%q) = %q, want %q", s, got, want)
	}
	if isASCIIText(s) && s != "" && 2*len(s) <= len(buf) && !ok {
		t.Fatalf("appendFoldKey(%q) gave no key", s)
	}
	if got, want := foldKey(s), lexicon.FoldKey(s); got != want {
		t.Fatalf("foldKey(%q) = %q, want %q", s, got, want)
	}
}

// isASCIIText reports whether s is all ASCII.
func isASCIIText(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

var foldKeySeeds = []string{"", "a", "Secretary", "Jean-Pierre", "Biden's", "U.S.", "(D-NY)", "`x`", "a  b", "-", "--a--", "\x01A\x7fb",
	"Biden’s", "Erdoğan", "A.B.C.D.E.F.G.H.I.J.K.L.M.N.O.P.Q", "Mr. SULLIVAN:", "a\tb\nc\rd\fe\vf", "x'y\"z", "@#$%^&*"}

func TestAppendFoldKey(t *testing.T) {
	for _, s := range foldKeySeeds {
		checkFoldKey(t, s)
	}
}

func FuzzAppendFoldKey(f *testing.F) {
	for _, s := range foldKeySeeds {
		f.Add(s)
	}
	f.Fuzz(checkFoldKey)
}

// checkIsMetaLine checks isMetaLine against the meta-line pattern alone.
func checkIsMetaLine(t *testing.T, v *vocab, s string) {
	t.Helper()
	if got, want := v.isMetaLine(s), v.metaLine.MatchString(s); got != want {
		t.Fatalf("isMetaLine(%q) = %v, the pattern says %v", s, got, want)
	}
}

// metaSeeds are lines that open, or nearly open, as meta lines do, in
// any case, and with characters that fold to ASCII letters.
func metaSeeds(v *vocab) []string {
	out := []string{"", " ", "\xff", "\ufffd", "ſ", "\u212a", "Last updated: May 1", "AS DELIVERED", "as delivered"}
	for _, w := range v.WordList(lexicon.MetaPrefixes) {
		out = append(out, w, strings.ToUpper(w), " "+w, w+"x", strings.Replace(w, "s", "ſ", 1), strings.Replace(w, "k", "\u212a", 1))
	}
	return out
}

// TestIsMetaLineSameAsPattern checks isMetaLine against the pattern on
// the lines of testdata and on metaSeeds, and firstBytes on lists of
// words the lexicon does not hold.
func TestIsMetaLineSameAsPattern(t *testing.T) {
	v := testReader(t).lex
	for _, s := range append(testdataLines(t), metaSeeds(v)...) {
		checkIsMetaLine(t, v, s)
	}
	if got := firstBytes([]string{" "}); !got['x'] || !got[0xff] {
		t.Errorf("firstBytes of a blank word leaves out bytes")
	}
	if got := firstBytes([]string{"\xffx"}); !got[0x80] || got['x'] {
		t.Errorf("firstBytes of a word that opens with a byte that is not UTF-8 = %v", got)
	}
	if got := firstBytes([]string{"kilo"}); !got['k'] || !got['K'] || !got[0xe2] || got['l'] {
		t.Errorf("firstBytes of \"kilo\" = %v", got)
	}
}

// FuzzIsMetaLine checks isMetaLine against the meta-line pattern.
func FuzzIsMetaLine(f *testing.F) {
	v := testReader(f).lex
	for _, s := range metaSeeds(v) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkIsMetaLine(t, v, s) })
}

// isOutletAsWas is isOutlet as it was, folding the first word with
// lexicon.FoldKey.
func (v *vocab) isOutletAsWas(text string) bool {
	first := text
	if i := strings.IndexAny(text, " \t"); i > 0 {
		first = text[:i]
	}
	if !v.outletFirst[lexicon.FoldKey(strings.TrimRight(first, ".,"))] {
		return false
	}
	if ms := v.Match(text); len(ms) == 1 {
		m := ms[0]
		if m.Start == 0 && m.End == len(text) && m.Role.IsMention() && m.Entry.Type == lexicon.Organisation && m.Entry.Kind == "media" {
			return true
		}
	}
	return isAcronym(text) && v.outletAcronyms[text]
}

// checkIsOutlet checks isOutlet against isOutletAsWas.
func checkIsOutlet(t *testing.T, v *vocab, s string) {
	t.Helper()
	if got, want := v.isOutlet(s), v.isOutletAsWas(s); got != want {
		t.Fatalf("isOutlet(%q) = %v, want %v", s, got, want)
	}
}

var outletSeeds = []string{"Reuters", "AFP", "CCTV", "Reuters.", "The New York Times", "NBC News,", "Fox\tNews", "BBC  News", "Agence France-Presse",
	"Bloomberg News", "Jane Smith", "", " ", "Réuters", "CNN CHIEF INTERNATIONAL ANCHOR"}

// TestIsOutletSameAsWas checks isOutlet against isOutletAsWas on the
// lines of testdata, the words before their colons, and outletSeeds.
func TestIsOutletSameAsWas(t *testing.T) {
	v := testReader(t).lex
	for _, s := range append(testdataLines(t), outletSeeds...) {
		checkIsOutlet(t, v, s)
		if i := strings.IndexByte(s, ':'); i > 0 {
			checkIsOutlet(t, v, strings.TrimSpace(s[:i]))
		}
	}
}

func FuzzIsOutlet(f *testing.F) {
	v := testReader(f).lex
	for _, s := range outletSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkIsOutlet(t, v, s) })
}
