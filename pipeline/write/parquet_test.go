package write_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline"
	"github.com/turntag/turntag/pipeline/write"
	"github.com/turntag/turntag/tagger"
)

// TestParquetRoundTrip writes turns and mentions as Parquet and reads them
// back.
func TestParquetRoundTrip(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := pipeline.New(tagger.New(lex, nil)).Document(context.Background(), "b.txt", []byte("MODERATOR: Russia invaded Ukraine, and Kyiv asked NATO for air defence.\n\nQ: And China?\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, mentions := range []bool{false, true} {
		var buf bytes.Buffer
		w := write.NewParquetWriter(&buf, mentions)
		if err := w.WriteDocument(doc); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		r := bytes.NewReader(buf.Bytes())
		if mentions {
			rows, err := parquet.Read[write.MentionRecord](r, r.Size())
			if err != nil || len(rows) != 4 || rows[0].Canonical != "Russia" || rows[0].Start != 0 || rows[0].End != 6 {
				t.Errorf("mentions: %v %+v", err, rows)
			}
			continue
		}
		rows, err := parquet.Read[write.TurnRecord](r, r.Size())
		if err != nil || len(rows) != 2 {
			t.Fatalf("turns: %v %+v", err, rows)
		}
		first := rows[0]
		if first.SpeakerRole != "Moderator" || first.Topics[0].Label != "Ukraine" || first.Topics[0].Score <= 0 ||
			first.Countries[0].Code != "RUS" || first.Organisations[0] != "NATO" || len(first.Topics[0].Evidence) == 0 {
			t.Errorf("turn 1: %+v", first)
		}
	}
}
