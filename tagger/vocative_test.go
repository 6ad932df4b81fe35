package tagger

import (
	"strings"
	"testing"

	"github.com/turntag/turntag/lexicon"
)

// TestAddressed: a name that addresses someone is told apart from a name
// talked about, both ways.
func TestAddressed(t *testing.T) {
	cases := []struct {
		text              string
		addressed, people []string
	}{
		{"Thanks, Karine. On Ukraine, what is the latest?", []string{"Karine Jean-Pierre"}, nil},
		{"Go ahead, Jake.", []string{"Jake Sullivan"}, nil},
		{"Good morning, Secretary Blinken. Thank you for doing this.", []string{"Antony Blinken"}, nil},
		{"Karine, on gas prices: why now?", []string{"Karine Jean-Pierre"}, nil},
		{"What do you think, Jake?", []string{"Jake Sullivan"}, nil},
		{"Very quickly, Karine, the Secretary said so.", []string{"Karine Jean-Pierre"}, nil},
		{"I spoke to Karine about it yesterday.", nil, []string{"Karine Jean-Pierre"}},
		{"As Jake Sullivan said, the sanctions work.", nil, []string{"Jake Sullivan"}},
		{"Secretary Blinken, who is in Kyiv, met Zelenskyy.", nil, []string{"Antony Blinken", "Volodymyr Zelenskyy"}},
		{"Let's go to Jake Sullivan.", nil, []string{"Jake Sullivan"}},
		{"Thanks to Blinken, the deal held.", nil, []string{"Antony Blinken"}},
		{"Mr Putin, I am very happy to see you here.", []string{"Vladimir Putin"}, nil},
		{"Mr. Putin, who spoke first, left early.", []string{"Vladimir Putin"}, nil}, // the rule's known limit: an honorific and a comma open speech
		{"Hi. So Karine, can you hear me?", []string{"Karine Jean-Pierre"}, nil},
		{"(Inaudible) Karine, thanks for taking my question.", []string{"Karine Jean-Pierre"}, nil},
		{"So Putin said no.", nil, []string{"Vladimir Putin"}},
		{"Biden and Putin.", nil, []string{"Joe Biden", "Vladimir Putin"}},
		{"Thanks, Josh. On Iran?", []string{"Josh"}, nil},
		{"Zolan, go ahead.", []string{"Zolan"}, nil},
		{"I gave an answer to that question. Ed.", []string{"Ed"}, nil},
		{"We are fine. Fodder.", nil, nil}, // alone, only a known first name addresses
		{"Trevor said so.", nil, nil},
		{"Thanks, Look.", nil, nil},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			d := New(defaultLexicon(t), nil).NewDoc()
			d.AddPerson("Karine Jean-Pierre")
			d.AddPerson("Jake Sullivan")
			res, err := d.Tag(c.text)
			if err != nil {
				t.Fatal(err)
			}
			var addressed, people []string
			for _, m := range res.Mentions {
				switch {
				case m.Type != lexicon.Person:
				case m.Origin == FromAddress:
					addressed = append(addressed, m.Canonical)
				default:
					people = append(people, m.Canonical)
				}
			}
			if strings.Join(addressed, ";") != strings.Join(c.addressed, ";") || strings.Join(people, ";") != strings.Join(c.people, ";") {
				t.Errorf("addressed %q, people %q; want %q, %q", addressed, people, c.addressed, c.people)
			}
		})
	}
}
