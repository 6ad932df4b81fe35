package tagger

import (
	"strings"
	"testing"
)

// TestNERNameErrors: kinds of NER error that the vetting drops or mends,
// each with a name that is kept beside it.
func TestNERNameErrors(t *testing.T) {
	cases := []struct {
		name, text string
		ner        []Name
		want       []string // NER mentions, "type:canonical"
	}{
		{"common word first", "Total Black employment is down.", []Name{{Text: "Total Black", Class: "PERSON"}}, nil},
		{"common word last", "The attack on the Mercer Street was deadly.", []Name{{Text: "Mercer Street", Class: "PERSON"}}, nil},
		{"short common word may end a name", "Did you call me? Hyejun So?", []Name{{Text: "Hyejun So", Class: "PERSON"}}, []string{"person:Hyejun So"}},
		{"name said again after a dash", "Simon — Simon — Michael, go ahead.", []Name{{Text: "Simon — Simon — Michael", Class: "PERSON"}}, nil},
		{"name corrected after a dash", "I thank Brian — Senator Brian Zorvat today.", []Name{{Text: "Brian — Senator Brian Zorvat", Class: "PERSON"}}, []string{"person:Brian Zorvat"}},
		{"hyphenated name", "We met Keegan-Michael Zorvat today.", []Name{{Text: "Keegan-Michael Zorvat", Class: "PERSON"}}, []string{"person:Keegan-Michael Zorvat"}},
		{"initial runs on", "A guy named Elbert N. Carvel came.", []Name{{Text: "Elbert N", Class: "PERSON"}}, []string{"person:Elbert N. Carvel"}},
		{"initial into a common word", "Ask Elbert N. Today he said no.", []Name{{Text: "Elbert N", Class: "PERSON"}}, nil},
		{"office before an organisation", "He was Chairman of the Zorvat Committee then.", []Name{{Text: "Chairman of the Zorvat Committee", Class: "ORGANIZATION"}}, []string{"organisation:Zorvat Committee"}},
		{"title after an organisation", "James White, Plimton Police Chief, spoke.", []Name{{Text: "Plimton Police Chief", Class: "ORGANIZATION"}}, []string{"organisation:Plimton Police"}},
		{"office of a title kept", "The Office of the Vice President said so.", []Name{{Text: "Office of the Vice President", Class: "ORGANIZATION"}}, []string{"organisation:Office of the Vice President"}},
		{"award named after an organisation", "He won the Conspicuous Service Medal in Iraq.", []Name{{Text: "Conspicuous Service Medal", Class: "ORGANIZATION"}}, nil},
		{"day named after an organisation", "The President will host College Athlete Day at noon.", []Name{{Text: "College Athlete Day", Class: "PERSON"}}, nil},
		{"organisation of a common word kept", "The Zorvat Board of Governors met.", []Name{{Text: "Zorvat Board of Governors", Class: "ORGANIZATION"}}, []string{"organisation:Zorvat Board of Governors"}},
		{"person after an organisation", "Head of the Federal Zorvat Service for Financial Monitoring Yury Plimtonov: I hope not.",
			[]Name{{Text: "Federal Zorvat Service", Class: "ORGANIZATION"}, {Text: "Financial Monitoring Yury Plimtonov", Class: "PERSON"}},
			[]string{"organisation:Federal Zorvat Service for Financial Monitoring", "person:Yury Plimtonov"}},
		{"organisation across a dash", "I went to Plimton — University of Plimton.", []Name{{Text: "Plimton — University", Class: "ORGANIZATION"}}, []string{"organisation:University of Plimton"}}, // an organisation's name is extended to the whole name or dropped, never cut short
		{"extended before", "Funding from the National Widget Foundation grew.", []Name{{Text: "Widget Foundation", Class: "ORGANIZATION"}}, []string{"organisation:National Widget Foundation"}},
		{"extended over of", "The Ministry of Fisheries Development said so.", []Name{{Text: "Fisheries Development", Class: "ORGANIZATION"}}, []string{"organisation:Ministry of Fisheries Development"}},
		{"extended over a capitalised word", "The Acme Widget Council met today.", []Name{{Text: "Widget Council", Class: "ORGANIZATION"}}, []string{"organisation:Acme Widget Council"}},
		{"one word is no organisation", "Said the Council. Widget makers agreed.", []Name{{Text: "Council", Class: "ORGANIZATION"}}, nil},
		{"lower-case words are no organisation", "The council of elders met.", []Name{{Text: "council of elders", Class: "ORGANIZATION"}}, nil},
		{"the rest of a lexicon name is not cut short", "The NATO Widget Council met.", []Name{{Text: "Widget Council", Class: "ORGANIZATION"}}, nil},
		{"and after an organisation word joins two names", "The Zorgan Widget Office and the Investigative Committee met.", []Name{{Text: "Widget Office", Class: "ORGANIZATION"}}, []string{"organisation:Zorgan Widget Office"}},
		{"and inside a name", "The Plim Widget and Sprocket Administration met.", []Name{{Text: "Sprocket Administration", Class: "ORGANIZATION"}}, []string{"organisation:Plim Widget and Sprocket Administration"}},
		{"and before a person", "The Hertzen Centre and Alexei Belyayev agreed.", []Name{{Text: "Hertzen Centre", Class: "ORGANIZATION"}}, []string{"organisation:Hertzen Centre"}},
		{"a gloss in brackets is no name", "The KGB [State Widget Committee] said so.", []Name{{Text: "KGB [State Widget Committee", Class: "ORGANIZATION"}}, nil},
		// a PERSON candidate that runs on from an office's name keeps the person
		{"person after an office", "We met Pacific Widget Affairs Dan Kritenbrink today.", []Name{{Text: "Pacific Widget Affairs Dan Kritenbrink", Class: "PERSON"}}, []string{"person:Dan Kritenbrink"}},
		{"person after an office and a title", "The Export Widget Administration Assistant Secretary Rozman Kendler spoke.", []Name{{Text: "Export Widget Administration Assistant Secretary Rozman Kendler", Class: "PERSON"}}, []string{"person:Rozman Kendler"}},
		{"an office named as a person", "Ask the Office of Leg Affairs about it.", []Name{{Text: "Leg Affairs", Class: "PERSON"}}, []string{"organisation:Office of Leg Affairs"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tg := New(defaultLexicon(t), stubNER(c.ner))
			res, err := tg.NewDoc().Tag(c.text)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range res.Mentions {
				if m.Origin == FromNER {
					got = append(got, m.Type.String()+":"+m.Canonical)
				}
			}
			if strings.Join(got, ";") != strings.Join(c.want, ";") {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
