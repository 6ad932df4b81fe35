package lexicon

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml/ast"
)

// The word lists the lexicon knows, by the name a file's words section
// gives them. Words reads one as a set, WordList as a list; WordLists
// describes them all.
const (
	Titles               = "titles"
	CommonWords          = "common_words"
	OrgWords             = "org_words"
	NotLabelWords        = "not_label_words"
	Honorifics           = "honorifics"
	NameParticles        = "name_particles"
	RoleConnectors       = "role_connectors"
	TitleConnectors      = "title_connectors"
	TitleJoiners         = "title_joiners"
	NameSuffixes         = "name_suffixes"
	NumberedSpeakerWords = "numbered_speaker_words"
	NumberWords          = "number_words"
	KeepCaps             = "keep_caps"
	PartRoles            = "part_roles"
	FollowUpCues         = "follow_up_cues"
	CallLeadWords        = "call_lead_words"
	CallVerbs            = "call_verbs"
	OutletConnectors     = "outlet_connectors"
	SelfIntroConnectors  = "self_intro_connectors"
	FirstPerson          = "first_person"
	ClosingWords         = "closing_words"
	MetaPrefixes         = "meta_prefixes"
	Greetings            = "greetings"
	FrontMatterDateKeys  = "front_matter_date_keys"
	FrontMatterURLKeys   = "front_matter_url_keys"
	HTMLHiddenClasses    = "html_hidden_classes"
	HTMLChromeWords      = "html_chrome_words"
	HTMLModifierPrefixes = "html_modifier_prefixes"
	HTMLChromeRoles      = "html_chrome_roles"
	HTMLBodyClasses      = "html_body_classes"
	HTMLPublishedMetas   = "html_published_metas"
	HTMLSiteNameMetas    = "html_site_name_metas"
	HTMLTitleSeparators  = "html_title_separators"
	HTMLSiteWords        = "html_site_words"
	VocativeCues         = "vocative_cues"
	VocativeFollowers    = "vocative_followers"
)

// The mapping sections, which remove_words and replace_words name beside
// the word lists.
const (
	RoleLabelsSection = "role_labels"
	MonthsSection     = "months"
)

// Folding says how a word list stores its words, and so how a caller
// must fold a word to look it up.
type Folding int

// The foldings.
const (
	// Lower stores words in lower case (strings.ToLower): look up
	// strings.ToLower(w).
	Lower Folding = iota
	// Exact stores words as written, spaces included: look up w itself.
	Exact
	// Key stores words by FoldKey (lower case, no diacritics, punctuation
	// split off): the lists behind IsTitle, IsCommon and IsOrgWord.
	Key
)

// WordListInfo describes a word list the lexicon knows.
type WordListInfo struct {
	Name    string  // as in a file's words section ("honorifics")
	About   string  // what the list holds and who reads it, in one line
	Folding Folding // how words are stored
	Ordered bool    // WordList keeps the data's order (callers try the words in turn); else it sorts
}

// wordLists declares every list, sorted by name; a words section that
// names another is an error at its line.
var wordLists = sortedByName([]WordListInfo{
	{CallLeadWords, "words that may open a moderator's call on a questioner (\"Yes, Peter?\", \"OK, Simon.\"): pipeline speakers", Exact, false},
	{CallVerbs, "verbs of a moderator passing the floor (\"go to\", \"turn to\", \"move over to\"): pipeline speakers", Lower, false},
	{ClosingWords, "words of a parenthetical that closes a transcript (\"(The press conference concluded.)\"): pipeline parser", Lower, false},
	{CommonWords, "capitalised words that are never a name on their own (\"Allies\", \"Border\"): IsCommon", Key, false},
	{FirstPerson, "first- and second-person words that mark speech, not a page's narrative lead: pipeline parser", Lower, false},
	{FollowUpCues, "phrases of a short reply that hands the floor back to the same questioner (\"go ahead\", \"second question\"): pipeline speakers", Lower, false},
	{FrontMatterDateKeys, "front-matter keys that give a document's date, best first: pipeline parser", Lower, true},
	{FrontMatterURLKeys, "front-matter keys that give a document's URL, best first: pipeline parser", Lower, true},
	{Greetings, "first words of a line that greets or opens speech, so it is not a header line (\"Good afternoon\", \"Thank you\"): pipeline parser", Lower, false},
	{HTMLBodyClasses, "class names of the element that holds an article's body: pipeline HTML reader", Lower, false},
	{HTMLChromeRoles, "ARIA roles of landmarks and widgets that hold no content text: pipeline HTML reader", Lower, false},
	{HTMLChromeWords, "words that, as a part of a class name split at - and _, mark a page widget (tooltip, share, breadcrumbs): pipeline HTML reader", Lower, false},
	{HTMLHiddenClasses, "class names that hide an element from readers (sr-only, d-none): pipeline HTML reader", Lower, false},
	{HTMLModifierPrefixes, "prefixes of class names that say what an element has or lacks (has-, no-), to which chrome words do not apply: pipeline HTML reader", Lower, false},
	{HTMLPublishedMetas, "meta names and properties that give a page's publication date: pipeline HTML reader", Lower, false},
	{HTMLSiteNameMetas, "meta names and properties that give a site's name: pipeline HTML reader", Lower, false},
	{HTMLSiteWords, "words found in the names of institutions and news sites, to tell a site's name in a page title: pipeline HTML reader", Lower, false},
	{HTMLTitleSeparators, "what sites put between a page's title and the site's name, spaces included (\" | \"): pipeline HTML reader", Exact, false},
	{Honorifics, "honorifics dropped from speaker labels and roles, without their full stop (mr, dr, h.e): pipeline parser and speakers", Lower, false},
	{KeepCaps, "acronyms that stay in capitals when an ALL-CAPS label is title-cased (NATO, G7): pipeline speakers", Exact, false},
	{MetaPrefixes, "phrases that open a header's metadata line (\"Last updated\", \"As delivered\"): pipeline parser", Lower, false},
	{NameParticles, "particles that may stand in lower case inside a name (de, van, bin, al): pipeline parser and speakers, tagger", Lower, false},
	{NameSuffixes, "suffixes after a surname (Jr, III), passed over to find the surname: tagger, pipeline speakers", Lower, false},
	{NotLabelWords, "first words of \"Word ...:\" lines that introduce prose or metadata, not a speaker (Note, Update, Source): pipeline parser and speakers", Lower, false},
	{NumberedSpeakerWords, "words a transcription service numbers speakers with (\"Speaker 1\", \"Participant 2\"): pipeline parser", Lower, false},
	{NumberWords, "numbers written as words, which tell apart speakers of one role (\"SENIOR ADMINISTRATION OFFICIAL ONE\"): pipeline parser", Lower, false},
	{OrgWords, "words that mark an organisation's name (Agency, Council): IsOrgWord", Key, false},
	{OutletConnectors, "words between a questioner's name and their outlet when a moderator calls on them (\"Simon Lewis of Reuters\"): pipeline speakers", Lower, false},
	{PartRoles, "roles that name a part in the conversation, which a person's office does not replace (Moderator, Host), as written: pipeline speakers", Exact, false},
	{RoleConnectors, "words that join role words (\"Minister of Foreign Affairs\"): pipeline parser and speakers", Lower, false},
	{SelfIntroConnectors, "words after a questioner's name when they introduce themselves (\"Eunjung Cho with the Voice of America\"): pipeline speakers", Lower, false},
	{TitleConnectors, "words that join two title words before a name (\"Minister of Defence\", \"High Representative and Vice-President\"): tagger, pipeline parser", Lower, false},
	{TitleJoiners, "words that join a title to the rest of it in a title-case line, where they may also be capitalised (\"Secretary of Defense\", \"Chairman of the Joint Chiefs\"): pipeline parser", Lower, false},
	{Titles, "words that make up roles and titles in labels and before names (Secretary, Acting): IsTitle", Key, false},
	{VocativeFollowers, "words that, after a name opening a sentence and a comma, address that person (\"Terje Aasland, thank you very much.\"): tagger", Lower, false},
	{VocativeCues, "words after which a name followed by a comma or the end of a sentence addresses that person (\"Thanks, Karine.\", \"Go ahead, Ed.\"): tagger", Lower, false},
})

func sortedByName(ws []WordListInfo) []WordListInfo {
	slices.SortFunc(ws, func(a, b WordListInfo) int { return strings.Compare(a.Name, b.Name) })
	return ws
}

// WordLists returns the declared word lists, sorted by name.
func WordLists() []WordListInfo { return slices.Clone(wordLists) }

// wordListInfo returns the declaration of a list, or false.
func wordListInfo(name string) (WordListInfo, bool) {
	i, ok := slices.BinarySearchFunc(wordLists, name, func(w WordListInfo, n string) int { return strings.Compare(w.Name, n) })
	if !ok {
		return WordListInfo{}, false
	}
	return wordLists[i], true
}

// fold returns w as the list stores it.
func (w WordListInfo) fold(s string) string {
	switch w.Folding {
	case Lower:
		return strings.ToLower(s)
	case Key:
		return foldKey(s)
	}
	return s
}

// wordList is one list's words: a set for lookups and the load order.
type wordList struct {
	set   map[string]bool
	order []string
}

func (w *wordList) add(s string) {
	if !w.set[s] {
		w.set[s] = true
		w.order = append(w.order, s)
	}
}

func (w *wordList) remove(s string) {
	if w.set[s] {
		delete(w.set, s)
		w.order = slices.DeleteFunc(w.order, func(x string) bool { return x == s })
	}
}

func (w *wordList) clear() {
	clear(w.set) // in place: Titles, CommonWords and OrgWords share the map
	w.order = nil
}

// Words returns the words of a declared list as a set, folded as the list
// says (WordLists): with Lower, look up strings.ToLower(w). The map is the
// lexicon's own: read it, do not change it. It is nil for a name that is
// not declared.
func (l *Lexicon) Words(name string) map[string]bool {
	if w := l.words[name]; w != nil {
		return w.set
	}
	return nil
}

// WordList returns the words of a declared list, folded as the list says,
// sorted; an Ordered list keeps the data's order. It is nil for a name
// that is not declared. The slice is new: the caller may keep it, for
// instance to build a regexp.
func (l *Lexicon) WordList(name string) []string {
	w := l.words[name]
	if w == nil {
		return nil
	}
	out := slices.Clone(w.order)
	if info, _ := wordListInfo(name); !info.Ordered {
		sort.Strings(out)
	}
	return out
}

// RoleLabels returns the labels that name a part in the conversation or
// an office rather than a person, in lower case without a final full stop
// ("the vice president"), each with the role it names ("Vice President").
// The map is the lexicon's own: read it, do not change it.
func (l *Lexicon) RoleLabels() map[string]string { return l.roleLabels }

// Months returns month names and abbreviations in lower case without a
// full stop ("sept") with their numbers, 1 to 12. The map is the lexicon's
// own: read it, do not change it.
func (l *Lexicon) Months() map[string]int { return l.months }

// wordSection is a file's words, remove_words or role_labels section: a
// mapping whose keys keep their lines.
type wordSection []wordItem

// wordItem is one key of a word section with its values.
type wordItem struct {
	Key    string
	Values []string // the list, or the one value of a role_labels or months key
	List   bool     // the value was a list
	Line   int      // 1-based line of the key
}

// wordNames is a replace_words section: a list of names, each with its
// line.
type wordNames []wordItem

// UnmarshalYAML reads a list of names, keeping each one's line.
func (s *wordNames) UnmarshalYAML(n ast.Node) error {
	var ws plainWords
	if err := ws.UnmarshalYAML(n); err != nil {
		return err
	}
	for i, w := range ws.Values {
		*s = append(*s, wordItem{Key: w, Line: ws.Lines[i]})
	}
	return nil
}

// plainWords is a list of words with their lines: a titles, common_words
// or org_words section at the top of a file, the older spelling of the
// words section's lists of those names.
type plainWords struct {
	Values []string
	Lines  []int // 1-based line of each word
}

// UnmarshalYAML reads a list of scalars as written.
func (s *plainWords) UnmarshalYAML(n ast.Node) error {
	if _, ok := n.(*ast.NullNode); ok {
		return nil
	}
	seq, ok := n.(*ast.SequenceNode)
	if !ok {
		return &Error{Line: line(n), Err: fmt.Errorf("%w: want a list of words, not a %s", ErrInvalid, n.Type())}
	}
	for _, e := range seq.Values {
		w, ok := scalarText(e)
		if !ok {
			return &Error{Line: line(e), Err: fmt.Errorf("%w: a word is a plain string, not a %s", ErrInvalid, e.Type())}
		}
		s.Values = append(s.Values, w)
		s.Lines = append(s.Lines, line(e))
	}
	return nil
}

// UnmarshalYAML reads a mapping of names to lists of words or to single
// values, keeping each name's line. Words are taken as written: `no`,
// `on` and `1` are the words "no", "on" and "1".
func (s *wordSection) UnmarshalYAML(n ast.Node) error {
	if _, ok := n.(*ast.NullNode); ok {
		return nil
	}
	mvs := mappingValues(n)
	if mvs == nil {
		return &Error{Line: line(n), Err: fmt.Errorf("%w: want a mapping of names to words", ErrInvalid)}
	}
	for _, mv := range mvs {
		key, ok := scalarText(mv.Key)
		if !ok {
			return &Error{Line: line(mv.Key), Err: fmt.Errorf("%w: a key here is a plain name", ErrInvalid)}
		}
		item := wordItem{Key: key, Line: line(mv.Key)}
		switch v := mv.Value.(type) {
		case *ast.SequenceNode:
			item.List = true
			for _, e := range v.Values {
				w, ok := scalarText(e)
				if !ok {
					return &Error{Line: line(e), Err: fmt.Errorf("%w: %s: a word is a plain string, not a %s", ErrInvalid, key, e.Type())}
				}
				item.Values = append(item.Values, w)
			}
		case *ast.NullNode:
		default:
			w, ok := scalarText(v)
			if !ok {
				return &Error{Line: line(v), Err: fmt.Errorf("%w: %s: want a list of words or one value, not a %s", ErrInvalid, key, v.Type())}
			}
			item.Values = []string{w}
		}
		*s = append(*s, item)
	}
	return nil
}

// scalarText returns a scalar node's text: a string's value, any other
// scalar as written.
func scalarText(n ast.Node) (string, bool) {
	switch v := n.(type) {
	case *ast.StringNode:
		return v.Value, true
	case *ast.NullNode:
		return "", false
	case ast.ScalarNode:
		if tk := v.GetToken(); tk != nil {
			return tk.Value, true
		}
	}
	return "", false
}

// addWords merges one file's word sections into l, in this order: the
// lists replace_words names are emptied, remove_words takes words out, and
// the file's words (and role labels and months) are added.
func (l *Lexicon) addWords(name string, f *file) Problems {
	var probs Problems
	bad := func(line int, format string, args ...any) {
		probs = append(probs, &Error{File: name, Line: line, Err: fmt.Errorf("%w: "+format, append([]any{ErrInvalid}, args...)...)})
	}
	known := func(item wordItem, mappings bool) (WordListInfo, bool) {
		if info, ok := wordListInfo(item.Key); ok {
			return info, true
		}
		if mappings && (item.Key == RoleLabelsSection || item.Key == MonthsSection) {
			return WordListInfo{Name: item.Key, Folding: Lower}, true
		}
		bad(item.Line, "no word list %q (lexicon check lists them)", item.Key)
		return WordListInfo{}, false
	}
	for _, item := range f.ReplaceWords {
		if _, ok := known(item, true); !ok {
			continue
		}
		switch item.Key {
		case RoleLabelsSection:
			clear(l.roleLabels)
		case MonthsSection:
			clear(l.months)
		default:
			l.words[item.Key].clear()
		}
	}
	for _, item := range f.RemoveWords {
		info, ok := known(item, true)
		if !ok {
			continue
		}
		for _, w := range item.Values {
			switch item.Key {
			case RoleLabelsSection:
				delete(l.roleLabels, info.fold(w))
			case MonthsSection:
				delete(l.months, info.fold(w))
			default:
				l.words[item.Key].remove(info.fold(w))
			}
		}
	}
	var items []wordItem
	for _, old := range []struct {
		name string
		ws   plainWords
	}{{Titles, f.Titles}, {CommonWords, f.CommonWords}, {OrgWords, f.OrgWords}} {
		for i, w := range old.ws.Values {
			items = append(items, wordItem{Key: old.name, Values: []string{w}, List: true, Line: old.ws.Lines[i]})
		}
	}
	for _, item := range append(items, f.Words...) {
		info, ok := known(item, false)
		if !ok {
			continue
		}
		if !item.List {
			bad(item.Line, "%s: want a list of words", item.Key)
			continue
		}
		for _, w := range item.Values {
			if strings.TrimSpace(w) == "" {
				bad(item.Line, "%s: empty word", item.Key)
				continue
			}
			l.words[item.Key].add(info.fold(w))
		}
	}
	for _, item := range f.RoleLabels {
		if item.List || len(item.Values) != 1 || strings.TrimSpace(item.Values[0]) == "" {
			bad(item.Line, "role label %q: want the role it names", item.Key)
			continue
		}
		l.roleLabels[strings.ToLower(item.Key)] = item.Values[0]
	}
	for _, item := range f.Months {
		m := 0
		if !item.List && len(item.Values) == 1 {
			m, _ = strconv.Atoi(item.Values[0])
		}
		if m < 1 || m > 12 {
			bad(item.Line, "month %q: want its number, 1 to 12", item.Key)
			continue
		}
		l.months[strings.ToLower(item.Key)] = m
	}
	return probs
}

// newWordLists makes every declared list, empty; Titles, CommonWords and
// OrgWords share their maps with the Lexicon's fields of those names.
func (l *Lexicon) newWordLists() {
	l.words = make(map[string]*wordList, len(wordLists))
	for _, info := range wordLists {
		l.words[info.Name] = &wordList{set: map[string]bool{}}
	}
	l.words[Titles].set = l.Titles
	l.words[CommonWords].set = l.CommonWords
	l.words[OrgWords].set = l.OrgWords
	l.roleLabels = map[string]string{}
	l.months = map[string]int{}
}

// WordPattern returns a declared list as a regexp alternation, for callers
// that build a pattern from it: each word quoted, longest first, a run of
// spaces in a phrase matching any white space. With no words it matches
// nothing. Wrap it in a group: `\b(?:` + WordPattern(name) + `)\b`.
func (l *Lexicon) WordPattern(name string) string {
	ws := l.WordList(name)
	if len(ws) == 0 {
		return `[^\s\S]`
	}
	sort.SliceStable(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
	for i, w := range ws {
		ws[i] = strings.Join(strings.Fields(regexp.QuoteMeta(w)), `\s+`)
	}
	return strings.Join(ws, "|")
}
