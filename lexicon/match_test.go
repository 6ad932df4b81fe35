package lexicon

import (
	"strings"
	"testing"
)

func smallLexicon(t *testing.T) *Lexicon {
	t.Helper()
	l := New()
	if err := l.AddFile("testdata/small.yaml"); err != nil {
		t.Fatal(err)
	}
	if err := l.Compile(); err != nil {
		t.Fatal(err)
	}
	return l
}

// render lists matches as "surface=label(role)".
func render(text string, ms []Match) string {
	var parts []string
	for _, m := range ms {
		parts = append(parts, text[m.Start:m.End]+"="+m.Label(text)+"("+m.Role.String()+")")
	}
	return strings.Join(parts, "; ")
}

func TestMatch(t *testing.T) {
	l := smallLexicon(t)
	cases := []struct{ name, text, want string }{
		{"possessive", "Russia's war on Ukraine's people", "Ukraine=Ukraine(alias)"},
		{"demonym plural", "Ukrainians defend", "Ukrainians=Ukraine(demonym)"},
		{"capital is a cue", "talks in Kyiv", "Kyiv=Kyiv(capital)"},
		{"longest wins over parts", "the NATO-Ukraine Council met", "NATO-Ukraine Council=NATO-Ukraine Council(alias)"},
		{"hyphen optional", "the NATO Ukraine Council met", "NATO Ukraine Council=NATO-Ukraine Council(alias)"},
		{"dash variant", "the NATO–Ukraine Council met", "NATO–Ukraine Council=NATO-Ukraine Council(alias)"},
		{"line break inside name", "the North Atlantic\nTreaty Organization", "North Atlantic\nTreaty Organization=NATO(alias)"},
		{"us pronoun", "let us talk", ""},
		{"US exact", "the US and Turkey", "US=United States(alias); Turkey=Turkey(alias)"},
		{"U.S.", "the U.S. position", "U.S.=United States(alias)"},
		{"turkey bird", "we ate turkey", ""},
		{"all caps name", "TURKEY AND UKRAINE", "TURKEY=Turkey(alias); UKRAINE=Ukraine(alias)"},
		{"diacritics folded", "President Erdogan and Türkiye", "Erdogan=Recep Tayyip Erdoğan(alias); Türkiye=Turkey(alias)"},
		{"curly possessive", "Lavrov’s visit", "Lavrov=Sergey Lavrov(alias)"},
		{"not after", "Latin American states", ""},
		{"demonym", "American pilots", "American=United States(demonym)"},
		{"georgia needs context", "Atlanta, Georgia", ""},
		{"georgia with context", "Georgia and NATO", "Georgia=Georgia(alias); NATO=NATO(alias)"},
		{"wildcard", "Migrants and migration", "Migrants=migrants(cue)"},
		{"border alone", "the border between parties", ""},
		{"border near", "the border and migrants", "border=border(cue); migrants=migrants(cue)"},
		{"spelling variant", "air defense systems", "air defense=air defence(cue)"},
		{"not before", "the Gulf of Mexico and the Gulf states", "Gulf=Gulf(cue)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := render(c.text, l.Match(c.text)); got != c.want {
				t.Errorf("Match(%q)\n got %s\nwant %s", c.text, got, c.want)
			}
		})
	}
}
