package write

import (
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

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

// Encode renders one row per turn (or mention) of doc. It writes the
// cells that Record and Mentions would give straight into the document's
// buffer, without building the records.
func (c CSVEncoder) Encode(doc *transcript.Document) ([]byte, error) {
	return c.appendDocument(make([]byte, 0, c.sizeHint(doc)), doc)
}

// appendDocument is Encode appending to b.
func (c CSVEncoder) appendDocument(b []byte, doc *transcript.Document) ([]byte, error) {
	r := rowWriters.Get().(*rowWriter)
	defer rowWriters.Put(r)
	r.raw, r.b = c.Raw, b
	if c.Mentions {
		r.startMentions(doc)
	} else {
		r.start(doc)
	}
	for n := 1; n <= len(doc.Turns); n++ {
		if c.Mentions {
			r.mentionRows(doc, n)
		} else {
			r.turnRow(doc, n)
		}
	}
	b, r.b = r.b, nil
	return b, nil
}

// rowWriters keep the lists a rowWriter reuses from one document to the
// next; only its b leaves Encode.
var rowWriters = sync.Pool{New: func() any { return new(rowWriter) }}

// sizeHint guesses the bytes of doc's rows, so that the buffer seldom
// grows: each turn's text and the document's source and title, or each
// mention's source, and room for the other cells.
func (c CSVEncoder) sizeHint(doc *transcript.Document) int {
	n := 0
	for i := range doc.Turns {
		if c.Mentions {
			n += len(doc.Turns[i].Mentions) * (len(doc.Source) + 96)
		} else {
			n += len(doc.TurnTextAt(i)) + len(doc.Source) + len(doc.Title) + 256
		}
	}
	return n
}

// records renders rows as CSV (RFC 4180, quoted as encoding/csv quotes),
// each record ended by CRLF and line breaks inside cells kept as LF.
// encoding/csv's UseCRLF would write those as CRLF too, so the records are
// written here.
func records(rows [][]string) []byte {
	var b []byte
	for _, r := range rows {
		b = appendRecord(b, r)
	}
	return b
}

// appendRecord appends one record and its CRLF to b.
func appendRecord(b []byte, row []string) []byte {
	for i, cell := range row {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendCell(b, cell)
	}
	return append(b, '\r', '\n')
}

// appendCell appends one cell, in double quotes with its quotes doubled
// when it needs them.
func appendCell(b []byte, cell string) []byte {
	if !needsQuotes(cell) {
		return append(b, cell...)
	}
	b = appendEscaped(append(b, '"'), cell)
	return append(b, '"')
}

// needsQuotes reports whether a cell is quoted, as encoding/csv decides:
// it holds a comma, a quote or a line break, starts with white space, or
// is the \. that ends data in PostgreSQL.
func needsQuotes(cell string) bool {
	if cell == "" {
		return false
	}
	if cell == `\.` {
		return true
	}
	if hasSpecial(cell) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(cell)
	return unicode.IsSpace(r)
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
