package lexicon

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

type caseMode int

const (
	caseAuto caseMode = iota
	caseExact
	caseAny
)

func parseCase(s string) (caseMode, error) {
	switch s {
	case "", "auto":
		return caseAuto, nil
	case "exact":
		return caseExact, nil
	case "any":
		return caseAny, nil
	}
	return 0, fmt.Errorf("%w: case %q (want auto, exact or any)", ErrInvalid, s)
}

// compiled is a phrase ready for matching.
type compiled struct {
	phrase   *Phrase
	entry    *Entry
	topic    *Topic
	role     Role
	variant  string    // the spelling variant compiled, "" for the phrase as written
	ruleOnce sync.Once // rule is described once, on first use
	rule     string
	key      string   // norm tokens joined by spaces
	toks     []string // folded tokens, case kept
	norm     []string // folded tokens in lower case
	// for caseAuto: which toks are in lower case (any case matches), and
	// the others in upper case (a capitalised word matches as written or
	// so); "" for a lower-case tok, which caseOK passes without it
	lowerToks []bool
	upperToks []string
	prefix    bool // the last token is a prefix (phrase ended in *)
	mode      caseMode

	notInName bool // Phrase.NotInName
	capital   bool // the phrase has a capital letter: a name, not a common word

	near, notNear, notBefore, notAfter []*compiled

	hash0 uint64 // of a context phrase: hashWord of its first word (freeze)
}

type node struct {
	next     map[string]*node
	kids     []*node // the values of next in the order they were added, for builds that number nodes and words the same every time
	word     string  // the key of the node in its parent's next
	ends     []int
	prefixes map[uint32][]prefixEnd // by prefixKey of the prefix
	short    []prefixEnd            // prefixes shorter than prefixKeyLen
	first2   *[1 << 16 / 64]uint64  // bit set of the first two bytes of the prefixes: most words need no map lookup
	first3   *[1 << 16 / 64]uint64  // bit set of a hash of prefixKey of the prefixes: most of the rest need none either
}

// mayPrefix reports whether a word's first two bytes start any prefix of
// the node.
func (n *node) mayPrefix(w string) bool {
	if len(w) < 2 {
		return false
	}
	k := uint(w[0])<<8 | uint(w[1])
	return n.first2[k/64]&(1<<(k%64)) != 0
}

// mayPrefixKey reports whether a word's prefixKey, not 0, may be that of
// a prefix of the node: mayPrefix's test on a third byte.
func (n *node) mayPrefixKey(key uint32) bool {
	k := first3Bit(key)
	return n.first3[k/64]&(1<<(k%64)) != 0
}

// first3Bit is the bit of a prefixKey in node.first3.
func first3Bit(key uint32) uint {
	return uint(key*0x9e3779b1) >> 16
}

// prefixKeyLen is how many leading bytes index wildcard prefixes.
const prefixKeyLen = 3

// prefixKey is the index key of a word or prefix: its first prefixKeyLen
// bytes as a number, or 0 when it is shorter (a word has no zero byte).
func prefixKey(w string) uint32 {
	if len(w) < prefixKeyLen {
		return 0
	}
	return uint32(w[0])<<16 | uint32(w[1])<<8 | uint32(w[2])
}

type prefixEnd struct {
	pre string
	id  int
}

type matcher struct {
	root    *node
	phrases []*compiled
	names   nameWords
	punct   bool // some phrase starts with a token that is not a word: punctuation may start a match
	// phrases that may start at a word without a capital: the first words
	// of those that do by their first word (the gazetteer's "the Bronx",
	// "9/11"), or any word when one starts with a wildcard or any case
	// (the lowercase cues of topics)
	lowerFirst map[string]bool
	lowerAny   bool

	ctxs []*compiled // the context phrases, each once
	trie *trie       // the trie by word id, for matching (freeze)
}

// maxLowerFirst is how many first words of phrases that may start without
// a capital a matcher keeps apart; with more, it tries every word.
const maxLowerFirst = 64

// nameWords are the word lists that tell whether a word beside a phrase
// is part of a longer name (scan.inName). The maps are the lexicon's own,
// read only.
type nameWords struct {
	titles, common, orgWords map[string]bool // by FoldKey: the titles, common_words and org_words lists
	connectors               map[string]bool // lower case: the title_connectors list ("of" in "King of Jordan")
}

// Compile builds the matcher from the lexicon's entries and topics. Call it
// after the last AddFile and before Match; it returns the problems that make
// a phrase unusable (an empty phrase, an unknown case).
func (l *Lexicon) Compile() error {
	err := l.compile()
	if l.compiled != nil {
		ms := []*matcher{l.compiled}
		for _, p := range l.passes {
			ms = append(ms, p.compiled)
		}
		v := newVocab(ms...) // shared, so that a text's word ids serve every pass
		for _, m := range ms {
			m.freeze(v)
		}
		l.marks = newStartMarks(l)
	}
	return err
}

// compile builds the matcher and the passes, not yet frozen: Compile
// numbers their words together.
func (l *Lexicon) compile() error {
	m := &matcher{root: &node{}, names: nameWords{
		titles: l.Titles, common: l.CommonWords, orgWords: l.OrgWords,
		connectors: l.Words(TitleConnectors),
	}}
	x := newContextExpander(l)
	ctxs := map[string]*compiled{} // context phrase -> compiled, shared by every phrase that uses it
	var probs Problems
	add := func(p *Phrase, e *Entry, t *Topic, role Role) {
		for _, err := range m.add(p, e, t, role, x, ctxs) {
			var le *Error
			if !errors.As(err, &le) {
				le = &Error{File: p.File, Line: p.Line, Err: err}
			}
			probs = append(probs, le)
		}
	}
	for _, e := range l.Entries {
		for _, p := range implicitAliases(e) {
			add(p, e, nil, RoleAlias)
		}
		for i := range e.Aliases {
			add(&e.Aliases[i], e, nil, RoleAlias)
		}
		for i := range e.Demonyms {
			add(&e.Demonyms[i], e, nil, RoleDemonym)
		}
		for i := range e.Capitals {
			add(&e.Capitals[i], e, nil, RoleCapital)
		}
	}
	for _, t := range l.mainTopics() { // the other selected taxonomies: compilePasses
		for i := range t.Cues {
			add(&t.Cues[i], nil, t, RoleCue)
		}
	}
	if len(probs) > 0 {
		probs.sort()
		return probs
	}
	l.compiled = m
	return l.compilePasses()
}

// implicitAliases returns the entry's name and official name as aliases,
// unless an explicit alias has the same text (and so carries its rules).
func implicitAliases(e *Entry) []*Phrase {
	var out []*Phrase
	seen := map[string]bool{}
	for _, a := range e.Aliases {
		seen[a.Text] = true
	}
	for _, s := range []string{e.Name, e.Official} {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, &Phrase{Text: s, File: e.File, Line: e.Line})
		}
	}
	return out
}

// add compiles a phrase with its spelling variants and context lists
// ("@id" references expanded by x) into the matcher.
func (m *matcher) add(p *Phrase, e *Entry, t *Topic, role Role, x *contextExpander, ctxs map[string]*compiled) []error {
	mode, err := parseCase(p.Case)
	if err != nil {
		return []error{err}
	}
	if p.NotInName && mode == caseExact && lower(p.Text) == p.Text {
		return []error{fmt.Errorf("%w: phrase %q: not_in_name with case exact on a lowercase phrase: it matches only lowercase words, which are never inside a name", ErrInvalid, p.Text)}
	}
	texts := []string{p.Text}
	if lower(p.Text) == p.Text && (role == RoleCue || role == RoleCapital) {
		texts = append(texts, spellingVariants(p.Text)...)
	}
	var errs []error
	lists := [4][]string{p.Near, p.NotNear, p.NotBefore, p.NotAfter}
	for i, list := range lists {
		var es []error
		lists[i], es = x.expand(list, p.File, p.refLine)
		errs = append(errs, es...)
	}
	for i, text := range texts {
		cp, err := compilePhrase(text, mode)
		if err != nil {
			return []error{err}
		}
		variant := ""
		if i > 0 {
			variant = text
		}
		cp.phrase, cp.entry, cp.topic, cp.role = p, e, t, role
		cp.notInName = p.NotInName
		cp.variant = variant // the rule's text is made when a match first asks for it (Match.Rule)
		for _, ctx := range []struct {
			src []string
			dst *[]*compiled
		}{{lists[0], &cp.near}, {lists[1], &cp.notNear}, {lists[2], &cp.notBefore}, {lists[3], &cp.notAfter}} {
			for _, s := range ctx.src {
				c, ok := ctxs[s]
				if !ok {
					var err error
					if c, err = compilePhrase(s, caseAuto); err != nil {
						if i == 0 { // once, not once per spelling variant
							errs = append(errs, fmt.Errorf("context %q of %q: %w", s, p.Text, err))
						}
						continue
					}
					ctxs[s] = c
					m.ctxs = append(m.ctxs, c)
				}
				*ctx.dst = append(*ctx.dst, c)
			}
		}
		m.insert(cp)
	}
	return errs
}

// compilePhrase tokenises a phrase; a trailing * makes its last word a
// prefix.
func compilePhrase(text string, mode caseMode) (*compiled, error) {
	s := strings.TrimSpace(text)
	prefix := strings.HasSuffix(s, "*")
	s = strings.TrimSuffix(s, "*")
	toks := Tokenize(s)
	if len(toks) == 0 {
		return nil, fmt.Errorf("%w: phrase %q has no words", ErrInvalid, text)
	}
	if prefix && !toks[len(toks)-1].Word {
		return nil, fmt.Errorf("%w: phrase %q: * must follow a word", ErrInvalid, text)
	}
	cp := &compiled{prefix: prefix, mode: mode,
		toks: make([]string, 0, len(toks)), norm: make([]string, 0, len(toks)),
		lowerToks: make([]bool, 0, len(toks)), upperToks: make([]string, 0, len(toks))}
	for _, t := range toks {
		cp.toks = append(cp.toks, t.Text)
		cp.norm = append(cp.norm, t.Norm)
		low, upper := isLower(t.Text), ""
		if !low {
			upper = strings.ToUpper(t.Text)
		}
		cp.lowerToks = append(cp.lowerToks, low)
		cp.upperToks = append(cp.upperToks, upper)
		cp.capital = cp.capital || t.Text != t.Norm
	}
	cp.key = strings.Join(cp.norm, " ")
	if prefix {
		cp.key += "*"
	}
	return cp, nil
}

func (m *matcher) insert(cp *compiled) {
	id := len(m.phrases)
	m.phrases = append(m.phrases, cp)
	n := m.root
	path := cp.norm
	if cp.prefix {
		path = path[:len(path)-1]
	}
	if len(path) > 0 {
		if r, _ := utf8.DecodeRuneInString(path[0]); !isWordRune(r) {
			m.punct = true
		}
	}
	// a phrase that starts with a capital, with its case rule, matches only
	// text that does: "Texas" matches "Texas" and "TEXAS", never "texas"
	if r, _ := utf8.DecodeRuneInString(cp.toks[0]); cp.mode == caseAny || !unicode.IsUpper(r) {
		if cp.prefix && len(cp.norm) == 1 || len(m.lowerFirst) >= maxLowerFirst {
			m.lowerAny = true
		} else {
			if m.lowerFirst == nil {
				m.lowerFirst = map[string]bool{}
			}
			m.lowerFirst[cp.norm[0]] = true
		}
	}
	for _, w := range path {
		if n.next == nil {
			n.next = map[string]*node{}
		}
		c := n.next[w]
		if c == nil {
			c = &node{word: w}
			n.next[w] = c
			n.kids = append(n.kids, c)
		}
		n = c
	}
	if cp.prefix {
		pre := cp.norm[len(cp.norm)-1]
		if len(pre) < prefixKeyLen {
			n.short = append(n.short, prefixEnd{pre: pre, id: id})
			return
		}
		if n.prefixes == nil {
			n.prefixes = map[uint32][]prefixEnd{}
			n.first2 = new([1 << 16 / 64]uint64)
			n.first3 = new([1 << 16 / 64]uint64)
		}
		n.prefixes[prefixKey(pre)] = append(n.prefixes[prefixKey(pre)], prefixEnd{pre: pre, id: id})
		k := uint(pre[0])<<8 | uint(pre[1])
		n.first2[k/64] |= 1 << (k % 64)
		k = first3Bit(prefixKey(pre))
		n.first3[k/64] |= 1 << (k % 64)
		return
	}
	n.ends = append(n.ends, id)
}
