package tagger

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/turntag/turntag/lexicon"
)

// Doc is the state that runs forward through one document: the people named
// in full so far, so that a later surname resolves to them. Make one per
// document with NewDoc, and Release it when done; it is not safe for
// concurrent use.
type Doc struct {
	t           *Tagger
	known       map[string]bool         // names already added
	roles       map[string]string       // canonical name -> the title it was first introduced with
	*buffers                            // reused from turn to turn, and by the next Doc after Release
	byFirst     map[string][]*docPerson // first folded token -> people
	firstBits   uint64                  // the firstBit of every key of byFirst: most words are none, and need no lookup
	surnames    map[string]*docPerson   // folded surname -> person; nil when two people share it
	names       *nameFilter             // the Tagger's names and the keys of byFirst and surnames
	lexPeople   map[string]lexPerson    // name as written -> the lexicon person it names, looked up once per document
	home        *lexicon.Entry          // the country the document is set in, nil when unknown
	surnameOf   map[string]string       // canonical name -> its folded last word, "" for a name of one word (firstNameUse)
	skipMatches bool                    // Tag leaves Result.Matches nil (SkipMatches)
}

// SetHome says which country (a lexicon id) the document is set in: its
// own name there is where the speakers are, and counts for its topics as a
// weak cue only ("Russia's small businesses" at the Kremlin is not the
// Russia topic unless another cue says so).
func (d *Doc) SetHome(country string) { d.home = d.t.lex.Entry(country) }

// lexPerson is the lexicon person a name names, if any.
type lexPerson struct {
	name, id string
	ok       bool
}

type docPerson struct {
	name string
	id   string
	toks []string // folded tokens of the full name
}

// NewDoc starts a document. Its buffers come from a released Doc when
// there is one: call Release when the document is done.
func (t *Tagger) NewDoc() *Doc {
	b, _ := t.buffers.Get().(*buffers)
	if b == nil {
		b = &buffers{}
	}
	b.names = t.names // copied: the document's people add theirs
	if b.known == nil {
		b.known, b.roles, b.byFirst, b.surnames = map[string]bool{}, map[string]string{}, map[string][]*docPerson{}, map[string]*docPerson{}
		b.lexPeople, b.surnameOf = map[string]lexPerson{}, map[string]string{}
	}
	return &Doc{t: t, buffers: b, byFirst: b.byFirst, surnames: b.surnames, known: b.known, roles: b.roles,
		lexPeople: b.lexPeople, surnameOf: b.surnameOf, names: &b.names}
}

// buffers are a Doc's buffers that the next Doc may reuse.
type buffers struct {
	toks      []lexicon.Token // the turn's tokens
	text      lexicon.Text    // the turn's tokens made ready for matching
	covered   []bool
	nerPeople []bool          // tokens of the NER's people in the turn being vetted (personCores)
	mentions  []Mention       // the turn's mentions as they are found
	taken     []bool          // places: the tokens of lexicon matches and places
	spans     [][2]int        // places: the token span of each place
	key       []byte          // two folded words and a space between, to look up a cue
	matches   []lexicon.Match // the turn's lexicon matches, when the Doc keeps none (SkipMatches)
	placeMs   []lexicon.Match // the turn's places
	names     nameFilter      // Doc.names: the Tagger's, copied in by NewDoc
	scorer    scorer          // topic scoring's buffers, and the chains of the Tagger's lexicon's topics

	// the Doc's maps of what it learns, emptied by Release: a map
	// cleared keeps its room for the next document
	known     map[string]bool
	roles     map[string]string
	byFirst   map[string][]*docPerson
	surnames  map[string]*docPerson
	lexPeople map[string]lexPerson
	surnameOf map[string]string

	// the most tokens and mentions a turn has held since the buffers
	// were handed over: what Release clears, rather than their capacity,
	// which the longest turn of any document set
	toksUsed, mentionsUsed int
}

// Release hands the Doc's buffers to the next Doc the Tagger makes; the
// Doc must not be used afterwards. What Tag returned stays valid.
func (d *Doc) Release() {
	b := d.buffers
	if b == nil {
		return
	}
	d.buffers = nil
	clear(b.toks[:b.toksUsed]) // no hold on this document's text
	clear(b.mentions[:b.mentionsUsed])
	b.toks, b.mentions = b.toks[:0], b.mentions[:0]
	b.toksUsed, b.mentionsUsed = 0, 0
	b.text.Reset("", nil)
	clear(b.known) // no hold on this document's names
	clear(b.roles)
	clear(b.byFirst)
	clear(b.surnames)
	clear(b.lexPeople)
	clear(b.surnameOf)
	b.scorer.release()
	d.t.buffers.Put(b)
}

// SkipMatches says that the caller reads no Result.Matches: Tag leaves
// it nil from then on, and finds each turn's matches in a buffer that it
// reuses from one turn to the next.
func (d *Doc) SkipMatches() { d.skipMatches = true }

// AddPerson records a person named in full (a speaker, a name in the
// header) so that later surnames resolve to them. Names of one word are
// ignored.
func (d *Doc) AddPerson(name string) { d.addPerson(name, "") }

func (d *Doc) addPerson(name, id string) {
	if d.known[name] {
		return
	}
	d.known[name] = true
	toks := nameTokens(name)
	if len(toks) < 2 {
		return
	}
	for _, p := range d.byFirst[toks[0]] {
		if slices.Equal(p.toks, toks) { // words hold no spaces: the names joined by spaces are equal
			return
		}
	}
	p := &docPerson{name: name, id: id, toks: toks}
	d.byFirst[toks[0]] = append(d.byFirst[toks[0]], p)
	d.firstBits |= firstBit(toks[0])
	last := toks[len(toks)-1]
	d.names.add(toks[0])
	d.names.add(last)
	if old, ok := d.surnames[last]; ok && (old == nil || old.name != name) {
		d.surnames[last] = nil // two people share the surname: do not guess
		return
	}
	d.surnames[last] = p
}

// nameTokens folds a name into its word tokens, dropping punctuation, in
// a slice of their own: nil when there are none.
func nameTokens(name string) []string {
	var buf [8]string
	ws := appendNameTokens(buf[:0], name)
	if len(ws) == 0 {
		return nil
	}
	return slices.Clone(ws)
}

// appendNameTokens appends to dst the folded word tokens of a name, as
// nameTokens gives them: a caller that keeps none of them passes a buffer
// on its stack.
func appendNameTokens(dst []string, name string) []string {
	var buf [24]lexicon.Token // a name's tokens, most often without allocating
	for _, t := range lexicon.AppendTokens(buf[:0], name) {
		if t.Word {
			dst = append(dst, t.Norm)
		}
	}
	return dst
}

// lexPerson returns the lexicon person that name, all of it, names: from
// the Doc's names, else from the Tagger's (t.lexPerson).
func (d *Doc) lexPerson(name string) lexPerson {
	if p, ok := d.lexPeople[name]; ok {
		return p
	}
	p := d.t.lexPerson(name)
	if d.lexPeople == nil {
		d.lexPeople = map[string]lexPerson{}
	}
	d.lexPeople[name] = p
	return p
}

// maxLexPeople bounds the names a Tagger remembers the lexicon person of
// (Tagger.lexPerson).
const maxLexPeople = 1 << 14

// lexPerson returns the lexicon person that name, all of it, names. It
// remembers the answer, which depends on the lexicon alone, for the
// documents to come: the same speakers and people are named in one
// document after another. It remembers no more than maxLexPeople names,
// each a copy, so that it holds no document's text.
func (t *Tagger) lexPerson(name string) lexPerson {
	if p, ok := t.lexPeople.Get(name); ok {
		return p
	}
	var p lexPerson
	for _, m := range t.lex.Match(name) {
		if m.Entry != nil && m.Entry.Type == lexicon.Person && m.Role.IsMention() && m.End-m.Start >= len(strings.TrimSpace(name))-1 {
			p = lexPerson{m.Entry.Name, m.Entry.ID, true}
			break
		}
	}
	if !t.lexPeople.Full() {
		t.lexPeople.Put(strings.Clone(name), p)
	}
	return p
}

// Person resolves a name as written in a label or header ("Psaki",
// "Antony J. Blinken", "Biden") to a canonical full name: a lexicon person
// first, then a person named in full in this document whose surname or full
// name it is. ok is false when neither knows it.
func (d *Doc) Person(name string) (canonical, id string, ok bool) {
	if p := d.lexPerson(name); p.ok {
		return p.name, p.id, true
	}
	var buf [8]string
	toks := appendNameTokens(buf[:0], name)
	if len(toks) > 1 && initialsOnly(toks[:len(toks)-1]) {
		// "V.Putin", "S. Lavrov": the surname, if the initial agrees
		if c, id, ok := d.Person(toks[len(toks)-1]); ok && strings.HasPrefix(lexicon.FoldKey(c), toks[0]) {
			return c, id, true
		}
	}
	if len(toks) == 1 {
		if p := d.surnames[toks[0]]; p != nil {
			return p.name, p.id, true
		}
		for _, ps := range d.byFirst {
			for _, p := range ps {
				if p.toks[0] == toks[0] && len(ps) == 1 {
					return p.name, p.id, true
				}
			}
		}
		return "", "", false
	}
	if len(toks) > 1 {
		for _, p := range d.byFirst[toks[0]] {
			if p.toks[len(p.toks)-1] == toks[len(toks)-1] {
				return p.name, p.id, true
			}
		}
	}
	return "", "", false
}

// Entity returns the canonical name and id of a lexicon entity of the type
// that the whole of name matches ("The Sydney Morning Herald").
func (t *Tagger) Entity(name string, typ lexicon.Type) (canonical, id string, ok bool) {
	trimmed := strings.TrimSpace(name)
	for _, m := range t.lex.Match(trimmed) {
		if m.Entry != nil && m.Entry.Type == typ && m.Role.IsMention() && m.Start == 0 && m.End == len(trimmed) {
			return m.Entry.Name, m.Entry.ID, true
		}
	}
	return "", "", false
}

// knownPeople appends to out, outside lexicon matches, the full names and
// the surnames of people named earlier in the document. It looks at the
// capitalised words of d.text, which holds toks.
func (d *Doc) knownPeople(out []Mention, text string, toks []lexicon.Token, covered []bool) []Mention {
	next := 0 // the tokens before it are in a full name found
	for _, k := range d.text.Capitalised() {
		i := int(k)
		if i < next || covered[i] {
			continue
		}
		t := &toks[i]
		if !d.names.has(t.Norm) {
			// no one's surname or first name: fullAt finds nothing (the
			// first word of each person's name is in d.names), and none
			// of the tests below can hold
			continue
		}
		if d.firstBits&firstBit(t.Norm) == 0 {
			// no one's first name: fullAt finds nothing
		} else if p, n := d.fullAt(toks, covered, i); p != nil {
			out = append(out, d.personMention(text, toks[i].Start, toks[i+n-1].End, p, "full name named earlier in the document"))
			for k := i; k < i+n; k++ {
				covered[k] = true
			}
			next = i + n
			continue
		}
		if i+1 < len(toks) && toks[i+1].Word && !covered[i+1] && capitalised(toks[i+1].Text) {
			continue // part of a longer name: "Dylan White" vs "Dylan White Jr" is for the NER
		}
		if d.t.lex.IsCommonToken(*t) || d.t.lex.IsTitleToken(*t) {
			continue
		}
		if i > 0 && toks[i-1].Word && !covered[i-1] && capitalised(toks[i-1].Text) &&
			!d.t.lex.IsTitleToken(toks[i-1]) && !lexicon.SentenceStart(toks, i-1) {
			continue // another person's surname: "Hunter Biden" is not Joe Biden
		}
		vocative := i+1 < len(toks) && toks[i+1].Text == ","
		start := lexicon.SentenceStart(toks, i)
		if p := d.surnames[t.Norm]; p != nil && (!start || afterTitle(d.t.lex, toks, i)) {
			covered[i] = true
			out = append(out, d.personMention(text, t.Start, t.End, p, "surname of "+p.name+" named earlier in the document"))
			continue
		}
		// a title and the surname of exactly one lexicon person, or of the
		// one who holds that title: "Chairman Brown", "General Cavoli"
		if ps := d.t.surnames[t.Norm]; len(ps) > 0 && afterTitle(d.t.lex, toks, i) && (len(ps) == 1 || d.byTitle(toks, i, nil) != nil) {
			covered[i] = true
			e := ps[0]
			if len(ps) > 1 {
				e = d.byTitle(toks, i, nil) // "Governor Abbott": the one governor among the Abbotts
			}
			d.addPerson(e.Name, e.ID)
			out = append(out, Mention{Start: t.Start, End: t.End, Text: text[t.Start:t.End], Type: lexicon.Person,
				Canonical: e.Name, ID: e.ID, Origin: FromLexicon, Rule: "title and surname of " + e.Name + " (" + e.File + ")"})
			continue
		}
		// a first name alone: "Thanks, Jen." "Jen, on gas prices"
		if p := d.firstName(t.Norm); p != nil && (!start || vocative) && !afterTitle(d.t.lex, toks, i) {
			covered[i] = true
			out = append(out, d.personMention(text, t.Start, t.End, p, "first name of "+p.name+" named earlier in the document"))
		}
	}
	return out
}

func (d *Doc) personMention(text string, start, end int, p *docPerson, rule string) Mention {
	return Mention{Start: start, End: end, Text: text[start:end], Type: lexicon.Person,
		Canonical: p.name, ID: p.id, Origin: FromSpeaker, Rule: rule}
}

// nameFilter is a Bloom filter of words: has is false for a word never
// added.
type nameFilter [1 << 16 / 64]uint64

// add adds word w.
func (f *nameFilter) add(w string) {
	k := nameBit(w)
	f[k/64] |= 1 << (k % 64)
}

// has reports whether w may have been added: false means it was not.
func (f *nameFilter) has(w string) bool {
	k := nameBit(w)
	return f[k/64]&(1<<(k%64)) != 0
}

// nameBit is a word's bit in a nameFilter, from its length and four of its
// bytes.
func nameBit(w string) uint {
	n := len(w)
	if n == 0 {
		return 0
	}
	h := uint64(n) | uint64(w[0])<<8 | uint64(w[n-1])<<16 | uint64(w[n/2])<<24 | uint64(w[n/3])<<32
	return uint((h * 0x9e3779b97f4a7c15) >> 48)
}

// firstBit is a word's bit in Doc.firstBits, by its length and its first
// and last bytes; w is not empty.
func firstBit(w string) uint64 {
	return 1 << ((uint(len(w))*31 + uint(w[0])*7 + uint(w[len(w)-1])) % 64)
}

// fullAt returns the document person whose full name starts at token i.
func (d *Doc) fullAt(toks []lexicon.Token, covered []bool, i int) (*docPerson, int) {
	if d.firstBits&firstBit(toks[i].Norm) == 0 {
		return nil, 0 // no one's first name
	}
	for _, p := range d.byFirst[toks[i].Norm] {
		k, n := i, 0
		for ; k < len(toks) && n < len(p.toks); k++ {
			if !toks[k].Word {
				if toks[k].Text == "." {
					continue // initials: "Antony J. Blinken"
				}
				break
			}
			if covered[k] || toks[k].Norm != p.toks[n] {
				break
			}
			n++
		}
		if n == len(p.toks) {
			return p, k - i
		}
	}
	return nil, 0
}

// afterTitle reports whether token i follows a title or honorific
// ("Mr. Johnsen", "Minister Kuleba").
func afterTitle(lex *lexicon.Lexicon, toks []lexicon.Token, i int) bool {
	j := i - 1
	if j >= 0 && toks[j].Text == "." {
		j--
	}
	return j >= 0 && toks[j].Word && lex.IsTitleToken(toks[j])
}

// firstName returns the one person named so far whose first name this is,
// or nil when none or several are.
func (d *Doc) firstName(w string) *docPerson {
	ps := d.byFirst[w]
	if len(ps) == 0 {
		// a short form: "Matt" for Matthew Miller
		n := 0
		for _, full := range d.t.lex.Nicknames[w] {
			if fs := d.byFirst[full]; len(fs) > 0 {
				n += len(fs)
				ps = fs
			}
		}
		if n != 1 {
			return nil
		}
	}
	if len(ps) != 1 || len(ps[0].toks) < 2 {
		return nil
	}
	return ps[0]
}

// allUpper is Token.IsUpper without allocating for ASCII text: whether the
// token has letters and all are upper case.
func allUpper(t *lexicon.Token) bool {
	if !t.Word || t.Text == t.Norm {
		return false
	}
	lower := false
	for i := 0; i < len(t.Text); i++ {
		c := t.Text[i]
		if c >= utf8.RuneSelf {
			return t.IsUpper()
		}
		lower = lower || 'a' <= c && c <= 'z'
	}
	return !lower
}

// capitalised is Token.IsCapitalised for a token's text, without decoding
// an ASCII letter: whether it starts with an upper-case letter.
func capitalised(text string) bool {
	if text != "" && text[0] < utf8.RuneSelf {
		return text[0]-'A' <= 'Z'-'A'
	}
	return startsUpper(text)
}

// startsUpper is capitalised for a text that does not start with an
// ASCII byte, apart so that capitalised is inlined.
func startsUpper(text string) bool {
	r, _ := utf8.DecodeRuneInString(text)
	return unicode.IsUpper(r)
}

// Role returns the title a person was introduced with in the document so
// far ("National Security Advisor" from "National Security Advisor Jake
// Sullivan"), or "".
func (d *Doc) Role(name string) string { return d.roles[name] }

// noteRoles records, for people not yet seen with one, the run of title
// words right before their mention.
func (d *Doc) noteRoles(text string, toks []lexicon.Token, ms []Mention) {
	for n := range ms {
		m := &ms[n] // not a copy of each mention
		if m.Type != lexicon.Person || d.roles[m.Canonical] != "" {
			continue
		}
		i := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= m.Start })
		if title := d.t.TitleBefore(text, toks, i); title != "" {
			d.roles[m.Canonical] = title
		}
	}
}

// TitleBefore returns the run of capitalised title words that ends right
// before token i of text ("National Security Advisor", "Minister of
// Defence", "Maj. Gen."), or "": the title a person is introduced with.
func (t *Tagger) TitleBefore(text string, toks []lexicon.Token, i int) string {
	j, titles := i, 0
	for j > 0 {
		tk := toks[j-1]
		if tk.Text == "." && j > 1 && toks[j-2].Word {
			j-- // "Maj. Gen."
			continue
		}
		if t.titleConnectors[tk.Norm] && titles > 0 && j > 1 && toks[j-2].Word && t.lex.IsTitleToken(toks[j-2]) {
			j-- // "High Representative and Vice-President", "Minister of Defence"
			continue
		}
		if !tk.Word || !tk.IsCapitalised() || lexicon.SentenceStart(toks, j-1) && !t.lex.IsTitleToken(tk) {
			break
		}
		if t.lex.IsTitleToken(tk) {
			titles++
		} else if !allUpper(&tk) && !t.lex.IsTitleToken(toks[j]) {
			break // a capitalised word that is not part of a title
		}
		j--
	}
	for j < i && !toks[j].Word {
		j++
	}
	if titles == 0 || j >= i {
		return ""
	}
	return text[toks[j].Start:toks[i-1].End]
}

// initialsOnly reports whether every token is a single letter.
func initialsOnly(toks []string) bool {
	for _, t := range toks {
		if len([]rune(t)) != 1 {
			return false
		}
	}
	return true
}
