package lexicon

import (
	"slices"
	"strings"
	"testing"
)

// TestTaxonomiesOfTheDefault: the default has the security and agendas
// taxonomies, tags security alone until told otherwise, and reads the
// --taxonomy spellings.
func TestTaxonomiesOfTheDefault(t *testing.T) {
	l, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	if got := l.Taxonomies(); !slices.Equal(got, []string{"security", "agendas"}) {
		t.Errorf("Taxonomies() = %v", got)
	}
	if got := l.SelectedTaxonomies(); !slices.Equal(got, []string{"security"}) {
		t.Errorf("default selection %v", got)
	}
	n := 0
	for _, tp := range l.Topics {
		if tp.Taxonomy == "agendas" {
			n++
			if !strings.HasPrefix(tp.ID, "agendas-") {
				t.Errorf("agendas topic %q is not namespaced", tp.ID)
			}
		}
	}
	if n != 21 {
		t.Errorf("%d agendas topics, want CAP's 21 major topics", n)
	}
	for _, c := range []struct {
		spec string
		want []string
		err  string
	}{
		{"", nil, ""},
		{"all", []string{"security", "agendas"}, ""},
		{"agendas, security", []string{"security", "agendas"}, ""},
		{"agendas", []string{"agendas"}, ""},
		{"cap", nil, `unknown taxonomy "cap" (the lexicon has security, agendas, or all)`},
	} {
		got, err := l.ParseTaxonomies(c.spec)
		if c.err != "" {
			if err == nil || err.Error() != c.err {
				t.Errorf("ParseTaxonomies(%q): error %v, want %q", c.spec, err, c.err)
			}
			continue
		}
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("ParseTaxonomies(%q) = %v, %v; want %v", c.spec, got, err, c.want)
		}
	}
}

// TestTaxonomiesMatchApart: selecting a taxonomy adds its cue matches and
// changes nothing else. "nuclear power" (Energy) and "Chinese" (a country
// demonym, and an International Affairs cue) overlap the security cue
// "nuclear" and the mention of China; each taxonomy still sees its own.
func TestTaxonomiesMatchApart(t *testing.T) {
	text := "Chinese nuclear weapons and nuclear power plants, inflation and the border with Russia."
	match := func(names ...string) []Match {
		t.Helper()
		l, err := LoadDefault()
		if err != nil {
			t.Fatal(err)
		}
		if err := l.SelectTaxonomies(names); err != nil {
			t.Fatal(err)
		}
		if err := l.Compile(); err != nil {
			t.Fatal(err)
		}
		return l.Match(text)
	}
	split := func(ms []Match) (other, cues map[string][]string) {
		other, cues = map[string][]string{}, map[string][]string{}
		for _, m := range ms {
			s := text[m.Start:m.End]
			if m.Role == RoleCue {
				cues[m.Topic.Taxonomy] = append(cues[m.Topic.Taxonomy], s+"→"+m.Topic.Label)
			} else {
				other[m.Entry.ID] = append(other[m.Entry.ID], s)
			}
		}
		return other, cues
	}
	secOther, secCues := split(match(nil...))
	allOther, allCues := split(match("security", "agendas"))
	agOther, agCues := split(match("agendas"))
	if len(secCues["agendas"]) > 0 {
		t.Errorf("the default selection matched agendas cues %v", secCues["agendas"])
	}
	if !slices.Contains(secCues["security"], "nuclear→Nuclear and Arms Control") {
		t.Errorf("security cues %v lack the one the agendas cue overlaps", secCues["security"])
	}
	if !slices.Equal(secCues["security"], allCues["security"]) {
		t.Errorf("security cues %v alone, %v with agendas", secCues["security"], allCues["security"])
	}
	if len(agCues["security"]) > 0 {
		t.Errorf("--taxonomy agendas kept security cues %v", agCues["security"])
	}
	for _, o := range []map[string][]string{allOther, agOther} {
		if len(o) != len(secOther) || !slices.Equal(o["chn"], secOther["chn"]) || !slices.Equal(o["rus"], secOther["rus"]) {
			t.Errorf("mentions %v, want %v whatever the selection", o, secOther)
		}
	}
	for _, want := range []string{"nuclear power plants→Energy", "inflation→Macroeconomics", "Chinese→International Affairs"} {
		if !slices.Contains(allCues["agendas"], want) || !slices.Contains(agCues["agendas"], want) {
			t.Errorf("agendas cues %v lack %q", allCues["agendas"], want)
		}
	}
}

// TestUserTopicsAndTaxonomies: a user topic without a taxonomy is in the
// default one (so files written before taxonomies still tag); one with a
// taxonomy of its own is tagged when selected; check reports a repeated
// label, a parent in another taxonomy and a malformed name.
func TestUserTopicsAndTaxonomies(t *testing.T) {
	l, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	src := "topics:\n" +
		"  - id: arctic\n    label: Arctic\n    cues: [High North]\n" +
		"  - id: fish\n    label: Fisheries\n    taxonomy: blue-economy\n    cues: [trawler]\n"
	if err := l.AddBytes("u.yaml", []byte(src)); err != nil {
		t.Fatal(err)
	}
	if got := l.Topic("arctic").Taxonomy; got != DefaultTaxonomy {
		t.Errorf("arctic is in %q", got)
	}
	if err := l.Compile(); err != nil {
		t.Fatal(err)
	}
	labels := func(ms []Match) (out []string) {
		for _, m := range ms {
			if m.Topic != nil {
				out = append(out, m.Topic.Label)
			}
		}
		return out
	}
	if got := labels(l.Match("A trawler in the High North.")); !slices.Equal(got, []string{"Arctic"}) {
		t.Errorf("default selection: %v", got)
	}
	if err := l.SelectTaxonomies([]string{"blue-economy"}); err != nil {
		t.Fatal(err)
	}
	if err := l.Compile(); err != nil {
		t.Fatal(err)
	}
	if got := labels(l.Match("A trawler in the High North.")); !slices.Equal(got, []string{"Fisheries"}) {
		t.Errorf("blue-economy: %v", got)
	}
	if !l.Selected(l.Topic("fish")) || l.Selected(l.Topic("arctic")) {
		t.Error("Selected disagrees with the selection")
	}

	bad := "topics:\n" +
		"  - id: health-2\n    label: health\n    cues: [clinic]\n" +
		"  - id: sub\n    label: Sub\n    parent: agendas-03-health\n    cues: [x-ray]\n" +
		"  - id: odd\n    label: Odd\n    taxonomy: all\n    cues: [odd]\n"
	l, err = LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	if err := l.AddBytes("b.yaml", []byte(bad)); err != nil {
		t.Fatal(err)
	}
	msg := l.Check().Error()
	for _, want := range []string{
		`b.yaml:2: duplicate id: topic "health-2" has the label "health" of topic "agendas-03-health"`,
		`b.yaml:5: invalid lexicon: topic "sub" (security) has parent "agendas-03-health" in another taxonomy (agendas)`,
		`b.yaml:9: invalid lexicon: topic "odd": taxonomy "all" is not a lowercase name`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("check lacks %q:\n%s", want, msg)
		}
	}
}
