package assemble

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/turntag/turntag/lexicon"
)

// labels returns the labels of the topics a lexicon tags.
func labels(lex *lexicon.Lexicon) []string {
	var out []string
	for _, t := range lex.Topics {
		if lex.Selected(t) {
			out = append(out, t.Label)
		}
	}
	return out
}

func TestDefaultIsShared(t *testing.T) {
	def, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []Spec{{}, {Taxonomy: lexicon.DefaultTaxonomy}} {
		got, err := s.Lexicon()
		if err != nil || got != def {
			t.Errorf("%+v: %p, %v; want the shared default %p", s, got, err, def)
		}
	}
	got, err := Spec{Taxonomy: "agendas"}.Lexicon()
	if err != nil || got == def {
		t.Fatalf("agendas: %p, %v", got, err)
	}
	if !slices.Contains(labels(got), "Health") || slices.Contains(labels(got), "Ukraine") {
		t.Errorf("agendas tags %v", labels(got))
	}
	if slices.Contains(labels(def), "Health") || !slices.Contains(labels(def), "Ukraine") {
		t.Errorf("the shared default changed: %v", labels(def))
	}
}

func TestParts(t *testing.T) {
	dic, err := os.ReadFile("../../testdata/dictionaries/policy.dic")
	if err != nil {
		t.Fatal(err)
	}
	lexFile := File{Name: "extra.yaml", Data: []byte("topics:\n  - id: fisheries\n    label: Fisheries\n    cues: [fishing quota]\n")}
	lex, err := Spec{Lexicons: []File{lexFile}, Dictionaries: []File{{Name: "policy.dic", Data: dic}}, Taxonomy: "all"}.Lexicon()
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(labels(lex), "|")
	for _, want := range []string{"Fisheries", "Ukraine", "Health"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %s among %s", want, got)
		}
	}
	if lex.Topic("dict-policy-immigration") == nil || !lex.Selected(lex.Topic("dict-policy-immigration")) {
		t.Errorf("the dictionary's topics are missing or not tagged: %s", got)
	}
	empty, err := Spec{NoDefault: true, Lexicons: []File{lexFile}}.Lexicon()
	if err != nil || strings.Join(labels(empty), "|") != "Fisheries" {
		t.Errorf("no default: %v, %v", labels(empty), err)
	}
}

func TestErrors(t *testing.T) {
	_, err := Spec{Taxonomy: "bogus"}.Lexicon()
	var te *TaxonomyError
	if !errors.As(err, &te) || !strings.Contains(err.Error(), `unknown taxonomy "bogus"`) {
		t.Errorf("bogus taxonomy: %v", err)
	}
	_, err = Spec{Lexicons: []File{{Name: "bad.yaml", Data: []byte("topics: [\n")}}}.Lexicon()
	if err == nil || errors.As(err, &te) || !strings.HasPrefix(err.Error(), "bad.yaml:") {
		t.Errorf("bad lexicon file: %v", err)
	}
	_, err = Spec{Dictionaries: []File{{Name: "bad.dic", Data: []byte("nothing here")}}}.Lexicon()
	if err == nil || !strings.HasPrefix(err.Error(), "bad.dic") {
		t.Errorf("bad dictionary: %v", err)
	}
}
