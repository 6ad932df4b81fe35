package lexicon

import (
	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
)

// CountryEntry is an item of a file's countries section, decoded strictly:
// a field that belongs to another type ("kind", "offices") is an error at
// its line. Entry converts it to the resolved model.
type CountryEntry struct {
	ID       string   `yaml:"id"`       // ISO 3166-1 alpha-3 in lower case by convention ("geo")
	Name     string   `yaml:"name"`     // canonical name, as written in the CSV
	Official string   `yaml:"official"` // official name
	ISO2     string   `yaml:"iso2"`     // ISO 3166-1 alpha-2
	ISO3     string   `yaml:"iso3"`     // ISO 3166-1 alpha-3
	Aliases  []Phrase `yaml:"aliases"`  // other names; they count as mentions
	Demonyms []Phrase `yaml:"demonyms"` // adjectives and nouns; they count as mentions
	Capitals []Phrase `yaml:"capitals"` // topic cues only, never mentions
	Topics   []string `yaml:"topics"`   // ids of the topics the country is a cue of
	Replace  bool     `yaml:"replace"`  // in a user file: replace the entry with this id instead of extending it
	Remove   bool     `yaml:"remove"`   // in a user file: remove the entry with this id
	Line     int      `yaml:"-"`        // 1-based line of the entry
}

// OrganisationEntry is an item of a file's organisations section, decoded
// strictly. Entry converts it to the resolved model.
type OrganisationEntry struct {
	ID      string   `yaml:"id"`
	Name    string   `yaml:"name"`    // canonical name, as written in the CSV
	Kind    string   `yaml:"kind"`    // international, state, armed-group, company, media, ngo, party, other
	Country string   `yaml:"country"` // id of the country of its seat
	Aliases []Phrase `yaml:"aliases"` // other names; they count as mentions
	Topics  []string `yaml:"topics"`  // ids of the topics the organisation is a cue of
	Sites   []string `yaml:"sites"`   // web host names of its pages ("whitehouse.gov"); a document from one is set in its country
	Replace bool     `yaml:"replace"` // in a user file: replace the entry with this id instead of extending it
	Remove  bool     `yaml:"remove"`  // in a user file: remove the entry with this id
	Line    int      `yaml:"-"`       // 1-based line of the entry
}

// PersonEntry is an item of a file's people section, decoded strictly.
// Entry converts it to the resolved model.
type PersonEntry struct {
	ID      string   `yaml:"id"`
	Name    string   `yaml:"name"`    // canonical name, as written in the CSV
	Role    string   `yaml:"role"`    // office held, as shown to readers
	Country string   `yaml:"country"` // id of the person's country
	Aliases []Phrase `yaml:"aliases"` // other names; they count as mentions
	Topics  []string `yaml:"topics"`  // ids of the topics the person is a cue of
	Offices []Office `yaml:"offices"` // posts a role-only speaker label names, with their periods
	Replace bool     `yaml:"replace"` // in a user file: replace the entry with this id instead of extending it
	Remove  bool     `yaml:"remove"`  // in a user file: remove the entry with this id
	Line    int      `yaml:"-"`       // 1-based line of the entry
}

// PlaceEntry is an item of a file's places section, decoded strictly: a
// place or a named event of the gazetteer (a US state, a city that is not a
// capital, a landmark, a river, a holiday, a bill, a form of address). Its
// aliases cover their words, so that the statistical NER never makes a
// person or an organisation of them, but a place is never a mention and
// gives way to any country, organisation, person or topic cue that claims
// the same words (see Lexicon.MatchPlaces). Entry converts it to the
// resolved model.
type PlaceEntry struct {
	ID      string   `yaml:"id"`
	Name    string   `yaml:"name"`    // canonical name; it matches as an alias
	Kind    string   `yaml:"kind"`    // one of PlaceKinds: state, province, region, city, ...
	Country string   `yaml:"country"` // optional: id of the country it is in
	Aliases []Phrase `yaml:"aliases"` // other names; they cover their words, never mentions
	Replace bool     `yaml:"replace"` // in a user file: replace the entry with this id instead of extending it
	Remove  bool     `yaml:"remove"`  // in a user file: remove the entry with this id
	Line    int      `yaml:"-"`       // 1-based line of the entry
}

// UnmarshalYAML decodes a country strictly and remembers its line.
func (c *CountryEntry) UnmarshalYAML(n ast.Node) error {
	type plain CountryEntry
	return decodeStrict(n, (*plain)(c), &c.Line)
}

// UnmarshalYAML decodes an organisation strictly and remembers its line.
func (o *OrganisationEntry) UnmarshalYAML(n ast.Node) error {
	type plain OrganisationEntry
	return decodeStrict(n, (*plain)(o), &o.Line)
}

// UnmarshalYAML decodes a person strictly and remembers its line.
func (p *PersonEntry) UnmarshalYAML(n ast.Node) error {
	type plain PersonEntry
	return decodeStrict(n, (*plain)(p), &p.Line)
}

// UnmarshalYAML decodes a place strictly and remembers its line.
func (p *PlaceEntry) UnmarshalYAML(n ast.Node) error {
	type plain PlaceEntry
	return decodeStrict(n, (*plain)(p), &p.Line)
}

// decodeStrict decodes n into v, rejecting unknown fields, and sets *line
// to n's line.
func decodeStrict(n ast.Node, v any, line *int) error {
	if err := yaml.NodeToValue(n, v, yaml.Strict()); err != nil {
		return err
	}
	*line = n.GetToken().Position.Line
	return nil
}

// Entry returns the country as a resolved entry of type Country.
func (c *CountryEntry) Entry() *Entry {
	return &Entry{ID: c.ID, Name: c.Name, Official: c.Official, ISO2: c.ISO2, ISO3: c.ISO3,
		Aliases: c.Aliases, Demonyms: c.Demonyms, Capitals: c.Capitals, Topics: c.Topics,
		Replace: c.Replace, Remove: c.Remove, Type: Country, Line: c.Line}
}

// Entry returns the organisation as a resolved entry of type Organisation.
func (o *OrganisationEntry) Entry() *Entry {
	return &Entry{ID: o.ID, Name: o.Name, Kind: o.Kind, Country: o.Country,
		Aliases: o.Aliases, Topics: o.Topics, Sites: o.Sites,
		Replace: o.Replace, Remove: o.Remove, Type: Organisation, Line: o.Line}
}

// Entry returns the person as a resolved entry of type Person.
func (p *PersonEntry) Entry() *Entry {
	return &Entry{ID: p.ID, Name: p.Name, Role: p.Role, Country: p.Country,
		Aliases: p.Aliases, Topics: p.Topics, Offices: p.Offices,
		Replace: p.Replace, Remove: p.Remove, Type: Person, Line: p.Line}
}

// Entry returns the place as a resolved entry of type Place.
func (p *PlaceEntry) Entry() *Entry {
	return &Entry{ID: p.ID, Name: p.Name, Kind: p.Kind, Country: p.Country, Aliases: p.Aliases,
		Replace: p.Replace, Remove: p.Remove, Type: Place, Line: p.Line}
}
