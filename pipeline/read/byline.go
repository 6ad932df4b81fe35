package read

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/turntag/turntag/internal/memo"
	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline/transcript"
)

// bylinePeople finds the people a header line or title names with a role:
// "by NATO Secretary General Jens Stoltenberg", "Press Briefing by Press
// Secretary Jen Psaki, March 3, 2022", "Matthew Miller, Department
// Spokesperson", "by Christine Lagarde, President of the ECB".
func bylinePeople(text string, lex *vocab) []transcript.Speaker {
	var out []transcript.Speaker
	sc := segmentScratches.Get().(*segmentScratch)
	defer sc.put()
	segs := splitSegments(text, lex, sc)
	var places []string // the folded keys of the gazetteer's places the line names, found when a run needs them
	for i, seg := range segs {
		for _, run := range seg.runs {
			for len(run) > 0 && lex.IsCommon(strings.Trim(run[len(run)-1], ".")) {
				run = run[:len(run)-1] // "... Pat Ryder Holds"
			}
			if !hasTitle(run, lex) {
				continue
			}
			if places == nil {
				places = lex.placeKeys(text)
			}
			if inPlace(strings.Join(run, " "), places) {
				continue // "Prince George’s County, Maryland": a place, not Prince George
			}
			role, name := splitRoleName(strings.Join(run, " "), lex)
			role, name = trailingRole(role, lex), bylineName(name, lex)
			if lex.plausibleName(name) && !lex.verbForm(name) {
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
		bare := !hasTitle(first, lex) && (seg.byRun >= 0 || i == 0 && len(seg.runs) == 1)
		if bare && len(first) >= 2 && len(first) <= 4 && lex.plausibleName(strings.Join(first, " ")) {
			sp := transcript.Speaker{Name: strings.Join(first, " ")}
			if i+1 < len(segs) && hasTitle(strings.Fields(segs[i+1].text), lex) {
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

// segmentScratch holds the lists of splitSegments: the segments, the words
// of their runs and the runs. bylinePeople takes one from
// segmentScratches for each line it reads and puts it back, emptied, when
// it is done with the segments.
type segmentScratch struct {
	segs  []segment
	store []string
	runs  [][]string
}

var segmentScratches = sync.Pool{New: func() any { return new(segmentScratch) }}

// maxSegmentScratch is the most room, in words, a segmentScratch is kept
// for: one grown by a rare long line is left to the collector.
const maxSegmentScratch = 1 << 12

// put empties sc, so that it holds no string of the line read, and returns
// it to segmentScratches.
func (sc *segmentScratch) put() {
	if cap(sc.store) > maxSegmentScratch || cap(sc.segs) > maxSegmentScratch || cap(sc.runs) > maxSegmentScratch {
		return
	}
	clear(sc.segs[:cap(sc.segs)])
	clear(sc.store[:cap(sc.store)])
	clear(sc.runs[:cap(sc.runs)])
	segmentScratches.Put(sc)
}

// splitSegments cuts text into its segments. sc, when not nil, lends its
// lists, which the segments returned then share: they hold until sc is
// written over by the next line.
func splitSegments(text string, lex *vocab, sc *segmentScratch) []segment {
	if sc == nil {
		sc = new(segmentScratch)
	}
	// the runs of all segments are cut from one list of words, and their
	// lists from one list of runs, each capped at its end so that no
	// append writes into the next
	out, store, runStore := sc.segs[:0], sc.store[:0], sc.runs[:0]
	if n := len(text)/6 + 1; cap(store) < n {
		store = make([]string, 0, n)
	}
	defer func() { sc.segs, sc.store, sc.runs = out, store, runStore }()
	var wordBuf [32]string
	for off := 0; off < len(text); {
		part, next := nextSegment(text, off)
		off = next
		if part == "" {
			continue
		}
		seg := segment{text: strings.TrimSpace(part), byRun: -1}
		runs := len(runStore) // seg.runs is runStore[runs:]
		run := len(store)     // the open run is store[run:]
		joined := 0           // the length of the run when ofRole last joined a word to it
		flush := func() {
			if len(store) > run {
				runStore = append(runStore, store[run:len(store):len(store)])
				run, joined = len(store), 0
			}
		}
		words := appendFields(wordBuf[:0], part)
		for j, w := range words {
			w = trimQuotes(w)
			r, _ := utf8.DecodeRuneInString(w)
			switch {
			case w == "":
				flush()
			case unicode.IsUpper(r):
				if seg.byRun < 0 && len(store) == run && j > 0 && strings.EqualFold(words[j-1], "by") {
					seg.byRun = len(runStore) - runs
				}
				if base, ok := possessive(w); ok {
					store = append(store, base) // "Spokesperson Mao Ning's Regular Press Conference"
					flush()
					continue
				}
				store = append(store, w)
			case atLower(lex.particles, w) && len(store) > run && j+1 < len(words) && startsUpper(words[j+1]) && !atLower(lex.connectors, w):
				store = append(store, w)
			case ofRole(words, j, store[run:], joined, lex):
				store = append(store, w) // "Chairman of the Joint Chiefs of Staff Gen. Mark A. Milley"
				joined = len(store) - run
			default:
				flush()
			}
		}
		flush()
		if len(runStore) > runs {
			seg.runs = runStore[runs:len(runStore):len(runStore)]
		}
		out = append(out, seg)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// nextSegment returns the text from text[off] to the next separator of
// segments (',', ';', '|', '–' or '—'), or to the end, and the offset
// after the separator; the text is empty at a separator, as between two
// that meet. The separators are told by their bytes: a character outside
// ASCII starts with a byte that no other character holds.
func nextSegment(text string, off int) (part string, next int) {
	for i := off; i < len(text); i++ {
		switch c := text[i]; {
		case c == ',' || c == ';' || c == '|':
			return text[off:i], i + 1
		case c == 0xE2 && i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0x93 || text[i+2] == 0x94): // '–', '—'
			return text[off:i], i + 3
		}
	}
	return text[off:], len(text)
}

// appendFields appends the words of s, as strings.Fields splits it, to
// dst.
func appendFields(dst []string, s string) []string {
	start := -1 // the start of the word being read, or -1 between words
	for i := 0; i < len(s); {
		c, size := s[i], 1
		space := asciiSpace(c)
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		switch {
		case space && start >= 0:
			dst = append(dst, s[start:i])
			start = -1
		case !space && start < 0:
			start = i
		}
		i += size
	}
	if start >= 0 {
		dst = append(dst, s[start:])
	}
	return dst
}

// ofRole reports whether words[j], a lower-case word after run, joins a
// title to the rest of it: a title joiner ("of", "for", "the") right after a title word
// or after another such join, or after at most three words that follow
// one, before a capitalised word ("Secretary of Defense", "Minister for
// Foreign Affairs", "Chairman of the Joint Chiefs of Staff"); joined is
// the length of run at the last join, 0 if none. So "President Biden
// Highlighting the Importance of Getting Vaccinated" is not joined.
func ofRole(words []string, j int, run []string, joined int, lex *vocab) bool {
	if !atLower(lex.joiners, words[j]) || len(run) == 0 {
		return false
	}
	last := strings.Trim(run[len(run)-1], ".,")
	if !lex.IsTitle(last) && !(joined > 0 && len(run)-joined <= 3) {
		return false
	}
	for k := j + 1; k < len(words); k++ {
		if !atLower(lex.joiners, words[k]) {
			return startsUpper(words[k])
		}
	}
	return false
}

// bylineName cuts a name taken from a title-case line at the first word
// that cannot be part of a name ("Karine Jean-Pierre En Route" stays
// whole here; the speakers stage keeps the longest start of it that a
// person the lexicon or the document knows).
func bylineName(name string, lex *vocab) string {
	words := strings.Fields(name)
	for i, w := range words {
		if i > 0 && !lex.plausibleName(w) {
			words = words[:i]
			break
		}
		if base, ok := possessive(w); ok {
			words[i] = base // "President Biden’s Remarks": Biden
			words = words[:i+1]
			break
		}
	}
	return strings.Join(words, " ")
}

// verbForm reports a one-word name that reads as a verb of a title-case
// line ("Senior Administration Official Previewing the Trip"): it ends in
// "ing" and names no person the lexicon knows.
func (v *vocab) verbForm(name string) bool {
	if strings.Contains(name, " ") || !strings.HasSuffix(name, "ing") {
		return false
	}
	for _, m := range v.Match(name) {
		if m.Entry != nil && m.Entry.Type == lexicon.Person && m.Role.IsMention() {
			return false
		}
	}
	return true
}

// placeKeys returns the folded keys (lexicon.FoldKey) of the texts of the
// gazetteer's places in text, never nil.
func (v *vocab) placeKeys(text string) []string {
	out := []string{}
	var buf [48]lexicon.Token // a header line's tokens, most often, without a list on the heap
	for _, m := range v.MatchPlaces(text, lexicon.AppendTokens(buf[:0], text), nil) {
		out = append(out, foldKey(text[m.Start:m.End]))
	}
	return out
}

// foldKey is lexicon.FoldKey(s), written on the stack by appendFoldKey
// when s is in ASCII and copied out once.
func foldKey(s string) string {
	var buf [128]byte
	if key, ok := appendFoldKey(buf[:0], s); ok {
		return string(key)
	}
	return lexicon.FoldKey(s)
}

// inPlace reports whether words, as a run of a line reads them, stand
// inside one of the places whose folded keys are places: the words in
// order, a possessive's "s" aside.
func inPlace(words string, places []string) bool {
	if len(places) == 0 {
		return false
	}
	var buf [128]byte
	key, ok := appendFoldKey(buf[:0], words)
	want := bytesString(key) // read here alone
	if !ok {
		want = lexicon.FoldKey(words)
	}
	for _, p := range places {
		if strings.Contains(p, want) {
			return true
		}
	}
	return false
}

// possessive returns w without a final "'s" or "’s", and whether it had one.
func possessive(w string) (string, bool) {
	for _, s := range []string{"'s", "’s"} {
		if base, ok := strings.CutSuffix(w, s); ok && base != "" {
			return base, true
		}
	}
	return w, false
}

func hasTitle(words []string, lex *vocab) bool {
	for _, w := range words {
		if lex.IsTitle(strings.Trim(w, ".")) {
			return true
		}
	}
	return false
}

// PlausibleName accepts one to five words that are neither common words
// nor titles nor dates.
func PlausibleName(name string, lex *lexicon.Lexicon) bool {
	return (&vocab{Lexicon: lex}).plausibleName(name)
}

// plausibleName is PlausibleName with v's lexicon.
func (v *vocab) plausibleName(name string) bool {
	words := strings.Fields(name)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	for _, w := range words {
		bare := strings.Trim(w, ".")
		if v.IsCommon(bare) || v.IsTitle(bare) || v.isMonth(bare) {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(bare); unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// readByline adds the people the title and the header lines name with a
// role to those the front matter lists, each name once, as written.
func readByline(doc *transcript.Document, lex *vocab) {
	seen := map[string]bool{}
	for _, b := range doc.Byline {
		seen[b.Name] = true
	}
	for _, t := range append([]string{doc.Title}, headerLines(doc)...) {
		for _, b := range lex.bylines.people(t, lex) {
			if !seen[b.Name] {
				seen[b.Name] = true
				doc.Byline = append(doc.Byline, b)
			}
		}
	}
}

// trailingRole keeps the end of a role taken from a title-case line that
// reads as a title: title words, the proper nouns among them and the
// connectors between them, back to a word that opens prose ("Press Call By
// Senior Officials On President Biden's Call With President" gives
// "President"; "Pentagon Press Secretary Air Force Maj. Gen." stays whole).
func trailingRole(role string, lex *vocab) string {
	words := strings.Fields(role)
	start := len(words)
	for start > 0 {
		w := strings.Trim(words[start-1], ".,")
		title := lex.IsTitle(w)
		low := strings.ToLower(w)
		// in a title-case line "On" and "To" open prose ("Officials On
		// President Biden's Call"); "Of" and "For" still join titles
		connector := lex.connectors[low] && start < len(words) && (w == low || lex.joiners[low] || lex.titleConnectors[low])
		if !title && !connector && (!startsUpper(w) || atLower(lex.notLabel, w)) {
			break
		}
		start--
	}
	for start < len(words) && atLower(lex.connectors, words[start]) {
		start++ // a role does not start with "of"
	}
	return strings.Join(words[start:], " ")
}

// trimQuotes is strings.Trim(w, `"“”()[]:`), which, for a cut set with
// characters outside ASCII, decodes every character it looks at; this
// compares bytes.
func trimQuotes(w string) string {
	for w != "" {
		if c := w[0]; c < utf8.RuneSelf && isQuoteByte(c) {
			w = w[1:]
		} else if strings.HasPrefix(w, "“") || strings.HasPrefix(w, "”") {
			w = w[len("“"):]
		} else {
			break
		}
	}
	for w != "" {
		if c := w[len(w)-1]; c < utf8.RuneSelf && isQuoteByte(c) {
			w = w[:len(w)-1]
		} else if strings.HasSuffix(w, "“") || strings.HasSuffix(w, "”") {
			w = w[:len(w)-len("“")]
		} else {
			break
		}
	}
	return w
}

// isQuoteByte reports the ASCII characters trimQuotes trims.
func isQuoteByte(c byte) bool {
	return c == '"' || c == '(' || c == ')' || c == '[' || c == ']' || c == ':'
}

// bylineMemory remembers the people bylinePeople finds in the titles and
// header lines of the documents read with one vocabulary, which repeat
// many of their header lines ("The White House", "Briefing Room"), for
// all the goroutines that read with it. It keeps copies of the lines and
// of the people, none of a document's text, and at most maxBylineMemory
// lines of at most maxBylineLine bytes. A nil bylineMemory remembers
// nothing.
type bylineMemory struct {
	m *memo.Bounded[string, []transcript.Speaker]
}

// maxBylineMemory is the most lines a bylineMemory remembers, and
// maxBylineLine the longest.
const (
	maxBylineMemory = 1 << 14
	maxBylineLine   = 512
)

// newBylineMemory returns an empty bylineMemory.
func newBylineMemory() *bylineMemory {
	return &bylineMemory{memo.New[string, []transcript.Speaker](maxBylineMemory)}
}

// people returns bylinePeople(text, lex), from m when it remembers text.
// The list returned is shared: the caller must not change it.
func (m *bylineMemory) people(text string, lex *vocab) []transcript.Speaker {
	if m == nil || len(text) > maxBylineLine {
		return bylinePeople(text, lex)
	}
	if out, ok := m.m.Get(text); ok {
		return out
	}
	out := bylinePeople(text, lex)
	kept := make([]transcript.Speaker, len(out))
	for i, sp := range out {
		kept[i] = transcript.Speaker{Name: strings.Clone(sp.Name), Role: strings.Clone(sp.Role), Affiliation: strings.Clone(sp.Affiliation)}
	}
	m.m.Put(strings.Clone(text), kept)
	return out
}
