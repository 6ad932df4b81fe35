package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/turntag/turntag/pipeline/read"
)

var update = flag.Bool("update", false, "rewrite golden files")

// run runs the CLI in process, as main does, and returns its stdout,
// stderr and error.
func run(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errs bytes.Buffer
	err := runApp(context.Background(), newApp(&out, &errs), append([]string{"turntag"}, args...))
	return out.String(), errs.String(), err
}

// transcripts lists the bundled testdata transcripts that turntag reads:
// those in testdata/transcripts and the real ones under testdata/real.
func transcripts(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, root := range []string{filepath.Join("testdata", "transcripts"), filepath.Join("testdata", "real")} {
		err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			if _, ferr := read.DetectFormat(p); ferr == nil {
				out = append(out, p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(out) == 0 {
		t.Fatal("no transcripts in testdata/transcripts")
	}
	return out
}

// goldenPath returns the golden file of a transcript in one output: for
// testdata/transcripts/<name>.<ext> it is testdata/golden/<kind>/<name><ext>,
// for testdata/real/<layout>/<name>.<ext> testdata/golden/<kind>/real/<layout>/<name><ext>,
// where the turns CSV's kind is "" (testdata/golden/<name>.csv).
func goldenPath(path, kind, ext string) string {
	rel, _ := filepath.Rel("testdata", path)
	dir := filepath.Dir(rel)
	if filepath.ToSlash(dir) == "transcripts" {
		dir = ""
	}
	return filepath.Join("testdata", "golden", kind, dir, strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))+ext)
}

// goldenOutputs are the outputs checked against golden files: the turns
// as CSV and as JSON Lines, and the mentions as CSV.
var goldenOutputs = []struct {
	kind, ext string
	args      []string // after "tag --quiet"; MENTIONS is replaced by a path whose content is compared
}{
	{"", ".csv", nil},
	{"jsonl", ".jsonl", []string{"--format", "jsonl"}},
	{"mentions", ".csv", []string{"-o", "TURNS", "--mentions", "MENTIONS"}},
}

// TestGolden tags every testdata transcript with the default lexicon and
// NER, and compares each output in goldenOutputs with its golden file
// under testdata/golden.
func TestGolden(t *testing.T) {
	t.Chdir("../..")
	tmp := t.TempDir()
	for _, path := range transcripts(t) {
		name := strings.TrimSuffix(filepath.ToSlash(strings.TrimPrefix(path, "testdata"+string(filepath.Separator))), filepath.Ext(path))
		for _, out := range goldenOutputs {
			t.Run(filepath.Join(out.kind, name), func(t *testing.T) {
				args := []string{"tag", "--quiet"}
				mentions := ""
				for _, a := range out.args {
					switch a {
					case "TURNS":
						a = filepath.Join(tmp, "turns.csv")
					case "MENTIONS":
						mentions = filepath.Join(tmp, "mentions.csv")
						a = mentions
					}
					args = append(args, a)
				}
				got, errs, err := run(t, append(args, path)...)
				if err != nil {
					t.Fatalf("tag %s: %v\n%s", path, err, errs)
				}
				if mentions != "" {
					b, err := os.ReadFile(mentions)
					if err != nil {
						t.Fatal(err)
					}
					got = string(b)
				}
				checkGolden(t, path, goldenPath(path, out.kind, out.ext), got)
			})
		}
	}
}

// checkGolden compares got with the golden file, or rewrites it with
// -update.
func checkGolden(t *testing.T, path, golden, got string) {
	t.Helper()
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
		t.Errorf("%s differs from %s at line %s; if the change is intended, run go test ./... -update and read the diff", path, golden, firstDiff(got, string(want)))
	}
}

// firstDiff describes the first line where a and b differ.
func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(la) || i < len(lb); i++ {
		var x, y string
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if x != y {
			return strconv.Itoa(i+1) + "\n got: " + x + "\nwant: " + y
		}
	}
	return "?"
}

// TestDeterministic runs the whole testdata twice, with parallel workers,
// and expects byte-identical output.
func TestDeterministic(t *testing.T) {
	t.Chdir("../..")
	files := transcripts(t)
	a, _, err := run(t, append([]string{"tag", "--quiet", "-j", "4"}, files...)...)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := run(t, append([]string{"tag", "--quiet", "-j", "1"}, files...)...)
	if err != nil {
		t.Fatal(err)
	}
	if a != b {
		t.Errorf("two runs differ at line %s", firstDiff(a, b))
	}
}
