package tagbeam

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/pipeline/write"
)

// DocumentRecord is the roll-up of one tagged document: one row per file.
type DocumentRecord struct {
	Source   string       `json:"source" parquet:"source"`
	DocTitle string       `json:"doc_title" parquet:"doc_title"`
	DocDate  string       `json:"doc_date" parquet:"doc_date"` // ISO 8601 date, "" when unknown
	Turns    int          `json:"turns" parquet:"turns"`
	Words    int          `json:"words" parquet:"words"`
	Topics   []TopicShare `json:"topics" parquet:"topics,list"` // by descending share of turns, then label
}

// TopicShare is how much of a document carries one topic: the share of
// its turns tagged with it, and the share of its words in those turns,
// each in [0, 1] with 3 decimals.
type TopicShare struct {
	Label     string  `json:"label" parquet:"label"`
	TurnShare float64 `json:"turn_share" parquet:"turn_share"`
	WordShare float64 `json:"word_share" parquet:"word_share"`
}

// DocumentColumns are the documents CSV header, in order: a
// DocumentRecord flattened, each list joined by "; ".
var DocumentColumns = []string{"source", "doc_title", "doc_date", "turns", "words", "topics", "topic_turn_shares", "topic_word_shares"}

// Document returns the roll-up of a tagged document.
//
// For a document of 4 turns (10, 20, 30 and 40 words) whose second and
// fourth turns are tagged Ukraine, Ukraine's turn share is 0.5 and its
// word share 0.6.
func Document(doc *transcript.Document) DocumentRecord {
	r := DocumentRecord{Source: doc.Source, DocTitle: doc.Title, DocDate: doc.Date, Turns: len(doc.Turns), Topics: []TopicShare{}}
	turns := map[string]int{}
	words := map[string]int{}
	for _, t := range doc.Turns {
		w := doc.Words(t)
		r.Words += w
		for _, tag := range t.Tags {
			turns[tag.Label]++
			words[tag.Label] += w
		}
	}
	for label, n := range turns {
		s := TopicShare{Label: label, TurnShare: round3(float64(n) / float64(r.Turns))}
		if r.Words > 0 {
			s.WordShare = round3(float64(words[label]) / float64(r.Words))
		}
		r.Topics = append(r.Topics, s)
	}
	sort.Slice(r.Topics, func(i, j int) bool {
		a, b := r.Topics[i], r.Topics[j]
		if turns[a.Label] != turns[b.Label] {
			return turns[a.Label] > turns[b.Label]
		}
		return a.Label < b.Label
	})
	return r
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// Cells returns the record's CSV cells, in DocumentColumns order.
func (r DocumentRecord) Cells() []string {
	var labels, turns, words []string
	for _, t := range r.Topics {
		labels = append(labels, t.Label)
		turns = append(turns, t.Label+":"+strconv.FormatFloat(t.TurnShare, 'f', 3, 64))
		words = append(words, t.Label+":"+strconv.FormatFloat(t.WordShare, 'f', 3, 64))
	}
	return []string{r.Source, r.DocTitle, r.DocDate, strconv.Itoa(r.Turns), strconv.Itoa(r.Words),
		strings.Join(labels, "; "), strings.Join(turns, "; "), strings.Join(words, "; ")}
}

// DocumentEncoder renders one DocumentRecord per document as a
// write.Encoder: CSV like the turns (CRLF between records, formula cells
// neutralised unless Raw), or JSON Lines with JSONL set.
type DocumentEncoder struct {
	JSONL bool
	Raw   bool
}

// Header returns the CSV header row, or nothing for JSON Lines.
func (e DocumentEncoder) Header() []byte {
	if e.JSONL {
		return nil
	}
	return csvRecord(DocumentColumns)
}

// Encode renders the document's roll-up.
func (e DocumentEncoder) Encode(doc *transcript.Document) ([]byte, error) {
	r := Document(doc)
	if e.JSONL {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		err := enc.Encode(r)
		return b.Bytes(), err
	}
	cells := r.Cells()
	if !e.Raw {
		for i, c := range cells {
			cells[i] = write.Neutralize(c)
		}
	}
	return csvRecord(cells), nil
}

// csvRecord renders one CSV record ended by CRLF, as the turns CSV does.
func csvRecord(cells []string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = false
	w.Write(cells) // writes to a bytes.Buffer do not fail
	w.Flush()
	b.Truncate(b.Len() - 1)
	b.WriteString("\r\n")
	return b.Bytes()
}

var _ write.Encoder = DocumentEncoder{}
