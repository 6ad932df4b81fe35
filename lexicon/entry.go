package lexicon

import (
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
)

// Type is the kind of an entity entry.
type Type int

// The entity types.
const (
	Country Type = iota + 1
	Organisation
	Person
	Place // a place or named event of the gazetteer: it covers its words but is never a mention
)

// String returns the type's name as used in the CLI and the mentions file.
func (t Type) String() string {
	switch t {
	case Country:
		return "country"
	case Organisation:
		return "organisation"
	case Person:
		return "person"
	case Place:
		return "place"
	}
	return "unknown"
}

// ParseType reads a type name ("country", "organisation" or "organization",
// "person", "place").
func ParseType(s string) (Type, error) {
	switch strings.ToLower(s) {
	case "country", "countries":
		return Country, nil
	case "organisation", "organization", "organisations", "organizations", "org":
		return Organisation, nil
	case "person", "people":
		return Person, nil
	case "place", "places":
		return Place, nil
	}
	return 0, fmt.Errorf("unknown entity type %q (want country, organisation, person or place)", s)
}

// Phrase is an alias, demonym, capital or topic cue with its matching rules.
// In YAML it is either a plain string or a mapping with text and rules. An
// item "@id" of Near, NotNear, NotBefore or NotAfter stands for the phrases
// of the named context id (see Context); the lists keep it as written.
type Phrase struct {
	Text      string   `yaml:"text"`        // the phrase; a trailing * on the last word matches any word starting so
	Case      string   `yaml:"case"`        // "auto" (default), "exact" or "any"
	Near      []string `yaml:"near"`        // fires only if one of these occurs in the turn (or window)
	NotNear   []string `yaml:"not_near"`    // never fires if one of these occurs in the turn (or window)
	Window    int      `yaml:"window"`      // words on either side for Near/NotNear; 0 means the whole turn
	NotBefore []string `yaml:"not_before"`  // never fires when immediately followed by one of these
	NotAfter  []string `yaml:"not_after"`   // never fires when immediately preceded by one of these
	NotInName bool     `yaml:"not_in_name"` // never fires inside a longer proper name ("Lisa Monaco", "Chad Wolf", "Micron Technology"): README.md, "Aliases and cues", says when
	Weight    float64  `yaml:"weight"`      // cues only: weight in the topic score; 0 means 1
	Line      int      `yaml:"-"`           // 1-based line in File
	File      string   `yaml:"-"`           // file the phrase was read from

	refLines map[string]int // "@id" item of a context list -> its 1-based line
}

// UnmarshalYAML decodes a phrase from a string or a strict mapping and
// remembers its line.
func (p *Phrase) UnmarshalYAML(n ast.Node) error {
	line := n.GetToken().Position.Line
	if s, ok := n.(*ast.StringNode); ok {
		*p = Phrase{Text: s.Value, Line: line}
		return nil
	}
	if _, ok := n.(*ast.MappingNode); !ok {
		if _, ok := n.(*ast.MappingValueNode); !ok {
			// numbers, booleans and other scalars are phrases too, as
			// written ("2024", "2.50", "On")
			if s, ok := scalarText(n); ok {
				*p = Phrase{Text: s, Line: line}
				return nil
			}
			return &Error{Line: line, Err: fmt.Errorf("%w: a phrase is a string or a mapping with text", ErrInvalid)}
		}
	}
	type plain Phrase
	if err := yaml.NodeToValue(n, (*plain)(p), yaml.Strict()); err != nil {
		return err
	}
	p.Line = line
	p.refLines = refLines(n)
	return nil
}

// refLines finds the "@id" items of a phrase mapping's context lists and
// their lines, so that an unknown context is reported where it is named.
func refLines(n ast.Node) map[string]int {
	var out map[string]int
	for _, mv := range mappingValues(n) {
		switch mv.Key.GetToken().Value {
		case "near", "not_near", "not_before", "not_after":
		default:
			continue
		}
		seq, ok := mv.Value.(*ast.SequenceNode)
		if !ok {
			continue
		}
		for _, item := range seq.Values {
			s, ok := item.(*ast.StringNode)
			if !ok || !strings.HasPrefix(s.Value, ContextRef) {
				continue
			}
			if out == nil {
				out = map[string]int{}
			}
			if _, seen := out[s.Value]; !seen {
				out[s.Value] = line(s)
			}
		}
	}
	return out
}

// mappingValues returns the key-value pairs of a mapping node.
func mappingValues(n ast.Node) []*ast.MappingValueNode {
	switch m := n.(type) {
	case *ast.MappingNode:
		return m.Values
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{m}
	}
	return nil
}

// refLine returns the line where a context reference of the phrase is
// written, or the phrase's line.
func (p *Phrase) refLine(ref string) int {
	if l, ok := p.refLines[ref]; ok {
		return l
	}
	return p.Line
}

// HasRules reports whether the phrase carries any context rule or a case
// other than auto, which makes a shared alias deliberate.
func (p *Phrase) HasRules() bool {
	return len(p.Near)+len(p.NotNear)+len(p.NotBefore)+len(p.NotAfter) > 0 || (p.Case != "" && p.Case != "auto")
}

// Entry is a country, organisation or person: the resolved model that the
// matcher and the rest of turntag use. Files decode each section into its
// own strict type (CountryEntry, OrganisationEntry, PersonEntry), whose
// Entry method converts it to this one; the fields of the other types stay
// empty.
type Entry struct {
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`     // canonical name, as written in the CSV
	Official string   `yaml:"official"` // countries: official name
	ISO2     string   `yaml:"iso2"`     // countries: ISO 3166-1 alpha-2
	ISO3     string   `yaml:"iso3"`     // countries: ISO 3166-1 alpha-3
	Kind     string   `yaml:"kind"`     // organisations: international, state, armed-group, company, media, ngo, party, other
	Role     string   `yaml:"role"`     // people: office held
	Country  string   `yaml:"country"`  // organisations and people: id of their country
	Aliases  []Phrase `yaml:"aliases"`
	Demonyms []Phrase `yaml:"demonyms"` // countries: adjectives and nouns; they count as mentions
	Capitals []Phrase `yaml:"capitals"` // countries: topic cues only, never mentions
	Topics   []string `yaml:"topics"`   // ids of the topics this entity is a cue of
	Offices  []Office `yaml:"offices"`  // people: offices held, with their periods
	Sites    []string `yaml:"sites"`    // organisations: web host names of their pages ("whitehouse.gov"); a document from one is set in the organisation's country
	Replace  bool     `yaml:"replace"`  // in a user file: replace the entry with this id instead of extending it
	Remove   bool     `yaml:"remove"`   // in a user file: remove the entry with this id
	Type     Type     `yaml:"-"`
	File     string   `yaml:"-"`
	Line     int      `yaml:"-"` // 1-based line of the entry in File
}

// Office is a post a person held for a period, so that a role-only label
// ("THE PRESIDENT:", "THE VICE PRESIDENT:") in a document set in the
// office's country on a date in the period names its holder. Dates are ISO
// 8601 (YYYY-MM-DD); From is the first day in office, To the first day
// out of it (empty while in office), so terms that meet do not overlap.
type Office struct {
	Title   string `yaml:"title"`   // the title as labels say it: "President", "Vice President", "Press Secretary"
	Country string `yaml:"country"` // id of the country whose office it is
	From    string `yaml:"from"`    // first day in office
	To      string `yaml:"to"`      // first day out of office; empty while in office
	Line    int    `yaml:"-"`       // 1-based line in the entry's file
}

// UnmarshalYAML decodes an office strictly and remembers its line.
func (o *Office) UnmarshalYAML(n ast.Node) error {
	type plain Office
	if err := yaml.NodeToValue(n, (*plain)(o), yaml.Strict()); err != nil {
		return err
	}
	o.Line = n.GetToken().Position.Line
	return nil
}

// Holds reports whether the office is title in country on date (ISO
// 8601); case is ignored in the title.
func (o Office) Holds(title, country, date string) bool {
	return strings.EqualFold(o.Title, title) && o.Country == country &&
		date != "" && o.From <= date && (o.To == "" || date < o.To)
}

// UnmarshalYAML decodes an entry strictly and remembers its line. The
// loader does not use it (it decodes CountryEntry, OrganisationEntry and
// PersonEntry); it accepts the fields of every type, for callers that
// decode an Entry themselves.
func (e *Entry) UnmarshalYAML(n ast.Node) error {
	type plain Entry
	if err := yaml.NodeToValue(n, (*plain)(e), yaml.Strict()); err != nil {
		return err
	}
	e.Line = n.GetToken().Position.Line
	return nil
}

// Topic is a topic label with the phrases that cue it. Entities cue topics
// through their own Topics field. Every topic belongs to one taxonomy (see
// Taxonomies): the loader sets DefaultTaxonomy on a topic that names none.
type Topic struct {
	ID       string   `yaml:"id"`
	Label    string   `yaml:"label"`    // exactly as shown in the CSV topics column; unique across taxonomies
	Taxonomy string   `yaml:"taxonomy"` // the taxonomy the topic belongs to ("security", "agendas"); DefaultTaxonomy when empty
	Parent   string   `yaml:"parent"`   // optional parent topic id, in the same taxonomy
	Cues     []Phrase `yaml:"cues"`
	Replace  bool     `yaml:"replace"`
	Remove   bool     `yaml:"remove"`
	File     string   `yaml:"-"`
	Line     int      `yaml:"-"`
}

// UnmarshalYAML decodes a topic strictly and remembers its line.
func (t *Topic) UnmarshalYAML(n ast.Node) error {
	type plain Topic
	if err := yaml.NodeToValue(n, (*plain)(t), yaml.Strict()); err != nil {
		return err
	}
	t.Line = n.GetToken().Position.Line
	return nil
}
