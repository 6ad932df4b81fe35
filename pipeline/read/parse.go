package read

import (
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline/transcript"
)

// line is one line of the body that is not blank: [start, end) without
// its newline. It holds no pointer, so that a document's list of lines is
// not looked at by the garbage collector.
type line struct {
	start, end int
	no         int // 1-based line number
}

// of returns the line's text in text, the body it is a line of.
func (l line) of(text string) string { return text[l.start:l.end] }

// Reader reads transcripts with one lexicon as its vocabulary: which
// words are titles (Secretary, Minister), which are common words and never
// a name on their own, and the word lists of labels, headers, dates and
// page layouts. Make one with New and share it; it is safe for concurrent
// use.
type Reader struct {
	lex *vocab
}

// New returns a Reader with lex's vocabulary.
func New(lex *lexicon.Lexicon) *Reader { return &Reader{lex: newVocab(lex)} }

// Parse reads a transcript into a Document in the format its name says
// (plain text when it says none): metadata from front matter or the
// header, the byline's people, and the turns with their parsed labels.
// Speakers are left unresolved; the speakers stage resolves them. The
// document, and the error, keep nothing of src, in any format: once Parse
// has returned, the caller may write over src, to read the next file into
// it.
func (r *Reader) Parse(source string, src []byte) (*transcript.Document, error) {
	f, err := DetectFormat(source)
	if err != nil {
		f = FormatText
	}
	return r.ParseFormat(source, f, src)
}

// ParseText is Parse for text already decoded (LF line ends).
func (r *Reader) ParseText(source, text string) (*transcript.Document, error) {
	doc, err := parseText(source, text, r.lex, false)
	return finish(doc, err, r.lex)
}

// parseText reads a transcript from decoded text. With borrowed, the
// document keeps nothing of text, which may then share memory with the
// caller's bytes: its body is rendered into a new string, and the front
// matter, copied into the body as it is, is read from there. Without,
// the body is text itself when rendering changes none of it. Borrowed
// text is also text that decode took for UTF-8 with LF line ends and no
// NUL without looking: rendering looks at every byte of the body, and
// parseText returns errNotClean when the text is not UTF-8 or holds a NUL
// or a carriage return, for the caller to decode it again, repairing it.
func parseText(source, text string, lex *vocab, borrowed bool) (*transcript.Document, error) {
	doc := &transcript.Document{Source: source}
	bodyStart := 0
	_, end, hasFM, closed := frontMatterEnd(text)
	if hasFM && !closed {
		if borrowed && !clean(text) {
			return nil, errNotClean
		}
		_, _, err := splitFrontMatter(text, lex) // the error for it
		return nil, fileError(err, source)
	}
	if hasFM {
		bodyStart = end
	}
	markdown := isMarkdown(source) || bodyStart > 0
	sc := scratchPool.Get().(*scratch)
	defer sc.put()
	// the front matter stays as written; the rest is read as plain text
	text, lines, valid := renderLines(text, bodyStart, markdown, borrowed, sc.lines)
	sc.lines = lines
	if borrowed && (!valid || !clean(text[:bodyStart])) {
		return nil, errNotClean
	}
	doc.Body = text
	if hasFM {
		// body[:bodyStart] is text[:bodyStart], all that frontMatterEnd
		// looks at, so the front matter reads the same from the body
		fm, _, err := splitFrontMatter(text, lex)
		if err != nil {
			return nil, fileError(err, source)
		}
		doc.Title, doc.Date, doc.URL = CleanText(fm.Title), fm.Date, strings.TrimSpace(fm.URL)
		for _, s := range fm.Speakers {
			doc.Byline = append(doc.Byline, transcript.Speaker{Name: CleanText(s)})
		}
	}
	heads := sc.heads
	hdrEnd := headerEnd(text, lines, markdown, lex, heads)
	if bodyStart > 0 || hdrEnd > 0 {
		end := bodyStart
		if hdrEnd > 0 {
			end = lines[hdrEnd-1].end
		}
		doc.Header = transcript.Span{Start: 0, End: end}
	}
	readHeader(doc, lines[:hdrEnd], lex)
	known := addHeaderWords(sc.known, text, lines[:hdrEnd], doc.Title)
	doc.Turns, doc.Skipped = splitTurns(text, lines[hdrEnd:], markdown, known, lex, heads, sc)
	if narrativeLead(text, doc.Turns, lex) {
		doc.Skipped = append(doc.Skipped, doc.Turns[0].Text) // the page's lead, not speech
		doc.Turns = doc.Turns[1:]
	}
	return doc, nil
}

// scratch holds the lists and sets parseText needs only while it reads a
// document: its lines and what each line is, the header's words, the
// classes of its label heads, and splitTurns' labels. The document keeps
// none of them (a label it keeps is copied out by value), so they are
// kept in scratchPool for the next document to write over.
type scratch struct {
	lines   []line
	state   []int32
	known   map[string]bool // the header's words
	heads   headCache
	cands   []labelAt
	labels  []labelID
	ids     map[string]int32 // by key, the index in labels of the first label with that key
	sameKey []int32          // by index in labels, the next label with the same key, or -1
	repeats map[string]int
	named   map[string]bool
}

// maxScratch is the most lines, or labels, a scratch is kept for: a
// larger one, from a rare long document, is left to the garbage
// collector.
const maxScratch = 1 << 16

var scratchPool = sync.Pool{New: func() any { return newScratch() }}

// newScratch returns a scratch with its sets made.
func newScratch() *scratch {
	return &scratch{
		known: make(map[string]bool, 64), heads: headCache{}, ids: map[string]int32{},
		repeats: map[string]int{}, named: map[string]bool{},
	}
}

// put empties sc and returns it to scratchPool, unless it grew past
// maxScratch.
func (sc *scratch) put() {
	if cap(sc.lines) > maxScratch || cap(sc.state) > maxScratch || len(sc.heads) > maxScratch ||
		len(sc.known) > maxScratch || cap(sc.labels) > maxScratch || cap(sc.cands) > maxScratch {
		return
	}
	sc.reset()
	scratchPool.Put(sc)
}

// reset empties sc's sets and lists of labels, so that they hold no
// string of the document read, ready for the next.
func (sc *scratch) reset() {
	clear(sc.known)
	clear(sc.heads)
	clear(sc.ids)
	clear(sc.repeats)
	clear(sc.named)
	clear(sc.labels)
	sc.labels, sc.cands, sc.sameKey = sc.labels[:0], sc.cands[:0], sc.sameKey[:0]
}

// errNotClean is parseText's answer for borrowed text that decode would
// have repaired or refused: text that is not UTF-8, or holds a NUL or a
// carriage return.
var errNotClean = errors.New("not clean UTF-8 text")

// clean reports whether s is UTF-8 with no NUL and no carriage return, as
// decode leaves the text it looks at.
func clean(s string) bool {
	return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0 && strings.IndexByte(s, '\r') < 0
}

// fileError sets the file of a *transcript.Error to source and returns
// err.
func fileError(err error, source string) error {
	if pe, ok := err.(*transcript.Error); ok {
		pe.File = source
	}
	return err
}

func isMarkdown(source string) bool {
	switch strings.ToLower(filepath.Ext(source)) {
	case ".md", ".markdown":
		return true
	}
	return false
}

// headerWords are the capitalised words of the header and title, which
// support one-word labels ("PSAKI:" under "... by Jen Psaki"): the words
// of letters, apostrophes and hyphens, lower-cased.
func headerWords(text string, lines []line, title string) map[string]bool {
	return addHeaderWords(make(map[string]bool, 64), text, lines, title)
}

// addHeaderWords is headerWords, adding the words to out, which it
// returns.
func addHeaderWords(out map[string]bool, text string, lines []line, title string) map[string]bool {
	for _, l := range lines {
		addWords(out, l.of(text))
	}
	addWords(out, title)
	return out
}

// addWords adds to m the words of s that headerWords reads, lower-cased,
// as strings.FieldsFunc would split them, without a list of them.
func addWords(m map[string]bool, s string) {
	start := -1 // the start of the word being read
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if isHeaderWordRune(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			m[strings.ToLower(s[start:i])] = true
			start = -1
		}
		i += size
	}
	if start >= 0 {
		m[strings.ToLower(s[start:])] = true
	}
}

// isHeaderWordRune reports a character of a header word: a letter, an
// apostrophe or a hyphen.
func isHeaderWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r == '\'' || r == '-'
	}
	return unicode.IsLetter(r)
}

// splitTurns finds the labels among lines and cuts the text into turns.
// Text before the first label is one turn of its own; sc, when not nil,
// lends its lists and sets, which must be empty but for the list of what
// each line is. A document repeats its labels, so each different label is
// kept once, in labels, and each line that holds a label points to it.
func splitTurns(text string, lines []line, markdown bool, known map[string]bool, lex *vocab, heads headCache, sc *scratch) ([]transcript.Turn, []transcript.Span) {
	if sc == nil {
		sc = newScratch()
	}
	cands, labels, ids, sameKey := sc.cands[:0], sc.labels[:0], sc.ids, sc.sameKey[:0]
	defer func() { sc.cands, sc.labels, sc.sameKey = cands, labels, sameKey }()
	var skipped []transcript.Span
	// what each line is: 0 for speech, aHeading or aFooter (a footer line
	// at the end), neither of which is speech, or one more than the index
	// in cands of a label that counts
	const aHeading, aFooter = -1, -2
	var state []int32
	if cap(sc.state) >= len(lines) {
		state = sc.state[:len(lines)]
		clear(state)
	} else {
		state = make([]int32, len(lines))
		sc.state = state
	}
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
		state[i] = aFooter
	}
	for i, l := range lines {
		if state[i] == aFooter {
			skipped = append(skipped, transcript.Span{Start: l.start, End: l.end})
			continue
		}
		if markdown && isHeading(l.of(text)) {
			skipped = append(skipped, transcript.Span{Start: l.start, End: l.end})
			state[i] = aHeading
			continue
		}
		if !mayBeLabel(l.of(text)) {
			continue
		}
		if c, ok := parseLabel(l.of(text), lex, heads); ok {
			// each different label once: looked up by its key, then
			// among the labels of that key, which are most often one
			id := labelID{c.raw, c.kind, c.key}
			k, keyed := ids[c.key]
			for keyed && labels[k] != id && sameKey[k] >= 0 {
				k = sameKey[k]
			}
			if !keyed || labels[k] != id {
				n := int32(len(labels))
				if keyed {
					sameKey[k] = n // the last label of the key
				} else {
					ids[c.key] = n
				}
				k = n
				labels = append(labels, id)
				sameKey = append(sameKey, -1)
			}
			cands = append(cands, labelAt{int32(i), int32(c.n), int32(c.end), k})
		}
	}
	// support: names of strong labels and repeated labels
	repeats := sc.repeats
	strong := 0
	var styles [2]int       // strong role and name labels in mixed case and in capitals
	clocks, periods := 0, 0 // lines of a speaker and a time; labels ending in a full stop
	questions := 0          // Q labels in the form "Q." that "A." answers
	named := sc.named       // label words whose words are known already
	for _, f := range cands {
		c := &labels[f.label]
		repeats[c.key]++
		switch c.kind {
		case kindClock:
			clocks++
		case kindPeriod:
			periods++
		case kindQuestion:
			if strings.HasPrefix(strings.TrimLeft(lines[f.i].of(text), " \t"), "Q.") {
				questions++
			}
		}
		switch c.kind {
		case kindQuestion, kindRole, kindStrong:
			strong++
			if !named[c.raw.Words] {
				named[c.raw.Words] = true
				for _, w := range strings.Fields(strings.ToLower(c.raw.Words)) {
					known[strings.Trim(w, ".,")] = true
				}
			}
			if c.kind != kindQuestion {
				styles[capsStyle(c.raw.Words)]++
			}
		}
	}
	n := 1 // turns at most: text before the first label, one per label, one after each heading
	for k, f := range cands {
		c := &labels[f.label]
		ok := false
		switch c.kind {
		case kindQuestion, kindRole, kindStrong:
			ok = true
		case kindSingle:
			ok = known[strings.Trim(c.key, ".")] || known[initialled(c.key)] || repeats[c.key] >= 2 ||
				strong >= 2 && isCapsWord(c.raw.Words) // "AIDE:", "CHILD:" among other labels
		case kindClock:
			ok = clocks >= 2
		case kindPeriod:
			ok = periods >= 2 && strong == 0 // a document writes its labels one way
		case kindAnswer:
			ok = questions >= 1 && questions+repeats["a"] >= 3
		case kindOutlet:
			ok = strong >= 1 || repeats[c.key] >= 2
		case kindWeak:
			// once, a weak label needs other labels in its style: "Back to
			// Wall Street:" is prose among "THE PRESIDENT:" labels
			style := capsStyle(c.raw.Words)
			ok = repeats[c.key] >= 2 || strong >= 2 && (styles[style] > 0 || styles[1-style] == 0)
		}
		if ok {
			state[f.i] = int32(k + 1)
		}
	}
	for _, st := range state {
		if st != 0 {
			n++
		}
	}

	turns := make([]transcript.Turn, 0, n)
	var cur transcript.Turn // the turn being read, when open
	open := false
	closeTurn := func(end int) {
		if !open {
			return
		}
		s, e := trimSpan(text, cur.Text.Start, end)
		cur.Text = transcript.Span{Start: s, End: e}
		if cur.LabelSpan != (transcript.Span{}) || s < e {
			turns = append(turns, cur)
		}
		open = false
	}
	for i, l := range lines {
		switch st := state[i]; {
		case st == aFooter:
			closeTurn(l.start) // the turn ends where the footer starts
		case st == aHeading:
			if open {
				// a heading ends the turn's text; text after it, up to
				// the next label, is a new turn by the same speaker
				closeTurn(l.start)
				cur = turns[len(turns)-1]
				cur.LabelSpan, cur.Text, cur.Label = transcript.Span{}, transcript.Span{Start: l.end, End: l.end}, transcript.Label{}
				cur.Line = l.no + 1
				open = true
			}
		case st > 0:
			f := cands[st-1]
			closeTurn(l.start)
			cur = transcript.Turn{LabelSpan: transcript.Span{Start: l.start, End: l.start + int(f.end)}, Text: transcript.Span{Start: l.start + int(f.n)}, Line: l.no, Label: labels[f.label].raw}
			open = true
		case !open && strings.TrimSpace(l.of(text)) != "":
			cur = transcript.Turn{Text: transcript.Span{Start: l.start}, Line: l.no}
			open = true
		}
	}
	if len(lines) > 0 {
		// the text's last line, blank or not, ends the last turn: an
		// empty turn's text starts after its label's line
		end := len(text)
		if strings.HasSuffix(text, "\n") {
			end--
		}
		closeTurn(end)
	}
	if len(turns) == 0 {
		turns = nil
	}
	return turns, skipped
}

// labelAt is a line that holds a label, as splitTurns lists it.
type labelAt struct {
	i, n, end int32 // the line's index, and the label's n and end
	label     int32 // its index in splitTurns' labels
}

// labelID is a label as splitTurns keeps it, once for all the lines that
// hold it: what parseLabel finds but for where it is in the line.
type labelID struct {
	raw  transcript.Label
	kind labelKind
	key  string
}

// capsStyle is 1 for a label written in capitals ("MR. SULLIVAN"), 0 for
// one in mixed case ("Jake Sullivan").
func capsStyle(words string) int {
	if hasLower(words) {
		return 0
	}
	return 1
}

// initialled returns the surname of an initialled name ("v.putin" gives
// "putin"), or "".
func initialled(w string) string {
	if i := strings.LastIndexByte(w, '.'); i > 0 && i < len(w)-1 {
		return w[i+1:]
	}
	return ""
}

// isFooter reports a closing line: a time, "END ...", "###" or a
// parenthetical saying the event ended.
func isFooter(t string, lex *vocab) bool {
	return len(t) < 120 && (lex.closing.MatchString(t) || isTimeLine(t))
}

// isHeading reports a markdown heading: after any spaces, a line of '#'
// alone or with "# " in it ("## Remarks"). Most lines start with neither
// a space nor a '#', and are told without a call.
func isHeading(s string) bool {
	if s == "" || s[0] != ' ' && s[0] != '#' {
		return false
	}
	return hashLine(s)
}

// hashLine is isHeading of s, which starts with a space or a '#'.
func hashLine(s string) bool {
	t := strings.TrimLeft(s, " ")
	return strings.HasPrefix(t, "#") && (len(t) == strings.Count(t, "#") || strings.Contains(t, "# "))
}

// trimSpan shrinks [s, e) to exclude leading and trailing white space.
func trimSpan(text string, s, e int) (int, int) {
	for s < e && transcript.IsSpaceByte(text[s]) {
		s++
	}
	for e > s && transcript.IsSpaceByte(text[e-1]) {
		e--
	}
	return s, e
}

// isCapsWord reports one word of three or more letters, all capitals.
func isCapsWord(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) || !unicode.IsLetter(r) && r != '.' && r != '-' && r != '\'' {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 3
}

// narrativeLead reports an unlabelled first turn that reads as a page's
// narrative lead, not speech: the labelled turns follow it, and it never
// speaks in the first or second person nor greets, and runs to eight
// words or more ("The meeting covered the
// development of bilateral relations…" above "Vladimir Putin: …").
func narrativeLead(text string, turns []transcript.Turn, lex *vocab) bool {
	if len(turns) < 3 || turns[0].LabelSpan != (transcript.Span{}) || turns[1].LabelSpan == (transcript.Span{}) || turns[2].LabelSpan == (transcript.Span{}) {
		return false
	}
	lead := text[turns[0].Text.Start:turns[0].Text.End]
	return len(lead) < 2000 && len(strings.Fields(lead)) >= 8 && !greeting(lead, lex) && !firstPerson(lead, lex)
}

// firstPerson reports whether text has a word of someone speaking: I, we,
// you, my, our.
func firstPerson(text string, lex *vocab) bool {
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\'' && r != '’'
	}) {
		if atLower(lex.firstPerson, w) {
			return true
		}
	}
	return false
}
