package report

import "github.com/turntag/turntag/pipeline/write"

// summary is what the page reads when it opens: the corpus without the
// turns' texts. Strings that repeat (speakers, topics, entities) are
// listed once and turns refer to them by index; turns are columns, one
// value per turn of the corpus, in document order.
type summary struct {
	Title     string       `json:"title"`
	Topics    []topicInfo  `json:"topics"`    // lexicon topics first, in load order, then labels only the records have
	Speakers  [][3]string  `json:"speakers"`  // name, role, affiliation
	Countries [][2]string  `json:"countries"` // name, ISO 3166-1 alpha-3 code
	Orgs      []string     `json:"orgs"`
	People    []string     `json:"people"`
	Docs      []docInfo    `json:"docs"`
	Turns     turnColumns  `json:"turns"`
	Codebook  codebookData `json:"codebook"`
}

// topicInfo is a topic of the report.
type topicInfo struct {
	Label string `json:"label"`
	ID    string `json:"id"` // lexicon id; "" for a label the lexicon given to the report lacks
}

// docInfo is a document's roll-up and where its turns start in the turn
// columns.
type docInfo struct {
	write.DocumentRecord
	First int `json:"first"` // index of its first turn in turnColumns
}

// turnColumns holds the turns of the corpus, a column per field.
type turnColumns struct {
	Doc       []int   `json:"doc"`     // index in summary.Docs
	Speaker   []int   `json:"speaker"` // index in summary.Speakers
	Words     []int   `json:"words"`
	Topics    [][]int `json:"topics"`    // pairs: topic index, score in hundredths
	Countries [][]int `json:"countries"` // indexes in summary.Countries
	Orgs      [][]int `json:"orgs"`      // indexes in summary.Orgs
	People    [][]int `json:"people"`    // indexes in summary.People
}

// docData is what the page reads when a document is opened.
type docData struct {
	Turns []turnData `json:"turns"`
}

// turnData is one turn's text and what was found in it.
type turnData struct {
	Text string `json:"text"`
	// Mentions are [start, end, type, canonical, id, origin, text as
	// written], start and end character offsets into Text, by start.
	Mentions [][]any `json:"mentions"`
	// Topics are [label, score, [[cue, count], …]], by descending score.
	Topics [][]any `json:"topics"`
	Start  string  `json:"start,omitempty"` // subtitles: first cue time
	End    string  `json:"end,omitempty"`
}

// cueCount is how often a cue fired for a topic over the corpus.
type cueCount struct {
	Cue   string `json:"cue"`
	Turns int    `json:"turns"` // turns where it fired
	Count int    `json:"count"` // occurrences
}
