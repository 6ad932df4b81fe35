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
func (d *Document) TurnText(t Turn) string {
	if t.clean != "" {
		return t.clean
	}
	return NormalizeSpace(d.Body[t.Text.Start:t.Text.End])
}

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
	b.WriteString(s[:p])
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
				r, size := utf8.DecodeRuneInString(s[i:])
				if !unicode.IsSpace(r) { // no-break and other Unicode spaces count as spaces
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
		if i > start && b.Len() > 0 {
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
		words += w
		i += n
	}
	return b.String(), words
}

// normalPrefix returns how much of s, word by word, is already as
// normalizeCount makes it, and how many words that part has. It ends at
// the end of a word, or at 0 when s starts with white space.
func normalPrefix(s string) (end, words int) {
	for i := 0; i < len(s); {
		j := wordEnd(s, i)
		if j == i {
			return end, words // white space that is not a single separator
		}
		words++
		end = j
		switch {
		case j == len(s):
			return end, words
		case s[j] == ' ':
			i = j + 1
		case s[j] == '\n' && j+1 < len(s) && s[j+1] == '\n':
			i = j + 2
		default:
			return end, words
		}
	}
	return end, words // s is empty, or ends with a separator
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

// wordEnd returns the end of the run of characters that are not white
// space at s[i]. It skips eight bytes at a time while none of them is a
// control character, a space or outside ASCII.
func wordEnd(s string, i int) int {
	for i < len(s) {
		for ; i+8 <= len(s); i += 8 {
			if m := unusual(load64(s, i)); m != 0 {
				i += bits.TrailingZeros64(m) >> 3
				break
			}
		}
		if i == len(s) {
			break
		}
		switch byteClass[s[i]] {
		case classWord:
			i++
			continue
		case classLead:
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return i
			}
			i += size
			continue
		}
		return i
	}
	return i
}

// load64 returns the eight bytes of s at i as a little-endian number.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// unusual sets the high bit of each byte of x that is below 0x21 (a
// control character or a space) or at least 0x80 (outside ASCII). A byte
// above the lowest one flagged may be flagged wrongly; the lowest is
// right, and x has none when the result is 0.
func unusual(x uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	return ((x-0x21*ones)&^x | x) & highs
}

// Words counts the words of the turn's text.
func (d *Document) Words(t Turn) int {
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
// TurnText and Words do not recompute them.
func (d *Document) Normalize() {
	for i := range d.Turns {
		t := &d.Turns[i]
		t.clean, t.words = normalizeCount(d.Body[t.Text.Start:t.Text.End])
	}
}
