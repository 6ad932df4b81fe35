package write

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/tagger"
)

// Columns are the CSV header, in order.
var Columns = []string{
	"source", "doc_title", "doc_date", "turn", "speaker", "speaker_role", "speaker_affiliation",
	"topics", "topic_scores", "topic_evidence", "countries", "country_codes", "organisations",
	"people", "words", "text", "start", "end",
}

// Row returns the CSV cells of one turn (1-based n), in Columns order.
func Row(doc *transcript.Document, n int) []string {
	t := doc.Turns[n-1]
	var topics, scores []string
	for _, tag := range t.Tags {
		topics = append(topics, tag.Label)
		scores = append(scores, tag.Label+":"+strconv.FormatFloat(tag.Score, 'f', 2, 64))
	}
	countries, codes := uniq(t.Mentions, lexicon.Country, func(m tagger.Mention) string { return m.Code })
	orgs, _ := uniq(t.Mentions, lexicon.Organisation, nil)
	people, _ := uniq(t.Mentions, lexicon.Person, nil)
	return []string{
		doc.Source, doc.Title, doc.Date, strconv.Itoa(n),
		t.Speaker.Name, t.Speaker.Role, t.Speaker.Affiliation,
		strings.Join(topics, "; "), strings.Join(scores, "; "), evidenceCell(t.Tags),
		strings.Join(countries, "; "), strings.Join(codes, "; "),
		strings.Join(orgs, "; "), strings.Join(people, "; "),
		strconv.Itoa(doc.Words(t)), doc.TurnText(t), t.Start, t.End,
	}
}

// evidenceCell renders a turn's tags as the topic_evidence cell:
// "Ukraine: Ukraine×3, Kyiv×1 | China: Beijing×1".
func evidenceCell(tags []tagger.Tag) string {
	parts := make([]string, len(tags))
	for i, tag := range tags {
		parts[i] = tag.Label + ": " + FormatEvidence(tag.Evidence)
	}
	return strings.Join(parts, " | ")
}

// FormatEvidence renders cues as "Ukraine×3, Kyiv×1".
func FormatEvidence(cues []tagger.Cue) string {
	var b strings.Builder
	for i, c := range cues {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(c.Text)
		b.WriteString("×")
		b.WriteString(strconv.Itoa(c.Count))
	}
	return b.String()
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

// CSVEncoder renders turn rows (or, with Mentions set, mention rows) as
// RFC 4180 CSV in UTF-8 with CRLF line ends.
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
	return c.rows([][]string{cols})
}

// Encode renders one row per turn (or mention) of doc.
func (c CSVEncoder) Encode(doc *transcript.Document) ([]byte, error) {
	var rows [][]string
	for n := 1; n <= len(doc.Turns); n++ {
		if !c.Mentions {
			rows = append(rows, Row(doc, n))
			continue
		}
		for _, m := range Mentions(doc, n) {
			rows = append(rows, []string{m.Source, strconv.Itoa(m.Turn), strconv.Itoa(m.Start), strconv.Itoa(m.End),
				m.Text, m.Type, m.Canonical, m.ID, m.Origin})
		}
	}
	if !c.Raw {
		for _, row := range rows {
			for i, cell := range row {
				row[i] = Neutralize(cell)
			}
		}
	}
	return c.rows(rows), nil
}

// rows renders records as RFC 4180 CSV with CRLF line ends, quoting as
// encoding/csv does (a field with a comma, quote, CR or LF, or a leading
// space, is quoted; quotes are doubled), appending to one buffer. A line
// break inside a cell is written as LF alone, not as CRLF as encoding/csv
// would: the text cell is then the same string in CSV, JSON Lines and
// Parquet, and a mention's character offsets index it in all three.
func (c CSVEncoder) rows(rows [][]string) []byte {
	n := 0
	for _, r := range rows {
		for _, f := range r {
			n += len(f) + 3
		}
	}
	b := make([]byte, 0, n+n/16)
	for _, r := range rows {
		for i, f := range r {
			if i > 0 {
				b = append(b, ',')
			}
			if !needsQuotes(f) {
				b = append(b, f...)
				continue
			}
			b = append(b, '"')
			for len(f) > 0 {
				j := strings.IndexAny(f, "\"\r\n")
				if j < 0 {
					b = append(b, f...)
					break
				}
				b = append(b, f[:j]...)
				switch f[j] {
				case '"':
					b = append(b, '"', '"')
				case '\r': // dropped: a line break inside a cell is LF alone
				case '\n':
					b = append(b, '\n') // kept as LF, so that character offsets index the cell as written
				}
				f = f[j+1:]
			}
			b = append(b, '"')
		}
		b = append(b, '\r', '\n')
	}
	return b
}

// needsQuotes mirrors encoding/csv's rule for a comma-separated field.
func needsQuotes(f string) bool {
	if f == "" {
		return false
	}
	if f == `\.` {
		return true
	}
	if r, _ := utf8.DecodeRuneInString(f); unicode.IsSpace(r) {
		return true
	}
	return strings.ContainsAny(f, ",\"\r\n")
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
