package tagger

import (
	"strings"
	"testing"

	"github.com/turntag/turntag/lexicon"
)

// TestTitleNarrowsSurname: a title before a surname picks the person who
// holds or held it, both ways, even where an alias rule would pick
// another person of that surname.
func TestTitleNarrowsSurname(t *testing.T) {
	lex, err := lexicon.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	user := `people:
  - id: john-smithers
    name: John Smithers
    role: Governor of Texas
    country: usa
  - id: tony-smithers
    name: Tony Smithers
    role: Prime Minister of Australia
    country: aus
    aliases:
      - text: Smithers
        near: [Australia]
  - id: ann-smithers
    name: Ann Smithers
    country: gbr
    offices:
      - {title: Home Secretary, country: gbr, from: 2020-01-01}
`
	if err := lex.AddBytes("user.yaml", []byte(user)); err != nil {
		t.Fatal(err)
	}
	if err := lex.Compile(); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ text, want string }{
		{"Governor Smithers met Australia's envoy.", "John Smithers"},
		{"Prime Minister Smithers of Australia spoke.", "Tony Smithers"},
		{"Smithers spoke for Australia.", "Tony Smithers"},
		{"Secretary Smithers answered.", "Ann Smithers"},
		{"Mr. Smithers answered.", ""},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			res, err := New(lex, nil).NewDoc().Tag(c.text)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(names(res.Mentions, lexicon.Person), ";"); got != c.want {
				t.Errorf("people %q, want %q", got, c.want)
			}
		})
	}
}
