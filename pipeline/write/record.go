package write

import (
	"unicode/utf8"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/tagger"
)

// TurnRecord is one turn of a tagged document: the one row that every
// output format renders. JSON Lines and Parquet write it as it is (lists
// as arrays, scores as numbers); CSV flattens it into Columns.
type TurnRecord struct {
	Source             string          `json:"source" parquet:"source"`
	DocTitle           string          `json:"doc_title" parquet:"doc_title"`
	DocDate            string          `json:"doc_date" parquet:"doc_date"` // ISO 8601 date, "" when unknown
	Turn               int             `json:"turn" parquet:"turn"`         // 1-based
	Speaker            string          `json:"speaker" parquet:"speaker"`
	SpeakerRole        string          `json:"speaker_role" parquet:"speaker_role"`
	SpeakerAffiliation string          `json:"speaker_affiliation" parquet:"speaker_affiliation"`
	Topics             []TopicRecord   `json:"topics" parquet:"topics,list"` // by descending score
	Countries          []CountryRecord `json:"countries" parquet:"countries,list"`
	Organisations      []string        `json:"organisations" parquet:"organisations,list"`
	People             []string        `json:"people" parquet:"people,list"`       // people talked about
	Addressed          []string        `json:"addressed" parquet:"addressed,list"` // people the speaker addresses by name ("Thanks, Karine.")
	Words              int             `json:"words" parquet:"words"`
	Text               string          `json:"text" parquet:"text"`             // whitespace collapsed, paragraphs joined by a blank line
	Start              string          `json:"start,omitempty" parquet:"start"` // subtitles: HH:MM:SS.mmm of the first cue
	End                string          `json:"end,omitempty" parquet:"end"`
}

// TopicRecord is a tag with its score and evidence.
type TopicRecord struct {
	Label    string      `json:"label" parquet:"label"`
	Taxonomy string      `json:"taxonomy" parquet:"taxonomy"` // "security", "agendas", ...
	Score    float64     `json:"score" parquet:"score"`       // in (0, 1], 2 decimals
	Evidence []CueRecord `json:"evidence" parquet:"evidence,list"`
}

// CueRecord is one cue of a tag's evidence and how often it fired.
type CueRecord struct {
	Cue   string `json:"cue" parquet:"cue"`
	Count int    `json:"count" parquet:"count"`
}

// CountryRecord is a country with its ISO 3166-1 alpha-3 code.
type CountryRecord struct {
	Name string `json:"name" parquet:"name"`
	Code string `json:"code" parquet:"code"`
}

// MentionRecord is one entity mention; Start and End are character (not
// byte) offsets into the turn's text as written in the text column.
type MentionRecord struct {
	Source    string `json:"source" parquet:"source"`
	Turn      int    `json:"turn" parquet:"turn"`
	Start     int    `json:"start" parquet:"start"`
	End       int    `json:"end" parquet:"end"`
	Text      string `json:"text" parquet:"text"`
	Type      string `json:"type" parquet:"type"` // country, organisation or person
	Canonical string `json:"canonical" parquet:"canonical"`
	ID        string `json:"id" parquet:"id"` // lexicon id; "" for a name the lexicon does not know
	Origin    string `json:"origin" parquet:"origin"`
}

// Record returns turn n (1-based) as a TurnRecord.
func Record(doc *transcript.Document, n int) TurnRecord {
	t := doc.Turns[n-1]
	r := TurnRecord{
		Source: doc.Source, DocTitle: doc.Title, DocDate: doc.Date, Turn: n,
		Speaker: t.Speaker.Name, SpeakerRole: t.Speaker.Role, SpeakerAffiliation: t.Speaker.Affiliation,
		Topics: []TopicRecord{}, Countries: []CountryRecord{}, Organisations: []string{}, People: []string{}, Addressed: []string{},
		Words: doc.Words(t), Text: doc.TurnText(t), Start: t.Start, End: t.End,
	}
	for _, tag := range t.Tags {
		r.Topics = append(r.Topics, Topic(tag))
	}
	seen := map[string]bool{}
	for _, m := range t.Mentions {
		key := m.Type.String() + "\x00" + m.Canonical
		if m.Origin == tagger.FromAddress {
			key = "addressed\x00" + m.Canonical
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		switch m.Type {
		case lexicon.Country:
			r.Countries = append(r.Countries, CountryRecord{Name: m.Canonical, Code: m.Code})
		case lexicon.Organisation:
			r.Organisations = append(r.Organisations, m.Canonical)
		case lexicon.Person:
			if m.Origin == tagger.FromAddress {
				r.Addressed = append(r.Addressed, m.Canonical)
			} else {
				r.People = append(r.People, m.Canonical)
			}
		}
	}
	return r
}

// Topic returns a tag as a TopicRecord.
func Topic(tag tagger.Tag) TopicRecord {
	tr := TopicRecord{Label: tag.Label, Taxonomy: tag.Taxonomy, Score: tag.Score, Evidence: []CueRecord{}}
	for _, c := range tag.Evidence {
		tr.Evidence = append(tr.Evidence, CueRecord{Cue: c.Text, Count: c.Count})
	}
	return tr
}

// Mentions returns the mention records of turn n (1-based), in text order.
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
