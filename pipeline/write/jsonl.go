package write

import (
	"bytes"
	"encoding/json"

	"unicode/utf8"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/tagger"
)

// TurnRecord is one turn as a JSON object (the jsonl format), with the same
// fields as the CSV columns; lists are arrays and scores numbers.
type TurnRecord struct {
	Source             string          `json:"source"`
	DocTitle           string          `json:"doc_title"`
	DocDate            string          `json:"doc_date"`
	Turn               int             `json:"turn"`
	Speaker            string          `json:"speaker"`
	SpeakerRole        string          `json:"speaker_role"`
	SpeakerAffiliation string          `json:"speaker_affiliation"`
	Topics             []TopicRecord   `json:"topics"`
	Countries          []CountryRecord `json:"countries"`
	Organisations      []string        `json:"organisations"`
	People             []string        `json:"people"`
	Words              int             `json:"words"`
	Text               string          `json:"text"`
	Start              string          `json:"start,omitempty"`
	End                string          `json:"end,omitempty"`
}

// TopicRecord is a tag with its score and evidence.
type TopicRecord struct {
	Label    string      `json:"label"`
	Score    float64     `json:"score"`
	Evidence []CueRecord `json:"evidence"`
}

// CueRecord is one cue of a tag's evidence.
type CueRecord struct {
	Cue   string `json:"cue"`
	Count int    `json:"count"`
}

// CountryRecord is a country with its ISO 3166-1 alpha-3 code.
type CountryRecord struct {
	Name string `json:"name"`
	Code string `json:"code"`
}

// MentionRecord is one entity mention; Start and End are character (not
// byte) offsets into the turn's text as written in the text column.
type MentionRecord struct {
	Source    string `json:"source"`
	Turn      int    `json:"turn"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text"`
	Type      string `json:"type"`
	Canonical string `json:"canonical"`
	ID        string `json:"id"`
	Origin    string `json:"origin"`
}

// MentionColumns are the mentions CSV header, in order.
var MentionColumns = []string{"source", "turn", "start", "end", "text", "type", "canonical", "id", "origin"}

// Mentions returns the mention records of turn n (1-based).
func Mentions(doc *transcript.Document, n int) []MentionRecord {
	t := doc.Turns[n-1]
	text := doc.TurnText(t)
	out := make([]MentionRecord, 0, len(t.Mentions))
	var rc runeCounter
	for _, m := range t.Mentions {
		start := rc.at(text, m.Start)
		out = append(out, MentionRecord{
			Source: doc.Source, Turn: n,
			Start: start, End: start + utf8.RuneCountInString(text[m.Start:m.End]),
			Text: m.Text, Type: m.Type.String(), Canonical: m.Canonical, ID: m.ID, Origin: string(m.Origin),
		})
	}
	return out
}

// Record returns turn n (1-based) as a TurnRecord.
func Record(doc *transcript.Document, n int) TurnRecord {
	t := doc.Turns[n-1]
	r := TurnRecord{
		Source: doc.Source, DocTitle: doc.Title, DocDate: doc.Date, Turn: n,
		Speaker: t.Speaker.Name, SpeakerRole: t.Speaker.Role, SpeakerAffiliation: t.Speaker.Affiliation,
		Topics: []TopicRecord{}, Countries: []CountryRecord{}, Organisations: []string{}, People: []string{},
		Words: doc.Words(t), Text: doc.TurnText(t), Start: t.Start, End: t.End,
	}
	for _, tag := range t.Tags {
		tr := TopicRecord{Label: tag.Label, Score: tag.Score}
		for _, c := range tag.Evidence {
			tr.Evidence = append(tr.Evidence, CueRecord{Cue: c.Text, Count: c.Count})
		}
		r.Topics = append(r.Topics, tr)
	}
	names, codes := uniq(t.Mentions, lexicon.Country, func(m tagger.Mention) string { return m.Code })
	for i := range names {
		r.Countries = append(r.Countries, CountryRecord{names[i], codes[i]})
	}
	orgs, _ := uniq(t.Mentions, lexicon.Organisation, nil)
	people, _ := uniq(t.Mentions, lexicon.Person, nil)
	r.Organisations = append(r.Organisations, orgs...)
	r.People = append(r.People, people...)
	return r
}

// JSONLEncoder renders one JSON object per line for each turn, or for each
// mention with Mentions set.
type JSONLEncoder struct {
	Mentions bool
}

// Header returns nothing: JSON Lines has no header.
func (j JSONLEncoder) Header() []byte { return nil }

// Encode renders the document's turns (or mentions).
func (j JSONLEncoder) Encode(doc *transcript.Document) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for n := 1; n <= len(doc.Turns); n++ {
		if j.Mentions {
			for _, m := range Mentions(doc, n) {
				if err := enc.Encode(m); err != nil {
					return nil, err
				}
			}
			continue
		}
		if err := enc.Encode(Record(doc, n)); err != nil {
			return nil, err
		}
	}
	return b.Bytes(), nil
}

// runeCounter converts byte offsets to character offsets, walking forward
// from the last offset asked for, so that a turn's mentions in text order
// cost one pass over the text.
type runeCounter struct{ b, r int }

func (c *runeCounter) at(text string, b int) int {
	if b < c.b {
		c.b, c.r = 0, 0
	}
	c.r += utf8.RuneCountInString(text[c.b:b])
	c.b = b
	return c.r
}
