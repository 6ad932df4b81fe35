package tagger

import (
	"strings"
	"testing"

	"github.com/turntag/turntag/lexicon"
)

// TestPlacesAreNoPeople: names the statistical NER took for people (or
// organisations) on real briefings are places, events, bills or titles of
// the gazetteer, and none becomes a mention.
func TestPlacesAreNoPeople(t *testing.T) {
	tg := func(ner ...Name) *Tagger { return New(defaultLexicon(t), stubNER(ner)) }
	for _, name := range []string{"Las Vegas", "Capitol Hill", "Rose Garden", "Wall Street", "Kansas City",
		"North Carolina", "Lake Huron", "Primorye Territory", "Central America", "Otto Warmbier Way",
		"Build Back Better", "Black History Month", "State of the Union", "Madam Vice President",
		"Hurricane Ian", "Roe v. Wade", "Mr. President"} {
		for _, class := range []string{"PERSON", "ORGANIZATION", "GPE"} {
			text := "We spoke about " + name + " and the rest of it."
			res, err := tg(Name{name, class}).NewDoc().Tag(text)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Mentions) > 0 {
				t.Errorf("%s %q: mentions %v", class, name, res.Mentions)
			}
			if len(res.Unknown) > 0 {
				t.Errorf("%s %q: unknown %v", class, name, res.Unknown)
			}
			place := false
			for _, m := range res.Matches {
				place = place || m.Entry != nil && m.Entry.Type == lexicon.Place
			}
			if !place {
				t.Errorf("%q: no place among the matches", name)
			}
		}
	}
}

// TestPlacesTrimPeople: a person's name that starts or ends with a place
// loses it, and the place does not become that person later in the
// document; an organisation's name keeps its place.
func TestPlacesTrimPeople(t *testing.T) {
	lex := defaultLexicon(t)
	cases := []struct {
		name   string
		text   string
		ner    []Name
		people []string
		orgs   []string
	}{
		{"place and title before a lexicon person", "Texas Governor Greg Abbott sent buses.", []Name{{"Texas Governor Greg Abbott", "PERSON"}}, []string{"Greg Abbott"}, nil},
		{"place and title before an unknown person", "Ohio Senator Dale Hinton voted no.", []Name{{"Ohio Senator Dale Hinton", "PERSON"}}, []string{"Dale Hinton"}, nil},
		{"title of place before a person", "We met the Governor of Ohio Dale Hinton.", []Name{{"Governor of Ohio Dale Hinton", "PERSON"}}, []string{"Dale Hinton"}, nil},
		{"place after a person", "We met Dale Hinton of Ohio there.", []Name{{"Dale Hinton of Ohio", "PERSON"}}, []string{"Dale Hinton"}, nil},
		{"place inside is no person", "We met Dale Kansas City Hinton there.", []Name{{"Dale Kansas City Hinton", "PERSON"}}, nil, nil},
		{"place before a full name", "The Governor of Ohio Dale Hinton spoke.", []Name{{"Ohio Dale Hinton", "PERSON"}}, []string{"Dale Hinton"}, nil},
		{"organisation keeps its place", "The Ohio Water Development Authority said so.", []Name{{"Ohio Water Development Authority", "ORGANIZATION"}}, nil, []string{"Ohio Water Development Authority"}},
		{"organisation ending with a place", "The Water Authority of Ohio said so.", []Name{{"Water Authority of Ohio", "ORGANIZATION"}}, nil, []string{"Water Authority of Ohio"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := New(lex, stubNER(c.ner)).NewDoc()
			res, err := d.Tag(c.text)
			if err != nil {
				t.Fatal(err)
			}
			people, orgs := names(res.Mentions, lexicon.Person), names(res.Mentions, lexicon.Organisation)
			if strings.Join(people, ";") != strings.Join(c.people, ";") || strings.Join(orgs, ";") != strings.Join(c.orgs, ";") {
				t.Errorf("people %q orgs %q, want %q %q", people, orgs, c.people, c.orgs)
			}
			// the place is not the person later on
			res, _ = d.Tag("Ohio and Texas have had enough, and Ohio knows it.")
			if got := names(res.Mentions, lexicon.Person); len(got) > 0 {
				t.Errorf("later: people %q", got)
			}
		})
	}
}

// TestPlaceOrName: a one-word place next to a name, after a title, or
// naming a person of the document is part of the name; next to a plural
// or a title after it, it stays a place.
func TestPlaceOrName(t *testing.T) {
	lex := defaultLexicon(t)
	cases := []struct {
		name   string
		known  string // a person named earlier in the document
		text   string
		ner    []Name
		people []string
	}{
		{"first name", "", "Virginia Foxx chairs the committee.", []Name{{"Virginia Foxx", "PERSON"}}, []string{"Virginia Foxx"}},
		{"first name of a hostage", "", "We want Austin Tice home.", []Name{{"Austin Tice", "PERSON"}}, []string{"Austin Tice"}},
		{"surname inside a sentence", "", "They played Whitney Houston all night.", []Name{{"Whitney Houston", "PERSON"}}, []string{"Whitney Houston"}},
		{"surname of a person named earlier", "Brenda Phoenix", "They heard Phoenix say no.", nil, []string{"Brenda Phoenix"}},
		{"title and surname of a person named earlier", "Brenda Phoenix", "As Senator Phoenix said.", nil, []string{"Brenda Phoenix"}},
		{"first name used to address", "Savannah Guthrie", "Thanks, Savannah.", nil, []string{"Savannah Guthrie"}},
		{"a team", "", "The Houston Astros won.", []Name{{"Houston Astros", "PERSON"}, {"Houston Astros", "ORGANIZATION"}}, nil},
		{"a title after the place", "", "Texas Governor spoke.", []Name{{"Texas Governor", "PERSON"}}, nil},
		{"the city, not the person named earlier", "Austin Tice", "Flights to Austin resumed.", nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := New(lex, stubNER(c.ner)).NewDoc()
			if c.known != "" {
				d.AddPerson(c.known)
			}
			res, err := d.Tag(c.text)
			if err != nil {
				t.Fatal(err)
			}
			if got := names(res.Mentions, lexicon.Person); strings.Join(got, ";") != strings.Join(c.people, ";") {
				t.Errorf("people %q, want %q", got, c.people)
			}
		})
	}
}
