package tagger

import (
	"strings"
	"testing"

	"github.com/turntag/turntag/lexicon"
)

// TestOrganisationSpans: the NER's organisation names are extended to the
// whole name or dropped, never cut short.
func TestOrganisationSpans(t *testing.T) {
	cases := []struct {
		text, name string
		want       []string
	}{
		{"Funding from the National Widget Foundation grew.", "Widget Foundation", []string{"National Widget Foundation"}},
		{"The Ministry of Fisheries Development said so.", "Fisheries Development", []string{"Ministry of Fisheries Development"}},
		{"The Acme Widget Council met today.", "Widget Council", []string{"Acme Widget Council"}},
		{"Said the Council. Widget makers agreed.", "Council", nil},
		{"The council of elders met.", "council of elders", nil},
		{"The NATO Widget Council met.", "Widget Council", nil},                                                              // the rest of a name the lexicon holds part of: not cut short
		{"The Zorgan Widget Office and the Investigative Committee met.", "Widget Office", []string{"Zorgan Widget Office"}}, // "and" after an organisation word joins two names
		{"The Plim Widget and Sprocket Administration met.", "Sprocket Administration", []string{"Plim Widget and Sprocket Administration"}},
		{"The Hertzen Centre and Alexei Belyayev agreed.", "Hertzen Centre", []string{"Hertzen Centre"}},
		{"The KGB [State Widget Committee] said so.", "KGB [State Widget Committee", nil}, // a gloss in brackets is no name
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			tg := New(defaultLexicon(t), stubNER{{Text: c.name, Class: "ORGANIZATION"}})
			res, err := tg.NewDoc().Tag(c.text)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range res.Mentions {
				if m.Type == lexicon.Organisation && m.Origin == FromNER {
					got = append(got, m.Canonical)
				}
			}
			if strings.Join(got, ";") != strings.Join(c.want, ";") {
				t.Errorf("organisations %q, want %q", got, c.want)
			}
		})
	}
}

// TestPersonAfterOffice: a PERSON candidate that runs on from an office's
// name keeps the person; one that is an office's name is an organisation.
func TestPersonAfterOffice(t *testing.T) {
	cases := []struct {
		text, name string
		people     []string
	}{
		{"We met Pacific Widget Affairs Dan Kritenbrink today.", "Pacific Widget Affairs Dan Kritenbrink", []string{"Dan Kritenbrink"}},
		{"The Export Widget Administration Assistant Secretary Rozman Kendler spoke.", "Export Widget Administration Assistant Secretary Rozman Kendler", []string{"Rozman Kendler"}},
		{"Ask the Office of Leg Affairs about it.", "Leg Affairs", nil},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			tg := New(defaultLexicon(t), stubNER{{Text: c.name, Class: "PERSON"}})
			res, err := tg.NewDoc().Tag(c.text)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range res.Mentions {
				if m.Type == lexicon.Person && m.Origin == FromNER {
					got = append(got, m.Canonical)
				}
			}
			if strings.Join(got, ";") != strings.Join(c.people, ";") {
				t.Errorf("people %q, want %q", got, c.people)
			}
		})
	}
}
