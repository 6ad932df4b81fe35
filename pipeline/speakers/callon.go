package speakers

import (
	"math/bits"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/turntag/turntag/lexicon"
)

// caller finds a moderator calling on the next questioner in the last
// sentence of a turn, with a plain scan of the sentence:
//
//   - the call: a call verb, "over" optional, and "to", then "the line of"
//     optional ("Let's go to Simon Lewis.", "Let's go to the line of
//     Eunjung Cho, and I apologize …"); "go ahead," ("Go ahead, Said.");
//     "question from" or "question to" ("Let's take our final question
//     from Owen Churchill."); or, at the start of the sentence, nothing or
//     a lead word with an optional comma ("Yes, Peter?", "Jiha, your line
//     is now open.");
//   - the name: one to three words, each a capital A to Z followed by
//     letters, apostrophes and hyphens;
//   - optionally an outlet connector ("of", "from", "with", "at") and the
//     outlet: "the" optional, then one to five words, each a capital A to
//     Z followed by letters, full stops, ampersands, apostrophes and
//     hyphens; or a comma and such an outlet ("Lita Baldor, AP.");
//   - the end: ", go ahead", ", your line is (now) open", " to start",
//     ", and", ", please", or an optional ".", "?" or "!" at the end of
//     the sentence ("Shaun, go ahead.").
//
// Words are separated by runs of ASCII white space. The first match from
// the left wins; at one place, the longer choice of each optional part and
// the more words are tried first. This is the regular expression
//
//	(?:\b(?:VERB)(?:\s+over)?\s+to\s+(?:the\s+line\s+of\s+)?|\b[Gg]o\s+ahead,\s+|\bquestion\s+(?:from|to)\s+|^(?:(?:LEAD),?\s+)?)
//	((?:[A-Z][\p{L}'’-]+)(?:\s+[A-Z][\p{L}'’-]+){0,2})
//	(?:\s+(?:CONNECTOR)\s+((?:the\s+)?[A-Z][\p{L}.&'’-]*(?:\s+[A-Z][\p{L}.&'’-]*){0,4})|,\s+([A-Z][\p{L}.&'’-]*(?:\s+[A-Z][\p{L}.&'’-]*){0,4}))?
//	(?:,\s+(?:go\s+ahead|your\s+line\s+is\s+(?:now\s+)?open)\b|\s+to\s+start\b|\s*,\s+(?:and|please)\b|\s*[.?!]?\s*$)
//
// run by hand, which its test checks it against: the regular expression
// took most of the time of speaker resolution.
type caller struct {
	verbs, leads, connectors [][]string // each phrase's words, longest phrase first
	opens                    [256]bool  // the bytes a call after a word boundary can start with
}

// newCaller reads the call verbs, lead words and outlet connectors of lex.
func newCaller(lex *lexicon.Lexicon) *caller {
	c := &caller{
		verbs:      phrases(lex, lexicon.CallVerbs),
		leads:      phrases(lex, lexicon.CallLeadWords),
		connectors: phrases(lex, lexicon.OutletConnectors),
	}
	c.opens['G'], c.opens['g'], c.opens['q'] = true, true, true // "Go ahead,", "question from"
	for _, v := range c.verbs {
		if len(v) == 0 || v[0] == "" {
			c.opens = [256]bool{} // a verb of no words matches anywhere
			for b := range c.opens {
				c.opens[b] = true
			}
			break
		}
		c.opens[v[0][0]] = true
	}
	return c
}

// phrases returns the words of each phrase of a word list, longest phrase
// first and otherwise in the list's order, as lexicon.WordPattern orders
// its alternatives.
func phrases(lex *lexicon.Lexicon, list string) [][]string {
	ws := lex.WordList(list)
	sort.SliceStable(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
	out := make([][]string, len(ws))
	for i, w := range ws {
		out[i] = strings.Fields(w)
	}
	return out
}

// find returns the name and the outlet ("" when none is said) of the call
// in sentence, or ok false.
//
// A call's name starts with a capital A to Z at or after the call's
// start, so no call starts after the last capital; and a call after the
// start of the sentence starts at a word boundary, with a byte that opens
// one: other places are passed over without calling calls.
func (c *caller) find(sentence string) (name, outlet string, ok bool) {
	yield := func(p int) bool {
		name, outlet, ok = c.nameAt(sentence, p)
		return ok
	}
	last := lastCapital(sentence)
	for s := 0; s <= last; s++ {
		if s > 0 && (!c.opens[sentence[s]] || !boundary(sentence, s)) {
			continue // calls finds no call here
		}
		c.calls(sentence, s, yield)
		if ok {
			return name, outlet, true
		}
	}
	return "", "", false
}

// lastCapital returns the place of the last capital A to Z in t, or -1.
func lastCapital(t string) int {
	for i := len(t) - 1; i >= 0; i-- {
		if 'A' <= t[i] && t[i] <= 'Z' {
			return i
		}
	}
	return -1
}

// calls calls yield with the end of each call that starts at s, in order
// of preference, until yield returns true.
func (c *caller) calls(t string, s int, yield func(p int) bool) {
	if s < len(t) && c.opens[t[s]] && boundary(t, s) {
		for _, v := range c.verbs {
			if len(v) > 0 && v[0] != "" && v[0][0] != t[s] {
				continue // the verb does not start here
			}
			q, ok := phraseAt(t, s, v)
			if !ok {
				continue
			}
			for _, over := range []bool{true, false} {
				r := q
				if over {
					if r, ok = spacedWord(t, r, "over"); !ok {
						continue
					}
				}
				if r, ok = spacedWord(t, r, "to"); !ok {
					continue
				}
				if r, ok = spaces(t, r); !ok {
					continue
				}
				if e, ok := phraseAt(t, r, []string{"the", "line", "of"}); ok {
					if e, ok = spaces(t, e); ok && yield(e) {
						return
					}
				}
				if yield(r) {
					return
				}
			}
		}
		if t[s] == 'G' || t[s] == 'g' {
			if q, ok := phraseAt(t, s+1, []string{"o", "ahead"}); ok && q < len(t) && t[q] == ',' {
				if e, ok := spaces(t, q+1); ok && yield(e) {
					return
				}
			}
		}
		if t[s] == 'q' {
			for _, w := range []string{"from", "to"} {
				if q, ok := phraseAt(t, s, []string{"question", w}); ok {
					if e, ok := spaces(t, q); ok && yield(e) {
						return
					}
				}
			}
		}
	}
	if s != 0 {
		return
	}
	for _, l := range c.leads {
		q, ok := phraseAt(t, 0, l)
		if !ok {
			continue
		}
		if q < len(t) && t[q] == ',' {
			if e, ok := spaces(t, q+1); ok && yield(e) {
				return
			}
		}
		if e, ok := spaces(t, q); ok && yield(e) {
			return
		}
	}
	yield(0)
}

// nameAt reads the name called on at p, the outlet if one follows, and
// the end of the call.
func (c *caller) nameAt(t string, p int) (name, outlet string, ok bool) {
	var buf [3]int
	ends := capitalWords(t, p, isNameRune, 1, buf[:]) // the ends of one, two and three name words
	for n := len(ends); n > 0; n-- {
		e := ends[n-1]
		for _, conn := range c.connectors {
			if out, ok := c.outletAt(t, e, conn); ok {
				return t[p:e], out, true
			}
		}
		if out, ok := commaOutletAt(t, e); ok {
			return t[p:e], out, true // "First question goes to Lita Baldor, AP."
		}
		if callEnd(t, e) {
			return t[p:e], "", true
		}
	}
	return "", "", false
}

// outletAt reads an outlet after the connector conn at e, up to the end
// of the call.
func (c *caller) outletAt(t string, e int, conn []string) (string, bool) {
	q, ok := spaces(t, e)
	if !ok {
		return "", false
	}
	if q, ok = phraseAt(t, q, conn); !ok {
		return "", false
	}
	if q, ok = spaces(t, q); !ok {
		return "", false
	}
	for _, the := range []bool{true, false} {
		o := q
		if the {
			if o, ok = phraseAt(t, o, []string{"the"}); !ok {
				continue
			}
			if o, ok = spaces(t, o); !ok {
				continue
			}
		}
		if end := outletEnd(t, o); end > 0 {
			return t[q:end], true
		}
	}
	return "", false
}

// outletEnd returns the end of the longest run of one to five outlet words
// at o after which the call can end, or 0.
func outletEnd(t string, o int) int {
	var buf [5]int
	ends := capitalWords(t, o, isOutletRune, 0, buf[:])
	for n := len(ends); n > 0; n-- {
		if callEnd(t, ends[n-1]) {
			return ends[n-1]
		}
	}
	return 0
}

// commaOutletAt reads an outlet after a comma at e ("Lita Baldor, AP."):
// one to five capitalised words, up to the end of the call.
func commaOutletAt(t string, e int) (string, bool) {
	if e >= len(t) || t[e] != ',' {
		return "", false
	}
	q, ok := spaces(t, e+1)
	if !ok {
		return "", false
	}
	if end := outletEnd(t, q); end > 0 {
		return t[q:end], true
	}
	return "", false
}

// mayEndCall reports whether a call can end in the last limit bytes of
// text, trimmed, as callEnd ends one: at the end, after a word with a
// capital letter and an optional ".", "?" or "!"; or after such a word
// and a comma before "go", "your", "and" or "please"; or before "start".
// When it reports false, find finds no call in any end of text up to
// limit bytes long, and the sentence need not be looked for.
func mayEndCall(text string, limit int) bool {
	text = strings.TrimSpace(text)
	if len(text) > limit {
		text = text[len(text)-limit:]
	}
	e := len(text)
	for e > 0 && isSpace(text[e-1]) {
		e--
	}
	if e > 0 && (text[e-1] == '.' || text[e-1] == '?' || text[e-1] == '!') {
		e--
	}
	for e > 0 && isSpace(text[e-1]) {
		e--
	}
	if capitalBefore(text, e) {
		return true
	}
	for i := 0; ; i++ {
		k := strings.IndexByte(text[i:], ',')
		if k < 0 {
			break
		}
		i += k
		q := skipSpaces(text, i+1)
		if q == i+1 {
			continue
		}
		next := text[q:]
		if !strings.HasPrefix(next, "go") && !strings.HasPrefix(next, "your") && !strings.HasPrefix(next, "and") && !strings.HasPrefix(next, "please") {
			continue
		}
		p := i
		for p > 0 && isSpace(text[p-1]) {
			p--
		}
		if capitalBefore(text, p) {
			return true
		}
	}
	return hasStart(text)
}

// hasStart is strings.Contains(text, "start"). It reads eight places at
// a time for an "s" before a "t", and compares only there.
func hasStart(text string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+9 <= len(text); i += 8 {
		z := load64(text, i) ^ 's'*ones | load64(text, i+1) ^ 't'*ones // a zero byte where "st" starts
		// the high bit of each zero byte, and maybe of bytes above one
		for m := (z - ones) &^ z & highs; m != 0; m &= m - 1 {
			if strings.HasPrefix(text[i+bits.TrailingZeros64(m)>>3:], "start") {
				return true
			}
		}
	}
	return strings.Contains(text[i:], "start")
}

// capitalBefore reports whether the run of bytes other than white space
// that ends at e has a capital A to Z.
func capitalBefore(t string, e int) bool {
	for k := e - 1; k >= 0 && !isSpace(t[k]); k-- {
		if 'A' <= t[k] && t[k] <= 'Z' {
			return true
		}
	}
	return false
}

// callEnd reports whether the call can end at p: ", go ahead", ", your
// line is (now) open", " to start", ", and", ", please", or an optional
// ".", "?" or "!" with nothing but white space after it.
func callEnd(t string, p int) bool {
	if p < len(t) && t[p] == ',' {
		if q, ok := spaces(t, p+1); ok {
			for _, end := range [][]string{{"go", "ahead"}, {"your", "line", "is", "now", "open"}, {"your", "line", "is", "open"}} {
				if e, ok := phraseAt(t, q, end); ok && boundary(t, e) {
					return true
				}
			}
		}
	}
	if q, ok := spacedWord(t, p, "to"); ok {
		if q, ok = spacedWord(t, q, "start"); ok && boundary(t, q) {
			return true
		}
	}
	q := skipSpaces(t, p)
	if q < len(t) && t[q] == ',' {
		if r, ok := spaces(t, q+1); ok {
			for _, w := range []string{"and", "please"} {
				if e, ok := phraseAt(t, r, []string{w}); ok && boundary(t, e) {
					return true
				}
			}
		}
	}
	if q < len(t) && (t[q] == '.' || t[q] == '?' || t[q] == '!') {
		q = skipSpaces(t, q+1)
	}
	return q == len(t)
}

// phraseAt matches the words of a phrase at p, separated by white space,
// and returns the end. A phrase of no words matches the empty string.
func phraseAt(t string, p int, words []string) (int, bool) {
	for i, w := range words {
		if i > 0 {
			var ok bool
			if p, ok = spaces(t, p); !ok {
				return 0, false
			}
		}
		if !strings.HasPrefix(t[p:], w) {
			return 0, false
		}
		p += len(w)
	}
	return p, true
}

// spacedWord matches white space and then w at p, and returns the end.
func spacedWord(t string, p int, w string) (int, bool) {
	p, ok := spaces(t, p)
	if !ok || !strings.HasPrefix(t[p:], w) {
		return 0, false
	}
	return p + len(w), true
}

// spaces matches one or more white space characters at p and returns the
// end.
func spaces(t string, p int) (int, bool) {
	q := skipSpaces(t, p)
	return q, q > p
}

// skipSpaces returns the end of the run of white space at p.
func skipSpaces(t string, p int) int {
	for p < len(t) && isSpace(t[p]) {
		p++
	}
	return p
}

// isSpace reports white space as regular expressions' \s has it: ASCII
// space, tab, newline, form feed and carriage return.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// boundary reports whether p is at the start or end of an ASCII word
// (letters, digits and underscore), as \b is.
func boundary(t string, p int) bool {
	before := p > 0 && isWordByte(t[p-1])
	after := p < len(t) && isWordByte(t[p])
	return before != after
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// capitalWords matches up to len(buf) capitalised words (see capitalWord)
// separated by white space from p on, and returns the end of each in buf.
func capitalWords(t string, p int, in func(rune) bool, least int, buf []int) []int {
	n := 0
	for e := p; n < len(buf); n++ {
		if n > 0 {
			var ok bool
			if e, ok = spaces(t, e); !ok {
				break
			}
		}
		if e = capitalWord(t, e, in, least); e < 0 {
			break
		}
		buf[n] = e
	}
	return buf[:n]
}

// capitalWord matches a word at p: a capital A to Z and then at least
// least characters for which in is true, as many as there are. It returns
// the end, or -1.
func capitalWord(t string, p int, in func(rune) bool, least int) int {
	if p >= len(t) || t[p] < 'A' || t[p] > 'Z' {
		return -1
	}
	e, n := p+1, 0
	for e < len(t) {
		r, size := utf8.DecodeRuneInString(t[e:])
		if !in(r) {
			break
		}
		e += size
		n++
	}
	if n < least {
		return -1
	}
	return e
}

// isNameRune reports the characters of a name word after its capital.
func isNameRune(r rune) bool { return unicode.IsLetter(r) || r == '\'' || r == '’' || r == '-' }

// isOutletRune reports the characters of an outlet word after its capital.
func isOutletRune(r rune) bool { return isNameRune(r) || r == '.' || r == '&' }
