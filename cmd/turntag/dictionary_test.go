package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/lexicon/dictionary"
)

// dictionaries are the example dictionaries, one per format.
var dictionaries = []string{"policy.yml", "policy.dic", "policy.cat", "policy.lc3"}

// TestTagDictionary tags the central bank press conference with each
// example dictionary: a turn gets the dictionary's economy topic, with
// the dictionary's cue as evidence, beside the default topics.
func TestTagDictionary(t *testing.T) {
	t.Chdir("../..")
	for _, f := range dictionaries {
		t.Run(f, func(t *testing.T) {
			out, _, err := run(t, "tag", "--ner", "off", "--quiet", "--dictionary", filepath.Join("testdata", "dictionaries", f),
				filepath.Join("testdata", "transcripts", "press-conference-central-bank-2024-06-06.txt"))
			if err != nil {
				t.Fatal(err)
			}
			rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			col := map[string]int{}
			for i, h := range rows[0] {
				col[h] = i
			}
			found := false
			for _, r := range rows[1:] {
				if strings.HasPrefix(r[col["text"]], "Good afternoon. The Vice-President") {
					found = true
					ev := r[col["topic_evidence"]]
					if !strings.Contains(strings.ToLower(ev), "economy: inflation×") || !strings.Contains(ev, "interest rates×") {
						t.Errorf("opening turn's evidence lacks the dictionary's cues: %s", ev)
					}
				}
			}
			if !found {
				t.Error("no opening turn")
			}
		})
	}
}

// TestLexiconConvert converts each example dictionary on the command line:
// the output is the library's YAML, it loads with --lexicon, and -o writes
// it to a file.
func TestLexiconConvert(t *testing.T) {
	t.Chdir("../..")
	dir := t.TempDir()
	for _, f := range dictionaries {
		path := filepath.Join("testdata", "dictionaries", f)
		out, _, err := run(t, "lexicon", "convert", path)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		d, err := dictionary.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		def, err := lexicon.Default()
		if err != nil {
			t.Fatal(err)
		}
		d.Unclash(def) // "health" beside the agendas' "Health" is "policy.health"
		if out != string(d.YAML()) {
			t.Errorf("%s: convert prints something else than the library's YAML", f)
		}
		conv := filepath.Join(dir, f+".yaml")
		if _, _, err := run(t, "lexicon", "convert", "-o", conv, path); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(conv); string(got) != out {
			t.Errorf("%s: -o wrote another text", f)
		}
		if out, _, err := run(t, "lexicon", "check", conv); err != nil {
			t.Errorf("%s: the converted file does not check: %v\n%s", f, err, out)
		}
	}
	bad := filepath.Join(dir, "bad.dic")
	os.WriteFile(bad, []byte("%\n1\teconomy\n%\ninflation\t1\nbest* guess\t1\n"), 0o644)
	_, _, err := run(t, "lexicon", "convert", bad)
	if exitCode(err) != 1 || !strings.Contains(err.Error(), bad+":5: unsupported wildcard") {
		t.Errorf("a bad dictionary: %v", err)
	}
	if _, _, err := run(t, "lexicon", "convert"); exitCode(err) != 2 {
		t.Errorf("no FILE: exit %d, want 2", exitCode(err))
	}
}

// TestDictionaryErrors: a bad dictionary stops tag and check with its
// file:line, and two dictionaries with one name clash.
func TestDictionaryErrors(t *testing.T) {
	t.Chdir("../..")
	bad := filepath.Join(t.TempDir(), "bad.lc3")
	os.WriteFile(bad, []byte("+economy\ninflation\n+health\ncol?r\n"), 0o644)
	_, _, err := run(t, "tag", "--ner", "off", "--dictionary", bad, "testdata/transcripts/un-noon-briefing.txt")
	if exitCode(err) != 1 || !strings.Contains(err.Error(), bad+":4: unsupported wildcard") {
		t.Errorf("tag with a bad dictionary: %v", err)
	}
	out, _, err := run(t, "lexicon", "check", "--dictionary", bad)
	if exitCode(err) != 1 || !strings.Contains(out, bad+":4:") {
		t.Errorf("check with a bad dictionary: %v\n%s", err, out)
	}
	out, _, err = run(t, "lexicon", "check", "--dictionary", "testdata/dictionaries/policy.yml", "--dictionary", "testdata/dictionaries/policy.lc3")
	if exitCode(err) != 1 || !strings.Contains(out, "already loaded from testdata/dictionaries/policy.yml") {
		t.Errorf("two dictionaries named policy: %v\n%s", err, out)
	}
	out, _, err = run(t, "lexicon", "check", "--dictionary", "testdata/dictionaries/policy.cat")
	if err != nil || !strings.HasPrefix(out, "ok: ") {
		t.Errorf("check with a good dictionary: %v\n%s", err, out)
	}
}

// TestLexiconCheckCorpus runs the sense check on the synthetic corpus,
// with the bundled transcripts as background: "bank" is listed with its
// river contexts, and the check still passes.
func TestLexiconCheckCorpus(t *testing.T) {
	t.Chdir("../..")
	out, _, err := run(t, "lexicon", "check", "--corpus", "testdata/senses/corpus", "--corpus", "testdata/transcripts", "testdata/senses/banking.yaml")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, want := range []string{"ok: ", "corpus check: ", `cue "bank" of topic Banking (testdata/senses/banking.yaml:7)`, "testdata/senses/corpus/flood-briefing.txt:"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	_, _, err = run(t, "lexicon", "check", "--corpus", filepath.Join(t.TempDir(), "missing"))
	if exitCode(err) != 1 {
		t.Errorf("a missing corpus: exit %d, want 1", exitCode(err))
	}
}
