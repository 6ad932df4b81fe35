package read

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline/transcript"
)

// maxHeaderLines bounds the header: past it, text is speech.
const maxHeaderLines = 12

var (
	timeLine   = regexp.MustCompile(`^\d{1,2}[:.]\d{2}\s*(?i:[ap]\.?\s?m\.?)?\s*[A-Z]{0,4}\.?$`)
	bulletLine = regexp.MustCompile(`^\s*[•·▪◦*\-]\s*`)
)

// headerEnd returns how many of lines (blank ones included) form the header:
// a title, a by-line, dates, times, places and notes such as "(As
// delivered)", before the first label or the first line of speech.
func headerEnd(text string, lines []line, markdown bool, lex *vocab, heads headCache) int {
	end, n := 0, 0
	for i, l := range lines {
		t := strings.TrimSpace(l.of(text))
		if t == "" {
			continue
		}
		if n >= maxHeaderLines || !isHeaderLine(t, n == 0, markdown, lex) || n > 0 && greeting(t, lex) {
			break
		}
		if c, ok := parseLabel(l.of(text), lex, heads); ok && !lex.isMetaLine(t) &&
			(c.kind.standsAlone() || c.kind.inPairs() && anotherLabel(text, lines[i+1:], c.kind, lex, heads)) {
			break
		}
		n++
		end = i + 1
	}
	return end
}

// anotherLabel reports whether lines hold a label of kind k: one line of
// a speaker and a time ("Jane Smith  0:03") or one hearing label ("The
// Chairman. The committee will come to order.") in a header is a label
// only when others follow.
func anotherLabel(text string, lines []line, k labelKind, lex *vocab, heads headCache) bool {
	for _, l := range lines {
		if c, ok := parseLabel(l.of(text), lex, heads); ok && c.kind == k {
			return true
		}
	}
	return false
}

// isTimeLine is timeLine.MatchString(t), told without the pattern when t
// does not open with a digit, as the pattern's lines do.
func isTimeLine(t string) bool {
	return t != "" && '0' <= t[0] && t[0] <= '9' && timeLine.MatchString(t)
}

// isBulletLine is bulletLine.MatchString(t), told without the pattern
// when the first byte of t past the pattern's white space is none that a
// bullet opens with: '*', '-', or the first byte of '•', '·', '▪' or '◦'.
func isBulletLine(t string) bool {
	i := 0
	for i < len(t) && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\f' || t[i] == '\r') {
		i++
	}
	if i == len(t) || t[i] != '*' && t[i] != '-' && t[i] != 0xE2 && t[i] != 0xC2 {
		return false
	}
	return bulletLine.MatchString(t)
}

// isHeaderLine reports whether a non-blank line reads as header metadata.
// Whether it ends a sentence is asked once, when a case needs it.
func isHeaderLine(t string, first, markdown bool, lex *vocab) bool {
	words := transcript.CountFields(t, 0)
	ends := 0             // 1 when t ends a sentence, 2 when it does not, 0 before it is asked
	open := func() bool { // not a sentence that ends
		if ends == 0 {
			ends = 2
			if endsSentence(t) {
				ends = 1
			}
		}
		return ends == 2
	}
	switch {
	case markdown && strings.HasPrefix(t, "#"):
		return true
	case isBulletLine(t) && utf8.RuneCountInString(t) < 120 && (lex.months.find(t) != "" || lex.isMetaLine(bulletLine.ReplaceAllString(t, "")) || words <= 2):
		return true
	case strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") && len(t) < 80:
		return true
	case isTimeLine(t), len(t) < 300 && lex.isMetaLine(t):
		return true
	case words <= 14 && lex.months.find(t) != "":
		return true
	case len(t) >= 3 && t[0]|0x20 == 'b' && t[1]|0x20 == 'y' && t[2] == ' ' && len(t) < 300 && open(): // "by ", in any case
		return true
	case first && len(t) < 200 && open() && startsUpper(t) && !greeting(t, lex):
		return true
	case len(t) < 100 && words <= 12 && open() && startsUpper(t) && !greeting(t, lex):
		return true
	}
	return false
}

// endsSentence is lexicon.EndsSentence(t), which tokenizes all of t to
// look at its last tokens, asked of t's last words alone when they hold a
// word. Tokens never cross an ASCII space, so t's tokens after a space are
// those of the text that follows it; and EndsSentence looks no further
// back than the last word token: the last token, past quotes and
// brackets, and the one before it when that is a full stop. A text that
// ends in an ASCII letter or digit, which ends a word token, ends no
// sentence.
func endsSentence(t string) bool {
	if t == "" {
		return false
	}
	if c := t[len(t)-1]; 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9' {
		return false
	}
	const most = 64 // what Tokenize tokenizes on the stack
	if len(t) <= most {
		return lexicon.EndsSentence(t)
	}
	tail := t[len(t)-most:]
	k := strings.IndexByte(tail, ' ')
	if k < 0 {
		return lexicon.EndsSentence(t)
	}
	tail = tail[k+1:]
	for i := 0; i < len(tail); i++ {
		if c := tail[i] | 0x20; 'a' <= c && c <= 'z' || '0' <= tail[i] && tail[i] <= '9' {
			return lexicon.EndsSentence(tail) // an ASCII letter or digit is in a word token
		}
	}
	return lexicon.EndsSentence(t)
}

func startsUpper(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return r >= 'A' && r <= 'Z' || r > utf8.RuneSelf
}

// readHeader fills the title and date from header lines where front matter
// left them empty. A "by ..." line extends the title ("Press conference" +
// "by NATO Secretary General ...").
func readHeader(doc *transcript.Document, lines []line, lex *vocab) {
	var texts []string
	for _, l := range lines {
		t := strings.TrimSpace(l.of(doc.Body))
		if t == "" {
			continue
		}
		texts = append(texts, strings.TrimSpace(strings.TrimLeft(t, "#")))
	}
	if doc.Title == "" && len(texts) > 0 {
		title := texts[0]
		if len(texts) > 1 && strings.HasPrefix(strings.ToLower(texts[1]), "by ") && !strings.Contains(strings.ToLower(title), " by ") {
			title += " " + texts[1]
		}
		if isBulletLine(title) || isTimeLine(title) {
			title = ""
		}
		doc.Title = title
	}
	if doc.Date == "" {
		for _, t := range texts {
			if d := lex.months.find(t); d != "" {
				doc.Date = d
				break
			}
		}
	}
	if doc.Date == "" {
		doc.Date = lex.months.find(doc.Title)
	}
}

// headerLines returns the non-blank lines of d's header after any front
// matter, trimmed.
func headerLines(d *transcript.Document) []string {
	var out []string
	h := d.Body[d.Header.Start:d.Header.End]
	if _, start, _, closed := frontMatterEnd(h + "\n"); closed {
		h = h[min(start, len(h)):]
	}
	for _, l := range strings.Split(h, "\n") {
		if t := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), "#•·*")); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// greeting reports a line that opens speech, never a header: "Good
// afternoon everyone", "Thank you very much".
func greeting(t string, lex *vocab) bool {
	if sp := strings.IndexByte(t, ' '); sp >= 0 {
		t = t[:sp] // the first word
	}
	return atLower(lex.greetings, strings.Trim(t, ",.!"))
}
