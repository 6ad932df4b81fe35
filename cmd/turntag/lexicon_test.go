package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestLexiconCheck(t *testing.T) {
	out, _, err := run(t, "lexicon", "check")
	if err != nil || !strings.HasPrefix(out, "ok: ") {
		t.Fatalf("default lexicon: %v\n%s", err, out)
	}
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.yaml")
	os.WriteFile(broken, []byte("organisations:\n  - id: acme\n    name: Acme\n    topics: [nowhere]\n  - id: nato-copy\n    name: NATO\n"), 0o644)
	out, _, err = run(t, "lexicon", "check", broken)
	if exitCode(err) != 1 {
		t.Errorf("exit status %d, want 1", exitCode(err))
	}
	for _, want := range []string{broken + ":2: unknown id", broken + ":5: ambiguous alias: \"NATO\""} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("people:\n  - id: x\n    nmae: X Y\n"), 0o644)
	out, _, err = run(t, "lexicon", "check", bad)
	if exitCode(err) != 1 || !strings.Contains(out, bad+":3:") {
		t.Errorf("misspelt key: %v\n%s", err, out)
	}
	_, _, err = run(t, "tag", "--lexicon", bad, "x.txt")
	if exitCode(err) != 1 || !strings.Contains(err.Error(), bad+":3:") {
		t.Errorf("tag with a bad lexicon: %v", err)
	}
}

// TestLexiconStats checks the coverage the default lexicon promises.
func TestLexiconStats(t *testing.T) {
	out, _, err := run(t, "lexicon", "list", "--stats")
	if err != nil {
		t.Fatal(err)
	}
	min := map[string]int{"countries": 240, "organisations": 400, "people": 400, "topics": 16}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		k, v, _ := strings.Cut(line, "\t")
		n, _ := strconv.Atoi(v)
		if want, ok := min[k]; ok && n < want {
			t.Errorf("%s: %d, want at least %d", k, n, want)
		}
		delete(min, k)
	}
	if len(min) > 0 {
		t.Errorf("stats lack %v:\n%s", min, out)
	}
}

func TestLexiconListAndExplain(t *testing.T) {
	out, _, err := run(t, "lexicon", "list", "--type", "country", "--format", "csv")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) < 240 || rows[0][1] != "id" {
		t.Fatalf("list: %v, %d rows", err, len(rows))
	}
	out, _, err = run(t, "lexicon", "explain", "--ner", "off", "Mr. Lavrov met Ukrainian officials in Kyiv.")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"Lavrov"`, "person Sergey Lavrov (sergey-lavrov)", `demonym "Ukrainian"`, `capital "Kyiv"`, "Ukraine 0.86: Ukraine×1, Kyiv×1"} {
		if !strings.Contains(out, want) {
			t.Errorf("explain lacks %q:\n%s", want, out)
		}
	}
	dir := t.TempDir()
	user := filepath.Join(dir, "user.yaml")
	os.WriteFile(user, []byte("topics:\n  - id: arctic\n    label: Arctic\n    cues:\n      - High North\n"), 0o644)
	out, _, err = run(t, "lexicon", "explain", "--ner", "off", "--lexicon", user, "Security in the High North.")
	if err != nil || !strings.Contains(out, "Arctic 0.63: High North×1") {
		t.Errorf("explain with a user lexicon: %v\n%s", err, out)
	}
}

func TestSuggest(t *testing.T) {
	t.Chdir("../..")
	out, _, err := run(t, "suggest", "--top", "5", "--format", "csv", "testdata/transcripts")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 6 || strings.Join(rows[0], ",") != "name,label,count,docs,example,source" {
		t.Fatalf("suggest: %v\n%s", err, out)
	}
	prev := 1 << 30
	for _, r := range rows[1:] {
		n, _ := strconv.Atoi(r[2])
		if n > prev || r[4] == "" || !strings.Contains(r[4], r[0]) {
			t.Errorf("row %v: not ranked or no example", r)
		}
		prev = n
	}
}
