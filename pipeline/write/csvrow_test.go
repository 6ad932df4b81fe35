package write

import (
	"bytes"
	"context"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline"
	"github.com/turntag/turntag/pipeline/read"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/tagger"
)

// encodeByRecords is CSVEncoder.Encode as it was, through Record,
// Mentions and their Cells: the reference for the rows it writes.
func encodeByRecords(c CSVEncoder, doc *transcript.Document) []byte {
	var b []byte
	row := func(cells []string) {
		if !c.Raw {
			for i, cell := range cells {
				cells[i] = Neutralize(cell)
			}
		}
		b = appendRecord(b, cells)
	}
	for n := 1; n <= len(doc.Turns); n++ {
		if !c.Mentions {
			r := Record(doc, n)
			row(r.Cells())
			continue
		}
		for _, m := range Mentions(doc, n) {
			row(m.Cells())
		}
	}
	return b
}

var encoders = []CSVEncoder{{}, {Raw: true}, {Mentions: true}, {Mentions: true, Raw: true}}

// writers render documents in every mode into buffers they reuse, from
// one checkEncode to the next.
var writers = map[CSVEncoder]*Writer{}

// checkEncode compares Encode, and a Writer's encoder that reuses its
// buffers, with encodeByRecords on doc, in every mode.
func checkEncode(t *testing.T, doc *transcript.Document) {
	t.Helper()
	for _, c := range encoders {
		want := encodeByRecords(c, doc)
		got, err := c.Encode(doc)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("%s, %+v:\ngot  %q\nwant %q", doc.Source, c, got, want)
		}
		w := writers[c]
		if w == nil {
			w = NewWriter(io.Discard, c)
			writers[c] = w
		}
		got, err = w.Encoder().Encode(doc)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("%s, %+v, through a Writer:\ngot  %q\nwant %q", doc.Source, c, got, want)
		}
		if err := w.WriteEncoded(got); err != nil {
			t.Fatal(err)
		}
	}
}

// TestEncodeMatchesRecords checks that the rows of the tagged testdata
// transcripts are those their records give.
func TestEncodeMatchesRecords(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	p := pipeline.New(tagger.New(lex, nil))
	paths, _ := filepath.Glob("../../testdata/transcripts/*")
	real, _ := filepath.Glob("../../testdata/real/*/*")
	for _, path := range append(paths, real...) {
		if _, err := read.DetectFormat(path); err != nil {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := p.Document(context.Background(), path, src)
		if err != nil {
			t.Fatal(err)
		}
		checkEncode(t, doc)
	}
}

// FuzzEncode checks Encode against encodeByRecords on a one-turn document
// made of the inputs: its text, a mention, a tag and the speaker.
func FuzzEncode(f *testing.F) {
	paths, _ := filepath.Glob("../../testdata/transcripts/*.txt")
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		for i, para := range strings.Split(string(src), "\n\n") {
			if i%7 == 0 {
				f.Add(para, "Ukraine", "Security, defence", "-Name", uint8(3))
			}
		}
	}
	f.Add("=1+1, \"quoted\"\r\n", "@x", "\u00a0topic", `\.`, uint8(0))
	f.Add(" lead", "\t\"a\"", "+", "\u2028", uint8(1))
	f.Fuzz(func(t *testing.T, text, canonical, label, speaker string, k uint8) {
		text = transcript.NormalizeSpace(text) // mention offsets index the turn's normalised text
		end := min(len(text), int(k))
		m := tagger.Mention{Start: 0, End: end, Text: text[:end], Canonical: canonical, Code: label, ID: speaker, Origin: tagger.FromLexicon}
		ms := []tagger.Mention{m}
		for i, typ := range []lexicon.Type{lexicon.Country, lexicon.Organisation, lexicon.Person, lexicon.Person, lexicon.Country} {
			m.Type = typ
			if i == 3 || k%3 == 0 {
				m.Origin = tagger.FromAddress
			}
			ms = append(ms, m)
		}
		doc := &transcript.Document{Source: speaker, Title: label, Date: canonical, Body: text,
			Turns: []transcript.Turn{{
				Text:     transcript.Span{End: len(text)},
				Speaker:  transcript.Speaker{Name: speaker, Role: text, Affiliation: canonical},
				Start:    label,
				Mentions: ms[:int(k)%len(ms)+1],
				Tags: []tagger.Tag{{Label: label, Taxonomy: canonical, Score: float64(k) / 7,
					Evidence: []tagger.Cue{{Text: canonical, Count: int(k)}, {Text: speaker, Count: 1}}},
					{Label: canonical, Taxonomy: label}}[:int(k)%3],
			}, {Text: transcript.Span{Start: end, End: len(text)}, Speaker: transcript.Speaker{Name: label}}}}
		checkEncode(t, doc)
	})
}

// FuzzCell checks a cell written by str, and by close after it was
// appended, against appendCell of the cell neutralised, raw or not.
func FuzzCell(f *testing.F) {
	for _, c := range []string{"", "a", "=1", "-a, b", `\.`, " x", "\u00a0x", "\tx", "\r", `"q"`, "@\"x\"",
		strings.Repeat("long, ", 20), "=" + strings.Repeat(`a"`, 40), " " + strings.Repeat("b", 70)} {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, cell string) {
		for _, raw := range []bool{false, true} {
			want := cell
			if !raw {
				want = Neutralize(cell)
			}
			wantb := appendCell([]byte("x"), want)
			w := &rowWriter{raw: raw, b: []byte("x")}
			w.str(cell)
			if w.b[1] != ',' {
				t.Fatalf("str(%q) wrote no comma first: %q", cell, w.b)
			}
			if got := string(w.b[2:]); got != string(wantb[1:]) {
				t.Fatalf("str(%q), raw %v: %q; want %q", cell, raw, got, wantb[1:])
			}
			w.b = append(w.b[:0], 'x')
			p := w.open()
			w.b = append(w.b, cell...)
			w.close(p)
			if got := string(w.b[2:]); got != string(wantb[1:]) {
				t.Fatalf("close(%q), raw %v: %q; want %q", cell, raw, got, wantb[1:])
			}
		}
	})
}

// FuzzNumbers checks appendInt and appendScore against strconv.
func FuzzNumbers(f *testing.F) {
	for _, x := range []float64{0, 0.125, 0.005, 1.005, 2.675, 99.995, 9999.999, math.Copysign(0, -1), -1, 1e6, 0.994999999} {
		f.Add(x, int64(x*1000))
	}
	f.Fuzz(func(t *testing.T, x float64, n int64) {
		if got, want := appendScore(nil, x), strconv.AppendFloat(nil, x, 'f', 2, 64); string(got) != string(want) {
			t.Fatalf("appendScore(%v) = %s; want %s", x, got, want)
		}
		if got, want := appendInt(nil, int(n)), strconv.AppendInt(nil, n, 10); string(got) != string(want) {
			t.Fatalf("appendInt(%d) = %s; want %s", n, got, want)
		}
	})
}

// TestScores checks appendScore against strconv on every hundredth and
// the thousandths around them, from 0 to 20.
func TestScores(t *testing.T) {
	for i := 0; i <= 20000; i++ {
		for _, x := range []float64{float64(i) / 1000, float64(i)/1000 + 1e-9, float64(i)/1000 - 1e-9, float64(i) * 0.001} {
			if got, want := appendScore(nil, x), strconv.AppendFloat(nil, x, 'f', 2, 64); string(got) != string(want) {
				t.Fatalf("appendScore(%v) = %s; want %s", x, got, want)
			}
		}
	}
}
