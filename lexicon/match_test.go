package lexicon

import (
	"os"
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

// TestAmbiguity checks testdata/ambiguity.tsv against the default
// lexicon: every name that is also a word or another name, and every cue
// with another sense, both ways. A line "topic:Label" asks whether some
// match cues the topic: a cue of it, or an entity that names it.
func TestAmbiguity(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("testdata/ambiguity.tsv")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for i, line := range strings.Split(string(src), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, "\t", 3)
		if len(parts) != 3 {
			t.Fatalf("ambiguity.tsv:%d: want sign, type:canonical and a sentence", i+1)
		}
		n++
		typ, name, _ := strings.Cut(parts[1], ":")
		found := false
		for _, m := range l.Match(parts[2]) {
			if typ == "topic" {
				found = found || cuesTopic(l, m, name)
			} else if m.Role.IsMention() && m.Entry.Type.String() == typ && m.Entry.Name == name {
				found = true
			}
		}
		if found != (parts[0] == "+") {
			t.Errorf("ambiguity.tsv:%d: %s %s in %q: got %v", i+1, parts[0], parts[1], parts[2], found)
		}
	}
	if n < 20 {
		t.Fatalf("only %d cases", n)
	}
}

// cuesTopic reports whether a match cues the topic with the label: as a
// cue of it, or as an entity, or its capital, that names it.
func cuesTopic(l *Lexicon, m Match, label string) bool {
	if m.Topic != nil {
		return m.Topic.Label == label
	}
	for _, id := range m.Entry.Topics {
		if t := l.Topic(id); t != nil && t.Label == label {
			return true
		}
	}
	return false
}
