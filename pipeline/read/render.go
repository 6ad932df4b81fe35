package read

import (
	"math/bits"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// renderBody turns decoded text into the plain text the parser reads, line
// for line, so that line numbers still count source lines:
//
//   - every Unicode space (no-break, thin, narrow no-break, ideographic, …)
//     becomes an ASCII space, and invisible format characters (word joiner,
//     zero-width space, soft hyphen, byte order mark, direction marks) are
//     dropped;
//   - trailing white space is dropped, so a markdown hard break ("text  ")
//     and a line of spaces read as what they are;
//   - in markdown, backslash escapes ("\[sic\]", "\###"), a backslash hard
//     break, inline HTML tags ("<s>", "<figure …>", "<img …>"), images,
//     links ("[text](url)" keeps its text), autolinks and emphasis markers
//     ("*Aboard Air Force One*", "**MS. PSAKI:**") are rendered as plain
//     text.
//
// For example, "MS. PSAKI:\u00a0 Good \\[sic\\] <s>day</s>  " becomes
// "MS. PSAKI:  Good [sic] day".
func renderBody(text string, markdown bool) string {
	return bytesString(appendBody(make([]byte, 0, len(text)), text, markdown))
}

// renderLines returns text with text[from:], which starts a line, as
// renderBody renders it, and the lines of that rendered part that are not
// blank, in order, their offsets in the text returned. Rendering drops
// trailing white space and turns every other space into an ASCII one, so
// a blank line is an empty one and holds nothing the parser reads. Unless
// copied is asked for, it returns text itself when rendering changes none
// of it, and otherwise copies the lines before the first that changes as
// they are. Each line is looked at once, as it is rendered. valid reports
// whether text[from:] is clean: UTF-8 with no NUL and no carriage return
// (a byte that is not UTF-8 renders as U+FFFD). The lines are written over
// buf, which grows as they need: the scratch that lends it is kept for the
// next document, so the lines are not counted first.
func renderLines(text string, from int, markdown, copied bool, buf []line) (body string, lines []line, valid bool) {
	lines = buf[:0]
	no := 1 + strings.Count(text[:from], "\n")
	off := from // the start of the first line that may change
	for !copied && off < len(text) {
		end, kept, marked := scanLine(text, off, markdown)
		if !kept || markdown && marked || end > off && isTrailingBlank(text[end-1]) {
			break
		}
		if end > off {
			lines = append(lines, line{start: off, end: end, no: no})
		}
		no++
		off = end + 1
	}
	body, valid = text, true
	if copied || off < len(text) {
		out := make([]byte, 0, len(text))
		out = append(out, text[:off]...)
		out, valid = appendLines(out, text, off, markdown, &lines, no)
		body = bytesString(out)
	}
	return body, lines, valid
}

// bytesString returns b as a string without copying it; b must not change
// after.
func bytesString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// appendBody appends renderBody(text, markdown) to out.
func appendBody(out []byte, text string, markdown bool) []byte {
	out, _ = appendLines(out, text, 0, markdown, nil, 0)
	return out
}

// appendLines appends text[off:], from a line start, to out as renderBody
// renders it. When lines is not nil, each line rendered that is not empty
// is appended to it, with its offsets in out; no is the number of the
// line at off. Each line is rendered by appendLine, which looks at it
// once, and its markdown, if it has marks, from out. valid reports
// whether text[off:] is clean.
func appendLines(out []byte, text string, off int, markdown bool, lines *[]line, no int) (_ []byte, valid bool) {
	valid = true
	for off < len(text) {
		start := len(out)
		var end int
		var marked, ok bool
		out, end, marked, ok = appendLine(out, text, off, markdown)
		valid = valid && ok
		if markdown && marked {
			// renderMarkdownLine reads the line before it is written over,
			// and never makes it longer
			md := renderMarkdownLine(bytesString(out[start:]))
			out = append(out[:start], md...)
		}
		if lines != nil && len(out) > start {
			*lines = append(*lines, line{start: start, end: len(out), no: no})
		}
		no++
		if end == len(text) {
			break
		}
		out = append(out, '\n')
		off = end + 1
	}
	return out, valid
}

// appendLine appends the line that starts at text[off] to out as
// RenderLine renders it, and returns out, the line's end (the offset of
// its newline, or len(text)), whether the line holds one of markdownMarks
// (in markdown; outside it, marked may miss them) and whether it is
// clean: UTF-8 with no NUL and no carriage return. It looks at each byte once: eight bytes of printable ASCII with
// no byte that is '*' or '<' or from '[' to '_' (outside markdown, any
// eight bytes of printable ASCII) are passed over at once, and the runs
// between the characters that change are copied whole. A DEL stays in a
// line of printable ASCII and goes from any other, so a line with one
// that turns out not to be plain ASCII is rendered again from its start.
func appendLine(out []byte, text string, off int, markdown bool) (_ []byte, end int, marked, valid bool) {
	start := len(out)
	valid = true
	pure := true // no byte outside ASCII and no control character so far
	del := false // a DEL seen while pure
	kept := off  // text[kept:i] is yet to be copied, as it is
	i := off
	for {
		// eight bytes at a time up to the first byte to look at, which
		// alone is looked at before going on eight at a time (the last
		// seven bytes of the text are looked at one by one)
		stop := len(text)
		var found bool
		if i, found = skipUsual(text, i, markdown); found {
			stop = i + 1
		}
		for i < stop {
			c := text[i]
			switch {
			case c == '\n':
				return trimBlanks(append(out, text[kept:i]...), start), i, marked, valid
			case c >= ' ' && c < 0x7f:
				if isMarkdownMark[c] {
					marked = true
				}
				i++
				continue
			case c == '\t':
				i++
				continue
			}
			if c == 0x7f && pure {
				del = true
				i++
				continue
			}
			if del {
				// the DEL goes after all: render the line again
				end := lineEnd(text, i)
				out = appendRendered(out[:start], text[off:end])
				return out, end, hasMarkdownMark(out[start:]), clean(text[off:end])
			}
			pure = false
			if n := keptAt(text, i); n > 0 {
				i += n // an accented letter, a dash or a curly quote
				continue
			}
			if c == 0xC2 && i+1 < len(text) && text[i+1] == 0xA0 {
				out = append(out, text[kept:i]...)
				out = append(out, ' ') // a no-break space
				i += 2
				kept = i
				continue
			}
			r, size := rune(c), 1
			if c >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(text[i:])
				if keptRune(r) || !changes(r, size) {
					i += size
					continue
				}
			} else if c == 0 || c == '\r' {
				valid = false // decode would refuse a NUL and make a carriage return a newline
			}
			out = append(out, text[kept:i]...)
			switch {
			case unicode.IsSpace(r) || unicode.Is(unicode.Zs, r):
				out = append(out, ' ')
			case isInvisible(r):
			default:
				out = append(out, "\uFFFD"...) // a byte that is not UTF-8
				valid = false
			}
			i += size
			kept = i
		}
		if i >= len(text) {
			return trimBlanks(append(out, text[kept:]...), start), len(text), marked, valid
		}
	}
}

// keptAt returns the length of the character at text[i] when it is one of
// the commonest that keptRune tells, read from its bytes without decoding
// it: an accented letter from U+00C0 to U+00FF (0xC3 and one byte) or a
// dash, curly quote or ellipsis from U+2010 to U+2027 (0xE2 0x80 and one
// byte from 0x90 to 0xA7); 0 for any other.
func keptAt(text string, i int) int {
	switch c := text[i]; {
	case c == 0xC3 && i+1 < len(text) && text[i+1]&0xC0 == 0x80:
		return 2
	case c == 0xE2 && i+2 < len(text) && text[i+1] == 0x80 && text[i+2] >= 0x90 && text[i+2] <= 0xA7:
		return 3
	}
	return 0
}

// trimBlanks drops the trailing blanks of b after b[start].
func trimBlanks(b []byte, start int) []byte {
	for len(b) > start && isTrailingBlank(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

// scanLine looks at the line that starts at text[off]. It returns the
// line's end (the offset of its newline, or len(text)); kept, whether
// rendering keeps the line as it is but for its trailing blanks
// (isPlainASCII(line), or nextChange finds nothing in it); and marked,
// whether the line holds one of markdownMarks, reported only for a line
// kept (a line that is not is rendered first and looked at again) and in
// markdown (outside it, marked may miss them). Eight bytes of printable
// ASCII with no byte that is '*' or '<' or from '[' to '_' (outside
// markdown, any eight bytes of printable ASCII) are passed over at once,
// and a line is scanned for its end alone once it is known not to be
// kept.
func scanLine(text string, off int, markdown bool) (end int, kept, marked bool) {
	plain, keeps := true, true // isPlainASCII of the line so far, and no character that changes
	i := off
	for {
		stop := len(text) // as in appendLine
		var found bool
		if i, found = skipUsual(text, i, markdown); found {
			stop = i + 1
		}
		for ; i < stop; i++ {
			c := text[i]
			switch {
			case c == '\n':
				return i, plain || keeps, marked
			case c >= utf8.RuneSelf:
				plain = false
				if keeps {
					r, size := utf8.DecodeRuneInString(text[i:])
					if !keptRune(r) && changes(r, size) {
						return lineEnd(text, i), false, false
					}
					i += size - 1
				} else {
					return lineEnd(text, i), false, false
				}
			case c < ' ' && c != '\t':
				return lineEnd(text, i), false, false
			case c == 0x7f:
				keeps = false // DEL: plain ASCII, yet not kept
			case isMarkdownMark[c]:
				marked = true
			}
		}
		if i >= len(text) {
			return len(text), plain || keeps, marked
		}
	}
}

// skipUsual returns the offset of the first byte at or after text[i]
// that unusual8 marks, and true, looking at eight bytes at a time; or,
// when there is none up to the last eight bytes of text, the offset after
// them, and false. It is a function of its own so that its loop keeps
// what it needs in registers, apart from the many values of its callers'.
//
//go:noinline
func skipUsual(text string, i int, markdown bool) (int, bool) {
	// a loop for each value of markdown, which is a constant in it,
	// tested once rather than for each eight bytes
	j := i
	if markdown {
		for ; j <= len(text)-8; j += 8 {
			if m := unusual8(load8(text, j), true); m != 0 {
				return j + bits.TrailingZeros64(m)/8, true
			}
		}
		return j, false
	}
	for ; j <= len(text)-8; j += 8 {
		if m := unusual8(load8(text, j), false); m != 0 {
			return j + bits.TrailingZeros64(m)/8, true
		}
	}
	return j, false
}

// lineEnd returns the offset of the first newline in text at or after i,
// or len(text).
func lineEnd(text string, i int) int {
	if nl := strings.IndexByte(text[i:], '\n'); nl >= 0 {
		return i + nl
	}
	return len(text)
}

// mayBeMark reports whether one of the eight bytes of x, all printable
// ASCII, is '*' or '<', or from '[' to '_' (which holds '[', '\\' and
// '_', and also ']' and '^'). With no byte at or above 0x80, setting the
// high bit of each byte lets a subtraction work byte by byte.
func mayBeMark(x uint64) bool {
	h := x | hiBits
	star := ^(h ^ '*'*loBits - loBits) & hiBits // ^(y|hi - 1) has the high bit where y is 0
	lt := ^(h ^ '<'*loBits - loBits) & hiBits
	brackets := (h - '['*loBits) &^ (h - ('_'+1)*loBits) & hiBits
	return star|lt|brackets != 0
}

// RenderLine returns one line of text with Unicode spaces as ASCII spaces,
// invisible format characters dropped and trailing white space trimmed.
// Titles, names and roles read from metadata go through it too.
func RenderLine(s string) string {
	if isPlainASCII(s) {
		return strings.TrimRight(s, " \t\r\f\v")
	}
	return string(appendRendered(make([]byte, 0, len(s)), s))
}

// appendRendered appends RenderLine(s) to b, for s that is not plain ASCII.
// The runs between the characters that change are copied whole.
func appendRendered(b []byte, s string) []byte {
	start := len(b)
	kept := 0 // s[kept:i] stays as it is
	for i := nextChange(s, 0); i < len(s); i = nextChange(s, kept) {
		repl, size := changed(s, i)
		b = append(b, s[kept:i]...)
		b = append(b, repl...)
		kept = i + size
	}
	b = append(b, s[kept:]...)
	for len(b) > start && isTrailingBlank(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

// nextChange returns the offset of the first character of s at or after
// i that rendering changes, or len(s) when there is none. Runs of
// printable ASCII, and the characters outside ASCII that keptRune knows,
// are passed over without looking up Unicode tables.
func nextChange(s string, i int) int {
	for i < len(s) {
		if i+8 <= len(s) && printable8(load8(s, i)) {
			i += 8
			continue
		}
		c := s[i]
		if c >= ' ' && c < utf8.RuneSelf && c != 0x7f || c == '\t' {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			return i // a control character: a space or nothing
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !keptRune(r) && changes(r, size) {
			return i
		}
		i += size // a letter with an accent, a dash or a curly quote: it stays
	}
	return len(s)
}

// changes reports whether rendering changes r, a character outside ASCII
// decoded from size bytes: a Unicode space, an invisible character, or a
// byte that is not UTF-8 (utf8.RuneError of size 1). keptRune tells the
// common characters that it keeps without this look-up in Unicode tables.
func changes(r rune, size int) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Zs, r) || isInvisible(r) || r == utf8.RuneError && size == 1
}

// changed returns what rendering puts for the character at s[i], which
// nextChange found, and its size in bytes: a space for white space,
// nothing for an invisible character, U+FFFD for a byte that is not UTF-8
// (as ranging over the string reads it).
func changed(s string, i int) (repl string, size int) {
	r, size := rune(s[i]), 1
	if r >= utf8.RuneSelf {
		r, size = utf8.DecodeRuneInString(s[i:])
	}
	switch {
	case unicode.IsSpace(r) || unicode.Is(unicode.Zs, r):
		return " ", size
	case isInvisible(r):
		return "", size
	default:
		return "\uFFFD", size
	}
}

// keptRune reports, without looking up Unicode tables, the characters
// outside ASCII that transcripts use most and that rendering keeps: the
// accented Latin letters (U+00C0 to U+024F) and the dashes, curly quotes,
// bullets and ellipsis of U+2010 to U+2027.
func keptRune(r rune) bool {
	return r >= 0xC0 && r <= 0x24F || r >= 0x2010 && r <= 0x2027
}

// CleanText is RenderLine with runs of white space collapsed to single
// spaces and the ends trimmed: for titles, names and roles.
func CleanText(s string) string {
	return strings.Join(strings.Fields(RenderLine(strings.ReplaceAll(s, "\n", " "))), " ")
}

// isPlainASCII reports whether s holds only printable ASCII, tabs and
// spaces, which need no rendering.
func isPlainASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if x := load8(s, i); x&hiBits|(x-0x20*loBits)&^x&hiBits != 0 {
			break // a byte outside ASCII or a control character, maybe a tab
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c < ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// Bit masks for eight bytes at a time: the low bit and the high bit of each.
const (
	loBits = 0x0101010101010101
	hiBits = 0x8080808080808080
)

// load8 returns the eight bytes s[i:i+8] as one little-endian word.
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// unusual8 returns the high bit of each byte of x that appendLine and
// scanLine look at one by one: a byte that is not printable ASCII (a
// newline, a tab or another control character, DEL, a byte outside ASCII)
// and, in markdown, one that mayBeMark tells. The lowest bit set is
// exact; above it, a byte that needs no look may be marked too.
//
// Each test adds a constant to every byte: for a byte below 0x80 the sum
// stays in the byte and its high bit says whether the byte reached a
// bound (x+0x60 for ' ' and above, x+0x01 for DEL, x+0x25 for '[' and
// above, x+0x20 for past '_'), and y+0x7f with y = x^c has it clear
// exactly when the byte is c. A byte from 0x80 is marked by its own high
// bit, and the carries its sums make go only to the bytes above it.
func unusual8(x uint64, markdown bool) uint64 {
	m := x | (x + 0x01*loBits) // outside ASCII, or DEL
	low := x + 0x60*loBits     // high bit clear: below ' '
	if markdown {
		m |= (x + 0x25*loBits) &^ (x + 0x20*loBits) // '[' to '_'
		low &= (x ^ '*'*loBits + 0x7f*loBits) & (x ^ '<'*loBits + 0x7f*loBits)
	}
	return (m | ^low) & hiBits
}

// printable8 reports whether the eight bytes of x are all printable ASCII,
// ' ' to '~': no byte has its high bit set, none is below 0x20 and none is
// 0x7f (DEL). As in unusual8, x+0x01 and x+0x60 set the high bit of a
// byte below 0x80 exactly when it is DEL and when it is ' ' or above; a
// byte from 0x80 has it set already, and makes no difference to the
// bytes below it.
func printable8(x uint64) bool {
	return (x|(x+0x01*loBits)|^(x+0x60*loBits))&hiBits == 0
}

// isInvisible reports a character that takes no room in the text: format
// characters (U+200B zero-width space, U+2060 word joiner, U+00AD soft
// hyphen, U+FEFF, direction marks) and control characters.
func isInvisible(r rune) bool {
	return unicode.Is(unicode.Cf, r) || unicode.IsControl(r)
}

var (
	// mdImage is an image, "![alt](url)": not text.
	mdImage = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	// mdLink is a link, "[text](url)": its text stays.
	mdLink = regexp.MustCompile(`\[([^\]]*)\]\([^)\s]*(?:\s+"[^"]*")?\)`)
	// mdAutolink is "<https://…>": the address stays.
	mdAutolink = regexp.MustCompile(`<((?:https?|ftp|mailto):[^<>\s]*)>`)
	// htmlTag is an inline HTML tag or comment.
	htmlTag = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->`)
)

// markdownMarks are the characters that start inline markdown: a line
// without them renders as it is.
const markdownMarks = `\<[*_`

// isMarkdownMark tells the bytes of markdownMarks.
var isMarkdownMark = func() (t [256]bool) {
	for i := range len(markdownMarks) {
		t[markdownMarks[i]] = true
	}
	return t
}()

// hasMarkdownMark reports whether s holds one of markdownMarks. It looks
// at eight bytes at a time.
func hasMarkdownMark[S string | []byte](s S) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if hasByte(x, '\\')|hasByte(x, '<')|hasByte(x, '[')|hasByte(x, '*')|hasByte(x, '_') != 0 {
			return true
		}
	}
	for ; i < len(s); i++ {
		if isMarkdownMark[s[i]] {
			return true
		}
	}
	return false
}

// hasByte is not zero when one of the eight bytes of x is c: the bytes of
// x^c that are zero are the ones that become negative when one is taken
// from each. The lowest byte flagged is always right, so the result is
// zero exactly when no byte is c.
func hasByte(x uint64, c byte) uint64 {
	y := x ^ uint64(c)*loBits
	return (y - loBits) &^ y & hiBits
}

// isTrailingBlank reports the bytes trimmed from the end of a rendered
// line: space, tab, carriage return, form feed and vertical tab.
func isTrailingBlank(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}

// renderMarkdownLine renders the inline markdown of one line as plain text.
func renderMarkdownLine(s string) string {
	if !hasMarkdownMark(s) {
		return s
	}
	if strings.HasSuffix(s, `\`) && !strings.HasSuffix(s, `\\`) {
		s = strings.TrimRight(s[:len(s)-1], " \t") // a backslash hard break
	}
	if strings.Contains(s, "](") { // images and links
		s = mdImage.ReplaceAllString(s, "")
		s = mdLink.ReplaceAllString(s, "$1")
	}
	if strings.IndexByte(s, '<') >= 0 { // autolinks and tags
		s = mdAutolink.ReplaceAllString(s, "$1")
		s = htmlTag.ReplaceAllString(s, "")
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			b.WriteByte(s[i+1]) // an escape: "\[" is "["
			i++
		case c == '*' || c == '_':
			j := i
			for j < len(s) && s[j] == c {
				j++
			}
			if !emphasisRun(s, i, j) {
				b.WriteString(s[i:j])
			}
			i = j - 1
		default:
			b.WriteByte(c)
		}
	}
	return strings.TrimRight(b.String(), " \t")
}

// emphasisRun reports whether the run s[i:j] of '*' or '_' opens or closes
// emphasis: it touches a word on one side and not on the other ("*Aboard",
// "One*", "**MS. PSAKI:**"), or it stands at the start or end of the line.
// "5 * 3", "snake_case" and "**" between words stay.
func emphasisRun(s string, i, j int) bool {
	before, after := rune(' '), rune(' ')
	if i > 0 {
		before, _ = utf8.DecodeLastRuneInString(s[:i])
	}
	if j < len(s) {
		after, _ = utf8.DecodeRuneInString(s[j:])
	}
	wordBefore := !unicode.IsSpace(before)
	wordAfter := !unicode.IsSpace(after)
	if s[i] == '_' && isWordRune(before) && isWordRune(after) {
		return false // snake_case
	}
	return wordBefore != wordAfter
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isASCIIPunct reports the characters markdown lets a backslash escape.
func isASCIIPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}
