package lexicon

import (
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
)

// placeLex is a small lexicon with a country, an organisation, a person
// and a topic cue beside places that overlap them.
const placeLex = `contexts:
  - id: us-state
    phrases: [Atlanta]
countries:
  - id: geo
    name: Georgia
    iso2: GE
    iso3: GEO
    aliases:
      - text: Georgia
        not_near: ["@us-state"]
  - id: mex
    name: Mexico
    iso2: MX
    iso3: MEX
  - id: usa
    name: United States
    iso2: US
    iso3: USA
organisations:
  - id: nyt
    name: New York Times
    kind: media
people:
  - id: greg-abbott
    name: Greg Abbott
topics:
  - id: me
    label: Middle East
    cues: [Red Sea]
places:
  - id: georgia-us
    name: Georgia
    kind: state
  - id: atlanta
    name: Atlanta
    kind: city
  - id: new-york
    name: New York
    kind: state
  - id: times-square
    name: Times Square
    kind: street
  - id: red-sea-coast
    name: Red Sea coast
    kind: region
  - id: texas
    name: Texas
    kind: state
  - id: gulf-of-mexico
    name: Gulf of Mexico
    kind: water
  - id: las-vegas
    name: Las Vegas
    kind: city
    country: usa
`

func loadPlaces(t *testing.T, src string) *Lexicon {
	t.Helper()
	l := New()
	if err := l.AddBytes("p.yaml", []byte(src)); err != nil {
		t.Fatal(err)
	}
	if err := l.Compile(); err != nil {
		t.Fatal(err)
	}
	return l
}

// matchAll runs the lexicon and then the places, as the tagger does, and
// renders each match as "text=type:id".
func matchAll(l *Lexicon, text string) []string {
	toks := Tokenize(text)
	ms := l.MatchTokens(text, toks)
	covered := make([]bool, len(toks))
	for _, m := range ms {
		i, j := tokenRange(toks, m)
		for k := i; k < j; k++ {
			covered[k] = true
		}
	}
	ms = append(ms, l.MatchPlaces(text, toks, covered)...)
	sort.SliceStable(ms, func(a, b int) bool { return ms[a].Start < ms[b].Start })
	var out []string
	for _, m := range ms {
		what := "cue:" + m.Phrase.Text
		if m.Entry != nil {
			what = m.Entry.Type.String() + ":" + m.Entry.ID
		}
		out = append(out, text[m.Start:m.End]+"="+what)
	}
	return out
}

// TestPlacesGiveWay: a place takes only words that no country,
// organisation, person or topic cue takes, on the same span or an
// overlapping one; where their rules say no, the place takes the words.
func TestPlacesGiveWay(t *testing.T) {
	l := loadPlaces(t, placeLex)
	cases := []struct{ text, want string }{
		{"Georgia wants to join NATO.", "Georgia=country:geo"},
		{"Polls closed in Atlanta, Georgia.", "Atlanta=place:atlanta Georgia=place:georgia-us"},
		{"The New York Times wrote about New York.", "New York Times=organisation:nyt New York=place:new-york"},
		{"A New York Times Square reporter.", "New York Times=organisation:nyt"},
		{"Houthis attack ships on the Red Sea coast.", "Red Sea=cue:Red Sea"},
		{"Texas Governor Greg Abbott went to Las Vegas.", "Texas=place:texas Greg Abbott=person:greg-abbott Las Vegas=place:las-vegas"},
		{"Oil rigs in the Gulf of Mexico.", "Mexico=country:mex"},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			if got := strings.Join(matchAll(l, c.text), " "); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

// TestPlacesRetryFreeWords: a place dropped because it overlaps another
// entry does not hide a shorter place in the words it held.
func TestPlacesRetryFreeWords(t *testing.T) {
	l := loadPlaces(t, `organisations:
  - id: kcpd
    name: City Police
    kind: state
places:
  - id: kansas-city-police-plaza
    name: Kansas City Police Plaza
    kind: building
  - id: kansas
    name: Kansas
    kind: state
`)
	got := strings.Join(matchAll(l, "At the Kansas City Police Plaza today."), " ")
	if want := "Kansas=place:kansas City Police=organisation:kcpd"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestPlaceModel: places load into their own section, merge by id, are
// never in Entries, and share the id space with the other entries.
func TestPlaceModel(t *testing.T) {
	l := loadPlaces(t, placeLex)
	if e := l.Entry("las-vegas"); e == nil || e.Type != Place || e.Kind != "city" || e.Country != "usa" || e.Line == 0 || e.File != "p.yaml" {
		t.Fatalf("Entry(las-vegas) = %+v", e)
	}
	for _, e := range l.Entries {
		if e.Type == Place {
			t.Errorf("place %s among Entries", e.ID)
		}
	}
	if got := len(l.Sorted(Place)); got != 8 || len(l.Places()) != 8 {
		t.Errorf("Sorted(Place) has %d places, Places %d, want 8", got, len(l.Places()))
	}
	if got := len(l.Sorted(0)); got != 5+8 {
		t.Errorf("Sorted(0) has %d entries, want 13", got)
	}
	if typ, err := ParseType("places"); err != nil || typ != Place || typ.String() != "place" {
		t.Errorf("ParseType(places) = %v, %v", typ, err)
	}
	if s := l.Stats(); s.Places != 8 || s.Countries != 3 {
		t.Errorf("Stats = %+v", s)
	}
	user := `places:
  - id: las-vegas
    aliases: [Vegas]
  - id: texas
    remove: true
  - id: atlanta
    replace: true
    name: ATL
    kind: city
`
	if err := l.AddBytes("user.yaml", []byte(user)); err != nil {
		t.Fatal(err)
	}
	if err := l.Compile(); err != nil {
		t.Fatal(err)
	}
	if e := l.Entry("las-vegas"); len(e.Aliases) != 1 || e.Kind != "city" {
		t.Errorf("extended place: %+v", e)
	}
	if l.Entry("texas") != nil {
		t.Error("removed place is still there")
	}
	if got := strings.Join(matchAll(l, "Vegas, Texas and ATL."), " "); got != "Vegas=place:las-vegas ATL=place:atlanta" {
		t.Errorf("after the user file: %s", got)
	}
	for _, c := range []struct{ name, src, want string }{
		{"place id of a country", "places:\n  - id: geo\n    name: Georgia\n    kind: state\n", `u.yaml:2: duplicate id: "geo" is a country in p.yaml, not a place`},
		{"country id of a place", "countries:\n  - id: las-vegas\n    name: Las Vegas\n", `u.yaml:2: duplicate id: "las-vegas" is a place in p.yaml, not a country`},
		{"iso2 on a place", "places:\n  - id: a\n    name: A\n    iso2: AA\n", `u.yaml:4: invalid lexicon: unknown field "iso2"`},
		{"topics on a place", "places:\n  - id: a\n    name: A\n    topics: [me]\n", `u.yaml:4: invalid lexicon: unknown field "topics"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := l.AddBytes("u.yaml", []byte(c.src))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error containing %q", err, c.want)
			}
		})
	}
}

// TestCheckPlaces: Check reports a place of an unknown kind, two places
// claiming one name without a rule, an unknown country, and a place that
// another entry or a cue always takes, compiled or not. Georgia, which
// the country takes only where its rules say so, is no problem.
func TestCheckPlaces(t *testing.T) {
	src := placeLex + `  - id: mexico-gulf
    name: Gulf of Mexico
    kind: water
  - id: nowhere
    name: Nowhere
    kind: planet
    country: xyz
`
	want := []string{
		`p.yaml:44: ambiguous alias: place red-sea-coast never matches "Red Sea coast": "Red Sea" is always read as a cue of topic me (cue "Red Sea" (p.yaml:30))`,
		`p.yaml:50: ambiguous alias: place gulf-of-mexico never matches "Gulf of Mexico": "Mexico" is always read as country mex (alias "Mexico" (p.yaml:12))`,
		`p.yaml:57: ambiguous alias: "Gulf of Mexico" is claimed by places mexico-gulf and gulf-of-mexico (p.yaml:50)`,
		`p.yaml:57: ambiguous alias: place mexico-gulf never matches "Gulf of Mexico"`,
		`p.yaml:60: invalid lexicon: place "nowhere": kind "planet" (want one of state, province,`,
		`p.yaml:60: unknown id: place "nowhere" names country "xyz"`,
	}
	for _, compile := range []bool{false, true} {
		l := New()
		if err := l.AddBytes("p.yaml", []byte(src)); err != nil {
			t.Fatal(err)
		}
		if compile {
			if err := l.Compile(); err != nil {
				t.Fatal(err)
			}
		}
		probs := l.Check()
		msg := probs.Error()
		for _, w := range want {
			if !strings.Contains(msg, w) {
				t.Errorf("compiled %v: missing %q in:\n%s", compile, w, msg)
			}
		}
		if len(probs) != len(want) {
			t.Errorf("compiled %v: %d problems, want %d:\n%s", compile, len(probs), len(want), msg)
		}
		if !errors.Is(probs, ErrAmbiguous) {
			t.Error("not ErrAmbiguous")
		}
		if !compile && l.compiled != nil {
			t.Error("Check compiled the lexicon itself")
		}
	}
}

// TestDefaultPlaces: the default gazetteer names the places, events, laws
// and titles of the task, and none of them displaces what the rest of the
// default lexicon finds.
func TestDefaultPlaces(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if probs := l.Check(); probs != nil {
		t.Fatalf("default lexicon:\n%v", probs)
	}
	for _, name := range []string{"Las Vegas", "Capitol Hill", "Rose Garden", "Wall Street", "Kansas City",
		"North Carolina", "Lake Huron", "Primorye Territory", "Central America", "Otto Warmbier Way",
		"Build Back Better", "Black History Month", "State of the Union", "Madam Vice President", "Texas",
		"State of the Union address", "Mr. President", "Your Excellency", "Gulf of Mexico", "Rio Grande",
		"the Bronx", "14th Amendment", "respiratory syncytial virus"} { // places that start without a capital
		got := matchAll(l, name)
		if len(got) != 1 || !strings.HasPrefix(got[0], name+"=place:") {
			t.Errorf("%q: got %v, want one place", name, got)
		}
	}
	// a place written with a capital is not found in lower case
	if got := matchAll(l, "we went to las vegas"); len(got) != 0 {
		t.Errorf("lower case: got %v, want no place", got)
	}
	// what the rest of the lexicon finds, places or not
	for _, c := range []struct{ text, want string }{
		{"Georgia wants to join NATO despite pressure from Russia.", "Georgia=country:geo"},
		{"The Houthis attacked ships in the Red Sea.", "Red Sea=cue:Red Sea"},
		{"The New York Times reported it.", "The New York Times=organisation:new-york-times"},
		{"The Pentagon said so.", "Pentagon=organisation:pentagon"},
		{"The White House said so.", "White House=organisation:white-house"},
		{"Fighting near Kharkiv.", "Kharkiv=cue:Kharkiv"},
		{"Ships leave Odesa.", "Odesa=cue:Odesa"},
		{"Annexed Crimea.", "Crimea=cue:Crimea*"},
	} {
		got := matchAll(l, c.text)
		if !slices.Contains(got, c.want) {
			t.Errorf("%q: got %v, want %s", c.text, got, c.want)
		}
		for _, g := range got {
			if strings.Contains(g, "=place:") {
				t.Errorf("%q: a place among %v", c.text, got)
			}
		}
	}
}

// TestPlaceSchema: every YAML field of PlaceEntry is a property of
// schema.json's place, and its kinds are PlaceKinds.
func TestPlaceSchema(t *testing.T) {
	src, err := os.ReadFile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Properties map[string]any `json:"properties"`
		Defs       struct {
			Place struct {
				Properties map[string]struct {
					Enum []string `json:"enum"`
				} `json:"properties"`
				AdditionalProperties bool `json:"additionalProperties"`
			} `json:"place"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(src, &schema); err != nil {
		t.Fatal(err)
	}
	var fields, props []string
	for f := range reflect.TypeOf(PlaceEntry{}).Fields() {
		if tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); tag != "" && tag != "-" {
			fields = append(fields, tag)
		}
	}
	for p := range schema.Defs.Place.Properties {
		props = append(props, p)
	}
	sort.Strings(fields)
	sort.Strings(props)
	if !slices.Equal(fields, props) || schema.Defs.Place.AdditionalProperties {
		t.Errorf("fields %v\nschema %v", fields, props)
	}
	if kinds := schema.Defs.Place.Properties["kind"].Enum; !slices.Equal(kinds, PlaceKinds) {
		t.Errorf("schema kinds %v\nPlaceKinds %v", kinds, PlaceKinds)
	}
	if _, ok := schema.Properties["places"]; !ok {
		t.Error("no places section in the schema")
	}
}
