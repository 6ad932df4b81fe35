package read

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/turntag/turntag/pipeline/transcript"
)

// TestParseGolden parses every testdata transcript and compares what the
// reader found (metadata, byline, and each turn's line, label parts and
// opening words) with testdata/golden/parse/<name>.txt: the reader's
// spec, one line per turn.
func TestParseGolden(t *testing.T) {
	r := testReader(t)
	var paths []string
	for _, pattern := range []string{"../../testdata/transcripts/*", "../../testdata/real/*/*"} {
		ps, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			if _, err := DetectFormat(p); err == nil {
				paths = append(paths, p)
			}
		}
	}
	if len(paths) < 20 {
		t.Fatalf("%d transcripts in testdata", len(paths))
	}
	for _, path := range paths {
		rel, _ := filepath.Rel("../../testdata", path)
		rel = strings.TrimPrefix(filepath.ToSlash(rel), "transcripts/")
		t.Run(rel, func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := r.Parse(filepath.ToSlash(rel), src)
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("../../testdata/golden/parse", strings.TrimSuffix(rel, filepath.Ext(rel))+".txt")
			got := describeDoc(doc)
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./... -update to create it)", err)
			}
			if got != string(want) {
				gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
				for i := range min(len(gl), len(wl)) {
					if gl[i] != wl[i] {
						t.Fatalf("%s differs from %s at line %d:\n got: %s\nwant: %s\nif the change is intended, run go test ./... -update and read the diff", path, golden, i+1, gl[i], wl[i])
					}
				}
				t.Fatalf("%s: %d lines, %s has %d; run go test ./... -update if intended", path, len(gl), golden, len(wl))
			}
		})
	}
}

// describeDoc renders what the reader found, one turn per line.
func describeDoc(d *transcript.Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s\ndate: %s\nurl: %s\n", d.Title, d.Date, d.URL)
	for _, p := range d.Byline {
		fmt.Fprintf(&b, "byline: %s | %s\n", p.Name, p.Role)
	}
	fmt.Fprintf(&b, "header: %d bytes; skipped: %d; warnings: %d\n", d.Header.Len(), len(d.Skipped), len(d.Warnings))
	for i, t := range d.Turns {
		l := t.Label
		words := strings.Fields(d.TurnText(t))
		if len(words) > 8 {
			words = append(words[:8], "…")
		}
		fmt.Fprintf(&b, "%d line %d [%s]", i+1, t.Line, d.Body[t.LabelSpan.Start:t.LabelSpan.End])
		for _, f := range [][2]string{{"role", l.Role}, {"title", l.Title}, {"name", l.Name}, {"aff", l.Affiliation}} {
			if f[1] != "" {
				fmt.Fprintf(&b, " %s=%q", f[0], f[1])
			}
		}
		if l.Question {
			b.WriteString(" Q")
		}
		if t.Start != "" {
			fmt.Fprintf(&b, " %s-%s", t.Start, t.End)
		}
		fmt.Fprintf(&b, ": %s\n", strings.Join(words, " "))
	}
	return b.String()
}
