package main

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline"
	"github.com/turntag/turntag/pipeline/batch"
	"github.com/turntag/turntag/pipeline/eval"
	"github.com/turntag/turntag/tagger"
)

// TestQualityBaseline evaluates the default mode on the bundled gold, the
// real transcripts and the synthetic ones apart, and fails when a headline
// figure drops below the set's baseline.json. Raise a baseline deliberately
// when the tool improves.
func TestQualityBaseline(t *testing.T) {
	t.Chdir("../..")
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	p := pipeline.New(tagger.New(lex, tagger.Prose{}))
	sets := []struct {
		name, gold, inputs, baseline string
		minTurns, maxUnmatched       int
	}{
		{"real", "testdata/gold/real", "testdata/real", "testdata/gold/real/baseline.json", 300, 0},
		{"synthetic", "testdata/gold", "testdata/transcripts", "testdata/gold/baseline.json", 250, 0},
	}
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			src, err := os.ReadFile(set.baseline)
			if err != nil {
				t.Fatal(err)
			}
			var base eval.Summary
			if err := json.Unmarshal(src, &base); err != nil {
				t.Fatal(err)
			}
			gold, err := eval.ReadGold([]string{set.gold})
			if err != nil {
				t.Fatal(err)
			}
			ev := eval.NewEval(gold)
			ev.Lexicon = lex
			inputs, errs := batch.Expand([]string{set.inputs}, batch.Filter{})
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			for _, in := range inputs {
				src, err := os.ReadFile(in.Path)
				if err != nil {
					t.Fatal(err)
				}
				doc, err := p.Document(context.Background(), in.Source, src)
				if err != nil {
					t.Fatal(err)
				}
				ev.AddDocument(doc)
			}
			if ev.GoldTurns < set.minTurns || ev.Unmatched > set.maxUnmatched {
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
			check("addressed F1", got.AddressedF1, base.AddressedF1)
			check("speaker accuracy", got.SpeakerAccuracy, base.SpeakerAccuracy)
			if t.Failed() {
				var b strings.Builder
				ev.WriteReport(&b, true)
				t.Log(b.String())
			}
		})
	}
}

// TestAgendasQualityBaseline evaluates the agendas taxonomy on its gold
// (testdata/gold/agendas: every turn of twelve real White House
// transcripts, labelled for the 21 CAP major topics only) and fails when
// its topics micro F1 drops below the set's baseline.json. Topics do not
// depend on the NER, so the lexicon runs alone.
func TestAgendasQualityBaseline(t *testing.T) {
	t.Chdir("../..")
	lex, err := lexicon.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	if err := lex.SelectTaxonomies([]string{"agendas"}); err != nil {
		t.Fatal(err)
	}
	if err := lex.Compile(); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("testdata/gold/agendas/baseline.json")
	if err != nil {
		t.Fatal(err)
	}
	var base eval.Summary
	if err := json.Unmarshal(src, &base); err != nil {
		t.Fatal(err)
	}
	gold, err := eval.ReadGold([]string{"testdata/gold/agendas"})
	if err != nil {
		t.Fatal(err)
	}
	ev := eval.NewEval(gold)
	p := pipeline.New(tagger.New(lex, nil))
	inputs, errs := batch.Expand([]string{"testdata/real"}, batch.Filter{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, in := range inputs {
		if !ev.Covers(in.Source) {
			continue
		}
		src, err := os.ReadFile(in.Path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := p.Document(context.Background(), in.Source, src)
		if err != nil {
			t.Fatal(err)
		}
		ev.AddDocument(doc)
	}
	if ev.GoldTurns < 150 || ev.Unmatched > 0 {
		t.Errorf("%d gold turns, %d unmatched", ev.GoldTurns, ev.Unmatched)
	}
	if got := ev.TaxonomyMicro("agendas").F1(); got < base.TopicsMicroF1-1e-9 || got < 0.85 {
		var b strings.Builder
		ev.WriteReport(&b, true)
		t.Errorf("agendas topics micro F1 fell to %.3f, below the baseline %.3f\n%s", got, base.TopicsMicroF1, b.String())
	}
	if s := ev.Summary(); s.EntitiesMicroF1 != 0 || ev.Speakers.Total != 0 {
		t.Errorf("the agendas gold labels topics only, but entities or speakers were scored: %+v", s)
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
