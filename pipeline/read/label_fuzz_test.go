package read

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/turntag/turntag/pipeline/transcript"
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

// testdataTexts returns the transcripts in testdata, one string each.
func testdataTexts(tb testing.TB) []string {
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
			out = append(out, string(src))
		}
	}
	return out
}

// testdataLines returns the lines of the transcripts in testdata.
func testdataLines(tb testing.TB) []string {
	var out []string
	for _, text := range testdataTexts(tb) {
		out = append(out, strings.Split(text, "\n")...)
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
// gives what it gives with none, and what parseLabelAsWas gives.
func TestParseLabelCached(t *testing.T) {
	lex := testReader(t).lex
	heads := headCache{}
	for _, l := range testdataLines(t) {
		checkParseLabelCached(t, l, lex, heads)
	}
}

func checkParseLabelCached(t *testing.T, l string, lex *vocab, heads headCache) {
	t.Helper()
	want, wok := parseLabelAsWas(l, lex, nil)
	if got, ok := parseLabel(l, lex, nil); ok != wok || got != want {
		t.Fatalf("parseLabel(%q) = %+v, %v; want %+v, %v", l, got, ok, want, wok)
	}
	for range 2 { // the first reads the head, the second the cache
		if got, ok := parseLabel(l, lex, heads); ok != wok || got != want {
			t.Fatalf("parseLabel(%q) with a cache = %+v, %v; want %+v, %v", l, got, ok, want, wok)
		}
	}
}

// FuzzParseLabelCached checks that a cache of label heads changes no
// label, the cache holding the heads of other lines too, and that
// parseLabel gives what parseLabelAsWas gives.
func FuzzParseLabelCached(f *testing.F) {
	for _, l := range testdataLines(f) {
		if len(l) < 200 {
			f.Add(l)
		}
	}
	for _, l := range []string{"**MS. PSAKI:** Hi.", "__MS. PSAKI__: Hi.", "*_MS. PSAKI:_* Hi.", "_*A: b", "** Q: x", "__", "*"} {
		f.Add(l)
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

// periodLabelAsWas is periodLabel as it was, copying the head words before
// checking them: the reference for the one that rejects most lines first.
func periodLabelAsWas(line string, lex *vocab) (labelCand, bool) {
	// most lines are not labels: a capital first, and ". " early on
	if line == "" || line[0] < 'A' || line[0] > 'Z' {
		return labelCand{}, false
	}
	if dot := strings.Index(line[:min(len(line), 80)], ". "); dot < 0 || strings.Count(line[:dot], " ") > 5 {
		return labelCand{}, false
	}
	var words []string
	var ends []int // byte offset after each word
	for i := 0; i < len(line) && len(words) < 6; {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		j := i
		for j < len(line) && line[j] != ' ' && line[j] != '\t' {
			j++
		}
		if j > i {
			words, ends = append(words, line[i:j]), append(ends, j)
		}
		i = j
	}
	if len(words) < 3 {
		return labelCand{}, false
	}
	end := -1 // index of the word that carries the label's full stop
	for i, w := range words[:len(words)-1] {
		bare := strings.TrimSuffix(w, ".")
		if bare == w {
			continue
		}
		if i == 0 || utf8.RuneCountInString(bare) == 1 || lex.honorifics[strings.ToLower(bare)] || lex.IsTitle(bare) && isAbbreviation(bare) {
			continue // "Mr.", "J.", "Sen.": the full stop of an abbreviation
		}
		end = i
		break
	}
	if end < 1 || end > 3 || !startsUpper(words[end+1]) {
		return labelCand{}, false
	}
	head := slices.Clone(words[:end+1])
	head[end] = strings.TrimSuffix(head[end], ".")
	first := strings.ToLower(strings.Trim(head[0], "."))
	var raw transcript.Label
	if first == "the" {
		role, ok := lex.roleLabels[strings.ToLower(strings.Join(head, " "))]
		if !ok {
			return labelCand{}, false
		}
		raw.Role, raw.Words = role, strings.Join(head, " ")
	} else {
		if !lex.honorifics[first] && !lex.IsTitle(strings.Trim(head[0], ".")) {
			return labelCand{}, false
		}
		for k := 1; k < len(head); k++ {
			w := head[k]
			if !labelWord(w, false, lex) || k == len(head)-1 && (lex.IsCommon(strings.Trim(w, ".")) || lex.IsTitle(w)) {
				return labelCand{}, false
			}
			if !hasLower(w) && !lex.keepCaps[w] {
				head[k] = titleCase(w) // "Mr. BLINKEN"
			}
		}
		raw.Words = strings.Join(head, " ")
	}
	n := ends[end]
	for n < len(line) && (line[n] == ' ' || line[n] == '\t') {
		n++
	}
	return labelCand{n: n, end: ends[end], raw: raw, kind: kindPeriod, key: strings.ToLower(raw.Words)}, true
}

func checkPeriodLabel(t *testing.T, l string, lex *vocab) {
	t.Helper()
	got, ok := periodLabel(l, lex)
	want, wok := periodLabelAsWas(l, lex)
	if ok != wok || got != want {
		t.Fatalf("periodLabel(%q) = %+v, %v; want %+v, %v", l, got, ok, want, wok)
	}
}

func TestPeriodLabelSameAsWas(t *testing.T) {
	lex := testReader(t).lex
	for _, l := range append(testdataLines(t), periodSeeds...) {
		checkPeriodLabel(t, l, lex)
	}
}

var periodSeeds = []string{
	"The CHAIRMAN. The committee will come to order.", "Senator Menendez. Thank you.", "Mr. BLINKEN. Thank you.",
	"Mr. J. JONES III. Yes.", "MS. PSAKI: Good evening. Thank you", "The Vice President. Thanks.", "Sen. Rubio. Go.",
	"Mr.\tJones. Yes.", "Mr.  Jones. Yes.", "Senator de\tLeon. Yes.", "Senator de Leon. Yes.", "We have been talking. Then",
	"Mr. Smith Jones Brown. Yes.", "Mr. Smith Jones Brown Black. Yes.", "Mr. \"Smith. Yes.", "The. Chairman. Yes.",
}

func FuzzPeriodLabel(f *testing.F) {
	for _, l := range periodSeeds {
		f.Add(l)
	}
	f.Fuzz(func(t *testing.T, l string) {
		checkPeriodLabel(t, l, testReader(t).lex)
	})
}

// TestTheFolds checks that strings.EqualFold(w, "the") is
// strings.ToLower(w) == "the" for any letters in any of the three places.
func TestTheFolds(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		for at := range 3 {
			w := []rune("the")
			w[at] = r
			if s := string(w); strings.EqualFold(s, "the") != (strings.ToLower(s) == "the") {
				t.Errorf("%q: EqualFold and ToLower disagree", s)
			}
		}
	}
}

// parseLabelAsWas is parseLabel as it was, trying each kind of label on
// every line: the reference for the one that first rejects, from its
// first and last bytes, the lines that can be no label. It looks for a
// speaker label at the start of line (no newline).
// lex tells title words, which make a label of capitalised words strong
// ("Acting NATO Spokesperson Dylan White:"); heads, when not nil, keeps
// the classes of the label heads of the document line is in.
func parseLabelAsWas(line string, lex *vocab, heads headCache) (labelCand, bool) {
	off := 0 // real archives indent labels by any amount
	for off < len(line) && (line[off] == ' ' || line[off] == '\t') {
		off++
	}
	rest := line[off:]
	bold := ""
	for _, m := range []string{"**", "__"} {
		if strings.HasPrefix(rest, m) {
			bold, rest, off = m, rest[len(m):], off+len(m)
			break
		}
	}
	if n := leadingTimestamp(rest); n > 0 { // "[00:01:23] Name: text"
		rest, off = rest[n:], off+n
	}
	if c, ok := parseQ(rest, bold); ok {
		c.n += off
		c.end += off
		return c, true
	}
	if c, ok := parseA(rest, lex); ok {
		c.n += off
		c.end += off
		return c, true
	}
	if c, ok := clockLabel(rest, lex); ok { // "Jane Smith  0:03", the words on the next lines
		c.n, c.end = off+len(rest), off+len(rest)
		return c, true
	}
	if bold == "" {
		if c, ok := periodLabel(rest, lex); ok { // "Senator Rubio. Mr. Blinken, …"
			c.n += off
			c.end += off
			return c, true
		}
	}
	colon := labelColon(rest)
	if colon <= 0 || colon > 120 {
		return labelCand{}, false
	}
	head := rest[:colon]
	after := colon + 1
	if bold != "" {
		if strings.HasSuffix(head, bold) { // **NAME**:
			head = head[:len(head)-len(bold)]
		} else if strings.HasPrefix(rest[after:], bold) { // **NAME:**
			after += len(bold)
		} else {
			return labelCand{}, false
		}
	}
	if after < len(rest) && rest[after] != ' ' && rest[after] != '\t' {
		return labelCand{}, false // "3:15", "http://"
	}
	end := after
	for after < len(rest) && (rest[after] == ' ' || rest[after] == '\t') {
		after++
	}
	if t := strings.TrimSpace(rest[after:]); len(t) > 2 && (t[0] == '(' || t[0] == '[') && leadingTimestamp(t+" ") == len(t)+1 {
		after = len(rest) // "Joe Biden: (00:00)": the time belongs to the label
		end = after
	}
	h := heads.classify(strings.TrimSpace(head), lex)
	if !h.ok {
		return labelCand{}, false
	}
	return labelCand{n: off + after, end: off + end, raw: h.raw, kind: h.kind, key: h.key}, true
}

// numberedRoleAsWas is numberedRole as it was, lower-casing and
// splitting every head: the reference for the one that looks at the
// last word first. It returns the role of a role label numbered to tell apart
// speakers of one role, with its number ("SENIOR ADMINISTRATION OFFICIAL
// ONE" is "Senior administration official one", "MODERATOR #2" is
// "Moderator 2"), or "".
func numberedRoleAsWas(head string, lex *vocab) string {
	words := strings.Fields(strings.ToLower(head))
	if len(words) < 2 {
		return ""
	}
	num := strings.TrimPrefix(words[len(words)-1], "#")
	if !lex.numberWords[num] && strings.Trim(num, "0123456789") != "" {
		return ""
	}
	role, ok := lex.roleLabels[strings.Join(words[:len(words)-1], " ")]
	if !ok || role == "Questioner" {
		return ""
	}
	return role + " " + num
}

func checkNumberedRole(t *testing.T, head string) {
	t.Helper()
	lex := testReader(t).lex
	if got, want := numberedRole(head, lex), numberedRoleAsWas(head, lex); got != want {
		t.Fatalf("numberedRole(%q) = %q, want %q", head, got, want)
	}
}

func TestNumberedRoleSameAsWas(t *testing.T) {
	for _, l := range testdataLines(t) {
		checkNumberedRole(t, l)
		if c := strings.IndexByte(l, ':'); c > 0 {
			checkNumberedRole(t, l[:c])
		}
	}
	for _, h := range []string{"", "2", "MODERATOR #2", "moderator 2 ", "Moderator\u00a02", "MODERATOR\u00a0TWO\u2003", "SENIOR ADMINISTRATION OFFICIAL ONE", "Q 1", "x #", "a \xff", "a\t#12\n", "Speaker 1"} {
		checkNumberedRole(t, h)
	}
}

func FuzzNumberedRole(f *testing.F) {
	for _, h := range []string{"MODERATOR #2", "SENIOR ADMINISTRATION OFFICIAL ONE", "Moderator\u00a02", "a \xff"} {
		f.Add(h)
	}
	f.Fuzz(checkNumberedRole)
}

// classifyHeadAsWas is classifyHead as it was, listing the words of
// every head before looking at them: the reference for the one that
// looks first. It checks the words before the colon and splits off a
// parenthetical.
func classifyHeadAsWas(head string, lex *vocab) (transcript.Label, labelKind, string, bool) {
	var raw transcript.Label
	paren := ""
	// a timestamp in parentheses is not an outlet: "Speaker 1 (00:03):"
	if open := strings.LastIndexByte(head, '('); open > 0 && strings.HasSuffix(head, ")") {
		if inner := head[open+1 : len(head)-1]; clockLen(inner) == len(inner) {
			head = strings.TrimSpace(head[:open])
		}
	}
	if numberedSpeaker(head, lex) {
		head = strings.Trim(head, "[]")
		raw.Role, raw.Words = head, head
		return raw, kindRole, strings.ToLower(head), true
	}
	if role := numberedRole(head, lex); role != "" {
		raw.Role, raw.Words = role, head
		return raw, kindRole, strings.ToLower(head), true
	}
	if strings.HasSuffix(head, ")") {
		open := strings.LastIndexByte(head, '(')
		if open <= 0 {
			return raw, 0, "", false
		}
		paren = strings.TrimSpace(head[open+1 : len(head)-1])
		head = strings.TrimSpace(head[:open])
		if paren == "" || strings.ContainsAny(paren, "()") {
			return raw, 0, "", false
		}
	}
	if head == "" || len(head) > 80 {
		return raw, 0, "", false
	}
	// "CHRISTIANE AMANPOUR, CNN:" or "Jane Doe, Reuters:": the part after a
	// single comma is the outlet
	if c := strings.IndexByte(head, ','); c > 0 && paren == "" && strings.Count(head, ",") == 1 {
		name, aff := strings.TrimSpace(head[:c]), strings.TrimSpace(head[c+1:])
		affWords := strings.Fields(aff)
		if len(affWords) == 0 || len(affWords) > 5 || len(strings.Fields(name)) < 2 {
			return raw, 0, "", false
		}
		for i, w := range affWords {
			if !labelWord(w, i == 0, lex) {
				return raw, 0, "", false
			}
		}
		raw, kind, key, ok := classifyHeadAsWas(name, lex)
		if !ok || kind == kindRole || kind == kindQuestion {
			return raw, 0, "", false
		}
		if !hasLower(aff) && hasTitle(affWords, lex) {
			aff = strings.Join(titleWords(affWords, lex), " ") // "CNN CHIEF INTERNATIONAL ANCHOR" is a role
		}
		raw.Affiliation = aff
		return raw, kindStrong, key, true
	}
	words := strings.Fields(head)
	if len(words) > 9 {
		return raw, 0, "", false
	}
	caps := true
	for i, w := range words {
		if !labelWord(w, i == 0, lex) {
			return raw, 0, "", false
		}
		if hasLower(w) {
			caps = false
		}
	}
	folded := strings.ToLower(strings.Join(words, " "))
	if role, ok := lex.roleLabels[strings.TrimSuffix(folded, ".")]; ok {
		raw.Role = role
		raw.Words = strings.Join(words, " ")
		raw.Question = role == "Questioner"
		raw.Affiliation = paren
		if raw.Question {
			return raw, kindQuestion, "q", true
		}
		return raw, kindRole, folded, true
	}
	if role := misspeltRole(folded, lex); role != "" && caps {
		raw.Role, raw.Words, raw.Affiliation = role, strings.Join(words, " "), paren
		return raw, kindRole, folded, true // "OPERTATOR:", "MOERATOR:" as published
	}
	if paren == "" && lex.isOutlet(head) {
		// "Reuters: Has China …", "AFP: …": a questioner named by their outlet
		raw.Role, raw.Words, raw.Question, raw.Affiliation = "Questioner", head, true, head
		return raw, kindOutlet, "outlet " + folded, true
	}
	first := strings.TrimRight(strings.ToLower(words[0]), ".,")
	if lex.notLabel[first] && !lex.honorifics[first] {
		return raw, 0, "", false
	}
	last := strings.ToLower(words[len(words)-1])
	if lex.particles[last] && len(words) > 1 {
		return raw, 0, "", false
	}
	raw.Words = strings.Join(words, " ")
	raw.Affiliation = paren
	switch {
	case caps && len(words) >= 2 && allLetters(words):
		return raw, kindStrong, folded, true
	case len(words) == 1:
		return raw, kindSingle, folded, true
	case paren != "" && !caps:
		return raw, kindStrong, folded, true
	}
	return raw, kindWeak, folded, true
}

// checkClassifyHead checks classifyHead against classifyHeadAsWas on head
// as the parser gives it: trimmed, and not blank.
func checkClassifyHead(t *testing.T, head string) {
	t.Helper()
	head = strings.TrimSpace(head)
	if head == "" {
		return
	}
	lex := testReader(t).lex
	raw, kind, key, ok := classifyHead(head, lex)
	wraw, wkind, wkey, wok := classifyHeadAsWas(head, lex)
	if raw != wraw || kind != wkind || key != wkey || ok != wok {
		t.Fatalf("classifyHead(%q) = %+v, %v, %q, %v; want %+v, %v, %q, %v", head, raw, kind, key, ok, wraw, wkind, wkey, wok)
	}
}

func TestClassifyHeadSameAsWas(t *testing.T) {
	for _, l := range testdataLines(t) {
		checkClassifyHead(t, strings.TrimSpace(l))
		if c := strings.IndexByte(l, ':'); c > 0 {
			checkClassifyHead(t, strings.TrimSpace(l[:c]))
		}
	}
	for _, h := range []string{"", "A B C D E F G H I", "A B C D E F G H I J", "MS.\u00a0PSAKI", "Jane Doe, Reuters", "O'Brien de la Cruz", "the President", "É Ø", "X \xff", "A  B\t\tC (CNN)"} {
		checkClassifyHead(t, h)
	}
}

func FuzzClassifyHead(f *testing.F) {
	for _, h := range []string{"MS. PSAKI", "Jane Doe, Reuters", "A B C D E F G H I J", "MS.\u00a0PSAKI", "Speaker 1 (00:03)"} {
		f.Add(h)
	}
	f.Fuzz(checkClassifyHead)
}

// leadingTimestampAsWas is leadingTimestamp as it was, looking up the
// closing bracket in a map and calling clockLen for every line: the
// reference for the one that tells most lines by their first byte.
func leadingTimestampAsWas(s string) int {
	i := 0
	closing := byte(0)
	if len(s) > 0 && (s[0] == '[' || s[0] == '(') {
		closing = map[byte]byte{'[': ']', '(': ')'}[s[0]]
		i++
	}
	n := clockLen(s[i:])
	if n == 0 {
		return 0
	}
	i += n
	if closing != 0 {
		if i >= len(s) || s[i] != closing {
			return 0
		}
		i++
	}
	if i >= len(s) || s[i] != ' ' && s[i] != '\t' {
		return 0
	}
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// timestampSeeds open lines with timestamps and with what is near one.
var timestampSeeds = []string{
	"", "[", "(", "0", "[00:01:23] Name: text", "(01:23) x", "00:01:23 x", "00:01:23", "[00:01:23]", "[00:01:23)x",
	"(1:2) x", "12:34.567\tx", "9 a.m.", "[SPEAKER_00]: x", "(Applause.)", "2024-03-21 x", "[01:02:03.5]  y",
}

// FuzzLeadingTimestamp checks leadingTimestamp against
// leadingTimestampAsWas.
func FuzzLeadingTimestamp(f *testing.F) {
	for _, s := range timestampSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := leadingTimestamp(s), leadingTimestampAsWas(s); got != want {
			t.Fatalf("leadingTimestamp(%q) = %d, as was %d", s, got, want)
		}
	})
}

// FuzzMayBeLabel checks that parseLabel finds no label on a line for
// which mayBeLabel is false.
func FuzzMayBeLabel(f *testing.F) {
	for _, s := range append(timestampSeeds, "MS. PSAKI: Good", "  **Q:** x", "__A__: y", "the end", "and then: this",
		"Jane Smith  0:03", "so [a]", "  x", "\t", "Senator Rubio. Thanks.", "q: x", "é: x") {
		f.Add(s)
	}
	lex := testReader(f).lex
	f.Fuzz(func(t *testing.T, s string) {
		if strings.IndexByte(s, '\n') >= 0 {
			return // parseLabel reads one line
		}
		if _, ok := parseLabel(s, lex, nil); ok && !mayBeLabel(s) {
			t.Fatalf("mayBeLabel(%q) = false, and parseLabel finds a label", s)
		}
	})
}
