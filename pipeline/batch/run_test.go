package batch

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline"
	"github.com/turntag/turntag/tagger"
)

// TestRunnerFileVanishes removes a file between listing and reading: it is
// reported by name and the others are tagged, in input order.
func TestRunnerFileVanishes(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a.txt", "b.txt", "c.txt"} {
		os.WriteFile(filepath.Join(dir, n), []byte("MODERATOR: Hello from "+n+".\n"), 0o644)
	}
	inputs, errs := Expand([]string{dir}, Filter{})
	if len(errs) > 0 || len(inputs) != 3 {
		t.Fatalf("expand: %v %v", inputs, errs)
	}
	os.Remove(filepath.Join(dir, "b.txt"))
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	r := &Runner{Pipeline: pipeline.New(tagger.New(lex, nil)), Jobs: 3}
	var got []string
	err = r.Run(context.Background(), inputs, func(res Result) error {
		if res.Err != nil {
			got = append(got, "error:"+res.Err.Error())
		} else {
			got = append(got, res.Input.Source)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0] != "a.txt" || !strings.HasPrefix(got[1], "error:b.txt: stat: no such file") || got[2] != "c.txt" {
		t.Errorf("results %q", got)
	}
}

func TestExpandFilters(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "x", ".hidden"), 0o755)
	for _, n := range []string{"b.txt", "a.md", "x/c.txt", "x/d.srt", "x/.hidden/e.txt", ".f.txt"} {
		os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644)
	}
	inputs, _ := Expand([]string{dir}, Filter{Include: []string{"*.txt", "*.md"}, Exclude: []string{"x/c.txt"}})
	var got []string
	for _, in := range inputs {
		got = append(got, in.Source)
	}
	if strings.Join(got, ",") != "a.md,b.txt" {
		t.Errorf("sources %v", got)
	}
	_, errs := Expand([]string{filepath.Join(dir, "missing")}, Filter{})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "missing") {
		t.Errorf("missing path: %v", errs)
	}
}
