package lexicon

import (
	"strings"
	"testing"
)

// nameLexicon is a small lexicon whose phrases carry not_in_name, with
// the word lists the rule reads.
const nameLexicon = `
countries:
  - id: mco
    name: Monaco
    iso2: MC
    iso3: MCO
    aliases:
      - {text: Monaco, not_in_name: true}
  - id: jor
    name: Jordan
    iso2: JO
    iso3: JOR
    aliases:
      - {text: Jordan, not_in_name: true}
  - id: usa
    name: United States
    iso2: US
    iso3: USA
    aliases:
      - {text: US, case: exact}
topics:
  - id: tech
    label: Technology
    cues:
      - {text: innovation, not_in_name: true}
      - {text: technolog*, not_in_name: true}
words:
  titles: [King, President, Prince, Secretary]
  common_words: [Valley, Government, New, Yesterday, In, Bipartisan]
  org_words: [Fund, Council]
  title_connectors: [of]
`

// TestNotInName: not_in_name keeps a phrase out of longer proper names,
// both ways.
func TestNotInName(t *testing.T) {
	l := New()
	if err := l.AddBytes("names.yaml", []byte(nameLexicon)); err != nil {
		t.Fatal(err)
	}
	if err := l.Compile(); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ name, text, want string }{
		// inside a name: a capitalised word before or after
		{"given name before", "Deputy Attorney General Lisa Monaco said so.", ""},
		{"given name at sentence start", "Lisa Monaco said so.", ""},
		{"surname after", "We read Jordan Peterson on it.", ""},
		{"name first in the text", "Jordan Peterson wrote it.", ""},
		{"surname of a sportsman", "Michael Jordan played in Chicago.", ""},
		{"company with an acronym", "SK Innovation builds batteries.", ""},
		{"company", "a grant to Micron Technology for a plant", ""},
		{"name across a line break", "Lisa\nMonaco said so.", ""},
		// not inside a name
		{"alone", "They met in Monaco.", "Monaco=Monaco(alias)"},
		{"possessive", "Monaco's ruler spoke.", "Monaco=Monaco(alias)"},
		{"comma", "In Monaco, Prince Albert spoke.", "Monaco=Monaco(alias)"},
		{"title after", "Jordan King Abdullah spoke.", "Jordan=Jordan(alias)"},
		{"title before", "the President Jordan met", "Jordan=Jordan(alias)"},
		{"common word after", "the Jordan Valley and the Jordan Government", "Jordan=Jordan(alias); Jordan=Jordan(alias)"},
		{"common word before", "Yesterday Jordan said no.", "Jordan=Jordan(alias)"},
		{"a cue opens a name", "the Bipartisan Innovation Bill passed", "Innovation=innovation(cue)"},
		{"organisation word after", "the Innovation Fund and the Technology Council", "Innovation=innovation(cue); Technology=technology(cue)"},
		{"sentence start written in lower case too", "Did Jordan agree? We did not ask.", "Jordan=Jordan(alias)"},
		{"match before", "the US Jordan talks", "US=United States(alias); Jordan=Jordan(alias)"},
		{"hyphen", "the Israel-Jordan treaty and the Jordan–Israel border", "Jordan=Jordan(alias); Jordan=Jordan(alias)"},
		{"office of a country, then its holder", "the King of Jordan Abdullah II", "Jordan=Jordan(alias)"},
		{"lower case", "innovation and technology", "innovation=innovation(cue); technology=technology(cue)"},
		{"lower case after a capitalised word", "European innovation and Lisa technology", "innovation=innovation(cue); technology=technology(cue)"},
		{"all capitals", "LISA MONACO SAID SO", "MONACO=Monaco(alias)"},
		{"title case line", "Biden Visits Monaco Casino And Greets Prince On Friday", "Monaco=Monaco(alias)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := render(c.text, l.Match(c.text)); got != c.want {
				t.Errorf("Match(%q)\n got %s\nwant %s", c.text, got, c.want)
			}
		})
	}
}

// TestNotInNameRejected: not_in_name on a phrase that only matches in
// lower case can never act, and Compile (so lexicon check) says so.
func TestNotInNameRejected(t *testing.T) {
	l := New()
	src := "topics:\n  - id: x\n    label: X\n    cues:\n      - {text: civilian, case: exact, not_in_name: true}\n"
	if err := l.AddBytes("u.yaml", []byte(src)); err != nil {
		t.Fatal(err)
	}
	err := l.Compile()
	if err == nil || !strings.Contains(err.Error(), "u.yaml:5:") || !strings.Contains(err.Error(), "not_in_name") {
		t.Fatalf("Compile = %v, want a not_in_name problem at u.yaml:5", err)
	}
	l = New()
	if err := l.AddBytes("u.yaml", []byte("topics:\n  - id: x\n    label: X\n    cues:\n      - {text: civilian, not_in_name: true}\n")); err != nil {
		t.Fatal(err)
	}
	if err := l.Compile(); err != nil {
		t.Fatalf("Compile = %v, want no problem", err)
	}
}

// BenchmarkMatchNotInName measures matching a text where a not_in_name
// phrase is tested at every other word, with no allocation for the rule.
func BenchmarkMatchNotInName(b *testing.B) {
	l := New()
	if err := l.AddBytes("names.yaml", []byte(nameLexicon)); err != nil {
		b.Fatal(err)
	}
	if err := l.Compile(); err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat("Lisa Monaco and Jordan Peterson met in Monaco, where innovation and SK Innovation grow. ", 200)
	toks := Tokenize(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		l.MatchTokens(text, toks)
	}
}
