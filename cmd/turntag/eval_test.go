package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline"
	"github.com/turntag/turntag/tagger"
)

// TestQualityBaseline evaluates the default mode on the bundled gold and
// fails when a headline figure drops below testdata/gold/baseline.json.
// Raise the baseline deliberately when the tool improves.
func TestQualityBaseline(t *testing.T) {
	t.Chdir("../..")
	src, err := os.ReadFile("testdata/gold/baseline.json")
	if err != nil {
		t.Fatal(err)
	}
	var base pipeline.Summary
	if err := json.Unmarshal(src, &base); err != nil {
		t.Fatal(err)
	}
	gold, err := pipeline.ReadGold([]string{"testdata/gold"})
	if err != nil {
		t.Fatal(err)
	}
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	p := pipeline.New(tagger.New(lex, tagger.Prose{}))
	ev := pipeline.NewEval(gold)
	ev.Lexicon = lex
	inputs, errs := pipeline.Expand([]string{"testdata/transcripts"}, pipeline.Filter{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, in := range inputs {
		src, err := os.ReadFile(in.Path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := p.Document(in.Source, src)
		if err != nil {
			t.Fatal(err)
		}
		ev.AddDocument(doc)
	}
	if ev.GoldTurns < 250 || ev.Unmatched > 0 {
		t.Errorf("%d gold turns, %d unmatched", ev.GoldTurns, ev.Unmatched)
	}
	got := ev.Summary()
	check := func(name string, got, min float64) {
		if got < min-1e-9 {
			t.Errorf("%s fell to %.3f, below the baseline %.3f", name, got, min)
		}
	}
	check("topics micro F1", got.TopicsMicroF1, base.TopicsMicroF1)
	check("entities micro F1", got.EntitiesMicroF1, base.EntitiesMicroF1)
	check("countries F1", got.CountriesF1, base.CountriesF1)
	check("organisations F1", got.OrganisationsF1, base.OrganisationsF1)
	check("people F1", got.PeopleF1, base.PeopleF1)
	check("speaker accuracy", got.SpeakerAccuracy, base.SpeakerAccuracy)
	if t.Failed() {
		var b strings.Builder
		ev.WriteReport(&b, true)
		t.Log(b.String())
	}
}

func TestEvalCommand(t *testing.T) {
	t.Chdir("../..")
	out, errs, err := run(t, "eval", "--ner", "off", "--gold", "testdata/gold", "testdata/transcripts")
	if err != nil {
		t.Fatalf("%v\n%s", err, errs)
	}
	for _, want := range []string{"topics (micro)", "entities (micro)", "speaker accuracy", "topic: Ukraine"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	dir := t.TempDir()
	bad := dir + "/bad.jsonl"
	os.WriteFile(bad, []byte("{\"source\":\"a.txt\",\"turn_snippet\":\"x\"}\n{\"source\": 3}\n"), 0o644)
	_, _, err = run(t, "eval", "--gold", bad, "testdata/transcripts")
	if err == nil || !strings.Contains(err.Error(), "bad.jsonl:2") {
		t.Errorf("bad gold: %v", err)
	}
}
