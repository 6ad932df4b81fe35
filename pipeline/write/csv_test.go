package write

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

// TestCSVRowsMatchEncodingCSV checks that records quote as encoding/csv
// does, with CRLF only between records, and that the result reads back.
func TestCSVRowsMatchEncodingCSV(t *testing.T) {
	rows := [][]string{
		{"plain", "", "with, comma", `with "quotes"`, "line\nbreak", " leading space", "\u00a0nbsp", `\.`, "tab\tinside", "×3; Kyiv"},
		{"=SUM(A1)", "@x", "-1", "+2", "é", "a\"b\"c"},
	}
	var want bytes.Buffer
	w := csv.NewWriter(&want)
	w.UseCRLF = true
	w.WriteAll(rows)
	got := records(rows)
	// encoding/csv with UseCRLF writes a line break inside a cell as CRLF;
	// turntag keeps LF there and CRLF between records
	if wantLF := strings.ReplaceAll(want.String(), "\r\n", "\n"); strings.ReplaceAll(string(got), "\r\n", "\n") != wantLF {
		t.Errorf("got\n%q\nwant\n%q", got, want.String())
	}
	if !bytes.Contains(got, []byte("\"line\nbreak\"")) || !bytes.HasSuffix(got, []byte("\r\n")) {
		t.Errorf("line breaks: got %q", got)
	}
	r := csv.NewReader(bytes.NewReader(got))
	r.FieldsPerRecord = -1
	back, err := r.ReadAll()
	if err != nil || len(back) != 2 || back[0][3] != `with "quotes"` || back[0][4] != "line\nbreak" {
		t.Errorf("read back: %v %q", err, back)
	}
}

// recordsByCSV is records written with encoding/csv, as it first was:
// the reference for FuzzRecords.
func recordsByCSV(rows [][]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	for _, r := range rows {
		w.Write(r)
		w.Flush()
		b.Truncate(b.Len() - 1) // the record's LF
		b.WriteString("\r\n")
	}
	return b.Bytes()
}

func FuzzRecords(f *testing.F) {
	f.Add("plain", "with, comma", `with "quotes"`, "line\nbreak\r")
	f.Add(" leading", "\u00a0nbsp", `\.`, "")
	f.Add("\u2028x", "\xff", `"`, "\t")
	f.Fuzz(func(t *testing.T, a, b, c, d string) {
		rows := [][]string{{a, b}, {c, d, a}}
		if got, want := records(rows), recordsByCSV(rows); !bytes.Equal(got, want) {
			t.Errorf("records(%q) = %q, want %q", rows, got, want)
		}
	})
}

func TestNeutralize(t *testing.T) {
	for in, want := range map[string]string{"=1+1": "'=1+1", "+x": "'+x", "-x": "'-x", "@x": "'@x", "\tx": "'\tx", "\rx": "'\rx", "x=1": "x=1", "": ""} {
		if got := Neutralize(in); got != want {
			t.Errorf("Neutralize(%q) = %q, want %q", in, got, want)
		}
	}
}
