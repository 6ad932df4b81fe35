package read

import (
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline/transcript"
)

// splitTurnsAsWas is splitTurns as it was, with a Turn on the heap for
// each label and without a cache of label heads: the reference for the
// faster one. It finds the labels among lines and cuts the text into turns.
// Text before the first label is one turn of its own.
func splitTurnsAsWas(text string, lines []line, markdown bool, known map[string]bool, lex *vocab) ([]transcript.Turn, []transcript.Span) {
	type found struct {
		i int // the line's index
		l line
		c labelCand
	}
	var cands []found
	var skipped []transcript.Span
	skip := make([]bool, len(lines))   // lines that are not speech: headings and footers
	footer := make([]bool, len(lines)) // the footer lines at the end
	// footer lines close the transcript: "END 1:45 P.M. EST", "(The
	// briefing was concluded at 3:04 p.m.)", "###"
	for i := len(lines) - 1; i >= 0; i-- {
		t := strings.TrimSpace(lines[i].of(text))
		if t == "" {
			continue
		}
		if !isFooter(t, lex) {
			break
		}
		skip[i], footer[i] = true, true
	}
	for i, l := range lines {
		if skip[i] {
			skipped = append(skipped, transcript.Span{Start: l.start, End: l.end})
			continue
		}
		if markdown && isHeading(l.of(text)) {
			skipped = append(skipped, transcript.Span{Start: l.start, End: l.end})
			skip[i] = true
			continue
		}
		if c, ok := parseLabel(l.of(text), lex, nil); ok {
			cands = append(cands, found{i, l, c})
		}
	}
	// support: names of strong labels and repeated labels
	repeats := map[string]int{}
	strong := 0
	var styles [2]int       // strong role and name labels in mixed case and in capitals
	clocks, periods := 0, 0 // lines of a speaker and a time; labels ending in a full stop
	questions := 0          // Q labels in the form "Q." that "A." answers
	for _, f := range cands {
		repeats[f.c.key]++
		switch f.c.kind {
		case kindClock:
			clocks++
		case kindPeriod:
			periods++
		case kindQuestion:
			if strings.HasPrefix(strings.TrimLeft(f.l.of(text), " \t"), "Q.") {
				questions++
			}
		}
		switch f.c.kind {
		case kindQuestion, kindRole, kindStrong:
			strong++
			for _, w := range strings.Fields(strings.ToLower(f.c.raw.Words)) {
				known[strings.Trim(w, ".,")] = true
			}
			if f.c.kind != kindQuestion {
				styles[capsStyle(f.c.raw.Words)]++
			}
		}
	}
	accepted := make([]*labelCand, len(lines)) // by line index: the labels that count
	for k := range cands {
		f := &cands[k]
		ok := false
		switch f.c.kind {
		case kindQuestion, kindRole, kindStrong:
			ok = true
		case kindSingle:
			ok = known[strings.Trim(f.c.key, ".")] || known[initialled(f.c.key)] || repeats[f.c.key] >= 2 ||
				strong >= 2 && isCapsWord(f.c.raw.Words) // "AIDE:", "CHILD:" among other labels
		case kindClock:
			ok = clocks >= 2
		case kindPeriod:
			ok = periods >= 2 && strong == 0 // a document writes its labels one way
		case kindAnswer:
			ok = questions >= 1 && questions+repeats["a"] >= 3
		case kindOutlet:
			ok = strong >= 1 || repeats[f.c.key] >= 2
		case kindWeak:
			// once, a weak label needs other labels in its style: "Back to
			// Wall Street:" is prose among "THE PRESIDENT:" labels
			style := capsStyle(f.c.raw.Words)
			ok = repeats[f.c.key] >= 2 || strong >= 2 && (styles[style] > 0 || styles[1-style] == 0)
		}
		if ok {
			accepted[f.i] = &f.c
		}
	}

	var turns []transcript.Turn
	var cur *transcript.Turn
	closeTurn := func(end int) {
		if cur == nil {
			return
		}
		s, e := trimSpan(text, cur.Text.Start, end)
		cur.Text = transcript.Span{Start: s, End: e}
		if cur.LabelSpan != (transcript.Span{}) || s < e {
			turns = append(turns, *cur)
		}
		cur = nil
	}
	for i, l := range lines {
		if footer[i] {
			closeTurn(l.start) // the turn ends where the footer starts
			continue
		}
		if skip[i] {
			if cur != nil {
				// a heading ends the turn's text; text after it, up to
				// the next label, is a new turn by the same speaker
				closeTurn(l.start)
				last := turns[len(turns)-1]
				last.LabelSpan, last.Text, last.Label = transcript.Span{}, transcript.Span{Start: l.end, End: l.end}, transcript.Label{}
				last.Line = l.no + 1
				cur = &last
			}
			continue
		}
		if c := accepted[i]; c != nil {
			closeTurn(l.start)
			cur = &transcript.Turn{LabelSpan: transcript.Span{Start: l.start, End: l.start + c.end}, Text: transcript.Span{Start: l.start + c.n}, Line: l.no, Label: c.raw}
			continue
		}
		if cur == nil && strings.TrimSpace(l.of(text)) != "" {
			cur = &transcript.Turn{Text: transcript.Span{Start: l.start}, Line: l.no}
		}
	}
	if len(lines) > 0 {
		closeTurn(lines[len(lines)-1].end)
	}
	return turns, skipped
}

// checkSplitTurns checks splitTurns against splitTurnsAsWas on text, read
// as markdown and as plain text.
func checkSplitTurns(t *testing.T, text string) {
	t.Helper()
	lex := testReader(t).lex
	lines := splitLines(text, 0)
	known := headerWords(text, lines[:min(3, len(lines))], "")
	sc := newScratch()
	for _, markdown := range []bool{false, true, false, true} {
		// sc is lent again, as the next document finds it
		sc.reset()
		sc.state = slices.Grow(sc.state[:0], len(lines)+8)[:len(lines)]
		for i := range sc.state {
			sc.state[i] = int32(i%5) - 2 // what another document's lines were
		}
		turns, skipped := splitTurns(text, lines, markdown, maps.Clone(known), lex, headCache{}, sc)
		wturns, wskipped := splitTurnsAsWas(text, lines, markdown, maps.Clone(known), lex)
		if !reflect.DeepEqual(turns, wturns) || !reflect.DeepEqual(skipped, wskipped) {
			t.Fatalf("splitTurns(%q, markdown %v) = %+v, %v; want %+v, %v", text, markdown, turns, skipped, wturns, wskipped)
		}
	}
}

// sameKeyTexts hold labels that differ but share a key, which splitTurns
// keeps apart.
var sameKeyTexts = []string{
	"Mr. SMITH. Hello there.\nMR. SMITH: Yes.\nMr. Smith: No.\n**MR. SMITH:** Ok.\nMr. SMITH. Again.\nMR. SMITH: Yes.\n",
	"Jane Smith  0:03\nHello.\nJane Smith: Hi.\nJANE SMITH: Hey.\nJane Smith  0:09\nBye.\nJane Smith: Bye.\n",
	"Q: a\nQ. b\nQ (AFP): c\nQ: d\nQuestion: e\nQUESTION: f\n",
}

func TestSplitTurnsSameAsWas(t *testing.T) {
	for _, l := range append(testdataTexts(t), sameKeyTexts...) {
		checkSplitTurns(t, l)
	}
}

func FuzzSplitTurns(f *testing.F) {
	f.Add("MODERATOR: a\nQ    b\nNote: c\n**MS. X:** d\n")
	f.Add("# h\nA B (C): d\n## x\ntext\nEND 1:45 P.M.\n")
	f.Add("HEARING\n    The CHAIRMAN. Order.\n    Senator SMITH. Thanks.\n    Mr. J. JONES III. Yes.\n")
	f.Add("Interview\n\nJane Smith  0:03\nHello.\n\nSpeaker 2 [01:15]\nHi.\n")
	f.Add("Q. Why?\n\nA. Because.\n\nQ. And?\nAFP: More?\n[SPEAKER_00]: x\n")
	for _, s := range sameKeyTexts {
		f.Add(s)
	}
	f.Fuzz(checkSplitTurns)
}

// headerWordsAsWas is headerWords as it was, splitting each line into a
// list of words: the reference for the one that adds each word as it
// finds it.
func headerWordsAsWas(text string, lines []line, title string) map[string]bool {
	out := map[string]bool{}
	add := func(s string) {
		for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '-' }) {
			out[strings.ToLower(w)] = true
		}
	}
	for _, l := range lines {
		add(l.of(text))
	}
	add(title)
	return out
}

func checkHeaderWords(t *testing.T, s string) {
	t.Helper()
	text := s + "\n" + strings.ToUpper(s)
	lines := splitLines(text, 0)
	if got, want := headerWords(text, lines, s), headerWordsAsWas(text, lines, s); !maps.Equal(got, want) {
		t.Fatalf("headerWords(%q) = %v, want %v", s, got, want)
	}
}

func TestHeaderWordsSameAsWas(t *testing.T) {
	for _, l := range testdataLines(t) {
		checkHeaderWords(t, l)
	}
	for _, s := range []string{"", "a", "O'Brien-Smith, Ça va? \xff\xc3 élan_x 3d", "ǅemal ß İstanbul", "\u00a0x\u2019y"} {
		checkHeaderWords(t, s)
	}
}

func FuzzHeaderWords(f *testing.F) {
	for _, l := range testdataLines(f) {
		if len(l) < 200 {
			f.Add(l)
		}
	}
	f.Fuzz(checkHeaderWords)
}

// isHeaderLineAsWas is isHeaderLine as it was, asking whether the line
// ends a sentence in each case that needs it: the reference for the one
// that asks once. It reports whether a non-blank line reads as header
// metadata.
func isHeaderLineAsWas(t string, first, markdown bool, lex *vocab) bool {
	words := len(strings.Fields(t))
	switch {
	case markdown && strings.HasPrefix(t, "#"):
		return true
	case bulletLine.MatchString(t) && utf8.RuneCountInString(t) < 120 && (lex.months.find(t) != "" || lex.metaLine.MatchString(bulletLine.ReplaceAllString(t, "")) || words <= 2):
		return true
	case strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") && len(t) < 80:
		return true
	case timeLine.MatchString(t), lex.metaLine.MatchString(t) && len(t) < 300:
		return true
	case lex.months.find(t) != "" && words <= 14:
		return true
	case strings.HasPrefix(strings.ToLower(t), "by ") && len(t) < 300 && !lexicon.EndsSentence(t):
		return true
	case first && len(t) < 200 && !lexicon.EndsSentence(t) && startsUpper(t) && !greetingAsWas(t, lex):
		return true
	case len(t) < 100 && words <= 12 && !lexicon.EndsSentence(t) && startsUpper(t) && !greetingAsWas(t, lex):
		return true
	}
	return false
}

// greetingAsWas is greeting as it was, splitting the line at its first
// space. It reports a line that opens speech, never a header: "Good
// afternoon everyone", "Thank you very much".
func greetingAsWas(t string, lex *vocab) bool {
	return atLower(lex.greetings, strings.Trim(strings.SplitN(t, " ", 2)[0], ",.!"))
}

func checkHeaderLine(t *testing.T, s string) {
	t.Helper()
	lex := testReader(t).lex
	for _, first := range []bool{false, true} {
		for _, md := range []bool{false, true} {
			if got, want := isHeaderLine(s, first, md, lex), isHeaderLineAsWas(s, first, md, lex); got != want {
				t.Fatalf("isHeaderLine(%q, %v, %v) = %v, want %v", s, first, md, got, want)
			}
		}
	}
	if got, want := greeting(s, lex), greetingAsWas(s, lex); got != want {
		t.Fatalf("greeting(%q) = %v, want %v", s, got, want)
	}
	if got, want := transcript.CountFields(s, 0), len(strings.Fields(s)); got != want {
		t.Fatalf("CountFields(%q, 0) = %d, want %d", s, got, want)
	}
}

func TestHeaderLineSameAsWas(t *testing.T) {
	for _, l := range testdataLines(t) {
		checkHeaderLine(t, strings.TrimSpace(l))
	}
	for _, s := range []string{"", "by", "BY Jen Psaki", "bY x.", "By the way, this ends.", "Good afternoon, everyone", "Thank you.", "\u00a0a\u2003b \xff", "İby x"} {
		checkHeaderLine(t, s)
	}
}

func FuzzHeaderLine(f *testing.F) {
	for _, l := range testdataLines(f) {
		if len(l) < 200 {
			f.Add(l)
		}
	}
	f.Fuzz(checkHeaderLine)
}

// checkEndsSentence checks endsSentence against lexicon.EndsSentence on s
// and on each of its suffixes that start after a space.
func checkEndsSentence(t *testing.T, s string) {
	t.Helper()
	for i := 0; i <= len(s); i++ {
		if i > 0 && s[i-1] != ' ' {
			continue
		}
		if got, want := endsSentence(s[i:]), lexicon.EndsSentence(s[i:]); got != want {
			t.Fatalf("endsSentence(%q) = %v, want %v", s[i:], got, want)
		}
	}
}

// endsSentenceSeeds are lines whose end the tail alone could misread.
var endsSentenceSeeds = []string{
	"Remarks by the President and the Vice President at the White House, Washington, D.C.",
	"Remarks by the President and the Vice President at the White House in Washington J.",
	"Remarks by the President and the Vice President at the White House in Washington J. ( \" ' ) ] ».",
	"Remarks by the President and the Vice President at the White House in Washington ” ’ ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) .",
	"Remarks by the President and the Vice President at the White House in Washington:   ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) )",
	"Remarks by the President and the Vice President at the White House in Washington é. . . . . . . . . . . . . . . . . . . . . . .",
	"Remarks by the President and the Vice President at the White House in Washington. \u00a0 ` . ? ! : ¿ — – -- ... … » « “ ” a.",
	"Remarks by the President and the Vice President at the White House in Washington on the nation’s economy, p.m.",
}

func TestEndsSentenceSameAsLexicon(t *testing.T) {
	for _, s := range endsSentenceSeeds {
		checkEndsSentence(t, s)
	}
	for _, s := range testdataTexts(t) {
		for _, l := range strings.Split(s, "\n") {
			checkEndsSentence(t, strings.TrimSpace(l))
		}
	}
}

func FuzzEndsSentence(f *testing.F) {
	for _, s := range endsSentenceSeeds {
		f.Add(s)
	}
	for _, s := range testdataTexts(f) {
		for _, l := range strings.Split(s, "\n") {
			if len(l) > 64 {
				f.Add(l)
			}
		}
	}
	f.Fuzz(checkEndsSentence)
}

// isHeadingAsWas is isHeading as it was, trimming every line: the
// reference for the one that tells most lines by their first byte.
func isHeadingAsWas(s string) bool {
	t := strings.TrimLeft(s, " ")
	return strings.HasPrefix(t, "#") && (len(t) == strings.Count(t, "#") || strings.Contains(t, "# "))
}

// FuzzIsHeading checks isHeading against isHeadingAsWas.
func FuzzIsHeading(f *testing.F) {
	for _, s := range []string{"", " ", "#", "##", " ## Remarks", "#hashtag", "  #", "# ", "x # y", "\t# x", "### ###", " #x# y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isHeading(s), isHeadingAsWas(s); got != want {
			t.Fatalf("isHeading(%q) = %v, as was %v", s, got, want)
		}
	})
}

// FuzzLinePatterns checks isTimeLine and isBulletLine against their
// patterns.
func FuzzLinePatterns(f *testing.F) {
	for _, s := range []string{"", "7:06 P.M. EST", "12.30 pm", "1:45", " • item", "· x", "▪ y", "◦ z", "* a", "- b", "\t-", "• ", "x", "  ", "9 a.m.", "\u00a0- x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isTimeLine(s), timeLine.MatchString(s); got != want {
			t.Fatalf("isTimeLine(%q) = %v, want %v", s, got, want)
		}
		if got, want := isBulletLine(s), bulletLine.MatchString(s); got != want {
			t.Fatalf("isBulletLine(%q) = %v, want %v", s, got, want)
		}
	})
}
