package speakers

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline/read"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/tagger"
)

// speakers resolves the byline and every turn's speaker of one document.
// Full names go into reg, a name registry of its own, so that later
// surnames resolve to them; it never tags text.
type speakers struct {
	lex        *lexicon.Lexicon
	tg         *tagger.Tagger
	reg        *tagger.Doc
	ppl        *people                      // the lexicon's people by surname and office
	w          *words                       // the lexicon's word lists
	callees    *callees                     // calls checked against the lexicon, shared by documents; nil for none
	doc        *transcript.Document         // the document being resolved
	turn       int                          // the turn being resolved: texts before it are known
	country    string                       // country id the document is set in, "" when unknown
	date       string                       // the document's date (ISO 8601)
	byline     []transcript.Speaker         // the document's byline, names completed
	fixed      map[string]int32             // labels resolved for good, by their words: 1 + the index in fixedList of the last with those words
	fixedList  []fixedLabel                 // the labels resolved to a full name, or questioners' and parts' labels, and their speakers: they stay so
	intros     map[string]intro             // names looked up in the text, and what was found
	toks       [][]lexicon.Token            // each turn's tokens up to cuts, made when a name is first looked up in it
	cuts       []int                        // per turn: how much of its text toks has the tokens of
	wide       []int8                       // per turn: 1 when its text has non-ASCII word characters, -1 when not, 0 before it is read
	sentence   []lexicon.Token              // the tokens of the paragraph lastSentence reads, reused
	holders    map[holderKey]*lexicon.Entry // office holders looked up in this document
	roles      *roles                       // roles cleaned by cleanRole, and how, shared by documents
	recent     [8]recentRole                // the last roles cleaned, which cleanRole reads first
	nextRecent int                          // the place in recent of the next role cleaned
	byRoles    map[string]roleHolder        // the byline people byRole found for roles
	sc         *scratch                     // memory kept from documents resolved before, taken when first needed
	persons    map[string]personAnswer      // what reg answered for names, while gen is the same
	added      map[string]bool              // the names added to reg
	gen        int                          // how many names were added to reg
	nameAt     map[string]int32             // settle's places of the speakers' names in roleOf
	roleOf     []string                     // settle's role of each speaker
	ids        []int32                      // settle's per-turn places in roleOf, and whether the role is a part's
}

// scratch returns the scratch s reuses, taken from those of documents
// resolved before on first use.
func (s *speakers) scratch() *scratch {
	if s.sc == nil {
		s.sc = scratches.Get().(*scratch)
		s.sentence = s.sc.sentence
	}
	return s.sc
}

// prepare resolves the byline and registers the full names of the byline
// and of labels, which are known before any turn is read.
func (s *speakers) prepare(doc *transcript.Document) {
	s.doc = doc
	s.date = doc.Date
	s.byline = append([]transcript.Speaker(nil), doc.Byline...)
	s.country = s.setting()
	for i := range s.byline {
		s.canonical(&s.byline[i])
	}
	if s.country == "" {
		s.country = s.bylineCountry() // now from the byline's people: the site and the title gave none
	}
	doc.Country = s.country
	seen := map[string]bool{}
	var last [2]string // the last two names seen, which turns most often repeat
	for i := range doc.Turns {
		name := doc.Turns[i].Label.Name
		if name == "" || name == last[0] || name == last[1] {
			continue
		}
		last[0], last[1] = name, last[0]
		if !seen[name] {
			seen[name] = true
			if transcript.CountFields(name, 2) >= 2 {
				if c, _, ok := s.person(name); ok {
					name = c
				}
				s.addPerson(name)
			}
		}
	}
}

// resolveTurn sets turn i's speaker from its label, the byline, and the
// people named so far in the document; an unlabelled first turn belongs to
// the byline's first person, a later one continues the turn before it.
//
// A full name is registered once, when it is first given: the turn before
// and the byline registered theirs, and a label resolved before to a full
// name registered it then.
func (s *speakers) resolveTurn(doc *transcript.Document, i int) {
	s.turn = i
	t := &doc.Turns[i]
	switch {
	case t.Label == (transcript.Label{}) && i > 0:
		t.Speaker = doc.Turns[i-1].Speaker // text after a markdown heading continues the turn before it
	case t.Label == (transcript.Label{}):
		if len(s.byline) > 0 {
			t.Speaker = s.byline[0]
		}
	default:
		if sp, ok := s.fixedSpeaker(t.Label); ok {
			t.Speaker = sp
			return
		}
		sp := s.fromLabel(t.Label, s.byline)
		t.Speaker = sp
		switch {
		case transcript.CountFields(sp.Name, 2) >= 2:
			s.fix(t.Label, sp)
			s.addPerson(sp.Name)
		case t.Label.Question || t.Label.Role != "" && t.Label.Affiliation == "":
			// a questioner's or a part's label: fromLabel reads the lexicon,
			// the byline and the document's offices for it, never the
			// names registered, and gives the same speaker on every turn
			s.fix(t.Label, sp)
		}
	}
}

// fixedLabel is a label resolved for good, and its speaker.
type fixedLabel struct {
	label   transcript.Label
	speaker transcript.Speaker
	next    int32 // 1 + the index in speakers.fixedList of the label before it with the same words; 0 for none
}

// fix keeps the speaker a label was resolved to for good: a full name,
// or a questioner's or a part's.
func (s *speakers) fix(l transcript.Label, sp transcript.Speaker) {
	if s.fixed == nil {
		sc := s.scratch()
		s.fixed = sc.fixed
		if s.fixed == nil {
			s.fixed = map[string]int32{}
		}
		s.fixedList = sc.fixedList[:0]
	}
	s.fixedList = append(s.fixedList, fixedLabel{l, sp, s.fixed[l.Words]})
	s.fixed[l.Words] = int32(len(s.fixedList))
}

// fixedSpeaker returns the speaker a label was resolved to for good (see
// fix). Labels are looked up by their words, so that a lookup hashes
// one string rather than every field of the label.
func (s *speakers) fixedSpeaker(l transcript.Label) (transcript.Speaker, bool) {
	for k := s.fixed[l.Words]; k != 0; {
		f := &s.fixedList[k-1]
		if f.label == l {
			return f.speaker, true
		}
		k = f.next
	}
	return transcript.Speaker{}, false
}

// fullName completes a name from a label ("Kirby", "Harris", "Jake
// Sullivan"): a holder of the label's office with that surname on the
// document's date, a person the document or the lexicon knows, preferring
// one of the document's country, else the name as written.
func (s *speakers) fullName(name, role string) string {
	one := transcript.CountFields(name, 2) == 1
	if one && role != "" {
		if e, ok := s.holder(role, name); ok {
			return e.Name // "VICE PRESIDENT HARRIS" in 2022 is Kamala Harris
		}
	}
	if one {
		s.introduced(name) // "Jake Sullivan" named in an earlier turn makes "MR. SULLIVAN" him
	}
	c, id, ok := s.person(name)
	if !one && (!ok || id == "") {
		// "Lloyd J. Austin III" is the lexicon's Lloyd Austin
		if pc, pid, pok := s.person(s.plainName(name)); pok && (!ok || pid != "") {
			c, id, ok = pc, pid, pok
		}
	}
	if one && (!ok || id != "" && s.country != "" && s.lex.Entry(id) != nil && s.lex.Entry(id).Country != s.country) {
		if e, found := s.ppl.bySurnameOn(name, s.country, s.date); found {
			return e.Name // "MR. ZIENTS" at the White House
		}
	}
	if ok {
		return c
	}
	return name
}

// holderKey is an office holder looked up: the title, the country and
// the surname ("" for any).
type holderKey struct{ title, country, surname string }

// holder is people.holder on the document's country and date, each
// lookup made once per document: a role label ("MODERATOR:") that no one
// holds is looked up on every turn it labels.
func (s *speakers) holder(title, surname string) (*lexicon.Entry, bool) {
	k := holderKey{title, s.country, surname}
	if e, ok := s.holders[k]; ok {
		return e, e != nil
	}
	e, _ := s.ppl.holder(title, s.country, s.date, surname)
	if s.holders == nil {
		s.holders = s.scratch().holders
		if s.holders == nil {
			s.holders = map[holderKey]*lexicon.Entry{}
		}
	}
	s.holders[k] = e
	return e, e != nil
}

// office returns the title of the office the lexicon says a person held
// on the document's date, or "".
func (s *speakers) office(name string) string {
	_, id, ok := s.person(name)
	if !ok || id == "" {
		return ""
	}
	if e := s.lex.Entry(id); e != nil {
		return officeOn(e, s.country, s.date)
	}
	return ""
}

// setting returns the country id the document is set in: the country of
// the organisation whose web site it comes from, else of the first byline
// person the lexicon knows, else of the first organisation its title
// names ("White House", "Kremlin"), else "".
func (s *speakers) setting() string {
	if c := s.ppl.siteCountry(s.doc.URL); c != "" {
		return c
	}
	if c := s.bylineCountry(); c != "" {
		return c
	}
	for _, m := range s.lex.Match(s.doc.Title) {
		if m.Entry != nil && m.Entry.Type == lexicon.Organisation && m.Role.IsMention() && m.Entry.Country != "" {
			return m.Entry.Country
		}
	}
	return ""
}

// bylineCountry returns the country of the first byline person the
// lexicon knows, or "".
func (s *speakers) bylineCountry() string {
	for _, b := range s.byline {
		if _, id, ok := s.person(b.Name); ok && id != "" {
			if e := s.lex.Entry(id); e != nil && e.Country != "" {
				return e.Country
			}
		}
	}
	return ""
}

// canonical completes a byline name from the lexicon or the document
// ("Biden" -> "Joe Biden") and registers it. A name read from a
// title-case line is cut to its longest start that a person the lexicon
// or the document knows: "Karine Jean-Pierre En Route Queens" gives
// "Karine Jean-Pierre", "Biden Honoring" gives "Joe Biden".
func (s *speakers) canonical(sp *transcript.Speaker) {
	words := strings.Fields(sp.Name)
	if c, _, ok := s.person(s.plainName(sp.Name)); ok {
		words = strings.Fields(c) // "Lloyd J. Austin III" is the lexicon's Lloyd Austin
	}
	for n := len(words); n >= 1; n-- {
		if c, _, ok := s.person(strings.Join(words[:n], " ")); ok {
			sp.Name = c
			break
		}
	}
	sp.Name = s.fullName(sp.Name, sp.Role) // "Vice President Harris" in 2022 is Kamala Harris
	s.addPerson(sp.Name)
}

// plainName drops a name's middle initials and suffixes: "Lloyd J. Austin
// III" gives "Lloyd Austin", "Mark A. Milley" gives "Mark Milley".
func (s *speakers) plainName(name string) string {
	words := strings.Fields(name)
	kept := words[:0:0]
	for i, w := range words {
		bare := strings.Trim(w, ".,")
		if i > 0 && (utf8.RuneCountInString(bare) == 1 || s.ppl.suffixes[lexicon.FoldKey(bare)]) {
			continue
		}
		kept = append(kept, w)
	}
	return strings.Join(kept, " ")
}

// fromLabel resolves a label against the byline, the document and the
// lexicon.
func (s *speakers) fromLabel(raw transcript.Label, byline []transcript.Speaker) transcript.Speaker {
	var sp transcript.Speaker
	aff := s.affiliation(raw.Affiliation, &sp)
	switch {
	case raw.Question:
		sp.Role = "Questioner"
	case raw.Role != "" && raw.Role == s.w.answer && len(byline) == 1 && byline[0].Name != "":
		sp.Name, sp.Role = byline[0].Name, byline[0].Role // "A." in an interview with the one person the header names
	case raw.Role != "" && s.w.partRoles[raw.Role]:
		sp.Role = raw.Role // "STAFF:", "MODERATOR:": a part, not the byline's officials
	case raw.Role != "":
		sp.Role = raw.Role
		if b, ok := s.byRole(raw.Role); ok {
			sp.Name = b.Name
		} else if e, ok := s.holder(raw.Role, ""); ok {
			sp.Name = e.Name // "THE PRESIDENT:" at the White House in 2022
		}
		// "The Prime Minister (Rishi Sunak):": the parenthesis names the holder
		if name := s.personName(aff); name != "" {
			sp.Name, aff = name, ""
		}
	default:
		role, name := raw.Title, raw.Name
		if sp.Role == "" {
			sp.Role = role
		}
		switch {
		case name == "" && role != "" && s.personName(aff) != "":
			sp.Name, aff = s.personName(aff), "" // "Mr Speaker (Lindsay Hoyle):"
		case name == "" && role != "":
			if b, ok := s.byRole(role); ok {
				sp.Name, sp.Role = b.Name, b.Role
			}
		case name != "":
			sp.Name = s.fullName(name, role)
			name = sp.Name
			for _, b := range byline {
				// the byline's fuller role wins over the label's short one:
				// "GEN. RYDER" under "... Air Force Maj. Gen. Pat Ryder"
				if b.Name == name && b.Role != "" && (sp.Role == "" || containsAll(roleWords(b.Role), roleWords(sp.Role))) {
					sp.Role = b.Role
				}
			}
			if sp.Role == "" {
				sp.Role = s.introduced(name).title // as introduced earlier: "National Security Advisor Jake Sullivan"
			}
			if sp.Role == "" {
				sp.Role = s.office(name) // the office the lexicon says they held that day
			}
		}
	}
	sp.Affiliation = aff
	return sp
}

// affiliation reads a label's parenthetical: an outlet or organisation
// (canonical when the lexicon knows it), or a role when it holds title
// words ("NATO Spokesperson"). Notes such as "via interpreter" are dropped.
func (s *speakers) affiliation(paren string, sp *transcript.Speaker) string {
	if paren == "" {
		return ""
	}
	if r, _ := utf8.DecodeRuneInString(paren); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return "" // "(via interpreter)", "(as interpreted)"
	}
	if c, _, ok := s.tg.Entity(paren, lexicon.Organisation); ok {
		return c
	}
	for _, w := range strings.Fields(paren) {
		if s.lex.IsTitle(strings.Trim(w, ".,")) {
			sp.Role = paren
			return ""
		}
	}
	return paren
}

// byRole is byRole on the document's byline, each role looked up once
// per document: a role label ("THE PRESIDENT:") comes back turn after
// turn.
func (s *speakers) byRole(role string) (transcript.Speaker, bool) {
	if len(s.byline) == 0 {
		return transcript.Speaker{}, false
	}
	if r, ok := s.byRoles[role]; ok {
		return r.speaker, r.ok
	}
	sp, ok := byRole(s.byline, role)
	if s.byRoles == nil {
		s.byRoles = s.scratch().byRoles
		if s.byRoles == nil {
			s.byRoles = map[string]roleHolder{}
		}
	}
	s.byRoles[role] = roleHolder{sp, ok}
	return sp, ok
}

// roleHolder is the byline person byRole finds for a role, if ok.
type roleHolder struct {
	speaker transcript.Speaker
	ok      bool
}

// byRole finds the byline person whose role contains all the words of
// role ("President" in "President"; "Secretary" in "Press Secretary").
func byRole(byline []transcript.Speaker, role string) (transcript.Speaker, bool) {
	want := strings.Fields(strings.ToLower(role))
	for _, exact := range []bool{true, false} {
		for _, b := range byline {
			if b.Name == "" || b.Role == "" {
				continue
			}
			have := strings.Fields(strings.ToLower(b.Role))
			if exact && strings.EqualFold(b.Role, role) || !exact && containsAll(have, want) {
				return b, true
			}
		}
	}
	return transcript.Speaker{}, false
}

// containsAll reports whether every word of want is in have, or is a
// three- or four-letter abbreviation of one of its words ("sec" for
// "secretary", "gen" for "general").
func containsAll(have, want []string) bool {
	for _, w := range want {
		found := false
		for _, h := range have {
			if h == w || len(w) >= 3 && len(w) <= 4 && len(h) > len(w)+1 && strings.HasPrefix(h, w) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// roleWords folds a role into its words, without dots and case.
func roleWords(role string) []string {
	var out []string
	for _, w := range strings.Fields(strings.ToLower(role)) {
		out = append(out, strings.Trim(w, ".,"))
	}
	return out
}

// personName returns the canonical name when s reads as a person's name:
// a person the lexicon or the document knows, or two to four capitalised
// words none of which is a common word or a title; else "".
func (s *speakers) personName(text string) string {
	if text == "" {
		return ""
	}
	if c, _, ok := s.person(text); ok {
		return c
	}
	words := strings.Fields(text)
	if len(words) < 2 || len(words) > 4 || !read.PlausibleName(text, s.lex) {
		return ""
	}
	if _, _, ok := s.tg.Entity(text, lexicon.Organisation); ok {
		return ""
	}
	if _, _, ok := s.tg.Entity(text, lexicon.Country); ok {
		return ""
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return ""
		}
	}
	return text
}
