package pipeline

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/tagger"
)

// Columns are the CSV header, in order.
var Columns = []string{
	"source", "doc_title", "doc_date", "turn", "speaker", "speaker_role", "speaker_affiliation",
	"topics", "topic_scores", "topic_evidence", "countries", "country_codes", "organisations",
	"people", "words", "text", "start", "end",
}

// Row returns the CSV cells of one turn (1-based n), in Columns order.
func Row(doc *Document, n int) []string {
	t := doc.Turns[n-1]
	var topics, scores, evidence []string
	for _, tag := range t.Tags {
		topics = append(topics, tag.Label)
		scores = append(scores, tag.Label+":"+strconv.FormatFloat(tag.Score, 'f', 2, 64))
		evidence = append(evidence, tag.Label+": "+FormatEvidence(tag.Evidence))
	}
	countries, codes := uniq(t.Mentions, lexicon.Country, func(m tagger.Mention) string { return m.Code })
	orgs, _ := uniq(t.Mentions, lexicon.Organisation, nil)
	people, _ := uniq(t.Mentions, lexicon.Person, nil)
	return []string{
		doc.Source, doc.Title, doc.Date, strconv.Itoa(n),
		t.Speaker.Name, t.Speaker.Role, t.Speaker.Affiliation,
		strings.Join(topics, "; "), strings.Join(scores, "; "), strings.Join(evidence, " | "),
		strings.Join(countries, "; "), strings.Join(codes, "; "),
		strings.Join(orgs, "; "), strings.Join(people, "; "),
		strconv.Itoa(doc.Words(t)), doc.TurnText(t), t.Start, t.End,
	}
}

// FormatEvidence renders cues as "Ukraine×3, Kyiv×1".
func FormatEvidence(cues []tagger.Cue) string {
	parts := make([]string, len(cues))
	for i, c := range cues {
		parts[i] = fmt.Sprintf("%s×%d", c.Label, c.Count)
	}
	return strings.Join(parts, ", ")
}

// uniq lists the canonical names of mentions of one type in order of first
// mention, without duplicates, with an extra field per name.
func uniq(ms []tagger.Mention, typ lexicon.Type, extra func(tagger.Mention) string) ([]string, []string) {
	seen := map[string]bool{}
	var names, extras []string
	for _, m := range ms {
		if m.Type != typ || seen[m.Canonical] {
			continue
		}
		seen[m.Canonical] = true
		names = append(names, m.Canonical)
		if extra != nil {
			extras = append(extras, extra(m))
		}
	}
	return names, extras
}

// CSVWriter writes turn rows (or, with Mentions set, mention rows) as RFC
// 4180 CSV with a header row.
type CSVWriter struct {
	w        *csv.Writer
	header   bool
	Mentions bool // one row per entity mention instead of per turn
	// Raw keeps cells as they are; by default a cell that a spreadsheet
	// would run as a formula (starting with =, +, -, @, tab or CR) gets a
	// leading apostrophe.
	Raw bool
}

// NewCSVWriter returns a writer to w.
func NewCSVWriter(w io.Writer) *CSVWriter {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return &CSVWriter{w: cw}
}

// WriteDocument writes one row per turn (or mention), the header row first.
func (c *CSVWriter) WriteDocument(doc *Document) error {
	if err := c.writeHeader(); err != nil {
		return err
	}
	for n := 1; n <= len(doc.Turns); n++ {
		rows := [][]string{Row(doc, n)}
		if c.Mentions {
			rows = rows[:0]
			for _, m := range Mentions(doc, n) {
				rows = append(rows, []string{m.Source, strconv.Itoa(m.Turn), strconv.Itoa(m.Start), strconv.Itoa(m.End),
					m.Text, m.Type, m.Canonical, m.ID, m.Origin})
			}
		}
		for _, row := range rows {
			if !c.Raw {
				for i, cell := range row {
					row[i] = Neutralize(cell)
				}
			}
			if err := c.w.Write(row); err != nil {
				return err
			}
		}
	}
	c.w.Flush()
	return c.w.Error()
}

func (c *CSVWriter) writeHeader() error {
	if c.header {
		return nil
	}
	c.header = true
	if c.Mentions {
		return c.w.Write(MentionColumns)
	}
	return c.w.Write(Columns)
}

// Flush writes the header if no document was written, and flushes.
func (c *CSVWriter) Flush() error {
	if err := c.writeHeader(); err != nil {
		return err
	}
	c.w.Flush()
	return c.w.Error()
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
