package lexicon

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// TestDefaultSnapshotIsUpToDate decodes the embedded snapshot and compares
// it with the default lexicon loaded from its YAML: every entry, place,
// topic, context, word list and mapping, with its file and line, and the
// gazetteer's compiled matcher. It fails when the YAML was edited without
// running go generate ./lexicon.
func TestDefaultSnapshotIsUpToDate(t *testing.T) {
	fromYAML, err := LoadDefaultYAML()
	if err != nil {
		t.Fatal(err)
	}
	snap, err := LoadDefault()
	if err != nil {
		t.Fatalf("%v\nrun go generate ./lexicon", err)
	}
	if diff := lexiconDiff(snap, fromYAML); diff != "" {
		t.Fatalf("data/default.snapshot is not the lexicon of data/*.yaml: run go generate ./lexicon\nfirst difference (snapshot, then YAML): %s", diff)
	}
}

// lexiconDiff says where two lexicons first differ, part by part so that
// the message names an entry, or returns "" when they are deeply equal.
func lexiconDiff(a, b *Lexicon) string {
	if len(a.Entries) != len(b.Entries) {
		return fmt.Sprintf("%d entries, %d entries", len(a.Entries), len(b.Entries))
	}
	for i := range a.Entries {
		if !reflect.DeepEqual(a.Entries[i], b.Entries[i]) {
			return fmt.Sprintf("entry %d:\n%+v\n%+v", i, *a.Entries[i], *b.Entries[i])
		}
	}
	if len(a.places.Entries) != len(b.places.Entries) {
		return fmt.Sprintf("%d places, %d places", len(a.places.Entries), len(b.places.Entries))
	}
	for i := range a.places.Entries {
		if !reflect.DeepEqual(a.places.Entries[i], b.places.Entries[i]) {
			return fmt.Sprintf("place %d:\n%+v\n%+v", i, *a.places.Entries[i], *b.places.Entries[i])
		}
	}
	if len(a.Topics) != len(b.Topics) {
		return fmt.Sprintf("%d topics, %d topics", len(a.Topics), len(b.Topics))
	}
	for i := range a.Topics {
		if !reflect.DeepEqual(a.Topics[i], b.Topics[i]) {
			return fmt.Sprintf("topic %d:\n%+v\n%+v", i, *a.Topics[i], *b.Topics[i])
		}
	}
	if !reflect.DeepEqual(a.Contexts, b.Contexts) {
		return "contexts"
	}
	for name, w := range a.words {
		if !reflect.DeepEqual(w, b.words[name]) {
			return fmt.Sprintf("word list %s:\n%v\n%v", name, w.order, b.words[name].order)
		}
	}
	for _, part := range []struct {
		name string
		a, b any
	}{
		{"word lists", a.words, b.words},
		{"role labels", a.roleLabels, b.roleLabels},
		{"months", a.months, b.months},
		{"nicknames", a.Nicknames, b.Nicknames},
		{"titles", a.Titles, b.Titles},
		{"common words", a.CommonWords, b.CommonWords},
		{"org words", a.OrgWords, b.OrgWords},
		{"gazetteer", a.places, b.places},
	} {
		if !reflect.DeepEqual(part.a, part.b) {
			return part.name
		}
	}
	if !reflect.DeepEqual(a, b) {
		return "the lexicons' other state"
	}
	return ""
}

// TestSnapshotMergesLikeYAML merges user files over the default decoded
// from the snapshot and over the default parsed from the YAML, and
// compiles both: the two lexicons must be the same, compiled matchers
// included, and so must the problems of a file that removes a context the
// default's phrases use, which name the default phrases' files and lines.
func TestSnapshotMergesLikeYAML(t *testing.T) {
	removeContext := []byte(`contexts:
  - id: antigua-signs
    remove: true
countries:
  - id: ukr
    aliases: [Ukraina]
topics:
  - id: arctic
    label: Arctic
    cues: [Arctic, High North]
words:
  titles: [Overseer]
remove_words:
  months: [sept]
replace_words: [role_labels]
role_labels:
  the overseer: Overseer
nicknames:
  - "Gus: Augustus"
`)
	for _, tc := range []struct {
		name string
		add  func(*Lexicon) error
	}{
		{"small.yaml", func(l *Lexicon) error { return l.AddFile("testdata/small.yaml") }},
		{"remove a context", func(l *Lexicon) error { return l.AddBytes("user.yaml", removeContext) }},
		{"every taxonomy", func(l *Lexicon) error { return l.SelectTaxonomies(l.Taxonomies()) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var lexes [2]*Lexicon
			var errs [2]string
			for i, load := range []func() (*Lexicon, error){LoadDefault, LoadDefaultYAML} {
				l, err := load()
				if err != nil {
					t.Fatal(err)
				}
				if err := tc.add(l); err != nil {
					t.Fatal(err)
				}
				if err := l.Compile(); err != nil {
					errs[i] = err.Error()
				}
				lexes[i] = l
			}
			if tc.name == "remove a context" && !strings.Contains(errs[1], `default:countries.yaml:178: unknown id: no context "antigua-signs"`) {
				t.Errorf("Compile over the YAML: want the default phrase's line, got\n%s", errs[1])
			}
			if errs[0] != errs[1] {
				t.Errorf("Compile over the snapshot:\n%s\nover the YAML:\n%s", errs[0], errs[1])
			}
			if diff := lexiconDiff(lexes[0], lexes[1]); diff != "" {
				t.Errorf("merged over the snapshot and over the YAML: %s", diff)
			}
		})
	}
}

// TestLoadDefaultIsFresh changes one copy of the default and loads
// another: LoadDefault never hands out shared state.
func TestLoadDefaultIsFresh(t *testing.T) {
	a, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	ukr := a.Entry("ukr")
	ukr.Aliases[0].Text = "changed"
	ukr.Topics[0] = "changed"
	a.Titles["changed"] = true
	a.Nicknames["matt"][0] = "changed"
	if err := a.AddBytes("u.yaml", []byte("replace_words: [honorifics]\n")); err != nil {
		t.Fatal(err)
	}
	b, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	if b.Entry("ukr").Aliases[0].Text == "changed" || b.Entry("ukr").Topics[0] == "changed" ||
		b.Titles["changed"] || b.Nicknames["matt"][0] == "changed" || len(b.Words(Honorifics)) == 0 {
		t.Error("a change to one LoadDefault copy shows in the next")
	}
}

// TestSnapshotKeepsEveryField round-trips a lexicon whose entries,
// places, topics, contexts, phrases and offices have every exported field
// set, so that a field added to one of those types and not to the
// snapshot fails here even before the default data uses it.
func TestSnapshotKeepsEveryField(t *testing.T) {
	l := New()
	for _, into := range []*Lexicon{l, l.places} { // set by hand: merge would act on Remove
		var e Entry
		fill(t, reflect.ValueOf(&e).Elem())
		into.Entries, into.byID[e.ID] = append(into.Entries, &e), &e
	}
	l.places.Entries[0].Type = Place
	var topic Topic
	fill(t, reflect.ValueOf(&topic).Elem())
	l.Topics, l.topicByID[topic.ID] = append(l.Topics, &topic), &topic
	var ctx Context
	fill(t, reflect.ValueOf(&ctx).Elem())
	l.Contexts, l.contextByID[ctx.ID] = append(l.Contexts, &ctx), &ctx
	l.words[Honorifics].add("dr")
	l.Titles["general"] = true
	l.words[Titles].order = append(l.words[Titles].order, "general")
	l.roleLabels["the host"] = "Host"
	l.months["sept"] = 9
	l.Nicknames["matt"] = []string{"matthew", "mathew"}
	l.taxonomies = []string{"agendas"}
	l.compilePlaces()

	data, err := l.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var got Lexicon
	if err := got.UnmarshalBinary(data); err != nil {
		t.Fatal(err)
	}
	if diff := lexiconDiff(&got, l); diff != "" {
		t.Errorf("round trip: %s", diff)
	}

	l.taxonomies = []string{} // selects nothing, unlike nil
	if data, err = l.MarshalBinary(); err != nil {
		t.Fatal(err)
	}
	if err := got.UnmarshalBinary(data); err != nil {
		t.Fatal(err)
	}
	if got.taxonomies == nil {
		t.Error("an empty selection of taxonomies came back as none (the default)")
	}
}

// fill sets every exported field of the struct v to a value that is not
// its zero, and fails on a field of a kind it does not know. Phrases get
// a context reference with its line.
func fill(t *testing.T, v reflect.Value) {
	t.Helper()
	for i := range v.NumField() {
		f, sf := v.Field(i), v.Type().Field(i)
		if !sf.IsExported() {
			continue
		}
		switch {
		case sf.Type == reflect.TypeFor[Type]():
			f.Set(reflect.ValueOf(Person))
		case f.Kind() == reflect.String:
			f.SetString(sf.Name + " value")
		case f.Kind() == reflect.Int:
			f.SetInt(int64(7 + i))
		case f.Kind() == reflect.Bool:
			f.SetBool(true)
		case f.Kind() == reflect.Float64:
			f.SetFloat(1.5)
		case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.String:
			f.Set(reflect.ValueOf([]string{"@" + sf.Name, sf.Name + " item"}))
		case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.Struct:
			s := reflect.MakeSlice(f.Type(), 2, 2)
			for j := range 2 {
				fill(t, s.Index(j))
				if p, ok := s.Index(j).Addr().Interface().(*Phrase); ok {
					p.refLines = map[string]int{"@Near": 3 + j, "@NotAfter": 4}
				}
			}
			f.Set(s)
		default:
			t.Fatalf("fill: %s.%s is a %s: teach fill, and the snapshot, about it", v.Type(), sf.Name, f.Type())
		}
		if f.IsZero() {
			t.Fatalf("fill left %s.%s zero", v.Type(), sf.Name)
		}
	}
}

// TestDefaultIsLoadDefaultCompiled checks that Default, which builds the
// gazetteer's matcher and the main one at once, gives what LoadDefault
// then Compile give. Run it with -race too.
func TestDefaultIsLoadDefaultCompiled(t *testing.T) {
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	l, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Compile(); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(def, l) {
		t.Error("Default differs from LoadDefault compiled")
	}
}
