package speakers

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline/read"
)

// intro is how the turns before the current one introduce a person: the
// full name and the title words right before it.
type intro struct {
	name, title string
}

// maxIntroTurns bounds how many earlier turns a name is looked up in.
const maxIntroTurns = 400

// introduced looks a name up in the text of the turns before the current
// one and registers what it finds. A surname gives the full name it was
// introduced with ("Sullivan" in "National Security Advisor Jake
// Sullivan" gives "Jake Sullivan"); a full name gives the title before it
// ("National Security Advisor"). The first introduction wins; a name is
// looked up once per document.
func (s *speakers) introduced(name string) intro {
	if in, ok := s.intros[name]; ok {
		return in
	}
	want := s.scratch().tokens(name)
	in := s.introFor(want)
	if s.intros == nil {
		s.intros = s.scratch().intros
		if s.intros == nil {
			s.intros = map[string]intro{}
		}
	}
	s.intros[name] = in
	if in.name != "" && len(want) == 1 {
		s.addPerson(in.name)
	}
	return in
}

// introFor finds the first introduction of a name (its tokens) in the
// turns before the current one, up to maxIntroTurns of them. A turn whose
// text cannot hold the name's first word is passed over untokenised.
//
// Where the text is searched without tokens first, it is tokenised up to
// a little past the first place that may introduce the name, then up to
// a little past the next such place while the introduction is not there,
// and all of it only when the tokens so far end within the name's words
// at that place: the tokens before a space are those of the whole text,
// the first introduction among them is the first in the whole text, and
// an introduction starts at a place that may introduce the name.
func (s *speakers) introFor(want []lexicon.Token) intro {
	span := 16 // the bytes a name may take in the text: its words, and room for the space between them
	for _, w := range want {
		span += 2 * len(w.Text)
	}
	for j := max(0, s.turn-maxIntroTurns); j < s.turn; j++ {
		text := s.doc.TurnTextAt(j)
		if len(want) == 0 || !want[0].Word || s.wideWords(j) {
			if in := s.introIn(text, s.turnTokens(j, len(text)), want, 0); in.name != "" {
				return in
			}
			continue
		}
		for p := s.mayIntroduce(text, want, 0); p >= 0; p = s.mayIntroduce(text, want, p+1) {
			// no introduction starts before p: not before the first place,
			// and not at the places before, whose words the tokens held
			toks := s.turnTokens(j, spaceFrom(text, p+span))
			k := tokenFrom(toks, p)
			if in := s.introIn(text, toks, want, k); in.name != "" {
				return in
			}
			if s.cuts[j] == len(text) {
				break // all of the text from p on was searched
			}
			if len(toks)-k < len(want) {
				if in := s.introIn(text, s.turnTokens(j, len(text)), want, k); in.name != "" {
					return in
				}
				break
			}
		}
	}
	return intro{}
}

// tokenFrom returns the index of the first of toks that starts at p or
// after it, or len(toks); it reads toks from the end.
func tokenFrom(toks []lexicon.Token, p int) int {
	k := len(toks)
	for k > 0 && toks[k-1].Start >= p {
		k--
	}
	return k
}

// spaceFrom returns the first ASCII space or line break in text at or
// after i, or len(text): a token of text ends before it.
func spaceFrom(text string, i int) int {
	for ; i < len(text); i++ {
		if c := text[i]; c == ' ' || c == '\n' {
			return i
		}
	}
	return len(text)
}

// turnTokens returns the tokens of turn j's text up to cut, at least,
// where cut is the text's length or the place of a space or line break;
// they are kept for the document, and made again only for a later cut.
func (s *speakers) turnTokens(j, cut int) []lexicon.Token {
	sc := s.scratch()
	if s.toks == nil {
		sc.perTurn(len(s.doc.Turns), true)
		s.toks, s.cuts = sc.toks, sc.cuts
	}
	if s.toks[j] == nil || s.cuts[j] < cut {
		s.toks[j] = sc.tokens(s.doc.TurnTextAt(j)[:cut])
		s.cuts[j] = cut
	}
	return s.toks[j]
}

// wideWords reports whether turn j's text has a word with a letter, digit
// or mark beyond ASCII, whose token may fold to an ASCII word ("Pérez" is
// "perez"); it is read once per document.
func (s *speakers) wideWords(j int) bool {
	if s.wide == nil {
		sc := s.scratch()
		sc.perTurn(len(s.doc.Turns), false)
		s.wide = sc.wide
	}
	if s.wide[j] == 0 {
		s.wide[j] = -1
		if hasWideWord(s.doc.TurnTextAt(j)) {
			s.wide[j] = 1
		}
	}
	return s.wide[j] > 0
}

// hasWideWord reports whether text has a non-ASCII letter, digit or
// combining mark: the characters of a word token that is not plain ASCII.
func hasWideWord(text string) bool {
	for i := 0; i < len(text); {
		for i+16 <= len(text) && (load64(text, i)|load64(text, i+8))&0x8080808080808080 == 0 {
			i += 16 // sixteen ASCII bytes
		}
		for i+8 <= len(text) && load64(text, i)&0x8080808080808080 == 0 {
			i += 8 // eight ASCII bytes
		}
		if i == len(text) {
			break
		}
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		if text[i] == 0xE2 && i+2 < len(text) && (text[i+1] == 0x80 || text[i+1] == 0x81 && text[i+2] < 0xB0) && text[i+2]&0xC0 == 0x80 {
			i += 3 // U+2000 to U+206F, spaces and punctuation (quotes, dashes, ellipses): no letter, digit or mark
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			return true
		}
		i += size
	}
	return false
}

// mayIntroduce returns where text, which has no word beyond ASCII, may
// first introduce the name whose tokens are want, as introIn looks for
// it, or -1: the name's first word capitalised, as a word of its own,
// followed by its second word; for a one-word name, after a name word
// ("Jake Sullivan" for "Sullivan", not "Admiral Kirby" for "Kirby") and
// white space only. Where it may, it returns the start of the first
// word; it looks at places from on.
func (s *speakers) mayIntroduce(text string, want []lexicon.Token, from int) int {
	first := want[0].Norm
	if first == "" || first[0] < 'a' || first[0] > 'z' {
		return -1 // no ASCII word of text is it, capitalised
	}
	capital := first[0] - 'a' + 'A'
	for i := from; ; {
		k := strings.IndexByte(text[i:], capital)
		if k < 0 {
			return -1
		}
		p, e := i+k, i+k+len(first)
		i = p + 1
		if e > len(text) || !equalFoldASCII(text[p:e], first) || p > 0 && isAlnum(text[p-1]) || e < len(text) && isAlnum(text[e]) {
			continue
		}
		if len(want) > 1 {
			if mayFollow(text, e, want[1]) {
				return p
			}
			continue
		}
		q := p // the start of the white space before the word
		for q > 0 && isSpace(text[q-1]) || q > 0 && text[q-1] == '\v' {
			q--
		}
		if q > 0 && text[q-1] >= utf8.RuneSelf {
			return p // white space beyond ASCII may come before it
		}
		if q < p && q > 0 && isAlnum(text[q-1]) {
			w := q - 1 // the start of the word before: a token, as no word goes beyond ASCII
			for w > 0 && isAlnum(text[w-1]) {
				w--
			}
			if s.nameWord(asciiWord(text[w:q])) {
				return p
			}
		}
	}
}

// mayFollow reports whether the token after e in text, which has no word
// beyond ASCII, can be next, a name's next token.
func mayFollow(text string, e int, next lexicon.Token) bool {
	q := e // where the token after e starts: past what the tokeniser passes over
	for q < len(text) && (isSpace(text[q]) || text[q] == '\v' || text[q] == '-') {
		q++
	}
	if !next.Word || q < len(text) && text[q] >= utf8.RuneSelf {
		return true // punctuation, or a dash or space beyond ASCII that may be passed over
	}
	end := q + len(next.Norm)
	return end <= len(text) && equalFoldASCII(text[q:end], next.Norm) && (end == len(text) || !isAlnum(text[end]))
}

// asciiWord is the token of word, a run of ASCII letters and digits.
func asciiWord(word string) lexicon.Token {
	return lexicon.Token{End: len(word), Text: word, Norm: strings.ToLower(word), Word: true}
}

// equalFoldASCII reports whether a, in any ASCII case, is lower, which is
// lower case and as long as a.
func equalFoldASCII(a, lower string) bool {
	for k := 0; k < len(a); k++ {
		if lowerASCII(a[k]) != lower[k] {
			return false
		}
	}
	return true
}

// lowerASCII lower-cases an ASCII capital and keeps any other byte.
func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// introIn finds name (its tokens) in text (toks) from token from on,
// capitalised as a name is, with a first name before it when name is one
// word, and the run of title words before that.
func (s *speakers) introIn(text string, toks, want []lexicon.Token, from int) intro {
	for i := from; i+len(want) <= len(toks); i++ {
		if !sameWords(toks[i:i+len(want)], want) || !toks[i].IsCapitalised() {
			continue
		}
		start, end := i, i+len(want)
		if len(want) == 1 {
			// a first name (and a middle initial) before the surname
			// joined by spaces only: "Mayor Nir- — Nirenberg" is a false start
			for start > 0 && start > i-3 && s.nameWord(toks[start-1]) && strings.TrimSpace(text[toks[start-1].End:toks[start].Start]) == "" {
				start--
			}
			if start == i {
				continue
			}
		}
		full := strings.Join(strings.Fields(text[toks[start].Start:toks[end-1].End]), " ")
		if !read.PlausibleName(full, s.lex) {
			continue
		}
		return intro{name: full, title: s.tg.TitleBefore(text, toks, start)}
	}
	return intro{}
}

// sameWords reports whether two token runs have the same folded words.
func sameWords(a, b []lexicon.Token) bool {
	for k := range b {
		if a[k].Norm != b[k].Norm {
			return false
		}
	}
	return true
}

// nameWord reports a capitalised word that is neither a title nor a
// common word, or an initial ("J", "J.").
func (s *speakers) nameWord(t lexicon.Token) bool {
	return t.Word && t.IsCapitalised() && !s.lex.IsTitleToken(t) && !s.lex.IsCommonToken(t)
}

// load64 returns the eight bytes of s at i as a little-endian number, in
// one load.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
