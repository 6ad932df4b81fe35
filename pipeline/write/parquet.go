package write

import (
	"io"

	"github.com/parquet-go/parquet-go"
	"github.com/turntag/turntag/pipeline/transcript"
)

// ParquetTurn is one turn as a Parquet row: the CSV's columns, with the
// multi-valued ones as lists (topic_scores pairs with topics by position).
type ParquetTurn struct {
	Source             string    `parquet:"source"`
	DocTitle           string    `parquet:"doc_title"`
	DocDate            string    `parquet:"doc_date"`
	Turn               int32     `parquet:"turn"`
	Speaker            string    `parquet:"speaker"`
	SpeakerRole        string    `parquet:"speaker_role"`
	SpeakerAffiliation string    `parquet:"speaker_affiliation"`
	Topics             []string  `parquet:"topics,list"`
	TopicScores        []float64 `parquet:"topic_scores,list"`
	TopicEvidence      string    `parquet:"topic_evidence"`
	Countries          []string  `parquet:"countries,list"`
	CountryCodes       []string  `parquet:"country_codes,list"`
	Organisations      []string  `parquet:"organisations,list"`
	People             []string  `parquet:"people,list"`
	Words              int32     `parquet:"words"`
	Text               string    `parquet:"text"`
	Start              string    `parquet:"start"`
	End                string    `parquet:"end"`
}

// ParquetMention is one entity mention as a Parquet row.
type ParquetMention struct {
	Source    string `parquet:"source"`
	Turn      int32  `parquet:"turn"`
	Start     int32  `parquet:"start"`
	End       int32  `parquet:"end"`
	Text      string `parquet:"text"`
	Type      string `parquet:"type"`
	Canonical string `parquet:"canonical"`
	ID        string `parquet:"id"`
	Origin    string `parquet:"origin"`
}

// ParquetWriter writes turns (or mentions) as one Parquet file, for DuckDB,
// pandas and R. Call Close to write the footer.
type ParquetWriter struct {
	turns    *parquet.GenericWriter[ParquetTurn]
	mentions *parquet.GenericWriter[ParquetMention]
}

// NewParquetWriter returns a writer of turns, or of mentions, to w.
func NewParquetWriter(w io.Writer, mentions bool) *ParquetWriter {
	if mentions {
		return &ParquetWriter{mentions: parquet.NewGenericWriter[ParquetMention](w)}
	}
	return &ParquetWriter{turns: parquet.NewGenericWriter[ParquetTurn](w)}
}

// WriteDocument writes the document's rows.
func (p *ParquetWriter) WriteDocument(doc *transcript.Document) error {
	if p.mentions != nil {
		var rows []ParquetMention
		for n := 1; n <= len(doc.Turns); n++ {
			for _, m := range Mentions(doc, n) {
				rows = append(rows, ParquetMention{Source: m.Source, Turn: int32(m.Turn), Start: int32(m.Start), End: int32(m.End),
					Text: m.Text, Type: m.Type, Canonical: m.Canonical, ID: m.ID, Origin: m.Origin})
			}
		}
		_, err := p.mentions.Write(rows)
		return err
	}
	rows := make([]ParquetTurn, 0, len(doc.Turns))
	for n := 1; n <= len(doc.Turns); n++ {
		r := Record(doc, n)
		pt := ParquetTurn{Source: r.Source, DocTitle: r.DocTitle, DocDate: r.DocDate, Turn: int32(r.Turn),
			Speaker: r.Speaker, SpeakerRole: r.SpeakerRole, SpeakerAffiliation: r.SpeakerAffiliation,
			Organisations: r.Organisations, People: r.People, Words: int32(r.Words), Text: r.Text, Start: r.Start, End: r.End}
		for _, t := range r.Topics {
			pt.Topics = append(pt.Topics, t.Label)
			pt.TopicScores = append(pt.TopicScores, t.Score)
		}
		pt.TopicEvidence = evidenceCell(doc.Turns[n-1].Tags) // the CSV's cell, one format for both
		for _, c := range r.Countries {
			pt.Countries = append(pt.Countries, c.Name)
			pt.CountryCodes = append(pt.CountryCodes, c.Code)
		}
		rows = append(rows, pt)
	}
	_, err := p.turns.Write(rows)
	return err
}

// Close flushes the rows and writes the file's footer.
func (p *ParquetWriter) Close() error {
	if p.mentions != nil {
		return p.mentions.Close()
	}
	return p.turns.Close()
}
