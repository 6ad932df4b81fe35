package tagbeam

import (
	"flag"
	"os"
	"runtime"
	"strings"
	"testing"
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

// TestForPrism raises GOMAXPROCS for a run on Prism and leaves it alone
// for other runners.
func TestForPrism(t *testing.T) {
	if os.Getenv("GOMAXPROCS") != "" {
		t.Skip("GOMAXPROCS is set")
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, tc := range []struct {
		runner string
		want   int
	}{{"dataflow", 1}, {"flink", 1}, {"prism", PrismProcs}, {"", PrismProcs}} {
		runtime.GOMAXPROCS(1)
		ForPrism(tc.runner)
		if got := runtime.GOMAXPROCS(0); got != tc.want {
			t.Errorf("--runner %q: GOMAXPROCS %d, want %d", tc.runner, got, tc.want)
		}
	}
}
