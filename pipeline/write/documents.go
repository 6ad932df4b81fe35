package write

import (
	"bytes"
	"encoding/json"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/turntag/turntag/pipeline/transcript"
)

// TopEntities is how many countries, organisations and people a
// DocumentRecord keeps: the ones named in the most turns.
const TopEntities = 10

// DocumentRecord is one document rolled up from its turns: the row of
// `tag --documents` and of the report's documents table. Counts of
// entities are turns that name them (a turn naming Ukraine five times
// counts once), shares are fractions in [0, 1] rounded to 3 decimals.
type DocumentRecord struct {
	Source        string         `json:"source"`
	DocTitle      string         `json:"doc_title"`
	DocDate       string         `json:"doc_date"` // ISO 8601 date, "" when unknown
	Turns         int            `json:"turns"`
	Words         int            `json:"words"`
	Speakers      []SpeakerCount `json:"speakers"`      // by descending turns, then first turn
	Topics        []TopicShare   `json:"topics"`        // by descending turn share, then first turn
	Countries     []EntityCount  `json:"countries"`     // the TopEntities named in most turns
	Organisations []EntityCount  `json:"organisations"` // idem
	People        []EntityCount  `json:"people"`        // idem; people talked about, not addressed
}

// SpeakerCount is one speaker of a document and how much they said. An
// unnamed speaker (a questioner) has an empty Name and counts under their
// role.
type SpeakerCount struct {
	Name  string `json:"name"`
	Role  string `json:"role"`
	Turns int    `json:"turns"`
	Words int    `json:"words"`
}

// Label returns the speaker's name, or their role when they are unnamed.
func (s SpeakerCount) Label() string {
	if s.Name != "" {
		return s.Name
	}
	return s.Role
}

// TopicShare is a topic's weight in a document: the turns that carry it
// and their words, also as shares of the document's turns and words.
type TopicShare struct {
	Label     string  `json:"label" parquet:"label"`
	Turns     int     `json:"turns" parquet:"turns"`
	TurnShare float64 `json:"turn_share" parquet:"turn_share"`
	Words     int     `json:"words" parquet:"words"`
	WordShare float64 `json:"word_share" parquet:"word_share"`
}

// EntityCount is an entity and the number of turns that name it; Code is
// a country's ISO 3166-1 alpha-3 code.
type EntityCount struct {
	Name  string `json:"name"`
	Code  string `json:"code,omitempty"`
	Turns int    `json:"turns"`
}

// DocumentOf rolls a tagged document up into its DocumentRecord.
func DocumentOf(doc *transcript.Document) DocumentRecord {
	turns := make([]TurnRecord, len(doc.Turns))
	for n := range turns {
		turns[n] = Record(doc, n+1)
	}
	return Summarize(turns)
}

// Summarize rolls the turn records of one document up into its
// DocumentRecord; source, title and date come from the first. It is the
// one place that computes document roll-ups, for --documents and for the
// report alike.
func Summarize(turns []TurnRecord) DocumentRecord {
	d := DocumentRecord{Speakers: []SpeakerCount{}, Topics: []TopicShare{}}
	if len(turns) > 0 {
		d.Source, d.DocTitle, d.DocDate = turns[0].Source, turns[0].DocTitle, turns[0].DocDate
	}
	speakers := map[[2]string]int{} // name, role -> index in d.Speakers
	topics := map[string]int{}
	countries, orgs, people := newCounter(), newCounter(), newCounter()
	for _, t := range turns {
		d.Turns++
		d.Words += t.Words
		key := [2]string{t.Speaker, t.SpeakerRole}
		i, ok := speakers[key]
		if !ok {
			i = len(d.Speakers)
			speakers[key] = i
			d.Speakers = append(d.Speakers, SpeakerCount{Name: t.Speaker, Role: t.SpeakerRole})
		}
		d.Speakers[i].Turns++
		d.Speakers[i].Words += t.Words
		for _, tp := range t.Topics {
			i, ok := topics[tp.Label]
			if !ok {
				i = len(d.Topics)
				topics[tp.Label] = i
				d.Topics = append(d.Topics, TopicShare{Label: tp.Label})
			}
			d.Topics[i].Turns++
			d.Topics[i].Words += t.Words
		}
		for _, c := range t.Countries {
			countries.add(c.Name, c.Code)
		}
		for _, o := range t.Organisations {
			orgs.add(o, "")
		}
		for _, p := range t.People {
			people.add(p, "")
		}
	}
	for i := range d.Topics {
		d.Topics[i].TurnShare = share(d.Topics[i].Turns, d.Turns)
		d.Topics[i].WordShare = share(d.Topics[i].Words, d.Words)
	}
	sort.SliceStable(d.Speakers, func(i, j int) bool { return d.Speakers[i].Turns > d.Speakers[j].Turns })
	sort.SliceStable(d.Topics, func(i, j int) bool { return d.Topics[i].Turns > d.Topics[j].Turns })
	d.Countries, d.Organisations, d.People = countries.top(), orgs.top(), people.top()
	return d
}

func share(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return math.Round(float64(n)/float64(of)*1000) / 1000
}

// counter counts entities in order of first mention.
type counter struct {
	index map[string]int
	list  []EntityCount
}

func newCounter() *counter { return &counter{index: map[string]int{}, list: []EntityCount{}} }

func (c *counter) add(name, code string) {
	i, ok := c.index[name]
	if !ok {
		i = len(c.list)
		c.index[name] = i
		c.list = append(c.list, EntityCount{Name: name, Code: code})
	}
	c.list[i].Turns++
}

// top returns the TopEntities named in most turns, ties in order of first
// mention.
func (c *counter) top() []EntityCount {
	sort.SliceStable(c.list, func(i, j int) bool { return c.list[i].Turns > c.list[j].Turns })
	if len(c.list) > TopEntities {
		c.list = c.list[:TopEntities]
	}
	return c.list
}

// DocumentColumns are the documents CSV header, in order: a DocumentRecord
// flattened, each list joined by "; ", a count after "×".
var DocumentColumns = []string{
	"source", "doc_title", "doc_date", "turns", "words", "speakers",
	"topics", "topic_turn_shares", "topic_word_shares",
	"countries", "country_codes", "organisations", "people",
}

// Cells returns the record's CSV cells, in DocumentColumns order: speakers
// as "Jens Stoltenberg×12; Questioner×8" (an unnamed speaker under their
// role), shares as "Ukraine:0.400; Russia:0.250" and entities as
// "Ukraine×5; Russia×3".
func (d *DocumentRecord) Cells() []string {
	var speakers, topics, turnShares, wordShares, countries, codes, orgs, people []string
	for _, s := range d.Speakers {
		speakers = append(speakers, s.Label()+"×"+strconv.Itoa(s.Turns))
	}
	for _, t := range d.Topics {
		topics = append(topics, t.Label)
		turnShares = append(turnShares, t.Label+":"+strconv.FormatFloat(t.TurnShare, 'f', 3, 64))
		wordShares = append(wordShares, t.Label+":"+strconv.FormatFloat(t.WordShare, 'f', 3, 64))
	}
	counts := func(list []EntityCount) []string {
		var out []string
		for _, e := range list {
			out = append(out, e.Name+"×"+strconv.Itoa(e.Turns))
		}
		return out
	}
	for _, c := range d.Countries {
		codes = append(codes, c.Code)
	}
	countries, orgs, people = counts(d.Countries), counts(d.Organisations), counts(d.People)
	return []string{
		d.Source, d.DocTitle, d.DocDate, strconv.Itoa(d.Turns), strconv.Itoa(d.Words),
		strings.Join(speakers, "; "), strings.Join(topics, "; "),
		strings.Join(turnShares, "; "), strings.Join(wordShares, "; "),
		strings.Join(countries, "; "), strings.Join(codes, "; "),
		strings.Join(orgs, "; "), strings.Join(people, "; "),
	}
}

// DocumentCSVEncoder renders one CSV row per document, in DocumentColumns,
// as CSVEncoder renders turns.
type DocumentCSVEncoder struct {
	Raw bool // keep cells as they are instead of neutralising formulas
}

// Header returns the header row.
func (DocumentCSVEncoder) Header() []byte { return records([][]string{DocumentColumns}) }

// Encode renders the document's row.
func (e DocumentCSVEncoder) Encode(doc *transcript.Document) ([]byte, error) {
	d := DocumentOf(doc)
	row := d.Cells()
	if !e.Raw {
		for i, cell := range row {
			row[i] = Neutralize(cell)
		}
	}
	return records([][]string{row}), nil
}

// DocumentJSONLEncoder renders one DocumentRecord per line.
type DocumentJSONLEncoder struct{}

// Header returns nothing: JSON Lines has no header.
func (DocumentJSONLEncoder) Header() []byte { return nil }

// Encode renders the document's record.
func (DocumentJSONLEncoder) Encode(doc *transcript.Document) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	err := enc.Encode(DocumentOf(doc))
	return b.Bytes(), err
}

// ParquetDocument is a DocumentRecord as a typed Parquet row: the date a
// DATE, an empty title or date null, the lists lists of structs.
type ParquetDocument struct {
	Source        string                `parquet:"source"`
	DocTitle      *string               `parquet:"doc_title,optional"`
	DocDate       *int32                `parquet:"doc_date,date"` // days since 1970-01-01
	Turns         int                   `parquet:"turns"`
	Words         int                   `parquet:"words"`
	Speakers      []ParquetSpeakerCount `parquet:"speakers,list"`
	Topics        []TopicShare          `parquet:"topics,list"`
	Countries     []ParquetCountryCount `parquet:"countries,list"`
	Organisations []ParquetEntityCount  `parquet:"organisations,list"`
	People        []ParquetEntityCount  `parquet:"people,list"`
}

// ParquetSpeakerCount is a SpeakerCount with a null name for an unnamed
// speaker and a null role when there is none.
type ParquetSpeakerCount struct {
	Name  *string `parquet:"name,optional"`
	Role  *string `parquet:"role,optional"`
	Turns int     `parquet:"turns"`
	Words int     `parquet:"words"`
}

// ParquetCountryCount is a country, its ISO 3166-1 alpha-3 code and the
// turns that name it.
type ParquetCountryCount struct {
	Name  string `parquet:"name"`
	Code  string `parquet:"code"`
	Turns int    `parquet:"turns"`
}

// ParquetEntityCount is an organisation or a person and the turns that
// name them.
type ParquetEntityCount struct {
	Name  string `parquet:"name"`
	Turns int    `parquet:"turns"`
}

// Parquet returns the record as a typed Parquet row.
func (d *DocumentRecord) Parquet() ParquetDocument {
	p := ParquetDocument{
		Source: d.Source, DocTitle: optional(d.DocTitle), DocDate: ParseDate(d.DocDate),
		Turns: d.Turns, Words: d.Words, Topics: d.Topics,
		Speakers: []ParquetSpeakerCount{}, Countries: []ParquetCountryCount{},
		Organisations: []ParquetEntityCount{}, People: []ParquetEntityCount{},
	}
	for _, s := range d.Speakers {
		p.Speakers = append(p.Speakers, ParquetSpeakerCount{Name: optional(s.Name), Role: optional(s.Role), Turns: s.Turns, Words: s.Words})
	}
	for _, c := range d.Countries {
		p.Countries = append(p.Countries, ParquetCountryCount(c))
	}
	for _, o := range d.Organisations {
		p.Organisations = append(p.Organisations, ParquetEntityCount{Name: o.Name, Turns: o.Turns})
	}
	for _, o := range d.People {
		p.People = append(p.People, ParquetEntityCount{Name: o.Name, Turns: o.Turns})
	}
	return p
}
