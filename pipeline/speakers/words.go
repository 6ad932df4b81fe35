package speakers

import (
	"regexp"

	"github.com/turntag/turntag/lexicon"
)

// words are the lexicon's word lists as the speakers stage uses them, and
// the patterns built from them, once per Index.
type words struct {
	honorifics map[string]bool
	notLabel   map[string]bool // words that open prose, never a name
	partRoles  map[string]bool // roles that a person's office does not replace
	connectors map[string]bool // join role words ("Chiefs of Staff"), which a role may repeat
	answer     string          // the role of an answer label ("A:", "A."): the interviewee's
	followUp   []string        // a short reply that hands the floor back ("go ahead")
	callOn     *caller         // a moderator calling on the next questioner
	selfIntro  *regexp.Regexp
}

// newWords reads the word lists of lex and builds the patterns.
//
// callOn finds a moderator calling on the next questioner in the last
// sentence of a turn (see caller).
//
// selfIntro matches a name of two capitalised words followed by a comma
// or a self-introduction connector ("with", "from", "of"): how a
// questioner introduces themselves ("Tara Copp, AP").
func newWords(lex *lexicon.Lexicon) *words {
	return &words{
		honorifics: lex.Words(lexicon.Honorifics),
		notLabel:   lex.Words(lexicon.NotLabelWords),
		partRoles:  lex.Words(lexicon.PartRoles),
		connectors: lex.Words(lexicon.RoleConnectors),
		answer:     lex.RoleLabels()["a"],
		followUp:   lex.WordList(lexicon.FollowUpCues),
		callOn:     newCaller(lex),
		selfIntro:  regexp.MustCompile(`\b([\p{Lu}][\p{L}'’-]*)\s+([A-Z][\p{L}'’-]+)(?:,|\s+(?:` + lex.WordPattern(lexicon.SelfIntroConnectors) + `)\b)`),
	}
}
