package dictionary

import (
	"errors"
	"strings"
	"testing"

	"github.com/turntag/turntag/lexicon"
)

// TestAdd adds a dictionary to the default lexicon and matches a text:
// dictionary cues fire for their topics, a nested category's topic has
// its parent, and topics and cues cite the dictionary's lines.
func TestAdd(t *testing.T) {
	lex, err := lexicon.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	name := testdataDir + "/policy.yml"
	if err := Add(lex, name, readTestdata(t, "policy.yml")); err != nil {
		t.Fatal(err)
	}
	if err := lex.Compile(); err != nil {
		t.Fatal(err)
	}
	text := "Inflation is down, but Hospitals and IMMIGRATION courts need staff; NATO met in Vilnius."
	got := map[string]string{}
	for _, m := range lex.Match(text) {
		if m.Topic != nil {
			got[m.Topic.ID] = text[m.Start:m.End]
		}
	}
	want := map[string]string{
		"dict-policy-economy":     "Inflation",
		"dict-policy-health-care": "Hospitals",
		"dict-policy-immigration": "IMMIGRATION",
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("topic %s matched %q, want %q (all: %v)", id, got[id], w, got)
		}
	}
	care := lex.Topic("dict-policy-health-care")
	if care == nil || care.Parent != "dict-policy-health" || care.Label != "health.care" {
		t.Fatalf("health.care topic: %+v", care)
	}
	if care.File != name || care.Line != 11 {
		t.Errorf("health.care cites %s:%d, want %s:11", care.File, care.Line, name)
	}
	for _, c := range care.Cues {
		if c.Text == "nurse*" && (c.File != name || c.Line != 13) {
			t.Errorf("nurse* cites %s:%d, want %s:13", c.File, c.Line, name)
		}
	}
	if probs := lex.Check(); probs != nil {
		t.Errorf("check: %v", probs)
	}
}

func TestAddClash(t *testing.T) {
	lex := lexicon.New()
	if err := lex.AddBytes("mine.yaml", []byte("topics:\n  - id: econ\n    label: economy\n    cues: [gdp]\n")); err != nil {
		t.Fatal(err)
	}
	if err := Add(lex, "a/policy.lc3", []byte("+Economy\ninflation\n+trade\ntariff*\n")); err != nil {
		t.Fatal(err)
	}
	if tp := lex.Topic("dict-policy-economy"); tp == nil || tp.Label != "policy.Economy" {
		t.Errorf("a label another topic shows is prefixed with the dictionary's name: %+v", tp)
	}
	if tp := lex.Topic("dict-policy-trade"); tp == nil || tp.Label != "trade" {
		t.Errorf("a free label is kept: %+v", tp)
	}
	if probs := lex.Check(); len(probs) > 0 {
		t.Fatal(probs)
	}
	err := Add(lex, "b/policy.dic", []byte("%\n1\tjobs\n%\nwork*\t1\n"))
	if !errors.Is(err, ErrClash) || !strings.Contains(err.Error(), "already loaded from a/policy.lc3") {
		t.Errorf("name clash: %v", err)
	}
	if lex.Topic("dict-policy-jobs") != nil {
		t.Error("a dictionary that clashes was added")
	}
}
