package lexicon

import (
	"errors"
	"strings"
	"testing"
)

// TestDefaultLexiconChecks runs the curator's check on the embedded
// default: it must pass.
func TestDefaultLexiconChecks(t *testing.T) {
	l, err := LoadDefaultYAML() // as lexicon check reads it
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Check(); err != nil {
		t.Fatalf("default lexicon:\n%v", err)
	}
}

func TestCheckFindsProblems(t *testing.T) {
	l := New()
	err := l.AddFile("testdata/broken.yaml")
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	probs := l.Check()
	if len(probs) == 0 {
		t.Fatal("broken lexicon passed the check")
	}
	err = probs
	want := []string{
		"testdata/broken.yaml:2: invalid lexicon: country \"xxx\": iso3 \"XXY\" is not an ISO 3166-1 alpha-3 code",
		"testdata/broken.yaml:6: invalid lexicon: country \"fra\": iso2 \"FR\" is FRA but iso3 \"DEU\"",
		"testdata/broken.yaml:11: unknown id: organisation \"acme\" names topic \"nowhere\"",
		"testdata/broken.yaml:11: unknown id: organisation \"acme\" names country \"zzz\"",
		"testdata/broken.yaml:15: ambiguous alias: \"Acme\" is claimed by acme-two",
		"testdata/broken.yaml:20: invalid lexicon: topic \"empty\" has no cues",
		"testdata/broken.yaml:25: invalid lexicon: phrase \"--\" has no words: it can never match",
	}
	msg := err.Error()
	for _, w := range want {
		if !strings.Contains(msg, w) {
			t.Errorf("missing problem %q in:\n%s", w, msg)
		}
	}
	if !errors.As(err, &probs) || !errors.Is(err, ErrUnknownID) {
		t.Errorf("want Problems wrapping ErrUnknownID, got %T", err)
	}
}

func TestLoadErrorsHaveLines(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"misspelt key", "countries:\n  - id: fra\n    nmae: France\n", "u.yaml:3:"},
		{"duplicate id", "people:\n  - id: a\n    name: A B\n  - id: a\n    name: A C\n", "u.yaml:4: duplicate id"},
		{"bad yaml", "topics:\n  - id: x\n    cues: [unclosed\n", "u.yaml:3:"},
		{"unknown section", "planets:\n  - id: mars\n", "u.yaml:1:"},
		{"phrase of wrong shape", "topics:\n  - id: x\n    label: X\n    cues:\n      - [a, b]\n", "u.yaml:5:"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := New().AddBytes("u.yaml", []byte(c.src))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error containing %q", err, c.want)
			}
		})
	}
}

func TestMergeUserFile(t *testing.T) {
	l, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	user := `countries:
  - id: ukr
    aliases:
      - Ukrayina
organisations:
  - id: acme-defence
    name: Acme Defence
    kind: company
    topics: [defence-spending-industry]
topics:
  - id: china
    replace: true
    label: PRC
    cues:
      - Zhongnanhai
`
	if err := l.AddBytes("user.yaml", []byte(user)); err != nil {
		t.Fatal(err)
	}
	if err := l.Compile(); err != nil {
		t.Fatal(err)
	}
	text := "Ukrayina, Acme Defence and Zhongnanhai; South China Sea."
	got := render(text, l.Match(text))
	for _, w := range []string{"Ukrayina=Ukraine(alias)", "Acme Defence=Acme Defence(alias)", "Zhongnanhai=Zhongnanhai(cue)"} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %s in %s", w, got)
		}
	}
	if tp := l.Topic("china"); tp.Label != "PRC" || len(tp.Cues) != 1 {
		t.Errorf("replaced topic: %+v", tp)
	}
}
