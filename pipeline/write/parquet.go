package write

import (
	"io"

	"github.com/parquet-go/parquet-go"

	"github.com/turntag/turntag/pipeline/transcript"
)

// ParquetWriter writes TurnRecords (or MentionRecords) as one Parquet
// file, for DuckDB, pandas and R: lists are Parquet lists, a topic with
// its score and evidence a struct. Call Close to write the footer.
type ParquetWriter struct {
	turns    *parquet.GenericWriter[TurnRecord]
	mentions *parquet.GenericWriter[MentionRecord]
}

// NewParquetWriter returns a writer of turns, or of mentions, to w.
func NewParquetWriter(w io.Writer, mentions bool) *ParquetWriter {
	if mentions {
		return &ParquetWriter{mentions: parquet.NewGenericWriter[MentionRecord](w)}
	}
	return &ParquetWriter{turns: parquet.NewGenericWriter[TurnRecord](w)}
}

// WriteDocument writes the document's rows.
func (p *ParquetWriter) WriteDocument(doc *transcript.Document) error {
	if p.mentions != nil {
		var rows []MentionRecord
		for n := 1; n <= len(doc.Turns); n++ {
			rows = append(rows, Mentions(doc, n)...)
		}
		_, err := p.mentions.Write(rows)
		return err
	}
	rows := make([]TurnRecord, 0, len(doc.Turns))
	for n := 1; n <= len(doc.Turns); n++ {
		rows = append(rows, Record(doc, n))
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
