package speakers

import (
	"iter"
	"math/bits"
	"strings"
	"unicode/utf8"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline/read"
	"github.com/turntag/turntag/pipeline/transcript"
)

// settle makes a document's speakers consistent once every turn has one:
// a surname alone becomes the full name the document gives that person
// elsewhere, each person keeps one role throughout (the byline's, else the
// fullest one a label or introduction gave), and a questioner whom the
// previous turn calls on ("Go ahead, Said.", "Let's go to Simon Lewis of
// Reuters.") is named, with the outlet when it is said.
func (s *speakers) settle(doc *transcript.Document) {
	var full map[string]string // made at the first surname alone: until then, no name has changed
	// each person's role, by the place of their name in roles: the byline's,
	// then the fullest of the turns'; and per turn, that place times two,
	// plus one for a part's role, or -1 for no name
	sc := s.scratch()
	at := sc.nameAt
	if at == nil {
		at = map[string]int32{}
	}
	roles := sc.roles[:0]
	ids := resize(sc.ids, len(doc.Turns))
	for _, b := range doc.Byline {
		if b.Name == "" {
			continue
		}
		k, ok := at[b.Name]
		if !ok {
			k = int32(len(roles))
			at[b.Name] = k
			roles = append(roles, "")
		}
		if roles[k] == "" {
			roles[k] = s.cleanRole(b.Role)
		}
	}
	// the last two names and roles looked up, which turns most often repeat
	var lastName, lastRole [2]string
	var lastAt [2]int32
	var lastPart [2]bool
	lastAt[0], lastAt[1] = -1, -1
	lastPart[0], lastPart[1] = s.w.partRoles[""], s.w.partRoles[""]
	for i := range doc.Turns {
		sp := &doc.Turns[i].Speaker
		if transcript.CountFields(sp.Name, 2) == 1 {
			if full == nil {
				full = s.fullNames(doc)
			}
			if f := full[lexicon.FoldKey(strings.TrimSpace(sp.Name))]; f != "" {
				sp.Name = f
			}
		}
		sp.Role = s.cleanRole(sp.Role)
		// the names and roles of the turns up to i are final: the turn's
		// role counts for its speaker now as after the loop
		ids[i] = -1
		if sp.Name == "" {
			continue
		}
		var k int32
		switch {
		case sp.Name == lastName[0]:
			k = lastAt[0]
		case sp.Name == lastName[1]:
			k = lastAt[1]
		default:
			var ok bool
			if k, ok = at[sp.Name]; !ok {
				k = int32(len(roles))
				at[sp.Name] = k
				roles = append(roles, "")
			}
		}
		if sp.Name != lastName[0] {
			lastName[0], lastName[1], lastAt[0], lastAt[1] = sp.Name, lastName[0], k, lastAt[0]
		}
		var part bool
		switch sp.Role {
		case lastRole[0]:
			part = lastPart[0]
		case lastRole[1]:
			part = lastPart[1]
		default:
			part = s.w.partRoles[sp.Role]
		}
		if sp.Role != lastRole[0] {
			lastRole[0], lastRole[1], lastPart[0], lastPart[1] = sp.Role, lastRole[0], part, lastPart[0]
		}
		ids[i] = k << 1
		if part {
			ids[i]++
		}
		if sp.Role == "" || part {
			continue
		}
		if r := roles[k]; r == "" || len(sp.Role) > len(r) && containsAll(roleWords(sp.Role), roleWords(r)) && !s.fromByline(doc, sp.Name) {
			roles[k] = sp.Role // "Press Secretary" over "Secretary"
		}
	}
	for i, k := range ids {
		if k >= 0 && k&1 == 0 && roles[k>>1] != "" {
			doc.Turns[i].Speaker.Role = roles[k>>1]
		}
	}
	s.nameAt, s.roleOf, s.ids = at, roles, ids
	for i := 1; i < len(doc.Turns); i++ {
		t := &doc.Turns[i]
		if !t.Label.Question || t.Speaker.Name != "" {
			continue
		}
		// the operator may open the line between the call and the question
		for j := i - 1; j >= 0 && j >= i-2; j-- {
			if name, outlet := s.calledOn(j); name != "" {
				t.Speaker.Name = s.named(doc.TurnTextAt(i), name)
				if t.Speaker.Affiliation == "" {
					t.Speaker.Affiliation = outlet
				}
				break
			}
			if doc.Turns[j].Speaker.Role != "Operator" {
				break
			}
		}
		if t.Speaker.Name == "" && i >= 2 && s.stillAsking(doc, i) {
			t.Speaker = doc.Turns[i-2].Speaker
		}
	}
}

// fullNames returns the names of the byline and the speakers of two words
// or more by their folded surnames, and "" for a surname that two of them
// share.
func (s *speakers) fullNames(doc *transcript.Document) map[string]string {
	full := map[string]string{} // folded surname -> the one full name that ends with it
	seen := map[string]bool{}   // a name counts once: it is the same name again
	for name := range s.names(doc) {
		if seen[name] {
			continue
		}
		seen[name] = true
		ws := nameWords(name, s.ppl.suffixes)
		if len(ws) < 2 {
			continue
		}
		last := ws[len(ws)-1]
		if prev, ok := full[last]; ok && prev != name {
			full[last] = "" // two people share the surname
			continue
		}
		full[last] = name
	}
	return full
}

// names yields the byline's and the speakers' names, byline first,
// without listing them.
func (s *speakers) names(doc *transcript.Document) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, b := range doc.Byline {
			if !yield(b.Name) {
				return
			}
		}
		for i := range doc.Turns {
			if !yield(doc.Turns[i].Speaker.Name) {
				return
			}
		}
	}
}

// fromByline reports whether the byline names the person with a role.
func (s *speakers) fromByline(doc *transcript.Document, name string) bool {
	for _, b := range doc.Byline {
		if b.Name == name && b.Role != "" {
			return true
		}
	}
	return false
}

// cleanRole drops honorifics and repeated words from a role ("MR." is no
// role, "Admiral — Admiral" is "Admiral") and trims stray punctuation.
// Each role is cleaned once per Index.
// The last few roles cleaned are kept in s, so that a turn's role is most
// often found without a lock.
func (s *speakers) cleanRole(role string) string {
	for i := range s.recent {
		if r := &s.recent[i]; r.set && r.role == role {
			return r.clean
		}
	}
	c := s.roles.clean(role, s.w)
	s.recent[s.nextRecent] = recentRole{role, c, true}
	s.nextRecent = (s.nextRecent + 1) % len(s.recent)
	return c
}

// recentRole is a role cleaned, and how.
type recentRole struct {
	role, clean string
	set         bool
}

// cleanRole is speakers.cleanRole on the word lists w.
func cleanRole(role string, w *words) string {
	role = read.CleanText(role)
	var kept []string
	seen := map[string]bool{}
	for _, word := range strings.Fields(role) {
		bare := strings.ToLower(strings.Trim(word, ".,;:—–-"))
		if bare == "" || w.honorifics[bare] || seen[bare] && !w.connectors[bare] {
			continue
		}
		seen[bare] = true
		kept = append(kept, strings.Trim(word, ",;:—–"))
	}
	return strings.Join(kept, " ")
}

// maxCallBytes bounds the sentence a call on a questioner is looked for
// in: a longer one is speech, not a call.
const maxCallBytes = 300

// lastSentence returns the last sentence of the last paragraph of text,
// and whether it is at most limit bytes long; when it is longer, the
// sentence may be cut short. It tokenises as little of the paragraph as
// tells where the sentence starts, into a buffer kept from call to call:
// nothing when no full stop, question mark, exclamation mark or colon
// comes before the last word, else from a word before the last of these
// on, else the last limit bytes and some before, else all of it.
func (s *speakers) lastSentence(text string, limit int) (string, bool) {
	text = strings.TrimSpace(text)
	if i := lastBlankLine(text); i >= 0 {
		text = text[i+2:]
	}
	if text == "" {
		return "", limit >= 0
	}
	e := len(text) // the end of the last word: no ASCII letter or digit follows
	for e > 0 && text[e-1] < utf8.RuneSelf && !isAlnum(text[e-1]) {
		e--
	}
	p := lastStop(text[:e])
	if p < 0 && isAlnum(text[0]) {
		// A sentence starts at a word after one of these, or at the
		// first word after quotes and brackets: here the first token.
		return text, len(text) <= limit
	}
	if p >= 0 {
		if tail, short, ok := s.sentenceFrom(text, wordsBefore(text, p, 2), limit); ok {
			return tail, short
		}
	}
	if margin := limit + 100; len(text) > margin {
		if tail, short, ok := s.sentenceFrom(text, wordsBefore(text, len(text)-margin, 0), limit); ok {
			return tail, short
		}
	}
	tail, short, _ := s.sentenceFrom(text, 0, limit)
	return tail, short
}

// lastStop is strings.LastIndexAny(text, ".?!:"). It reads eight bytes
// at a time from the end for one of the four, and then byte by byte.
func lastStop(text string) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := len(text)
	for ; i >= 8; i -= 8 {
		x := load64(text, i-8)
		a, b, c, d := x^'.'*ones, x^'?'*ones, x^'!'*ones, x^':'*ones
		// the high bit of each zero byte, and maybe of bytes above one:
		// the highest set may be one of those, never the lowest
		m := (a-ones)&^a | (b-ones)&^b | (c-ones)&^c | (d-ones)&^d
		for m &= highs; m != 0; {
			k := 63 - bits.LeadingZeros64(m)
			if j := i - 8 + k>>3; isStop(text[j]) {
				return j
			}
			m &^= 1 << k
		}
	}
	for i--; i >= 0; i-- {
		if isStop(text[i]) {
			return i
		}
	}
	return -1
}

// isStop reports a full stop, question mark, exclamation mark or colon.
func isStop(c byte) bool { return c == '.' || c == '?' || c == '!' || c == ':' }

// lastBlankLine is strings.LastIndex(text, "\n\n"), by eight bytes at a
// time from the end once a forward scan, which is quicker, finds a line
// break.
func lastBlankLine(text string) int {
	if strings.IndexByte(text, '\n') < 0 {
		return -1
	}
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := len(text)
	for ; i >= 9; i -= 8 {
		// a zero byte where a pair of line breaks starts, in text[i-9:i]
		z := load64(text, i-9) ^ '\n'*ones | load64(text, i-8) ^ '\n'*ones
		// the high bit of each zero byte, and maybe of bytes above one:
		// the highest set may be one of those, never the lowest
		for m := (z - ones) &^ z & highs; m != 0; {
			k := 63 - bits.LeadingZeros64(m)
			if j := i - 9 + k>>3; text[j] == '\n' && text[j+1] == '\n' {
				return j
			}
			m &^= 1 << k
		}
	}
	for i -= 2; i >= 0; i-- {
		if text[i] == '\n' && text[i+1] == '\n' {
			return i
		}
	}
	return -1
}

// sentenceFrom is lastSentence reading the tokens of text from w on, just
// after white space or at 0, so that no token is cut. A sentence starts
// at a word after the token before it and its quotes, and the token
// before that: from the first word after the first token on, the tokens
// of text[w:] have these as the paragraph's tokens have. When the last
// sentence may start before that, it says so only when that makes the
// sentence longer than limit; else ok is false.
func (s *speakers) sentenceFrom(text string, w, limit int) (tail string, short, ok bool) {
	s.scratch()
	toks := lexicon.AppendTokens(s.sentence[:0], text[w:])
	s.sentence = toks
	if w == 0 {
		tail, short := lastSentenceIn(text, toks, limit)
		return tail, short, true
	}
	firstWord := len(toks)
	for i := 1; i < len(toks); i++ {
		if toks[i].Word {
			firstWord = i
			break
		}
	}
	for i := len(toks) - 1; i > firstWord; i-- {
		if toks[i].Word && lexicon.SentenceStart(toks, i) {
			tail := text[w+toks[i].Start:]
			return tail, len(tail) <= limit, true
		}
	}
	before := w // the sentence starts at the last word up to firstWord or before: before w when there is none
	for i := min(firstWord, len(toks)-1); i >= 0; i-- {
		if toks[i].Word {
			before = w + toks[i].Start
			break
		}
	}
	if len(text)-before > limit {
		return text[before:], false, true
	}
	return "", false, false
}

// wordsBefore returns where the n-th run of white space before p ends
// (0 for the first run, the one nearest p), or 0 when there are not so
// many: the start of the n+1 words before p.
func wordsBefore(text string, p, n int) int {
	for k := 0; ; k++ {
		q := strings.LastIndexAny(text[:p], " \t\n\r\f")
		if q < 0 {
			return 0
		}
		if k == n {
			return q + 1
		}
		p = len(strings.TrimRight(text[:q], " \t\n\r\f"))
	}
}

// isAlnum reports an ASCII letter or digit: a byte of a word token.
func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// lastSentenceIn returns the last sentence of text, whose tokens are
// toks, and whether it is at most limit bytes long.
func lastSentenceIn(text string, toks []lexicon.Token, limit int) (string, bool) {
	start := 0
	for i := 1; i < len(toks); i++ {
		if toks[i].Word && lexicon.SentenceStart(toks, i) {
			start = toks[i].Start
		}
	}
	return text[start:], len(text)-start <= limit
}

// calledOn returns the questioner turn j ends by calling on, with the
// outlet when it is said, or "".
func (s *speakers) calledOn(j int) (name, outlet string) {
	text := s.doc.TurnTextAt(j)
	if !mayEndCall(text, maxCallBytes) {
		return "", ""
	}
	tail, short := s.lastSentence(text, maxCallBytes)
	if !short {
		return "", ""
	}
	name, outlet, ok := s.w.callOn.find(tail)
	if !ok {
		return "", ""
	}
	c := s.callees.get(s.tg, name, outlet, s.callee)
	if c.name == "" {
		return "", ""
	}
	name = c.name
	if transcript.CountFields(name, 2) >= 2 { // a first name alone is not looked up
		if c, _, ok := s.person(name); ok {
			name = c
		}
	}
	return name, c.outlet
}

// callee checks the name and the outlet of a call as find gives them,
// against the lexicon alone: it returns the name when it reads as a
// person's, else "", and the outlet, canonical when the lexicon knows it.
func (s *speakers) callee(name, outlet string) callee {
	name = strings.TrimSpace(name)
	if !read.PlausibleName(name, s.lex) || s.lex.IsCommon(name) {
		return callee{}
	}
	for _, w := range strings.Fields(name) {
		if s.w.honorifics[strings.ToLower(strings.Trim(w, "."))] || s.w.notLabel[strings.ToLower(w)] {
			return callee{}
		}
	}
	if _, _, ok := s.tg.Entity(name, lexicon.Country); ok {
		return callee{}
	}
	if _, _, ok := s.tg.Entity(name, lexicon.Organisation); ok {
		return callee{}
	}
	outlet = strings.TrimPrefix(strings.TrimSpace(outlet), "the ")
	if strings.Count(outlet, ".") == 1 {
		outlet = strings.TrimSuffix(outlet, ".") // "NPR." ends the sentence
	}
	if outlet != "" {
		if c, _, ok := s.tg.Entity(outlet, lexicon.Organisation); ok {
			outlet = c
		}
	}
	return callee{name, outlet}
}

// named returns the full name a questioner called on by first name gives
// at the start of their turn ("Tara Copp, AP.", "Eunjung Cho with the Voice
// of America", "Hi, it's Tara Copp."), else first.
func (s *speakers) named(text, first string) string {
	if transcript.CountFields(first, 2) != 1 {
		return first
	}
	head := text
	if len(head) > 100 {
		head = head[:100]
	}
	if !strings.Contains(head, first) && isASCII(head) {
		return first // neither the pattern's name nor a token (as written, in ASCII) can be first
	}
	if beforeSpace(head, first) { // the pattern's first name is followed by white space
		for _, m := range s.w.selfIntro.FindAllStringSubmatch(head, -1) {
			if m[1] == first {
				return first + " " + m[2]
			}
		}
	}
	s.scratch()
	toks := lexicon.AppendTokens(s.sentence[:0], head) // the buffer of lastSentence, whose tokens are not needed now
	s.sentence = toks
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Text == first && s.nameWord(toks[i+1]) && toks[i+1].Start == toks[i].End+1 {
			return first + " " + toks[i+1].Text
		}
	}
	return first
}

// beforeSpace reports whether word is in text followed by white space
// (see isSpace).
func beforeSpace(text, word string) bool {
	for i := 0; ; {
		k := strings.Index(text[i:], word)
		if k < 0 {
			return false
		}
		if e := i + k + len(word); e < len(text) && isSpace(text[e]) {
			return true
		}
		i += k + 1
	}
}

// stillAsking reports whether questioner turn i continues the exchange of
// the named questioner two turns before, across a short reply that only
// answers the line check or invites the follow-up: "Yes, I can hear you.",
// "Go ahead.", "Let's take your second one."
func (s *speakers) stillAsking(doc *transcript.Document, i int) bool {
	prev, asker := &doc.Turns[i-1], &doc.Turns[i-2]
	if !asker.Label.Question || asker.Speaker.Name == "" || prev.Label.Question {
		return false
	}
	text := doc.TurnTextAt(i - 1)
	if transcript.CountFields(text, 26) > 25 {
		return false
	}
	text = strings.ToLower(text)
	for _, cue := range s.w.followUp {
		if strings.Contains(text, cue) {
			return true
		}
	}
	return false
}

// isASCII reports whether s is all ASCII: its word tokens are then its
// words as written, with no diacritics to fold.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
