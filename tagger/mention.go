package tagger

import "github.com/turntag/turntag/lexicon"

// Origin says which source produced a mention.
type Origin string

// The origins of a mention.
const (
	FromLexicon Origin = "lexicon"   // a lexicon alias or demonym
	FromNER     Origin = "ner"       // the statistical NER, not in the lexicon
	FromSpeaker Origin = "speaker"   // a surname resolved to a person named earlier in the document
	FromAddress Origin = "addressed" // a person the speaker addresses by name ("Thanks, Karine."), not talked about
)

// Mention is an entity named in a text.
type Mention struct {
	Start, End int          // half-open byte span in the text
	Text       string       // the text as written
	Type       lexicon.Type // country, organisation or person
	Canonical  string       // canonical name
	ID         string       // lexicon id; empty for names the lexicon does not know
	Code       string       // countries: ISO 3166-1 alpha-3
	Origin     Origin
	Rule       string // why: the lexicon rule, the NER label, or the earlier full name
}

// Tag is a topic assigned to a text.
type Tag struct {
	ID       string  // topic id
	Label    string  // topic label as shown in the CSV
	Taxonomy string  // the topic's taxonomy ("security", "agendas")
	Score    float64 // 1 - exp(-sum of cue weights), in (0, 1]; rounded to 2 decimals
	Evidence []Cue   // cues that fired, by descending count then first occurrence
}

// Cue is one piece of evidence for a tag: a phrase or entity and how often
// it fired in the text.
type Cue struct {
	Text   string  // the cue's lexicon text, or the entity's canonical name
	Count  int     // occurrences in the text
	Weight float64 // weight of one occurrence
	first  int
}
