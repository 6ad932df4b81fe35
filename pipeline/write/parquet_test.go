package write_test

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/pipeline/write"
	"github.com/turntag/turntag/tagger"
)

// parquetDocs tags a briefing with a date and a title, and a subtitle
// file with cue times and no title.
func parquetDocs(t *testing.T) []*transcript.Document {
	t.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	p := pipeline.New(tagger.New(lex, nil))
	var docs []*transcript.Document
	for _, f := range []struct{ name, src string }{
		{"b.txt", "Press Briefing on Ukraine\nNovember 28, 2023\n\nMODERATOR: Russia invaded Ukraine, and Kyiv asked NATO for air defence.\n\nQ: And China?\n"},
		{"s.srt", "1\n00:00:01,000 --> 00:00:04,500\nMODERATOR: Welcome to Brussels.\n\n2\n00:01:02,250 --> 00:01:05,000\nQ: What about Ukraine?\n"},
	} {
		doc, err := p.Document(context.Background(), f.name, []byte(f.src))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
	}
	return docs
}

// writeParquet writes the documents with w and returns the file.
func writeParquet(t *testing.T, docs []*transcript.Document, newWriter func(*bytes.Buffer) *write.ParquetWriter) *bytes.Reader {
	t.Helper()
	var buf bytes.Buffer
	w := newWriter(&buf)
	for _, doc := range docs {
		if err := w.WriteDocument(doc); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return bytes.NewReader(buf.Bytes())
}

// columnTypes reads a Parquet file's schema as it is stored in the footer
// and describes each column by its dotted path: repetition, physical type
// (for leaves) and logical type, such as "OPTIONAL INT32 DATE".
func columnTypes(t *testing.T, r *bytes.Reader) map[string]string {
	t.Helper()
	f, err := parquet.OpenFile(r, r.Size())
	if err != nil {
		t.Fatal(err)
	}
	elems := f.Metadata().Schema
	out := map[string]string{}
	var walk func(i int, prefix string) int
	walk = func(i int, prefix string) int {
		e := elems[i]
		path := strings.TrimPrefix(prefix+"."+e.Name, ".")
		var desc []string
		if rep, ok := e.RepetitionType.Get(); ok {
			desc = append(desc, rep.String())
		}
		if typ, ok := e.Type.Get(); ok {
			desc = append(desc, typ.String())
		}
		if lt := e.LogicalType.String(); lt != "" {
			desc = append(desc, lt)
		}
		out[path] = strings.Join(desc, " ")
		next := i + 1
		n, _ := e.NumChildren.Get()
		for c := int32(0); c < n; c++ {
			next = walk(next, path)
		}
		return next
	}
	root := elems[0]
	next := 1
	n, _ := root.NumChildren.Get()
	for c := int32(0); c < n; c++ {
		next = walk(next, "")
	}
	return out
}

// checkTypes compares every column's type with want, and lists the
// columns either side has that the other lacks.
func checkTypes(t *testing.T, got, want map[string]string) {
	t.Helper()
	var paths []string
	for p := range got {
		paths = append(paths, p)
	}
	for p := range want {
		if _, ok := got[p]; !ok {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	for _, p := range paths {
		if got[p] != want[p] {
			t.Errorf("column %s: got %q, want %q", p, got[p], want[p])
		}
	}
}

// TestParquetTypes reads the turns, mentions and documents files back with
// parquet-go's reader and checks each column's logical type: dates are
// DATE, subtitle times TIME in milliseconds, missing values nullable,
// topic evidence a list of (topic, cue, count) structs.
func TestParquetTypes(t *testing.T) {
	docs := parquetDocs(t)
	const (
		str    = "REQUIRED BYTE_ARRAY STRING"
		optStr = "OPTIONAL BYTE_ARRAY STRING"
		i64    = "REQUIRED INT64 INT(64,true)"
		f64    = "REQUIRED DOUBLE"
		list   = "REQUIRED LIST"
		rep    = "REPEATED"
		elem   = "REQUIRED"
	)
	t.Run("turns", func(t *testing.T) {
		r := writeParquet(t, docs, func(b *bytes.Buffer) *write.ParquetWriter { return write.NewParquetWriter(b, false) })
		checkTypes(t, columnTypes(t, r), map[string]string{
			"source": str, "doc_title": optStr, "doc_date": "OPTIONAL INT32 DATE", "turn": i64,
			"speaker": optStr, "speaker_role": optStr, "speaker_affiliation": optStr,
			"topics": list, "topics.list": rep, "topics.list.element": elem,
			"topics.list.element.label": str, "topics.list.element.taxonomy": str, "topics.list.element.score": f64,
			"topic_evidence": list, "topic_evidence.list": rep, "topic_evidence.list.element": elem,
			"topic_evidence.list.element.topic": str, "topic_evidence.list.element.cue": str, "topic_evidence.list.element.count": i64,
			"countries": list, "countries.list": rep, "countries.list.element": elem,
			"countries.list.element.name": str, "countries.list.element.code": str,
			"organisations": list, "organisations.list": rep, "organisations.list.element": str,
			"people": list, "people.list": rep, "people.list.element": str,
			"addressed": list, "addressed.list": rep, "addressed.list.element": str,
			"words": i64, "text": str,
			"start": "OPTIONAL INT64 TIME(isAdjustedToUTC=false,unit=NANOS)",
			"end":   "OPTIONAL INT64 TIME(isAdjustedToUTC=false,unit=NANOS)",
		})
		rows, err := parquet.Read[write.ParquetTurn](r, r.Size())
		if err != nil || len(rows) != 4 {
			t.Fatalf("read %d rows: %v", len(rows), err)
		}
		b, s := rows[0], rows[3]
		if b.DocDate == nil || *b.DocDate != int32(time.Date(2023, 11, 28, 0, 0, 0, 0, time.UTC).Unix()/86400) || b.Start != nil || b.Speaker != nil ||
			b.SpeakerRole == nil || *b.SpeakerRole != "Moderator" || b.DocTitle == nil || *b.DocTitle != "Press Briefing on Ukraine" {
			t.Errorf("briefing turn: %s", show(b))
		}
		if len(b.TopicEvidence) == 0 || b.TopicEvidence[0] != (write.ParquetEvidence{Topic: b.Topics[0].Label, Cue: "Ukraine", Count: 1}) ||
			b.Countries[0].Code != "RUS" || b.Organisations[0] != "NATO" {
			t.Errorf("briefing turn 1 topics and entities: %s", show(b))
		}
		if s.DocTitle != nil || s.DocDate != nil || s.Start == nil || *s.Start != time.Minute+2250*time.Millisecond ||
			s.End == nil || *s.End != time.Minute+5*time.Second {
			t.Errorf("subtitle turn: %s", show(s))
		}
	})
	t.Run("mentions", func(t *testing.T) {
		r := writeParquet(t, docs, func(b *bytes.Buffer) *write.ParquetWriter { return write.NewParquetWriter(b, true) })
		checkTypes(t, columnTypes(t, r), map[string]string{
			"source": str, "turn": i64, "start": i64, "end": i64, "text": str, "type": str,
			"canonical": str, "id": optStr, "origin": str,
		})
		rows, err := parquet.Read[write.ParquetMention](r, r.Size())
		if err != nil || len(rows) == 0 || rows[0].Canonical != "Russia" || rows[0].Start != 0 || rows[0].End != 6 || rows[0].ID == nil || *rows[0].ID != "rus" {
			t.Errorf("mentions: %v %s", err, show(rows))
		}
	})
	t.Run("documents", func(t *testing.T) {
		r := writeParquet(t, docs, func(b *bytes.Buffer) *write.ParquetWriter { return write.NewDocumentParquetWriter(b) })
		checkTypes(t, columnTypes(t, r), map[string]string{
			"source": str, "doc_title": optStr, "doc_date": "OPTIONAL INT32 DATE", "turns": i64, "words": i64,
			"speakers": list, "speakers.list": rep, "speakers.list.element": elem,
			"speakers.list.element.name": optStr, "speakers.list.element.role": optStr,
			"speakers.list.element.turns": i64, "speakers.list.element.words": i64,
			"topics": list, "topics.list": rep, "topics.list.element": elem,
			"topics.list.element.label": str, "topics.list.element.turns": i64, "topics.list.element.turn_share": f64,
			"topics.list.element.words": i64, "topics.list.element.word_share": f64,
			"countries": list, "countries.list": rep, "countries.list.element": elem,
			"countries.list.element.name": str, "countries.list.element.code": str, "countries.list.element.turns": i64,
			"organisations": list, "organisations.list": rep, "organisations.list.element": elem,
			"organisations.list.element.name": str, "organisations.list.element.turns": i64,
			"people": list, "people.list": rep, "people.list.element": elem,
			"people.list.element.name": str, "people.list.element.turns": i64,
		})
		rows, err := parquet.Read[write.ParquetDocument](r, r.Size())
		if err != nil || len(rows) != 2 {
			t.Fatalf("documents: %v %s", err, show(rows))
		}
		if d := rows[0]; d.Turns != 2 || d.DocDate == nil || len(d.Topics) == 0 || d.Topics[0].TurnShare != 0.5 || d.Countries[0].Code != "RUS" {
			t.Errorf("briefing: %s", show(d))
		}
		if d := rows[1]; d.DocDate != nil || d.DocTitle != nil || len(d.Speakers) != 2 {
			t.Errorf("subtitles: %s", show(d))
		}
	})
}

// show prints a row with its pointers followed.
func show(v any) string {
	s := fmt.Sprintf("%+v", v)
	return s
}
