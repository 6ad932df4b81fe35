package speakers

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/turntag/turntag/pipeline/read"
	"github.com/turntag/turntag/pipeline/transcript"
)

// bylinePeople finds the people a header line or title names with a role:
// "by NATO Secretary General Jens Stoltenberg", "Press Briefing by Press
// Secretary Jen Psaki, March 3, 2022", "Matthew Miller, Department
// Spokesperson", "by Christine Lagarde, President of the ECB".
func (s *speakers) bylinePeople(text string) []transcript.Speaker {
	var out []transcript.Speaker
	segs := splitSegments(text)
	for i, seg := range segs {
		for _, run := range seg.runs {
			for len(run) > 0 && s.lex.IsCommon(strings.Trim(run[len(run)-1], ".")) {
				run = run[:len(run)-1] // "... Pat Ryder Holds"
			}
			if !s.hasTitle(run) {
				continue
			}
			role, name := s.splitRoleName(strings.Join(run, " "))
			name = s.bylineName(name)
			if s.plausibleName(name) {
				out = append(out, transcript.Speaker{Name: name, Role: role})
			}
		}
		// "by Name, Role" and "Name, Role": a bare name followed by a role segment
		if len(seg.runs) == 0 {
			continue
		}
		first := seg.runs[0]
		if seg.byRun > 0 {
			first = seg.runs[seg.byRun]
		}
		bare := !s.hasTitle(first) && (seg.byRun >= 0 || i == 0 && len(seg.runs) == 1)
		if bare && len(first) >= 2 && len(first) <= 4 && s.plausibleName(strings.Join(first, " ")) {
			sp := transcript.Speaker{Name: strings.Join(first, " ")}
			if i+1 < len(segs) && s.hasTitle(strings.Fields(segs[i+1].text)) {
				sp.Role = strings.TrimRight(segs[i+1].text, ".;:")
			}
			if seg.byRun >= 0 || sp.Role != "" {
				out = append(out, sp)
			}
		}
	}
	return out
}

// segment is the text between commas; runs are its stretches of
// capitalised words (particles allowed inside a name).
type segment struct {
	text  string
	runs  [][]string
	byRun int // index of the run that follows the word "by", or -1
}

func splitSegments(text string) []segment {
	var out []segment
	for _, part := range strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ';' || r == '|' || r == '–' || r == '—' }) {
		seg := segment{text: strings.TrimSpace(part), byRun: -1}
		var run []string
		flush := func() {
			if len(run) > 0 {
				seg.runs = append(seg.runs, run)
				run = nil
			}
		}
		words := strings.Fields(part)
		for j, w := range words {
			w = strings.Trim(w, `"“”()[]:`)
			r, _ := utf8.DecodeRuneInString(w)
			switch {
			case w == "":
				flush()
			case unicode.IsUpper(r):
				if seg.byRun < 0 && len(run) == 0 && j > 0 && strings.EqualFold(words[j-1], "by") {
					seg.byRun = len(seg.runs)
				}
				run = append(run, w)
			case read.Particles[strings.ToLower(w)] && len(run) > 0 && j+1 < len(words) && read.StartsUpper(words[j+1]) && !read.Connectors[strings.ToLower(w)]:
				run = append(run, w)
			default:
				flush()
			}
		}
		flush()
		out = append(out, seg)
	}
	return out
}

// bylineName cuts a name taken from a title-case line at the first word
// that cannot be part of a name, and to the longest start of it that a
// person the document or the lexicon knows: "Karine Jean-Pierre En Route
// Queens" gives "Karine Jean-Pierre", "Biden Honoring" gives "Joe Biden".
func (s *speakers) bylineName(name string) string {
	words := strings.Fields(name)
	for i, w := range words {
		if i > 0 && !s.plausibleName(w) {
			words = words[:i]
			break
		}
	}
	for n := len(words); n >= 1; n-- {
		if c, _, ok := s.td.Person(strings.Join(words[:n], " ")); ok {
			return c
		}
	}
	return strings.Join(words, " ")
}

func (s *speakers) hasTitle(words []string) bool {
	for _, w := range words {
		if s.lex.IsTitle(strings.Trim(w, ".")) {
			return true
		}
	}
	return false
}

// plausibleName accepts one to five words that are neither common words
// nor titles nor dates.
func (s *speakers) plausibleName(name string) bool {
	words := strings.Fields(name)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	for _, w := range words {
		bare := strings.Trim(w, ".")
		if s.lex.IsCommon(bare) || s.lex.IsTitle(bare) || read.Months[strings.ToLower(bare)] > 0 {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(bare); unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
