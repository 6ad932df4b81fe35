package main

import (
	"encoding/csv"
	"strings"
	"testing"
)

// TestSeedTranscript checks what an analyst must see on the NATO press
// conference: 17 turns, the opening statement's speaker, date and topics,
// the Wall Street Journal question, NATO never a person, Kuleba and Lavrov
// as people.
func TestSeedTranscript(t *testing.T) {
	t.Chdir("../..")
	out, errs, err := run(t, "tag", "-q", "testdata/transcripts/nato-press-conference-2023-11-28.txt")
	if err != nil {
		t.Fatalf("%v\n%s", err, errs)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	rows = rows[1:]
	if len(rows) != 17 {
		t.Fatalf("%d turns, want 17", len(rows))
	}
	get := func(r []string, c string) string { return r[col[c]] }
	open := rows[0]
	if get(open, "speaker") != "Jens Stoltenberg" || get(open, "doc_date") != "2023-11-28" || get(open, "speaker_role") != "NATO Secretary General" {
		t.Errorf("opening: speaker %q role %q date %q", get(open, "speaker"), get(open, "speaker_role"), get(open, "doc_date"))
	}
	topics := ";" + strings.ReplaceAll(get(open, "topics"), "; ", ";") + ";"
	for _, want := range []string{"Middle East", "Ukraine", "China", "Africa and the South", "Technology and Innovation",
		"Air and Missile Defence", "Western Balkans", "Humanitarian and International Law"} {
		if !strings.Contains(topics, ";"+want+";") {
			t.Errorf("opening statement lacks topic %q: %s", want, get(open, "topics"))
		}
	}
	dan := rows[2]
	if get(dan, "speaker") != "Dan Michaels" || get(dan, "speaker_affiliation") != "Wall Street Journal" {
		t.Errorf("turn 3: speaker %q affiliation %q", get(dan, "speaker"), get(dan, "speaker_affiliation"))
	}
	people := ""
	for _, r := range rows {
		for _, p := range strings.Split(get(r, "people"), "; ") {
			if p == "NATO" {
				t.Errorf("turn %s: NATO is a person", get(r, "turn"))
			}
		}
		people += get(r, "people") + "; "
	}
	for _, want := range []string{"Dmytro Kuleba", "Sergey Lavrov"} {
		if !strings.Contains(people, want) {
			t.Errorf("%s is not among the people", want)
		}
	}
}
