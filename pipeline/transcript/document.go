package transcript

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/turntag/turntag/tagger"
)

// Span is a half-open byte range [Start, End) in Document.Body.
type Span struct {
	Start, End int
}

// Len returns the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Document is one transcript: its metadata and its turns in order.
type Document struct {
	Source   string    // the path as given (relative to the folder when a folder was given)
	Title    string    // title from front matter, <title> or the header
	Date     string    // ISO 8601 date (YYYY-MM-DD), empty when unknown
	URL      string    // source URL from front matter, if any
	Body     string    // the decoded text that spans point into
	Header   Span      // header lines before the first turn (title, by-line, date); zero when none
	Skipped  []Span    // lines that are neither header nor speech (markdown headings, subtitle cue numbers)
	Byline   []Speaker // people named in front matter, the title or the header, as written there, with their roles
	Country  string    // lexicon id of the country the document is set in (its site's, its byline's), "" when unknown; set by the speakers stage
	Turns    []Turn
	Warnings []string // problems repaired while reading (invalid UTF-8 at byte N)
}

// Speaker is who speaks a turn.
type Speaker struct {
	Name        string // full name where the document makes it knowable; empty for an unnamed questioner
	Role        string // "NATO Secretary General", "Moderator", "Questioner"
	Affiliation string // outlet or organisation: "Wall Street Journal"
}

// Turn is one block of speech by one speaker.
type Turn struct {
	LabelSpan Span             // where the label is: "Name (Outlet):"; zero when the turn has no label
	Text      Span             // the speech, up to the next label
	Line      int              // 1-based source line of the turn's first byte
	Label     Label            // the label as parsed, before resolution; zero for unlabelled text
	Speaker   Speaker          // resolved name, role and affiliation
	Start     string           // subtitles: start time of the first cue (HH:MM:SS.mmm); empty otherwise
	End       string           // subtitles: end time of the last cue; empty otherwise
	Mentions  []tagger.Mention // in text order
	Tags      []tagger.Tag     // by descending score, each with its evidence
	Unknown   []tagger.Unknown // names the NER found that the lexicon does not know, for curation
	clean     string           // TurnText, kept by Document.Normalize
	words     int
}

// Label is a speaker label split into its parts.
type Label struct {
	Words       string // label words before the colon and any parenthetical ("Acting NATO Spokesperson Dylan White", "MS. PSAKI")
	Role        string // for labels that name a part, not a person: "Moderator", "Questioner", "President"
	Title       string // for labels that name a person: the title words before the name ("Acting NATO Spokesperson"), ALL-CAPS title-cased
	Name        string // for labels that name a person: the name ("Dylan White", "Psaki"), ALL-CAPS title-cased, without honorifics
	Affiliation string // the parenthetical ("Wall Street Journal"), which may also hold a role
	Question    bool   // a Q / QUESTION label
}

// TurnText returns the turn's text with whitespace inside paragraphs
// collapsed to single spaces; paragraphs (split at blank lines) are joined
// by a blank line.
func (d *Document) TurnText(t Turn) string { return d.turnText(&t) }

// TurnTextAt is TurnText(d.Turns[i]), without copying the turn: i is
// 0-based.
func (d *Document) TurnTextAt(i int) string { return d.turnText(&d.Turns[i]) }

// turnText is TurnText of the turn t points to.
func (d *Document) turnText(t *Turn) string {
	if t.clean != "" {
		return t.clean
	}
	return NormalizeSpace(d.Body[t.Text.Start:t.Text.End])
}

// WordsAt is Words(d.Turns[i]), without copying the turn: i is 0-based.
func (d *Document) WordsAt(i int) int { return d.words(&d.Turns[i]) }

// NormalizeSpace collapses whitespace inside each paragraph of s to single
// spaces and joins the paragraphs with "\n\n".
func NormalizeSpace(s string) string {
	out, _ := normalizeCount(s)
	return out
}

// normalizeCount is NormalizeSpace that also counts the words. A text that
// is already normal (single spaces between words, "\n\n" between
// paragraphs, nothing around) is returned as it is, without a copy;
// otherwise the copy starts where the text first differs, and each run of
// words that is already normal is copied whole.
func normalizeCount(s string) (string, int) {
	p, words := normalPrefix(s)
	if p == len(s) {
		return s, words
	}
	var b strings.Builder
	b.Grow(len(s))
	words = writeNormal(&b, s, p, words)
	return b.String(), words
}

// writeNormal writes s normalised to b, given the normal prefix s[:p]
// and its words that normalPrefix found, and returns the words of s. It
// writes at most len(s) bytes.
func writeNormal(b *strings.Builder, s string, p, words int) int {
	b.WriteString(s[:p])
	first := p > 0 // a word is written, so white space before the next is a separator
	newlines := 0
	for i := p; i < len(s); {
		// a run of white space: count its line breaks
		start := i
	space:
		for i < len(s) {
			switch byteClass[s[i]] {
			case classSpace:
				i++
			case classNewline:
				newlines++
				i++
			case classLead:
				size, space := leadSpace(s, i)
				if !space { // no-break and other Unicode spaces count as spaces
					break space
				}
				i += size
			default:
				break space
			}
		}
		if i == len(s) {
			break
		}
		if i > start && first {
			if newlines >= 2 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		newlines = 0
		// words up to the next white space that is not a single
		// separator: copy them whole
		n, w := normalPrefix(s[i:])
		b.WriteString(s[i : i+n])
		first = first || n > 0
		words += w
		i += n
	}
	return words
}

// normalPrefix returns how much of s, word by word, is already as
// normalizeCount makes it, and how many words that part has. It ends at
// the end of a word, or at 0 when s starts with white space.
//
// It counts the separators it passes (a space, or a blank line, between
// two words): the part has one word more than it has separators, and it
// ends at the last separator when one ends it. It reads eight bytes at a
// time while they are printable ASCII with no two spaces in a row, each
// space a separator. Where eight bytes hold one that is not printable
// ASCII (a line break, a control, a byte outside ASCII), the bytes before
// it are read so too, and it is read alone.
func normalPrefix(s string) (end, words int) {
	// after is 0x80 when s[i-1] ends a separator, or i is 0: the high
	// bit of the first byte's "after a space" flag
	after := uint64(0x80)
	seps := 0
	i := 0
	for i < len(s) {
		for i+8 <= len(s) {
			x := load64(s, i)
			odd, sp := oddBytes(x), spaceBytes(x)
			if odd|sp&(sp<<8|after) != 0 {
				break // a byte to read alone, or a space after a space
			}
			seps += bits.OnesCount64(sp)
			after = sp >> 56
			i += 8
		}
		stop := len(s) // read one by one up to here
		if i+8 <= len(s) {
			// the bytes before the first odd one as above, if no space
			// comes after a space there, and then the odd one alone
			x := load64(s, i)
			odd := oddBytes(x)
			stop = i + 8 // a space after a space, which ends the normal part
			if n := bits.TrailingZeros64(odd) >> 3; n == 0 {
				stop = i + 1
			} else if n < 8 {
				sp := spaceBytes(x) & (uint64(1)<<(8*n) - 1)
				if sp&(sp<<8|after) == 0 {
					seps += bits.OnesCount64(sp)
					after = sp >> (8*n - 8) & 0x80
					i += n
					stop = i + 1
				}
			}
		}
		for i < stop {
			c := s[i]
			switch byteClass[c] {
			case classWord:
				after = 0
				i++
				continue
			case classLead:
				if c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2]-0x8B <= 0xA7-0x8B {
					after = 0 // U+200B to U+2027: quotes, dashes, ellipses
					i += 3
					continue
				}
				if size, space := leadSpace(s, i); !space {
					after = 0
					i += size
					continue
				}
			}
			// white space: one space or a blank line between two words is
			// a separator; anything else ends the normal part
			if after != 0 {
				return sepEnd(s, i), seps
			}
			after = 0x80
			switch {
			case c == ' ':
				i++
			case c == '\n' && i+1 < len(s) && s[i+1] == '\n':
				i += 2
			default:
				return i, seps + 1
			}
			seps++
		}
	}
	if after != 0 {
		return sepEnd(s, len(s)), seps
	}
	return len(s), seps + 1
}

// sepEnd returns where the normal part of s ends when s[:i] ends with a
// separator, or i is 0: at the start of that separator.
func sepEnd(s string, i int) int {
	switch {
	case i == 0:
		return 0
	case s[i-1] == ' ':
		return i - 1
	}
	return i - 2 // a blank line
}

// Byte classes for the white-space scans: a byte that is white space in
// ASCII, or the first byte of a UTF-8 sequence that may be a Unicode space
// (U+0085, U+00A0, U+1680, U+2000 to U+205F, U+3000), to be decoded. Every
// other byte, continuation bytes included, is part of a word.
const (
	classWord    = iota
	classSpace   // ' ', '\t', '\r', '\f', '\v'
	classNewline // '\n'
	classLead    // 0xC2, 0xE1, 0xE2, 0xE3
)

var byteClass = [256]uint8{
	' ': classSpace, '\t': classSpace, '\r': classSpace, '\f': classSpace, '\v': classSpace,
	'\n': classNewline,
	0xC2: classLead, 0xE1: classLead, 0xE2: classLead, 0xE3: classLead,
}

// leadSpace returns the size of the character at s[i], whose first byte
// is classLead, and whether unicode.IsSpace says it is white space. The
// characters of U+0080 to U+00BF (a first byte of 0xC2: the no-break
// space of HTML) and the punctuation of U+2000 to U+2FFF (quotes, dashes,
// ellipses: a first byte of 0xE2) are decoded here and checked against
// the spaces there.
func leadSpace(s string, i int) (size int, space bool) {
	if s[i] == 0xC2 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return 2, s[i+1] == 0xA0 || s[i+1] == 0x85 // U+0080 to U+00BF: no-break space, next line
	}
	if s[i] == 0xE2 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		r := 0x2000 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		return 3, r <= 0x200A || r == 0x2028 || r == 0x2029 || r == 0x202F || r == 0x205F
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return size, unicode.IsSpace(r)
}

// load64 returns the eight bytes of s at i as a little-endian number.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// oddBytes sets the high bit of each byte of x that is below 0x20 (a
// control character) or at least 0x80 (outside ASCII), and no other bit.
func oddBytes(x uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	return (^((x &^ highs) + (0x80-0x20)*ones) | x) & highs
}

// spaceBytes sets the high bit of each byte of x that is a space, and no
// other bit.
func spaceBytes(x uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	y := x ^ 0x20*ones // zero where a space is
	return ^((y &^ highs) + (0x80-1)*ones | y) & highs
}

// Words counts the words of the turn's text.
func (d *Document) Words(t Turn) int { return d.words(&t) }

// words is Words of the turn t points to.
func (d *Document) words(t *Turn) int {
	if t.clean != "" {
		return t.words
	}
	_, n := normalizeCount(d.Body[t.Text.Start:t.Text.End])
	return n
}

// IsSpaceByte reports an ASCII white-space byte.
func IsSpaceByte(b byte) bool {
	return b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' || b == '\v'
}

// Normalize keeps each turn's normalised text and word count, so that
// TurnText and Words do not recompute them. A text that is already normal
// is kept as a part of Body; the others are written into one buffer for
// the document, sized once from their lengths.
func (d *Document) Normalize() {
	need := 0
	for i := range d.Turns {
		t := &d.Turns[i]
		s := d.Body[t.Text.Start:t.Text.End]
		p, words := normalPrefix(s)
		t.clean, t.words = s[:p], words // the rest, if any, below
		if p < len(s) {
			need += len(s)
		}
	}
	if need == 0 {
		return
	}
	// The texts are written one after the other into one builder; each
	// turn keeps its part of what the builder holds.
	var b strings.Builder
	b.Grow(need)
	for i := range d.Turns {
		t := &d.Turns[i]
		s := d.Body[t.Text.Start:t.Text.End]
		p := len(t.clean)
		if p == len(s) {
			continue
		}
		start := b.Len()
		t.words = writeNormal(&b, s, p, t.words)
		t.clean = b.String()[start:]
	}
}
