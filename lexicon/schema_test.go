package lexicon

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// compileSchema compiles schema.json.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// yamlToJSON reads a YAML document as the JSON value an editor checks
// against the schema.
func yamlToJSON(t *testing.T, src []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(src, &v); err != nil {
		t.Fatal(err)
	}
	if v == nil {
		v = map[string]any{}
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestSchemaValidatesData: every default data file and the small test
// lexicon are valid against schema.json, and each names the schema.
func TestSchemaValidatesData(t *testing.T) {
	sch := compileSchema(t)
	files, _ := filepath.Glob("data/*.yaml")
	files = append(files, "testdata/small.yaml")
	for _, name := range files {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(src, []byte("# yaml-language-server: $schema=../schema.json\n")) {
				t.Errorf("%s does not start with the yaml-language-server schema line", name)
			}
			if err := sch.Validate(yamlToJSON(t, src)); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		})
	}
}

// TestSchemaRejects: the schema is as strict as the loader.
func TestSchemaRejects(t *testing.T) {
	sch := compileSchema(t)
	cases := []struct{ name, src string }{
		{"iso2 on a person", "people:\n  - id: a\n    iso2: XX\n"},
		{"misspelt section", "contries: []\n"},
		{"unknown word list", "words:\n  honourifics: [sir]\n"},
		{"unknown list to replace", "replace_words: [greeting]\n"},
		{"bad case", "topics:\n  - id: x\n    cues:\n      - {text: a, case: upper}\n"},
		{"phrase without text", "topics:\n  - id: x\n    cues:\n      - {near: [a]}\n"},
		{"context id with @", "contexts:\n  - id: '@a'\n"},
		{"month 13", "months:\n  brumaire: 13\n"},
		{"office date", "people:\n  - id: a\n    offices:\n      - {title: President, country: usa, from: 2020}\n"},
		{"kind", "organisations:\n  - id: a\n    kind: club\n"},
		{"taxonomy all", "topics:\n  - id: x\n    taxonomy: all\n"},
		{"taxonomy with capitals", "topics:\n  - id: x\n    taxonomy: CAP\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if err := sch.Validate(yamlToJSON(t, []byte(c.src))); err == nil {
				t.Errorf("the schema accepts %q", c.src)
			}
		})
	}
}

// TestSchemaMatchesStructs: every YAML field of every type a file decodes
// into is in schema.json, and every property there is a field, so that
// the two cannot drift; the same for the word list names.
func TestSchemaMatchesStructs(t *testing.T) {
	src, err := os.ReadFile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]any
	if err := json.Unmarshal(src, &schema); err != nil {
		t.Fatal(err)
	}
	at := func(path ...any) any {
		var v any = schema
		for _, p := range path {
			switch k := p.(type) {
			case string:
				v = v.(map[string]any)[k]
			case int:
				v = v.([]any)[k]
			}
		}
		return v
	}
	keys := func(v any) []string {
		var out []string
		for k := range v.(map[string]any) {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	cases := []struct {
		typ  any
		path []any // to the object schema whose properties are the fields
	}{
		{file{}, nil},
		{CountryEntry{}, []any{"$defs", "country"}},
		{OrganisationEntry{}, []any{"$defs", "organisation"}},
		{PersonEntry{}, []any{"$defs", "person"}},
		{Office{}, []any{"$defs", "office"}},
		{Topic{}, []any{"$defs", "topic"}},
		{Context{}, []any{"$defs", "context"}},
		{Phrase{}, []any{"$defs", "phrase", "anyOf", 1}},
	}
	for _, c := range cases {
		typ := reflect.TypeOf(c.typ)
		t.Run(typ.Name(), func(t *testing.T) {
			var fields []string
			for f := range typ.Fields() {
				tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
				if tag != "" && tag != "-" {
					fields = append(fields, tag)
				}
			}
			sort.Strings(fields)
			props := keys(at(append(c.path, "properties")...))
			if !slices.Equal(fields, props) {
				t.Errorf("fields %v\nschema %v", fields, props)
			}
			if at(append(c.path, "additionalProperties")...) != false {
				t.Error("the schema allows other properties")
			}
		})
	}
	var lists []string
	for _, w := range WordLists() {
		lists = append(lists, w.Name)
	}
	withMaps := append(slices.Clone(lists), MonthsSection, RoleLabelsSection)
	sort.Strings(withMaps)
	var enum []string
	for _, v := range at("properties", "replace_words", "items", "enum").([]any) {
		enum = append(enum, v.(string))
	}
	sort.Strings(enum)
	for name, got := range map[string][]string{
		"words":         keys(at("properties", "words", "properties")),
		"remove_words":  keys(at("properties", "remove_words", "properties")),
		"replace_words": enum,
	} {
		want := lists
		if name != "words" {
			want = withMaps
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: schema %v\nGo %v", name, got, want)
		}
	}
}
