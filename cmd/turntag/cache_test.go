package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// fromCache returns the "(N from the cache)" count of a run's summary.
func fromCache(t *testing.T, stderr string) string {
	t.Helper()
	m := regexp.MustCompile(`\((\d+) from the cache\)`).FindStringSubmatch(stderr)
	if m == nil {
		return "0"
	}
	return m[1]
}

// TestCacheRerun tags a folder twice with --cache: the second run reads
// every file from the cache and writes the same bytes; after one file
// changes only that file is tagged again, and the output is what a run
// without the cache writes.
func TestCacheRerun(t *testing.T) {
	in := t.TempDir()
	srcs, _ := filepath.Glob("../../testdata/transcripts/*.txt")
	if len(srcs) < 3 {
		t.Fatal("too few transcripts")
	}
	for _, p := range srcs {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, in, filepath.Base(p), b)
	}
	cache := filepath.Join(t.TempDir(), "cache")
	tag := func(extra ...string) (string, string) {
		t.Helper()
		out, errs, err := run(t, append(append([]string{"tag", "--ner", "off"}, extra...), in)...)
		if err != nil {
			t.Fatalf("tag: %v\n%s", err, errs)
		}
		return out, errs
	}
	first, errs := tag("--cache", cache)
	if n := fromCache(t, errs); n != "0" {
		t.Errorf("first run: %s files from the cache", n)
	}
	second, errs := tag("--cache", cache)
	if n := fromCache(t, errs); n != strconv.Itoa(len(srcs)) {
		t.Errorf("second run: %s of %d files from the cache\n%s", n, len(srcs), errs)
	}
	if second != first {
		t.Error("second run: output differs from the first")
	}

	changed := filepath.Join(in, filepath.Base(srcs[1]))
	f, err := os.OpenFile(changed, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("\nMODERATOR: One more question, on Ukraine and NATO.\n")
	f.Close()
	third, errs := tag("--cache", cache)
	if n := fromCache(t, errs); n != strconv.Itoa(len(srcs)-1) {
		t.Errorf("after changing one file: %s of %d files from the cache", n, len(srcs))
	}
	fresh, _ := tag()
	if third != fresh {
		t.Error("after changing one file: output differs from a run without the cache")
	}
	if third == first {
		t.Error("after changing one file: output unchanged")
	}

	// JSON Lines and mentions are other outputs: not served from CSV entries
	jsonl, errs := tag("--cache", cache, "--format", "jsonl")
	if n := fromCache(t, errs); n != "0" {
		t.Errorf("--format jsonl: %s files from the CSV entries", n)
	}
	if again, _ := tag("--cache", cache, "--format", "jsonl"); again != jsonl {
		t.Error("--format jsonl: cached output differs")
	}
}

// TestCacheLexicon checks that a changed lexicon file invalidates the
// cache: a person added to it is tagged, and removed again is not.
func TestCacheLexicon(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", []byte("MODERATOR: Today Zorblax Quintavian met the press in Brussels.\n"))
	lex := filepath.Join(dir, "extra.yaml")
	cache := filepath.Join(dir, "cache")
	tag := func() (string, string) {
		t.Helper()
		out, errs, err := run(t, "tag", "--ner", "off", "--cache", cache, "--lexicon", lex, filepath.Join(dir, "a.txt"))
		if err != nil {
			t.Fatalf("tag: %v\n%s", err, errs)
		}
		return out, errs
	}
	writeFile(t, dir, "extra.yaml", []byte("people:\n  - id: zorblax-quintavian\n    name: Zorblax Quintavian\n"))
	out, _ := tag()
	if !strings.Contains(out, "Zorblax Quintavian") || strings.Count(out, "Zorblax Quintavian") < 2 {
		t.Fatalf("the lexicon's person is not tagged:\n%s", out)
	}
	if again, errs := tag(); again != out || fromCache(t, errs) != "1" {
		t.Errorf("same lexicon: from the cache %s, same output %v", fromCache(t, errs), again == out)
	}
	writeFile(t, dir, "extra.yaml", []byte("people:\n  - id: someone-else\n    name: Someone Else Entirely\n"))
	out2, errs := tag()
	if fromCache(t, errs) != "0" || strings.Count(out2, "Zorblax Quintavian") != 1 {
		t.Errorf("changed lexicon: from the cache %s, output:\n%s", fromCache(t, errs), out2)
	}
}

// TestCacheTaxonomy checks that the taxonomies and the dictionaries are
// part of the cache's key: a rerun with other topics is tagged again and
// writes what a run without the cache writes.
func TestCacheTaxonomy(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", []byte("MODERATOR: The budget deficit and NATO's defence spending in Ukraine.\n"))
	dic := filepath.Join(dir, "extra.dic")
	writeFile(t, dir, "extra.dic", []byte("%\n1\tmoney\n%\ndeficit\t1\n"))
	cache := filepath.Join(t.TempDir(), "cache")
	tag := func(cached bool, extra ...string) (string, string) {
		t.Helper()
		a := append([]string{"tag", "--ner", "off"}, extra...)
		if cached {
			a = append(a, "--cache", cache)
		}
		out, errs, err := run(t, append(a, filepath.Join(dir, "a.txt"))...)
		if err != nil {
			t.Fatalf("tag %v: %v\n%s", extra, err, errs)
		}
		return out, errs
	}
	for _, extra := range [][]string{nil, {"--taxonomy", "agendas"}, {"--taxonomy", "all"}, {"--dictionary", dic}} {
		want, _ := tag(false, extra...)
		if got, errs := tag(true, extra...); got != want {
			t.Errorf("%v, first run with the cache (%s from it): output differs from a run without", extra, fromCache(t, errs))
		}
		if got, errs := tag(true, extra...); got != want || fromCache(t, errs) != "1" {
			t.Errorf("%v, rerun: %s from the cache, same output %v", extra, fromCache(t, errs), got == want)
		}
	}
	writeFile(t, dir, "extra.dic", []byte("%\n1\tmoney\n%\nspending\t1\n"))
	want, _ := tag(false, "--dictionary", dic)
	if got, errs := tag(true, "--dictionary", dic); got != want || fromCache(t, errs) != "0" {
		t.Errorf("changed dictionary: %s from the cache, same output as without %v", fromCache(t, errs), got == want)
	}
}

// TestCacheUsage refuses --cache with Parquet and inside an input folder,
// and reports a bad lexicon option with the cache as without it.
func TestCacheUsage(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", []byte("MODERATOR: Hello.\n"))
	for name, args := range map[string][]string{
		"parquet":      {"tag", "--cache", filepath.Join(t.TempDir(), "c"), "--format", "parquet", "-o", filepath.Join(t.TempDir(), "x.parquet"), dir},
		"inside input": {"tag", "--cache", filepath.Join(dir, "cache"), dir},
		"is the input": {"tag", "--cache", dir, dir},
	} {
		_, errs, err := run(t, args...)
		if exitCode(err) != exitUsage || !strings.Contains(errs+message(err), "--cache") {
			t.Errorf("%s: exit %d, %v %s", name, exitCode(err), err, errs)
		}
	}
	// the lexicon is loaded on the first file not in the cache: its
	// problems are still reported, with their own exit code, and nothing
	// is written, with files to tag or none
	cache := filepath.Join(t.TempDir(), "c")
	for _, in := range []string{dir, t.TempDir()} {
		out, errs, err := run(t, "tag", "--ner", "off", "--cache", cache, "--taxonomy", "bogus", in)
		if exitCode(err) != exitUsage || !strings.Contains(errs+message(err), `unknown taxonomy "bogus"`) || out != "" {
			t.Errorf("--taxonomy bogus over %s: exit %d, %v %s, output %q", in, exitCode(err), err, errs, out)
		}
	}
}

// TestCacheInterruptedBuild cancels a run with --cache while the lexicon
// loads for its first file: the run stops as interrupted, and the load,
// which goes on in the background, shares nothing unguarded with it (run
// with -race).
func TestCacheInterruptedBuild(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", []byte("MODERATOR: Hello.\n"))
	var lex strings.Builder
	lex.WriteString("people:\n")
	for i := range 20000 { // a lexicon slow enough to load that the run is cancelled meanwhile
		fmt.Fprintf(&lex, "  - id: p%d\n    name: Zorblax%d Quintavian%d\n", i, i, i)
	}
	writeFile(t, dir, "big.yaml", []byte(lex.String()))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	start := time.Now()
	time.AfterFunc(500*time.Millisecond, cancel)
	var out, errs bytes.Buffer
	err := newApp(&out, &errs).RunContext(ctx, []string{"turntag", "tag", "--ner", "off", "-q", "--cache", filepath.Join(dir, "cache"),
		"--lexicon", filepath.Join(dir, "big.yaml"), "-o", filepath.Join(dir, "out.csv"), filepath.Join(dir, "a.txt")})
	t.Logf("returned after %v", time.Since(start))
	if err == nil {
		t.Skip("the run ended before it was cancelled")
	}
	if !strings.HasPrefix(err.Error(), "interrupted after 0 of 1 files") || exitCode(err) != 1 {
		t.Errorf("error %v (exit status %d), want interrupted", err, exitCode(err))
	}
	time.Sleep(3 * time.Second) // the load finishes in the background
}

// TestCacheBadFiles gives a --lexicon or --dictionary that cannot be read
// or loaded: the error and the exit status are those of a run without
// --cache.
func TestCacheBadFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", []byte("MODERATOR: Hello.\n"))
	writeFile(t, dir, "laughs.yaml", []byte("a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"+
		"d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"))
	for _, args := range [][]string{
		{"--lexicon", filepath.Join(dir, "missing.yaml")},
		{"--dictionary", filepath.Join(dir, "missing.dic")},
		{"--lexicon", filepath.Join(dir, "laughs.yaml")},
		{"--lexicon", dir},
	} {
		_, _, want := run(t, append([]string{"tag", "-q", "--ner", "off"}, append(args, filepath.Join(dir, "a.txt"))...)...)
		_, _, got := run(t, append([]string{"tag", "-q", "--ner", "off", "--cache", filepath.Join(dir, "cache")}, append(args, filepath.Join(dir, "a.txt"))...)...)
		if want == nil || got == nil || got.Error() != want.Error() || exitCode(got) != exitCode(want) {
			t.Errorf("%v: with --cache %v (exit status %d), without %v (exit status %d)", args, got, exitCode(got), want, exitCode(want))
		}
	}
}

// TestCacheBuildIDNotRegular puts a named pipe where the cache remembers
// the build's hash: the run neither waits on it nor reads it.
func TestCacheBuildIDNotRegular(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", []byte("MODERATOR: Hello.\n"))
	cache := filepath.Join(dir, "cache")
	os.MkdirAll(cache, 0o700)
	if err := syscall.Mkfifo(filepath.Join(cache, "build-id"), 0o600); err != nil {
		t.Skip("no named pipes:", err)
	}
	done := make(chan error, 1)
	go func() {
		_, _, err := run(t, "tag", "-q", "--ner", "off", "--cache", cache, filepath.Join(dir, "a.txt"))
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Error(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the run waits on a named pipe in the cache")
	}
}
