package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// taxonomyTranscript is a short briefing whose question touches both
// taxonomies.
const taxonomyTranscript = "Press Briefing\n\nMS. SMITH: Good afternoon.\n\nQ: Will Medicare negotiate drug prices now that Russia has invaded Ukraine?\n\nMS. SMITH: We will get back to you.\n"

// TestTaxonomyFlag: --taxonomy selects what tag tags; topic_taxonomies
// names the taxonomy of each label, in the order of topics.
func TestTaxonomyFlag(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "briefing.txt")
	if err := os.WriteFile(file, []byte(taxonomyTranscript), 0o644); err != nil {
		t.Fatal(err)
	}
	question := func(args ...string) (topics, taxonomies []string) {
		t.Helper()
		out, errs, err := run(t, append(append([]string{"tag", "--ner", "off", "-q"}, args...), file)...)
		if err != nil {
			t.Fatalf("tag %v: %v\n%s", args, err, errs)
		}
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil || len(rows) != 4 {
			t.Fatalf("%v: %d rows\n%s", err, len(rows), out)
		}
		col := func(name string) []string {
			i := slices.Index(rows[0], name)
			if i < 0 {
				t.Fatalf("no column %q in %v", name, rows[0])
			}
			if rows[2][i] == "" {
				return nil
			}
			return strings.Split(rows[2][i], "; ")
		}
		topics, taxonomies = col("topics"), col("topic_taxonomies")
		if len(topics) != len(taxonomies) {
			t.Fatalf("topics %v, topic_taxonomies %v", topics, taxonomies)
		}
		return topics, taxonomies
	}
	sec, secTax := question()
	ag, agTax := question("--taxonomy", "agendas")
	all, allTax := question("--taxonomy", "all")
	if !slices.Contains(sec, "Russia") || slices.Contains(sec, "Health") || slices.ContainsFunc(secTax, func(s string) bool { return s != "security" }) {
		t.Errorf("default: %v %v", sec, secTax)
	}
	if !slices.Contains(ag, "Health") || !slices.Contains(ag, "International Affairs") || slices.Contains(ag, "Russia") ||
		slices.ContainsFunc(agTax, func(s string) bool { return s != "agendas" }) {
		t.Errorf("agendas: %v %v", ag, agTax)
	}
	for i, label := range all {
		want := "security"
		if slices.Contains(ag, label) {
			want = "agendas"
		}
		if allTax[i] != want {
			t.Errorf("all: %s is in %s, want %s", label, allTax[i], want)
		}
	}
	if len(all) != len(sec)+len(ag) {
		t.Errorf("all gives %v, not the security %v and the agendas %v", all, sec, ag)
	}

	_, _, err := run(t, "tag", "--taxonomy", "cap", file)
	if exitCode(err) != 2 || !strings.Contains(err.Error(), `unknown taxonomy "cap"`) {
		t.Errorf("an unknown taxonomy: %v", err)
	}
	out, _, err := run(t, "lexicon", "explain", "--ner", "off", "--taxonomy", "all", "Medicare and Russia.")
	if err != nil || !strings.Contains(out, "TOPICS (agendas)\n  Health 0.63: Medicare×1") || !strings.Contains(out, "TOPICS (security)\n  Russia") {
		t.Errorf("explain: %v\n%s", err, out)
	}
}

// TestEvalTaxonomies: gold lines of two taxonomies for the same turns are
// scored apart; a line that gives topics alone scores no entity and no
// speaker; without --taxonomy, eval tags the taxonomies its gold names.
func TestEvalTaxonomies(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "briefing.txt")
	if err := os.WriteFile(file, []byte(taxonomyTranscript), 0o644); err != nil {
		t.Fatal(err)
	}
	security := `{"source":"briefing.txt","turn_snippet":"Good afternoon.","speaker":"","topics":[],"countries":[],"organisations":[],"people":[]}
{"source":"briefing.txt","turn_snippet":"Will Medicare negotiate","speaker":"","topics":["Russia","Ukraine"],"countries":["RUS","UKR"],"organisations":[],"people":[]}
{"source":"briefing.txt","turn_snippet":"We will get back to you.","speaker":"","topics":[],"countries":[],"organisations":[],"people":[]}
`
	agendas := `{"source":"briefing.txt","turn_snippet":"Good afternoon.","taxonomy":"agendas","topics":[]}
{"source":"briefing.txt","turn_snippet":"Will Medicare negotiate","taxonomy":"agendas","topics":["Health","International Affairs","Defense"]}
{"source":"briefing.txt","turn_snippet":"We will get back to you.","taxonomy":"agendas","topics":[]}
`
	secFile, agFile := filepath.Join(dir, "security.jsonl"), filepath.Join(dir, "agendas.jsonl")
	os.WriteFile(secFile, []byte(security), 0o644)
	os.WriteFile(agFile, []byte(agendas), 0o644)
	out, errs, err := run(t, "eval", "--ner", "off", "--gold", secFile, "--gold", agFile, file)
	if err != nil {
		t.Fatalf("%v\n%s", err, errs)
	}
	for _, want := range []string{
		"gold turns 6, matched 6, unmatched 0, extra tool turns 0",
		"topic: Health (agendas)", "topic: Russia (security)",
		"topics (micro, agendas)", "topics (micro, security)",
		"countries", " of 3)", // each turn's speaker once, from the line that gives it
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	out, _, err = run(t, "eval", "--ner", "off", "--gold", agFile, file)
	if err != nil || strings.Contains(out, "countries") || strings.Contains(out, "speaker accuracy") || !strings.Contains(out, "topic: Health (agendas)") {
		t.Errorf("topics-only gold: %v\n%s", err, out)
	}
	out, _, err = run(t, "eval", "--ner", "off", "--taxonomy", "security", "--gold", agFile, file)
	if err != nil || !strings.Contains(out, "topics (micro)                                               0.000  0.000") {
		t.Errorf("agendas gold with security tags: %v\n%s", err, out)
	}
}
