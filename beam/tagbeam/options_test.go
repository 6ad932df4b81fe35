package tagbeam

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/tagger"
)

// update is accepted so that `go test ./... -update` runs here too; this
// package has no golden files.
var _ = flag.Bool("update", false, "rewrite golden files (none in this package)")

func TestSource(t *testing.T) {
	tests := []struct {
		name, glob, path, base, source string
		hidden                         bool
	}{
		{name: "folder", glob: "testdata/transcripts/*", path: "testdata/transcripts/a.txt", base: "testdata/transcripts/", source: "a.txt"},
		{name: "dot slash", glob: "./x/*.txt", path: "x/a.txt", base: "./x/", source: "a.txt"},
		{name: "bare", glob: "*.txt", path: "a.txt", base: "", source: "a.txt"},
		{name: "absolute", glob: "/data/[a-z]*/*.md", path: "/data/y/b.md", base: "/data/", source: "y/b.md"},
		{name: "no wildcard", glob: "/data/one.txt", path: "/data/one.txt", base: "/data/", source: "one.txt"},
		{name: "gcs", glob: "gs://bucket/archive/*/*.txt", path: "gs://bucket/archive/2024/a.txt", base: "gs://bucket/archive/", source: "2024/a.txt"},
		{name: "hidden file", glob: "x/*", path: "x/.a.txt", base: "x/", source: ".a.txt", hidden: true},
		{name: "hidden folder", glob: "x/*/*", path: "x/.git/a.txt", base: "x/", source: ".git/a.txt", hidden: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := GlobBase(tt.glob)
			if base != tt.base {
				t.Errorf("GlobBase(%q) = %q, want %q", tt.glob, base, tt.base)
			}
			if got := Source(base, tt.path); got != tt.source {
				t.Errorf("Source(%q, %q) = %q, want %q", base, tt.path, got, tt.source)
			}
			if got := hidden(tt.source); got != tt.hidden {
				t.Errorf("hidden(%q) = %v", tt.source, got)
			}
		})
	}
}

// TestDocument checks the roll-up on the example of its doc comment.
func TestDocument(t *testing.T) {
	var body strings.Builder
	doc := &transcript.Document{Source: "a.txt", Title: "T", Date: "2024-01-02"}
	for i, n := range []int{10, 20, 30, 40} {
		start := body.Len()
		body.WriteString(strings.Repeat("word ", n))
		turn := transcript.Turn{Text: transcript.Span{Start: start, End: body.Len()}}
		if i%2 == 1 {
			turn.Tags = []tagger.Tag{{Label: "Ukraine"}}
		}
		if i == 3 {
			turn.Tags = append(turn.Tags, tagger.Tag{Label: "China"})
		}
		doc.Turns = append(doc.Turns, turn)
		body.WriteString("\n")
	}
	doc.Body = body.String()
	got := Document(doc)
	cells := strings.Join(got.Cells(), "|")
	want := "a.txt|T|2024-01-02|4|100|Ukraine; China|Ukraine:0.500; China:0.250|Ukraine:0.600; China:0.400"
	if cells != want {
		t.Errorf("cells\n%s\nwant\n%s", cells, want)
	}
	b, _ := DocumentEncoder{JSONL: true}.Encode(doc)
	if !strings.HasPrefix(string(b), `{"source":"a.txt","doc_title":"T","doc_date":"2024-01-02","turns":4,"words":100,"topics":[{"label":"Ukraine","turn_share":0.5,"word_share":0.6}`) {
		t.Errorf("jsonl %s", b)
	}
}

// TestCoreModuleHasNoBeam keeps Beam out of the core module's
// dependencies: its users must never pull it in.
func TestCoreModuleHasNoBeam(t *testing.T) {
	b, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "apache/beam") {
		t.Error("the core module's go.mod mentions apache/beam: Beam belongs in beam/go.mod alone")
	}
}
