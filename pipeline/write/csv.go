package write

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"

	"github.com/turntag/turntag/pipeline/transcript"
)

// Columns are the turns CSV header, in order: a TurnRecord flattened, with
// each list joined by "; " and the topics' taxonomies, scores and evidence
// in columns of their own (topic_taxonomies holds the taxonomy of each
// label of topics, in the same order).
var Columns = []string{
	"source", "doc_title", "doc_date", "turn", "speaker", "speaker_role", "speaker_affiliation",
	"topics", "topic_taxonomies", "topic_scores", "topic_evidence", "countries", "country_codes", "organisations",
	"people", "addressed", "words", "text", "start", "end",
}

// MentionColumns are the mentions CSV header, in order: a MentionRecord's
// fields.
var MentionColumns = []string{"source", "turn", "start", "end", "text", "type", "canonical", "id", "origin"}

// Cells returns the record's CSV cells, in Columns order.
func (r *TurnRecord) Cells() []string {
	var topics, taxonomies, scores, evidence, countries, codes []string
	for _, t := range r.Topics {
		topics = append(topics, t.Label)
		taxonomies = append(taxonomies, t.Taxonomy)
		scores = append(scores, t.Label+":"+strconv.FormatFloat(t.Score, 'f', 2, 64))
		evidence = append(evidence, t.Label+": "+t.EvidenceText())
	}
	for _, c := range r.Countries {
		countries = append(countries, c.Name)
		codes = append(codes, c.Code)
	}
	return []string{
		r.Source, r.DocTitle, r.DocDate, strconv.Itoa(r.Turn),
		r.Speaker, r.SpeakerRole, r.SpeakerAffiliation,
		strings.Join(topics, "; "), strings.Join(taxonomies, "; "), strings.Join(scores, "; "), strings.Join(evidence, " | "),
		strings.Join(countries, "; "), strings.Join(codes, "; "),
		strings.Join(r.Organisations, "; "), strings.Join(r.People, "; "), strings.Join(r.Addressed, "; "),
		strconv.Itoa(r.Words), r.Text, r.Start, r.End,
	}
}

// Cells returns the record's CSV cells, in MentionColumns order.
func (m *MentionRecord) Cells() []string {
	return []string{m.Source, strconv.Itoa(m.Turn), strconv.Itoa(m.Start), strconv.Itoa(m.End),
		m.Text, m.Type, m.Canonical, m.ID, m.Origin}
}

// EvidenceText renders the topic's evidence as "Ukraine×3, Kyiv×1".
func (t TopicRecord) EvidenceText() string {
	parts := make([]string, len(t.Evidence))
	for i, c := range t.Evidence {
		parts[i] = c.Cue + "×" + strconv.Itoa(c.Count)
	}
	return strings.Join(parts, ", ")
}

// CSVEncoder renders turn rows (or, with Mentions set, mention rows) as
// RFC 4180 CSV in UTF-8, with CRLF between records. A line break inside a
// cell stays LF: the text cell is then the same string in CSV, JSON Lines
// and Parquet, and a mention's character offsets index it in all three.
type CSVEncoder struct {
	Mentions bool // one row per entity mention instead of per turn
	// Raw keeps cells as they are; by default a cell that a spreadsheet
	// would run as a formula (starting with =, +, -, @, tab or CR) gets a
	// leading apostrophe.
	Raw bool
}

// Header returns the header row.
func (c CSVEncoder) Header() []byte {
	cols := Columns
	if c.Mentions {
		cols = MentionColumns
	}
	return records([][]string{cols})
}

// Encode renders one row per turn (or mention) of doc.
func (c CSVEncoder) Encode(doc *transcript.Document) ([]byte, error) {
	var rows [][]string
	for n := 1; n <= len(doc.Turns); n++ {
		if !c.Mentions {
			r := Record(doc, n)
			rows = append(rows, r.Cells())
			continue
		}
		for _, m := range Mentions(doc, n) {
			rows = append(rows, m.Cells())
		}
	}
	if !c.Raw {
		for _, row := range rows {
			for i, cell := range row {
				row[i] = Neutralize(cell)
			}
		}
	}
	return records(rows), nil
}

// records renders rows with encoding/csv, each record ended by CRLF and
// line breaks inside cells kept as LF.
func records(rows [][]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	for _, r := range rows {
		w.Write(r) // writes to a bytes.Buffer do not fail
		w.Flush()
		b.Truncate(b.Len() - 1) // the record's LF
		b.WriteString("\r\n")
	}
	return b.Bytes()
}

// Neutralize prefixes a cell that a spreadsheet would execute as a formula
// with an apostrophe, as OWASP recommends for CSV opened in Excel.
func Neutralize(cell string) string {
	if cell == "" {
		return cell
	}
	switch cell[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + cell
	}
	return cell
}
