package lexicon

import (
	"strings"
	"testing"
)

// TestSectionFields: each section takes its own type's fields only.
func TestSectionFields(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"iso2 on a person", "people:\n  - id: a\n    name: A B\n    iso2: XX\n", `u.yaml:4: invalid lexicon: unknown field "iso2"`},
		{"offices on an organisation", "organisations:\n  - id: a\n    name: A\n    offices: []\n", `u.yaml:4: invalid lexicon: unknown field "offices"`},
		{"kind on a country", "countries:\n  - id: a\n    name: A\n    kind: state\n", `u.yaml:4: invalid lexicon: unknown field "kind"`},
		{"capitals on a person", "people:\n  - id: a\n    name: A B\n    capitals: [X]\n", `u.yaml:4: invalid lexicon: unknown field "capitals"`},
		{"sites on a person", "people:\n  - id: a\n    name: A B\n    sites: [a.org]\n", `u.yaml:4: invalid lexicon: unknown field "sites"`},
		{"demonyms on an organisation", "organisations:\n  - id: a\n    name: A\n    demonyms: [As]\n", `u.yaml:4: invalid lexicon: unknown field "demonyms"`},
		{"role on a country", "countries:\n  - id: a\n    name: A\n    role: none\n", `u.yaml:4: invalid lexicon: unknown field "role"`},
		{"empty item", "people:\n  - id: a\n    name: A B\n  -\n", `u.yaml:4: invalid lexicon: empty list item`},
		{"null phrase", "topics:\n  - id: x\n    label: X\n    cues: [a, ~]\n", `u.yaml:4: invalid lexicon: empty list item`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := New().AddBytes("u.yaml", []byte(c.src))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error containing %q", err, c.want)
			}
		})
	}
}

// TestSectionsConvert: each section's fields reach the resolved Entry, and
// extend, replace and remove work per type.
func TestSectionsConvert(t *testing.T) {
	base := `countries:
  - id: geo
    name: Georgia
    official: Georgia
    iso2: GE
    iso3: GEO
    demonyms: [Georgian]
    capitals: [Tbilisi]
    topics: [x]
organisations:
  - id: acme
    name: Acme
    kind: company
    country: geo
    sites: [acme.example]
people:
  - id: ada
    name: Ada Stone
    role: Minister
    country: geo
    offices:
      - {title: Minister, country: geo, from: "2020-01-01"}
`
	l := New()
	if err := l.AddBytes("base.yaml", []byte(base)); err != nil {
		t.Fatal(err)
	}
	geo, acme, ada := l.Entry("geo"), l.Entry("acme"), l.Entry("ada")
	if geo.Type != Country || geo.ISO2 != "GE" || geo.ISO3 != "GEO" || geo.Official != "Georgia" || len(geo.Demonyms) != 1 || len(geo.Capitals) != 1 || geo.Topics[0] != "x" || geo.Line != 2 {
		t.Errorf("country: %+v", geo)
	}
	if acme.Type != Organisation || acme.Kind != "company" || acme.Country != "geo" || acme.Sites[0] != "acme.example" || acme.Line != 11 {
		t.Errorf("organisation: %+v", acme)
	}
	if ada.Type != Person || ada.Role != "Minister" || ada.Country != "geo" || len(ada.Offices) != 1 || ada.Offices[0].Line != 22 || ada.File != "base.yaml" {
		t.Errorf("person: %+v", ada)
	}
	extend := `organisations:
  - id: acme
    sites: [acme.example, shop.acme.example]
people:
  - id: ada
    offices:
      - {title: President, country: geo, from: "2024-01-01"}
`
	if err := l.AddBytes("extend.yaml", []byte(extend)); err != nil {
		t.Fatal(err)
	}
	if e := l.Entry("acme"); strings.Join(e.Sites, " ") != "acme.example shop.acme.example" || e.Kind != "company" {
		t.Errorf("extended organisation: %+v", e)
	}
	if e := l.Entry("ada"); len(e.Offices) != 2 || e.Role != "Minister" {
		t.Errorf("extended person: %+v", e)
	}
	user := `organisations:
  - id: acme
    replace: true
    name: Acme Corp
people:
  - id: ada
    remove: true
`
	if err := l.AddBytes("user.yaml", []byte(user)); err != nil {
		t.Fatal(err)
	}
	if e := l.Entry("acme"); e.Name != "Acme Corp" || e.Kind != "" || e.Type != Organisation {
		t.Errorf("replaced organisation: %+v", e)
	}
	if l.Entry("ada") != nil {
		t.Error("removed person is still there")
	}
}
