package write

import (
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/turntag/turntag/pipeline/transcript"
)

// ParquetWriter writes turns, mentions or documents as one typed Parquet
// file, for DuckDB, pandas and R: dates are DATE, subtitle times TIME,
// missing values null, lists Parquet lists and a topic's evidence a list
// of structs. Call Close to write the footer.
type ParquetWriter struct {
	turns     *parquet.GenericWriter[ParquetTurn]
	mentions  *parquet.GenericWriter[ParquetMention]
	documents *parquet.GenericWriter[ParquetDocument]
}

// NewParquetWriter returns a writer of turns, or of mentions, to w.
func NewParquetWriter(w io.Writer, mentions bool) *ParquetWriter {
	if mentions {
		return &ParquetWriter{mentions: parquet.NewGenericWriter[ParquetMention](w)}
	}
	return &ParquetWriter{turns: parquet.NewGenericWriter[ParquetTurn](w)}
}

// NewDocumentParquetWriter returns a writer of one row per document to w.
func NewDocumentParquetWriter(w io.Writer) *ParquetWriter {
	return &ParquetWriter{documents: parquet.NewGenericWriter[ParquetDocument](w)}
}

// WriteDocument writes the document's rows.
func (p *ParquetWriter) WriteDocument(doc *transcript.Document) error {
	switch {
	case p.mentions != nil:
		var rows []ParquetMention
		for n := 1; n <= len(doc.Turns); n++ {
			for _, m := range Mentions(doc, n) {
				rows = append(rows, m.Parquet())
			}
		}
		_, err := p.mentions.Write(rows)
		return err
	case p.documents != nil:
		d := DocumentOf(doc)
		_, err := p.documents.Write([]ParquetDocument{d.Parquet()})
		return err
	}
	rows := make([]ParquetTurn, 0, len(doc.Turns))
	for n := 1; n <= len(doc.Turns); n++ {
		r := Record(doc, n)
		rows = append(rows, r.Parquet())
	}
	_, err := p.turns.Write(rows)
	return err
}

// Close flushes the rows and writes the file's footer.
func (p *ParquetWriter) Close() error {
	switch {
	case p.mentions != nil:
		return p.mentions.Close()
	case p.documents != nil:
		return p.documents.Close()
	}
	return p.turns.Close()
}

// ParquetTurn is a TurnRecord as a typed Parquet row. TurnRecord builds
// the values; this only types them: the date is a DATE (days since
// 1970-01-01), subtitle times are TIME in nanoseconds since the start of
// the recording, an empty title, speaker, role, affiliation or time is
// null, and the evidence of every topic is one list of (topic, cue,
// count) structs. (parquet-go v0.32 writes time.Time as a DATE and a
// time.Duration as a TIME of another unit wrongly, so the date is an
// int32 and the times are nanoseconds, the unit it writes.)
type ParquetTurn struct {
	Source             string            `parquet:"source"`
	DocTitle           *string           `parquet:"doc_title,optional"`
	DocDate            *int32            `parquet:"doc_date,date"` // days since 1970-01-01; null when unknown
	Turn               int               `parquet:"turn"`          // 1-based
	Speaker            *string           `parquet:"speaker,optional"`
	SpeakerRole        *string           `parquet:"speaker_role,optional"`
	SpeakerAffiliation *string           `parquet:"speaker_affiliation,optional"`
	Topics             []ParquetTopic    `parquet:"topics,list"`         // by descending score
	TopicEvidence      []ParquetEvidence `parquet:"topic_evidence,list"` // in the order of Topics, each topic's cues by descending count
	Countries          []CountryRecord   `parquet:"countries,list"`
	Organisations      []string          `parquet:"organisations,list"`
	People             []string          `parquet:"people,list"`
	Addressed          []string          `parquet:"addressed,list"`
	Words              int               `parquet:"words"`
	Text               string            `parquet:"text"`
	Start              *time.Duration    `parquet:"start,time(nanosecond:local)"` // subtitles only; null otherwise
	End                *time.Duration    `parquet:"end,time(nanosecond:local)"`
}

// ParquetTopic is a topic of a turn with its score in (0, 1].
type ParquetTopic struct {
	Label    string  `parquet:"label"`
	Taxonomy string  `parquet:"taxonomy"` // security, agendas, …
	Score    float64 `parquet:"score"`
}

// ParquetEvidence is one cue of one topic's evidence and how often it
// fired in the turn.
type ParquetEvidence struct {
	Topic string `parquet:"topic"` // the topic's label
	Cue   string `parquet:"cue"`
	Count int    `parquet:"count"`
}

// ParquetMention is a MentionRecord as a Parquet row; the id of a name the
// lexicon does not know is null.
type ParquetMention struct {
	Source    string  `parquet:"source"`
	Turn      int     `parquet:"turn"`
	Start     int     `parquet:"start"` // character offset into the turn's text
	End       int     `parquet:"end"`
	Text      string  `parquet:"text"`
	Type      string  `parquet:"type"`
	Canonical string  `parquet:"canonical"`
	ID        *string `parquet:"id,optional"`
	Origin    string  `parquet:"origin"`
}

// Parquet returns the record as a typed Parquet row.
func (r *TurnRecord) Parquet() ParquetTurn {
	p := ParquetTurn{
		Source: r.Source, DocTitle: optional(r.DocTitle), DocDate: ParseDate(r.DocDate), Turn: r.Turn,
		Speaker: optional(r.Speaker), SpeakerRole: optional(r.SpeakerRole), SpeakerAffiliation: optional(r.SpeakerAffiliation),
		Topics: make([]ParquetTopic, 0, len(r.Topics)), TopicEvidence: []ParquetEvidence{},
		Countries: r.Countries, Organisations: r.Organisations, People: r.People, Addressed: r.Addressed,
		Words: r.Words, Text: r.Text, Start: ParseClock(r.Start), End: ParseClock(r.End),
	}
	for _, t := range r.Topics {
		p.Topics = append(p.Topics, ParquetTopic{Label: t.Label, Taxonomy: t.Taxonomy, Score: t.Score})
		for _, c := range t.Evidence {
			p.TopicEvidence = append(p.TopicEvidence, ParquetEvidence{Topic: t.Label, Cue: c.Cue, Count: c.Count})
		}
	}
	return p
}

// Parquet returns the mention as a Parquet row.
func (m *MentionRecord) Parquet() ParquetMention {
	return ParquetMention{Source: m.Source, Turn: m.Turn, Start: m.Start, End: m.End, Text: m.Text,
		Type: m.Type, Canonical: m.Canonical, ID: optional(m.ID), Origin: m.Origin}
}

// optional returns nil for an empty string: a null in Parquet.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// ParseDate reads an ISO 8601 date (2023-11-28) as days since 1970-01-01,
// Parquet's DATE; nil when s is empty or not a date.
func ParseDate(s string) *int32 {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return nil
	}
	days := int32(t.Unix() / 86400) // midnight UTC: an exact multiple
	return &days
}

// ParseClock reads a subtitle time (HH:MM:SS.mmm, or with a comma before
// the milliseconds) as the time since the start of the recording; nil when
// s is empty or not such a time.
func ParseClock(s string) *time.Duration {
	hms, frac, _ := strings.Cut(strings.Replace(s, ",", ".", 1), ".")
	parts := strings.Split(hms, ":")
	if s == "" || len(parts) < 2 || len(parts) > 3 {
		return nil
	}
	var d time.Duration
	for _, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return nil
		}
		d = d*60 + time.Duration(n)
	}
	d *= time.Second
	if frac != "" {
		ms, err := strconv.Atoi((frac + "00")[:3])
		if err != nil || ms < 0 {
			return nil
		}
		d += time.Duration(ms) * time.Millisecond
	}
	return &d
}
