package read

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/turntag/turntag/internal/memo"
	"github.com/turntag/turntag/pipeline/transcript"
)

// labelKind says how a label was recognised, which decides how much support
// it needs before it counts as a label.
type labelKind int

const (
	kindQuestion labelKind = iota + 1 // Q, Q:, QUESTION:
	kindRole                          // MODERATOR:, Interviewer:, THE PRESIDENT:
	kindStrong                        // ALL CAPS with two or more words, or with an outlet or title words
	kindSingle                        // one name word: needs the name known from elsewhere or repeated
	kindWeak                          // two or more capitalised words: needs other labels in the document
	kindOutlet                        // a news outlet the lexicon knows (Reuters:, CCTV:): a question, when other labels stand by
	kindClock                         // a line of a speaker and a time (Jane Smith  0:03): when the document has two or more
	kindPeriod                        // a title and a name before a full stop (Senator Rubio. …): when the document has two or more
	kindAnswer                        // A. before an answer: where the document has Q. questions
)

// standsAlone reports whether a label of this kind counts without support
// from the rest of the document: Q, roles and strong labels. The other
// kinds may be a header's line or prose until the document's other labels
// say otherwise.
func (k labelKind) standsAlone() bool {
	return k == kindQuestion || k == kindRole || k == kindStrong
}

// inPairs reports whether a label of this kind counts when the document has
// another of its kind: a line of a speaker and a time, a hearing label.
func (k labelKind) inPairs() bool { return k == kindClock || k == kindPeriod }

// labelCand is a possible speaker label at the start of a line.
type labelCand struct {
	n    int // bytes from the line start to the first byte of speech
	end  int // bytes from the line start to the end of the label proper
	raw  transcript.Label
	kind labelKind
	key  string // folded name/role words, to count repeats
}

// parseLabel looks for a speaker label at the start of line (no newline).
// lex tells title words, which make a label of capitalised words strong
// ("Acting NATO Spokesperson Dylan White:"); heads, when not nil, keeps
// the classes of the label heads of the document line is in.
func parseLabel(line string, lex *vocab, heads headCache) (labelCand, bool) {
	off := 0 // real archives indent labels by any amount
	for off < len(line) && (line[off] == ' ' || line[off] == '\t') {
		off++
	}
	rest := line[off:]
	bold := ""
	if len(rest) >= 2 && rest[0] == rest[1] && (rest[0] == '*' || rest[0] == '_') { // "**" or "__"
		bold, rest, off = rest[:2], rest[2:], off+2
	}
	if n := leadingTimestamp(rest); n > 0 { // "[00:01:23] Name: text"
		rest, off = rest[n:], off+n
	}
	// most lines are no label, and most of those tell it by their first
	// and last bytes and the lack of a colon near the start
	clock := endsInDigit(rest)
	if rest == "" || !isUpperASCII(rest[0]) && !clock && strings.IndexByte(rest[:min(len(rest), 121)], ':') < 0 {
		return labelCand{}, false
	}
	if rest[0] == 'Q' {
		if c, ok := parseQ(rest, bold); ok {
			c.n += off
			c.end += off
			return c, true
		}
	}
	if strings.HasPrefix(rest, "A.") {
		if c, ok := parseA(rest, lex); ok {
			c.n += off
			c.end += off
			return c, true
		}
	}
	if clock {
		if c, ok := clockLabel(rest, lex); ok { // "Jane Smith  0:03", the words on the next lines
			c.n, c.end = off+len(rest), off+len(rest)
			return c, true
		}
	}
	if bold == "" && isUpperASCII(rest[0]) {
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

// mayBeLabel reports whether parseLabel may find a label on line: its
// first byte past spaces and tabs is a capital, or opens bold text or a
// timestamp, or the line ends as a time does, or holds a colon. It is
// false, as parseLabel would find, for most lines of prose, which are
// told without a call.
func mayBeLabel(line string) bool {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	return i < len(line) && (opensLabel[line[i]] || endsInDigit(line) || strings.IndexByte(line, ':') >= 0)
}

// opensLabel tells the bytes that a label may open with: the capitals,
// '*' and '_' of bold text, and what opensTimestamp tells.
var opensLabel = func() (t [256]bool) {
	for c := range 256 {
		t[c] = 'A' <= c && c <= 'Z' || c == '*' || c == '_' || opensTimestamp[c]
	}
	return t
}()

// isUpperASCII reports a capital from A to Z.
func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

// endsInDigit reports whether s, less trailing spaces, tabs and carriage
// returns, ends in a digit, ']' or ')', as a line that clockLabel reads
// does.
func endsInDigit(s string) bool {
	for s != "" && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t' || s[len(s)-1] == '\r') {
		s = s[:len(s)-1]
	}
	if s == "" {
		return false
	}
	c := s[len(s)-1]
	return c >= '0' && c <= '9' || c == ']' || c == ')'
}

// headClass is what the words before a label's colon make of it: the
// label, its kind (a weak label graded by nameKind) and its key; ok is
// false when they are no label.
type headClass struct {
	raw  transcript.Label
	kind labelKind
	key  string
	ok   bool
}

// headCache remembers the class of each label head of one document, which
// repeats its labels ("MS. LEAVITT:" before every other paragraph). A nil
// cache remembers nothing.
type headCache map[string]headClass

// classify returns the class of head, from the cache when it is there,
// or else from lex's memory of the heads of the documents read before.
func (c headCache) classify(head string, lex *vocab) headClass {
	if h, ok := c[head]; ok {
		return h
	}
	h, ok := lex.heads.get(head)
	if !ok {
		h = classifyNew(head, lex)
		lex.heads.put(head, h)
	}
	if c != nil {
		c[head] = h
	}
	return h
}

// classifyNew returns the class of head, reading it.
func classifyNew(head string, lex *vocab) headClass {
	var h headClass
	h.raw, h.kind, h.key, h.ok = classifyHead(head, lex)
	if h.ok && h.kind == kindWeak {
		h.kind = nameKind(h.raw.Words, lex)
	}
	return h
}

// headMemory remembers the classes of the label heads of the documents
// read with one vocabulary, which share many of them ("THE PRESIDENT:",
// "MODERATOR:", the press secretary's name), for all the goroutines that
// read with it. It keeps copies of the heads and their classes, none of
// a document's text, and at most maxHeadMemory of them. A nil
// headMemory remembers nothing.
type headMemory struct {
	m *memo.Bounded[string, headClass]
}

// maxHeadMemory is the most heads a headMemory remembers: past it, the
// heads of the documents read first are the ones remembered.
const maxHeadMemory = 1 << 14

// newHeadMemory returns an empty headMemory.
func newHeadMemory() *headMemory { return &headMemory{memo.New[string, headClass](maxHeadMemory)} }

// get returns the class of head that m remembers, if it does.
func (m *headMemory) get(head string) (headClass, bool) {
	if m == nil {
		return headClass{}, false
	}
	return m.m.Get(head)
}

// put remembers copies of head and its class h, unless m is full.
func (m *headMemory) put(head string, h headClass) {
	if m == nil {
		return
	}
	r := &h.raw
	r.Words, r.Role, r.Title, r.Name = strings.Clone(r.Words), strings.Clone(r.Role), strings.Clone(r.Title), strings.Clone(r.Name)
	r.Affiliation, h.key = strings.Clone(r.Affiliation), strings.Clone(h.key)
	m.m.Put(strings.Clone(head), h)
}

// parseA recognises the answer label of a "Q. … A. …" interview: "A."
// followed by a space and a capital. It counts only where the document has
// questions in the same form (kindAnswer), since "A. Smith" may open a line
// of prose.
func parseA(rest string, lex *vocab) (labelCand, bool) {
	if !strings.HasPrefix(rest, "A.") || len(rest) < 4 || rest[2] != ' ' && rest[2] != '\t' {
		return labelCand{}, false
	}
	i := 2
	for i < len(rest) && (rest[i] == ' ' || rest[i] == '\t') {
		i++
	}
	if !opensSpeech(rest[i:]) {
		return labelCand{}, false
	}
	raw := transcript.Label{Role: lex.roleLabels["a"], Words: "A"}
	if raw.Role == "" {
		return labelCand{}, false
	}
	return labelCand{n: i, end: 2, raw: raw, kind: kindAnswer, key: "a"}, true
}

// parseQ recognises question labels: "Q", "Q:", "Q.", "Q   text", "Q (Outlet):".
func parseQ(rest, bold string) (labelCand, bool) {
	if !strings.HasPrefix(rest, "Q") {
		return labelCand{}, false
	}
	i := 1
	raw := transcript.Label{Question: true, Role: "Q"}
	if strings.HasPrefix(rest[i:], " (") {
		if j := strings.Index(rest[i:], "):"); j > 0 && j < 80 {
			raw.Affiliation = strings.TrimSpace(rest[i+2 : i+j])
			i += j + 1
		}
	}
	marked := false
	if i < len(rest) && (rest[i] == ':' || rest[i] == '.') {
		i++
		marked = true
	}
	if bold != "" && strings.HasPrefix(rest[i:], bold) {
		i += len(bold)
		marked = true // "**Q**"
	}
	end := i
	spaces := 0
	for i < len(rest) && (rest[i] == ' ' || rest[i] == '\t') {
		if rest[i] == '\t' {
			spaces++
		}
		spaces++
		i++
	}
	switch {
	case i == len(rest): // "Q" or "Q:" alone on its line
	case marked && spaces >= 1:
	case spaces >= 2:
	case spaces == 1 && opensSpeech(rest[i:]): // "Q How does …", not "Q fever"
	default:
		return labelCand{}, false
	}
	return labelCand{n: i, end: end, raw: raw, kind: kindQuestion, key: "q"}, true
}

// opensSpeech reports whether s starts like speech after a label: with
// anything but a lower-case letter ("How", "—", "(Inaudible.)").
func opensSpeech(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r != utf8.RuneError && !unicode.IsLower(r) && !unicode.IsSpace(r)
}

// labelColon returns the index of the first colon outside parentheses in
// the first 120 bytes of s, or -1.
func labelColon(s string) int {
	colon := strings.IndexByte(s[:min(len(s), 121)], ':')
	if colon < 0 {
		return -1 // most lines: no colon near the start
	}
	if strings.IndexByte(s[:colon], '(') < 0 && strings.IndexByte(s[:colon], ')') < 0 {
		return colon
	}
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

// periodLabel reads the labels of US congressional hearing transcripts,
// which end in a full stop: "The Chairman. The committee will come to
// order.", "Senator Menendez. Thank you.", "Mr. BLINKEN. Thank you." A
// label is "The" and a role the lexicon knows, or an honorific or title and
// one to three name words, then a full stop and speech that starts with a
// capital. ALL-CAPS name words are title-cased.
func periodLabel(line string, lex *vocab) (labelCand, bool) {
	// most lines are not labels: a capital first, and ". " early on
	if line == "" || line[0] < 'A' || line[0] > 'Z' {
		return labelCand{}, false
	}
	dot := strings.Index(line[:min(len(line), 80)], ". ")
	if dot < 0 || strings.Count(line[:dot], " ") > 5 {
		return labelCand{}, false
	}
	// Without a tab before the first ". ", no word before the word that
	// ends there ends in a full stop, so that the label's full stop is in
	// that word or a later one: a line whose ". " ends its fifth word or a
	// later one is no label, nor, unless it opens with "The", one with a
	// word before the ". " word that is no label word. Most lines that
	// reach here are told so before their words after the ". " are read.
	before := strings.IndexByte(line[:dot], '\t') < 0 // the words before the ". " word end in no full stop
	the := false                                      // the first word is "The", less full stops, as strings.EqualFold tells it
	// Five words are enough: the label's full stop ends the second word,
	// the third or the fourth, and another word follows.
	var wordBuf [5]string
	var endBuf [5]int
	words := wordBuf[:0]
	ends := endBuf[:0] // byte offset after each word
	for i := 0; i < len(line) && len(words) < 5; {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		j := i
		for j < len(line) && line[j] != ' ' && line[j] != '\t' {
			j++
		}
		if j > i {
			w := line[i:j]
			if len(words) == 0 {
				the = strings.EqualFold(strings.Trim(w, "."), "the") // as ToLower would say: no other letter folds to t, h or e
			} else if before && j <= dot && (len(words) >= 3 || !the && !labelWord(w, false, lex)) {
				return labelCand{}, false
			}
			words, ends = append(words, w), append(ends, j)
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
		if i == 0 || utf8.RuneCountInString(bare) == 1 || atLower(lex.honorifics, bare) || lex.IsTitle(bare) && isAbbreviation(bare) {
			continue // "Mr.", "J.", "Sen.": the full stop of an abbreviation
		}
		end = i
		break
	}
	if end < 1 || end > 3 || !startsUpper(words[end+1]) {
		return labelCand{}, false
	}
	if !the {
		// the name words must be label words: most lines fail here, before
		// anything is copied ("MS. PSAKI: Good evening. Thank you")
		for k := 1; k <= end; k++ {
			w := words[k]
			if k == end {
				w = strings.TrimSuffix(w, ".")
			}
			if !labelWord(w, false, lex) {
				return labelCand{}, false
			}
		}
	}
	head := slices.Clone(words[:end+1])
	head[end] = strings.TrimSuffix(head[end], ".")
	var raw transcript.Label
	if the {
		role, ok := lex.roleLabels[strings.ToLower(strings.Join(head, " "))]
		if !ok {
			return labelCand{}, false
		}
		raw.Role, raw.Words = role, strings.Join(head, " ")
	} else {
		if first := strings.ToLower(strings.Trim(head[0], ".")); !lex.honorifics[first] && !lex.IsTitle(strings.Trim(head[0], ".")) {
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

// isAbbreviation reports whether a title word is short enough to be an
// abbreviation that takes a full stop ("Sen", "Gen", "Adm").
func isAbbreviation(w string) bool { return len(w) <= 4 }

// clockLabel reads a line that holds only a speaker and the time they
// start, as transcription services export them ("Jane Smith  0:03",
// "Speaker 1 [00:01:15]"): the speech follows on the next lines.
func clockLabel(line string, lex *vocab) (labelCand, bool) {
	for line != "" && (line[len(line)-1] == ' ' || line[len(line)-1] == '\t' || line[len(line)-1] == '\r') {
		line = line[:len(line)-1]
	}
	if line == "" || (line[len(line)-1] < '0' || line[len(line)-1] > '9') && line[len(line)-1] != ']' && line[len(line)-1] != ')' {
		return labelCand{}, false // most lines do not end in a time
	}
	sp := strings.LastIndexAny(line, " \t")
	if sp <= 0 {
		return labelCand{}, false
	}
	clock := strings.Trim(line[sp+1:], "[]()")
	if clock == "" || clockLen(clock) != len(clock) {
		return labelCand{}, false
	}
	head := strings.TrimSpace(line[:sp])
	if head == "" || strings.ContainsAny(head, ".,;!?") && !strings.HasSuffix(head, ".") {
		return labelCand{}, false
	}
	raw, _, key, ok := classifyHead(head, lex)
	if !ok {
		return labelCand{}, false
	}
	return labelCand{raw: raw, kind: kindClock, key: key}, true
}

// leadingTimestamp returns the length of a timestamp that opens a line,
// "[00:01:23] ", "(01:23) " or "00:01:23 ", or 0. Most lines open with
// neither a bracket nor a digit, and are told without a call.
func leadingTimestamp(s string) int {
	if s == "" || !opensTimestamp[s[0]] {
		return 0
	}
	return timestampLen(s)
}

// opensTimestamp tells the bytes a timestamp opens with: '[', '(' and the
// digits.
var opensTimestamp = [256]bool{'[': true, '(': true, '0': true, '1': true, '2': true, '3': true, '4': true,
	'5': true, '6': true, '7': true, '8': true, '9': true}

// timestampLen is leadingTimestamp for s that opens with a bracket or a
// digit.
func timestampLen(s string) int {
	i := 0
	closing := byte(0)
	switch s[0] {
	case '[':
		closing, i = ']', 1
	case '(':
		closing, i = ')', 1
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

// clockLen returns the length of a clock time (m:ss, mm:ss, h:mm:ss, with
// an optional .mmm) at the start of s, or 0.
func clockLen(s string) int {
	i, groups, digits := 0, 1, 0
	for i < len(s) {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == ':' && digits > 0 && digits <= 2 && groups < 3:
			groups++
			digits = 0
		case c == '.' && groups >= 2 && digits == 2:
			digits = 0
			groups = 9 // fraction
		default:
			if groups < 2 || digits == 0 {
				return 0
			}
			return i
		}
		i++
	}
	if groups < 2 || digits == 0 {
		return 0
	}
	return i
}

// classifyHead checks the words before the colon and splits off a
// parenthetical.
func classifyHead(head string, lex *vocab) (transcript.Label, labelKind, string, bool) {
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
		raw, kind, key, ok := classifyHead(name, lex)
		if !ok || kind == kindRole || kind == kindQuestion {
			return raw, 0, "", false
		}
		if !hasLower(aff) && hasTitle(affWords, lex) {
			aff = strings.Join(titleWords(affWords, lex), " ") // "CNN CHIEF INTERNATIONAL ANCHOR" is a role
		}
		raw.Affiliation = aff
		return raw, kindStrong, key, true
	}
	if !labelWords(head, lex) {
		return raw, 0, "", false // most heads of prose, told before their words are listed
	}
	words := strings.Fields(head)
	caps := true
	for _, w := range words {
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

// labelWords reports whether head, split at white space as strings.Fields
// splits it, has at most nine words and each is a label word (labelWord),
// without listing them.
func labelWords(head string, lex *vocab) bool {
	n := 0 // words read
	for i := 0; i < len(head); {
		r, size := utf8.DecodeRuneInString(head[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(head) {
			r, size = utf8.DecodeRuneInString(head[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += size
		}
		if n == 9 || !labelWord(head[i:j], n == 0, lex) {
			return false
		}
		n++
		i = j
	}
	return true
}

// nameKind grades a label of two or more capitalised words: strong when
// it holds a title word ("Acting NATO Spokesperson Dylan White") or reads
// as a name, two to four words none of which is a common word ("Vladimir
// Putin", not "Key Points" or "Next Steps"); weak otherwise.
func nameKind(words string, lex *vocab) labelKind {
	ws := strings.Fields(words)
	common := false
	for _, w := range ws {
		bare := strings.Trim(w, ".")
		if lex.IsTitle(bare) {
			return kindStrong
		}
		if lex.IsCommon(bare) && !atLower(lex.particles, bare) {
			common = true
		}
	}
	if !common && len(ws) >= 2 && len(ws) <= 4 {
		return kindStrong
	}
	return kindWeak
}

// labelWord reports whether w can stand in a speaker label: a capitalised
// word, an ALL-CAPS word, an initial, an acronym with dots, or a particle.
func labelWord(w string, first bool, lex *vocab) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLetter(r) {
		return false
	}
	for _, c := range w {
		if !(unicode.IsLetter(c) || c == '.' || c == '\'' || c == '\u2019' || c == '-' || unicode.IsMark(c)) {
			return false
		}
	}
	if unicode.IsUpper(r) {
		return true
	}
	return !first && atLower(lex.particles, w)
}

func hasLower(w string) bool {
	for _, c := range w {
		if unicode.IsLower(c) {
			return true
		}
	}
	return false
}

func allLetters(words []string) bool {
	for _, w := range words {
		n := 0
		for _, c := range w {
			if unicode.IsLetter(c) {
				n++
			}
		}
		if n == 0 {
			return false
		}
	}
	return true
}

// misspeltRole returns the role of a role label of six or more letters
// that a transcript misspelt by one letter ("opertator", "moerator",
// "audiene", "senior administration offial"), or "". Of several roles one
// edit away, the first in byte order wins, so that the answer never
// depends on map order; only keys one byte shorter, as long or one byte
// longer can be one edit away.
func misspeltRole(folded string, lex *vocab) string {
	if len(folded) < 6 {
		return ""
	}
	best := ""
	for n := len(folded) - 1; n <= len(folded)+1 && n < len(lex.longRoles); n++ {
		for _, k := range lex.longRoles[n] {
			if oneEditApart(folded, k) {
				if best == "" || k < best {
					best = k
				}
				break // the rest of this length sort after k
			}
		}
	}
	return lex.roleLabels[best]
}

// oneEditApart reports whether a and b differ by exactly one inserted,
// deleted or replaced byte.
func oneEditApart(a, b string) bool {
	if a == b || len(a)-len(b) > 1 || len(b)-len(a) > 1 {
		return false
	}
	if len(a) < len(b) {
		a, b = b, a
	}
	i := 0
	for i < len(b) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return a[i+1:] == b[i+1:]
	}
	return a[i+1:] == b[i:]
}

// numberedSpeaker reports a label such as "Speaker 1", "Participant 2" or
// "[SPEAKER_00]" that transcription services give speakers they cannot
// name.
func numberedSpeaker(head string, lex *vocab) bool {
	if strings.HasPrefix(head, "[") && strings.HasSuffix(head, "]") {
		head = head[1 : len(head)-1] // "[SPEAKER_00]", as diarisation tools write it
	}
	i := strings.LastIndexAny(head, " _")
	if i <= 0 || i < len(head)-4 || i == len(head)-1 {
		return false
	}
	for _, c := range head[i+1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return atLower(lex.numbered, strings.Join(strings.Fields(head[:i]), " "))
}

// allDigits reports whether s holds no byte but the digits 0 to 9, as
// strings.Trim(s, "0123456789") == "" does.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// numberedRole returns the role of a role label numbered to tell apart
// speakers of one role, with its number ("SENIOR ADMINISTRATION OFFICIAL
// ONE" is "Senior administration official one", "MODERATOR #2" is
// "Moderator 2"), or "". Most heads end in no number, which their last
// word tells before any of them is copied.
func numberedRole(head string, lex *vocab) string {
	t := strings.TrimRightFunc(head, unicode.IsSpace)
	sp := strings.LastIndexFunc(t, unicode.IsSpace)
	if sp < 0 {
		return "" // one word at most
	}
	_, size := utf8.DecodeRuneInString(t[sp:])
	if num := strings.TrimPrefix(t[sp+size:], "#"); !allDigits(num) && !atLower(lex.numberWords, num) {
		return ""
	}
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
