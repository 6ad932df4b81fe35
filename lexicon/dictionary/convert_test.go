package dictionary

import (
	"fmt"
	"strings"
	"testing"

	"github.com/turntag/turntag/lexicon"
)

// topicsText renders topics as "id label <parent: cue, cue×w", sorted as
// given, for comparing two sets.
func topicsText(ts []*lexicon.Topic) string {
	var lines []string
	for _, t := range ts {
		var cues []string
		for _, c := range t.Cues {
			s := c.Text
			if c.Weight != 0 && c.Weight != 1 {
				s = fmt.Sprintf("%s×%g", c.Text, c.Weight)
			}
			cues = append(cues, s)
		}
		lines = append(lines, fmt.Sprintf("%s %q <%s: %s", t.ID, t.Label, t.Parent, strings.Join(cues, ", ")))
	}
	return strings.Join(lines, "\n")
}

// TestRoundTrip converts each example dictionary to turntag YAML, loads
// the YAML as a lexicon file and checks that it holds the same topics and
// cues as the dictionary, and that the lexicon checks clean.
func TestRoundTrip(t *testing.T) {
	cases := map[string][]byte{
		"nasty.lc3": []byte("+yes\nno\n+2024\n911\n1.5\n+a: b\nc # d\n+\"quoted\"\n'single'\n- dash\n@at\n"),
		"nasty.yml": []byte("\"key: with colon\": [\"on\", \"null\", \"x #y\"]\nnested:\n  \"true\": [\"0x1f\", \"12:30\", \"1e5\"]\n"),
	}
	for _, f := range []string{"policy.yml", "policy.dic", "policy.cat", "policy.lc3"} {
		cases[f] = readTestdata(t, f)
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			d, err := Read(name, src)
			if err != nil {
				t.Fatal(err)
			}
			yml := d.YAML()
			lex := lexicon.New()
			if err := lex.AddBytes(name+".yaml", yml); err != nil {
				t.Fatalf("the YAML does not load: %v\n%s", err, yml)
			}
			if got, want := topicsText(lex.Topics), topicsText(d.Topics()); got != want {
				t.Errorf("loaded topics\n%s\nwant\n%s\nYAML:\n%s", got, want, yml)
			}
			if err := lex.Compile(); err != nil {
				t.Errorf("compile: %v", err)
			}
			if probs := lex.Check(); probs != nil {
				t.Errorf("check: %v", probs)
			}
		})
	}
}

// TestYAML pins the converted file's layout: a header, topics sorted by
// id with their lines, cues sorted, weights kept, parents named.
func TestYAML(t *testing.T) {
	d, err := Read("dicts/small.cat", []byte("TRADE\n\tTARIFF* (1)\n\tEXPORT (2)\nAGRI\n\tCROPS\n\t\tWHEAT (1)\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := string(d.YAML())
	want := `topics:
  - id: dict-small-agri # small.cat:4
    label: AGRI
    cues: [] # a parent category with no words of its own
  - id: dict-small-agri-crops # small.cat:5
    label: AGRI.CROPS
    parent: dict-small-agri
    cues:
      - wheat
  - id: dict-small-trade # small.cat:1
    label: TRADE
    cues:
      - text: export
        weight: 2
      - tariff*
`
	if !strings.HasPrefix(got, "# Converted by `turntag lexicon convert` from small.cat (WordStat .cat).\n") {
		t.Errorf("header:\n%s", got)
	}
	if _, body, _ := strings.Cut(got, "\ntopics:\n"); "topics:\n"+body != want {
		t.Errorf("got\n%s\nwant\n%s", "topics:\n"+body, want)
	}
}

func TestYAMLString(t *testing.T) {
	for s, want := range map[string]string{
		"inflation":      "inflation",
		"interest rate*": "interest rate*",
		"don't":          "don't",
		"u.s.":           "u.s.",
		"on":             `"on"`,
		"2024":           `"2024"`,
		"0x1f":           `"0x1f"`,
		"covid-19":       "covid-19",
		"a: b":           `"a: b"`,
		"x #y":           `"x #y"`,
		"*x":             `"*x"`,
		"-x":             `"-x"`,
		`say "hi"`:       `"say \"hi\""`,
		"face":           "face",
	} {
		if got := yamlString(s); got != want {
			t.Errorf("yamlString(%q) = %s, want %s", s, got, want)
		}
	}
}
