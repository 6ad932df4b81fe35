package read

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/turntag/turntag/lexicon"
)

// vocab is the lexicon as the reader uses it: titles and common words
// (through the embedded Lexicon), the word lists of lexicon/data/words.yaml,
// and the patterns built from them, once per Reader.
type vocab struct {
	*lexicon.Lexicon
	roleLabels      map[string]string // folded label -> the role it names
	longRoles       [][]string        // the folded labels of six or more bytes, by length, each sorted
	notLabel        map[string]bool   // first words of "Word ...:" lines that are not labels
	honorifics      map[string]bool
	particles       map[string]bool // may stand lower case inside a name
	connectors      map[string]bool // join role words
	suffixes        map[string]bool // after a surname: "Jr", "III"
	joiners         map[string]bool // join a title to the rest of it in a byline ("of", "the")
	titleConnectors map[string]bool // join two title words ("and", "of")
	keepCaps        map[string]bool // acronyms kept in capitals when a label is title-cased
	greetings       map[string]bool // first words of a line that opens speech
	firstPerson     map[string]bool
	numbered        map[string]bool // "Speaker" of "Speaker 1"
	numberWords     map[string]bool // "one", "two"
	outletFirst     map[string]bool // the first words of news outlets' names, by FoldKey
	outletAcronyms  map[string]bool // news outlets' names and aliases written as one acronym ("CCTV")
	months          dates
	dateKeys        []string       // front matter keys of the date, best first
	urlKeys         []string       // front matter keys of the URL, best first
	metaLine        *regexp.Regexp // a header line of metadata ("Last updated", "As delivered")
	metaFirst       [256]bool      // the first bytes a line metaLine matches can open with
	closing         *regexp.Regexp // a transcript's closing line ("END", "(The briefing concluded.)")
	html            htmlWords
	heads           *headMemory   // the classes of label heads read before, shared by the documents read
	bylines         *bylineMemory // the people of titles and header lines read before, likewise
}

// newVocab reads the word lists of lex and builds the patterns.
func newVocab(lex *lexicon.Lexicon) *vocab {
	v := &vocab{
		Lexicon:         lex,
		roleLabels:      lex.RoleLabels(),
		notLabel:        lex.Words(lexicon.NotLabelWords),
		honorifics:      lex.Words(lexicon.Honorifics),
		particles:       lex.Words(lexicon.NameParticles),
		connectors:      lex.Words(lexicon.RoleConnectors),
		suffixes:        lex.Words(lexicon.NameSuffixes),
		joiners:         lex.Words(lexicon.TitleJoiners),
		titleConnectors: lex.Words(lexicon.TitleConnectors),
		keepCaps:        lex.Words(lexicon.KeepCaps),
		greetings:       lex.Words(lexicon.Greetings),
		firstPerson:     lex.Words(lexicon.FirstPerson),
		numbered:        lex.Words(lexicon.NumberedSpeakerWords),
		numberWords:     lex.Words(lexicon.NumberWords),
		months:          dates(lex.Months()),
		dateKeys:        lex.WordList(lexicon.FrontMatterDateKeys),
		urlKeys:         lex.WordList(lexicon.FrontMatterURLKeys),
		metaLine:        regexp.MustCompile(`(?i)^(?:` + lex.WordPattern(lexicon.MetaPrefixes) + `)\b`),
		closing: regexp.MustCompile(`^(?i)(?:END\b.*|#\s*#\s*#|###|-\s*ends?\s*-|\(.*\b(?:` +
			lex.WordPattern(lexicon.ClosingWords) + `)\b.*\)\.?)$`),
	}
	v.metaFirst = firstBytes(lex.WordList(lexicon.MetaPrefixes))
	v.longRoles = rolesByLength(v.roleLabels)
	v.html = newHTMLWords(lex)
	v.heads, v.bylines = newHeadMemory(), newBylineMemory()
	v.keepCaps = acronyms(lex, v.keepCaps)
	v.outletFirst, v.outletAcronyms = outletWords(lex)
	return v
}

// rolesByLength returns the keys of roles of six or more bytes, at the
// index of their length, each list sorted: misspeltRole compares a label
// only with the keys one byte shorter, as long, or one longer.
func rolesByLength(roles map[string]string) [][]string {
	var out [][]string
	for k := range roles {
		if len(k) < 6 {
			continue
		}
		for len(out) <= len(k) {
			out = append(out, nil)
		}
		out[len(k)] = append(out[len(k)], k)
	}
	for _, ks := range out {
		slices.Sort(ks)
	}
	return out
}

// outletWords returns the first words (by FoldKey) of the names and
// aliases of the lexicon's news outlets (organisations of kind media), and
// those of the names and aliases that are one acronym.
func outletWords(lex *lexicon.Lexicon) (first, acronyms map[string]bool) {
	first, acronyms = map[string]bool{}, map[string]bool{}
	for _, e := range lex.Sorted(lexicon.Organisation) {
		if e.Kind != "media" {
			continue
		}
		for _, text := range append([]string{e.Name}, phraseTexts(e.Aliases)...) {
			ws := strings.Fields(text)
			if len(ws) == 0 {
				continue
			}
			first[lexicon.FoldKey(strings.TrimRight(ws[0], ".,"))] = true
			if len(ws) == 1 && isAcronym(text) {
				acronyms[text] = true
			}
		}
	}
	return first, acronyms
}

// phraseTexts returns the texts of phrases.
func phraseTexts(ps []lexicon.Phrase) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Text
	}
	return out
}

// acronyms adds to keep the one-word names and aliases of the lexicon's
// organisations and countries that are written in capitals (CNN, FEMA,
// OMB), so that title-casing an ALL-CAPS label keeps them ("FEMA
// Administrator", "CNN Chief International Anchor").
func acronyms(lex *lexicon.Lexicon, keep map[string]bool) map[string]bool {
	out := make(map[string]bool, len(keep))
	for w := range keep {
		out[w] = true
	}
	add := func(text string) {
		if len(text) >= 2 && !strings.ContainsAny(text, " .-") && !hasLower(text) && isAcronym(text) {
			out[text] = true
		}
	}
	for _, typ := range []lexicon.Type{lexicon.Organisation, lexicon.Country} {
		for _, e := range lex.Sorted(typ) {
			add(e.Name)
			for _, a := range e.Aliases {
				add(a.Text)
			}
		}
	}
	return out
}

// htmlWords are the HTML reader's word lists: class names, ARIA roles,
// meta names and title separators of common page layouts.
type htmlWords struct {
	hiddenClasses    map[string]bool
	chromeWords      map[string]bool
	modifierPrefixes []string
	chromeRoles      map[string]bool
	bodyClasses      map[string]bool
	publishedMetas   map[string]bool
	siteNameMetas    map[string]bool
	titleSeparators  []string
	siteWords        map[string]bool
	months           dates
}

func newHTMLWords(lex *lexicon.Lexicon) htmlWords {
	return htmlWords{
		hiddenClasses:    lex.Words(lexicon.HTMLHiddenClasses),
		chromeWords:      lex.Words(lexicon.HTMLChromeWords),
		modifierPrefixes: lex.WordList(lexicon.HTMLModifierPrefixes),
		chromeRoles:      lex.Words(lexicon.HTMLChromeRoles),
		bodyClasses:      lex.Words(lexicon.HTMLBodyClasses),
		publishedMetas:   lex.Words(lexicon.HTMLPublishedMetas),
		siteNameMetas:    lex.Words(lexicon.HTMLSiteNameMetas),
		titleSeparators:  lex.WordList(lexicon.HTMLTitleSeparators),
		siteWords:        lex.Words(lexicon.HTMLSiteWords),
		months:           dates(lex.Months()),
	}
}

// isOutlet reports whether text is, all of it, the name of a news outlet
// the lexicon knows (an organisation of kind media): "Reuters", "AFP",
// "China Central Television".
func (v *vocab) isOutlet(text string) bool {
	first := text
	if i := strings.IndexAny(text, " \t"); i > 0 {
		first = text[:i]
	}
	first = strings.TrimRight(first, ".,")
	var buf [64]byte
	key, ok := appendFoldKey(buf[:0], first)
	if ok && !v.outletFirst[string(key)] || !ok && !v.outletFirst[lexicon.FoldKey(first)] {
		return false // most labels start with no outlet's first word
	}
	if ms := v.Match(text); len(ms) == 1 {
		m := ms[0]
		if m.Start == 0 && m.End == len(text) && m.Role.IsMention() && m.Entry.Type == lexicon.Organisation && m.Entry.Kind == "media" {
			return true
		}
	}
	// an outlet's acronym alone: a label has no context for the alias's
	// rules to see ("CCTV:" needs "China" near it in running text)
	return isAcronym(text) && v.outletAcronyms[text]
}

// IsTitle is lexicon.Lexicon.IsTitle. A word in ASCII is looked up
// without allocating: a word of letters and digits by its lower case, any
// other by the key appendFoldKey writes on the stack.
func (v *vocab) IsTitle(word string) bool {
	if in, ok := lowerGet(v.Titles, word); ok {
		return in
	}
	var buf [64]byte
	if key, ok := appendFoldKey(buf[:0], word); ok {
		return v.Titles[string(key)]
	}
	return v.Lexicon.IsTitle(word)
}

// IsCommon is lexicon.Lexicon.IsCommon, looked up as IsTitle looks a
// word up.
func (v *vocab) IsCommon(word string) bool {
	if in, ok := lowerGet(v.CommonWords, word); ok {
		return in
	}
	var buf [64]byte
	if key, ok := appendFoldKey(buf[:0], word); ok {
		return v.CommonWords[string(key)]
	}
	return v.Lexicon.IsCommon(word)
}

// appendFoldKey appends lexicon.FoldKey(s) to dst for s in ASCII, as the
// lexicon's tokenizer reads it: runs of letters and digits in lower case,
// every other character but white space and '-' a token of its own (a
// backquote read as an apostrophe), the tokens joined by single spaces.
// It reports false, appending nothing, for s outside ASCII or empty, which
// FoldKey reads otherwise, and for s whose key might not fit in dst's
// room, so that a caller with a buffer on the stack looks the key up
// without allocating.
func appendFoldKey(dst []byte, s string) ([]byte, bool) {
	start := len(dst)
	if s == "" || 2*len(s) > cap(dst)-start {
		return dst, false
	}
	word := false // the last byte written ends a run of letters and digits
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return dst[:start], false
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z':
			if !word && len(dst) > start {
				dst = append(dst, ' ')
			}
			if c <= 'Z' && c >= 'A' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			word = true
			continue
		case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '-':
		default:
			if len(dst) > start {
				dst = append(dst, ' ')
			}
			if c == '`' {
				c = '\''
			}
			dst = append(dst, c)
		}
		word = false
	}
	return dst, true
}

// isMonth reports whether word, in lower case, names a month
// (lexicon.Lexicon.Months).
func (v *vocab) isMonth(word string) bool { return atLower(v.Months(), word) > 0 }

// lowerGet returns set's value for the lower case of word, a word of one
// to 32 ASCII letters and digits, and ok; for any other word ok is false.
// Lower-casing into a buffer on the stack and indexing the map with it as
// a string allocates nothing.
func lowerGet[V any](set map[string]V, word string) (val V, ok bool) {
	var buf [32]byte
	if word == "" || len(word) > len(buf) {
		return val, false
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		default:
			return val, false
		}
		buf[i] = c
	}
	return set[string(buf[:len(word)])], true
}

// atLower returns set[strings.ToLower(w)]. A word of at most 32 ASCII
// bytes is lower-cased into a buffer on the stack, and indexing the map
// with it as a string allocates nothing.
func atLower[V any](set map[string]V, w string) V {
	var buf [32]byte
	if len(w) <= len(buf) {
		n := 0
		for ; n < len(w); n++ {
			c := w[n]
			if c >= utf8.RuneSelf {
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[n] = c
		}
		if n == len(w) {
			return set[string(buf[:n])]
		}
	}
	return set[strings.ToLower(w)]
}

// isMetaLine is metaLine.MatchString(t), told without the pattern when
// the first byte of t opens none of the meta prefixes, as that of most
// lines does not.
func (v *vocab) isMetaLine(t string) bool {
	return (t == "" || v.metaFirst[t[0]]) && v.metaLine.MatchString(t)
}

// firstBytes returns the bytes a text can open with that a pattern of the
// words, as Lexicon.WordPattern writes it and matched regardless of case,
// matches at its start: the first byte of each character that the first
// character of a word folds to. A word with no first character opens any
// text, and a word whose first character is U+FFFD any byte that is not
// ASCII, as the pattern reads a byte that is not UTF-8 as U+FFFD.
func firstBytes(words []string) (t [256]bool) {
	for _, w := range words {
		w = strings.TrimLeftFunc(w, unicode.IsSpace)
		if w == "" {
			for c := range t {
				t[c] = true
			}
			return t
		}
		r, _ := utf8.DecodeRuneInString(w)
		if r == utf8.RuneError {
			for c := utf8.RuneSelf; c < len(t); c++ {
				t[c] = true
			}
		}
		f := r
		for {
			var buf [utf8.UTFMax]byte
			utf8.EncodeRune(buf[:], f)
			t[buf[0]] = true
			if f = unicode.SimpleFold(f); f == r {
				break
			}
		}
	}
	return t
}
