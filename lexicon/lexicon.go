package lexicon

import (
	"slices"
	"sort"
)

// Lexicon is a merged set of entries and topics. Build it with New, LoadFS or
// Default, extend it with AddFile, then Compile it before matching. A
// compiled lexicon is safe for concurrent use.
type Lexicon struct {
	Entries     []*Entry            // countries, organisations and people, in load order; Sorted returns them by id
	Topics      []*Topic            // in load order
	Contexts    []*Context          // named context sets, in load order
	Titles      map[string]bool     // the titles word list: words that make up titles and roles, by FoldKey
	CommonWords map[string]bool     // the common_words word list: words that are never a name on their own, by FoldKey
	OrgWords    map[string]bool     // the org_words word list: words that mark an organisation's name (Agency, Council), by FoldKey
	Nicknames   map[string][]string // folded short first name -> folded full forms ("matt" -> "matthew")

	dupes       Problems // ids defined in two default files, for Check
	byID        map[string]*Entry
	topicByID   map[string]*Topic
	contextByID map[string]*Context
	words       map[string]*wordList // declared list name -> words; see WordLists
	roleLabels  map[string]string    // folded label -> role
	months      map[string]int       // folded month name -> 1..12
	compiled    *matcher
	places      *Lexicon // the gazetteer: place entries, merged like Entries but matched apart (MatchPlaces)

	taxonomies   []string        // selected taxonomies (SelectTaxonomies); nil: the default
	selected     map[string]bool // the selected taxonomies, set by Compile
	dropMainCues bool            // the main matcher's taxonomy is not selected: drop its cue matches
	passes       []*Lexicon      // compiled cue-only lexicons of the other selected taxonomies
	marks        *startMarks     // the start marks of the compiled tries, for TokenizeFor; nil when not compiled
}

// New returns an empty lexicon: every declared word list is there, empty.
func New() *Lexicon {
	l := &Lexicon{
		Titles:      map[string]bool{},
		CommonWords: map[string]bool{},
		OrgWords:    map[string]bool{},
		Nicknames:   map[string][]string{},
		byID:        map[string]*Entry{},
		topicByID:   map[string]*Topic{},
		contextByID: map[string]*Context{},
		places:      &Lexicon{byID: map[string]*Entry{}},
	}
	l.newWordLists()
	return l
}

// Entry returns the entry with the id, places included, or nil.
func (l *Lexicon) Entry(id string) *Entry {
	if e := l.byID[id]; e != nil {
		return e
	}
	return l.places.byID[id]
}

// Places returns the place entries of the gazetteer in load order; Sorted
// (Place) returns them by id.
func (l *Lexicon) Places() []*Entry { return l.places.Entries }

// Topic returns the topic with the id, or nil.
func (l *Lexicon) Topic(id string) *Topic { return l.topicByID[id] }

// Sorted returns the entries of one type (all when typ is 0, places
// included) sorted by id.
func (l *Lexicon) Sorted(typ Type) []*Entry {
	var out []*Entry
	for _, e := range slices.Concat(l.Entries, l.places.Entries) {
		if typ == 0 || e.Type == typ {
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// IsTitle reports whether a word is a title or role word (Secretary,
// Minister, Acting); case and diacritics are ignored.
func (l *Lexicon) IsTitle(word string) bool { return l.Titles[foldKey(word)] }

// IsCommon reports whether a word is a common word that is never a name on
// its own (Allies, Ministers, Border); case and diacritics are ignored.
func (l *Lexicon) IsCommon(word string) bool { return l.CommonWords[foldKey(word)] }

// IsTitleToken is IsTitle for a token, without folding it again.
func (l *Lexicon) IsTitleToken(t Token) bool { return l.Titles[t.Norm] }

// IsCommonToken is IsCommon for a token, without folding it again.
func (l *Lexicon) IsCommonToken(t Token) bool { return l.CommonWords[t.Norm] }

// IsOrgWordToken is IsOrgWord for a token, without folding it again.
func (l *Lexicon) IsOrgWordToken(t Token) bool { return l.OrgWords[t.Norm] }

// IsOrgWord reports whether a word marks an organisation's name (Agency,
// Council, Ministry); case and diacritics are ignored.
func (l *Lexicon) IsOrgWord(word string) bool { return l.OrgWords[foldKey(word)] }

// Stats counts entries by type and topics with their cues.
type Stats struct {
	Countries, Organisations, People, Places, Topics, Aliases, Cues int
}

// Stats returns the lexicon's coverage counts.
func (l *Lexicon) Stats() Stats {
	var s Stats
	for _, e := range l.Entries {
		switch e.Type {
		case Country:
			s.Countries++
		case Organisation:
			s.Organisations++
		case Person:
			s.People++
		}
		s.Aliases += len(e.Aliases) + len(e.Demonyms)
	}
	s.Places = len(l.places.Entries)
	s.Topics = len(l.Topics)
	for _, t := range l.Topics {
		s.Cues += len(t.Cues)
	}
	return s
}
