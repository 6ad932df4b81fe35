package lexicon

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// ctxBase is a file with named contexts for the tests below.
const ctxBase = `contexts:
  - id: caucasus
    phrases: [Tbilisi, Caucasus]
  - id: georgia-signs
    phrases: ["@caucasus", NATO]
  - id: us-state
    phrases: [Atlanta, Savannah]
countries:
  - id: geo
    name: Georgia
    iso2: GE
    iso3: GEO
    aliases:
      - text: Georgia
        near: ["@georgia-signs", Georgian]
        not_near: ["@us-state"]
`

func TestContexts(t *testing.T) {
	cases := []struct {
		name string
		user string // a second file, loaded after ctxBase
		text string
		want string
	}{
		{"reference", "", "Georgia and NATO", "Georgia=Georgia(alias)"},
		{"nested reference", "", "Georgia in the Caucasus", "Georgia=Georgia(alias)"},
		{"inline item beside a reference", "", "Georgia, Georgian wine", "Georgia=Georgia(alias)"},
		{"no context", "", "Georgia", ""},
		{"not_near reference", "", "Georgia, NATO and Atlanta", ""},
		{"user file extends", "contexts:\n  - id: caucasus\n    phrases: [Batumi]\n", "Georgia and Batumi", "Georgia=Georgia(alias)"},
		{"extension keeps the rest", "contexts:\n  - id: caucasus\n    phrases: [Batumi]\n", "Georgia and Tbilisi", "Georgia=Georgia(alias)"},
		{"user file replaces", "contexts:\n  - id: caucasus\n    replace: true\n    phrases: [Batumi]\n", "Georgia and Tbilisi", ""},
		{"user file adds a context", "contexts:\n  - id: wine\n    phrases: [Saperavi]\ncountries:\n  - id: geo\n    aliases:\n      - text: Sakartvelo\n        near: ['@wine']\n", "Sakartvelo Saperavi", "Sakartvelo=Georgia(alias)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := New()
			if err := l.AddBytes("base.yaml", []byte(ctxBase)); err != nil {
				t.Fatal(err)
			}
			if c.user != "" {
				if err := l.AddBytes("user.yaml", []byte(c.user)); err != nil {
					t.Fatal(err)
				}
			}
			if err := l.Compile(); err != nil {
				t.Fatal(err)
			}
			if got := render(c.text, l.Match(c.text)); got != c.want {
				t.Errorf("Match(%q)\n got %s\nwant %s", c.text, got, c.want)
			}
		})
	}
}

func TestContextErrors(t *testing.T) {
	// Each case wants an error containing load, or else one containing
	// compile (when set) from Compile and one containing check from Check.
	cases := []struct {
		name, src            string
		load, compile, check string
		is                   error
	}{
		{name: "unknown reference", src: "topics:\n  - id: x\n    label: X\n    cues:\n      - text: border\n        near:\n          - migrants\n          - '@nowhere'\n",
			compile: `u.yaml:8: unknown id: no context "nowhere"`, check: `u.yaml:8: unknown id: no context "nowhere"`, is: ErrUnknownID},
		{name: "unknown reference in a context", src: "contexts:\n  - id: a\n    phrases: ['@b']\ntopics:\n  - id: x\n    label: X\n    cues:\n      - text: border\n        near: ['@a']\n",
			compile: `u.yaml:2: unknown id: no context "b"`, check: `u.yaml:2: unknown id: no context "b"`, is: ErrUnknownID},
		{name: "defined twice", src: "contexts:\n  - id: a\n    phrases: [x]\n  - id: a\n    phrases: [y]\n",
			load: `u.yaml:4: duplicate id: context "a" is already defined at line 2`, is: ErrDuplicate},
		{name: "cycle", src: "contexts:\n  - id: a\n    phrases: ['@b']\n  - id: b\n    phrases: ['@a']\ntopics:\n  - id: x\n    label: X\n    cues:\n      - text: border\n        near: ['@a']\n",
			compile: `u.yaml:2: invalid lexicon: context "a" refers to itself`, check: `u.yaml:2: invalid lexicon: context "a" refers to itself`, is: ErrInvalid},
		{name: "misspelt field", src: "contexts:\n  - id: a\n    phrase: [x]\n",
			load: `u.yaml:3:`, is: ErrInvalid},
		{name: "id with @", src: "contexts:\n  - id: '@a'\n    phrases: [x]\n",
			load: `u.yaml:2: invalid lexicon: context id "@a"`, is: ErrInvalid},
		{name: "remove unknown", src: "contexts:\n  - id: a\n    remove: true\n",
			load: `u.yaml:2: unknown id: cannot remove context "a"`, is: ErrUnknownID},
		{name: "unused", src: "contexts:\n  - id: a\n    phrases: [x]\n",
			check: `u.yaml:2: invalid lexicon: context "a" is not used`, is: ErrInvalid},
		{name: "empty", src: "contexts:\n  - id: a\ntopics:\n  - id: x\n    label: X\n    cues:\n      - text: border\n        near: ['@a']\n",
			check: `u.yaml:2: invalid lexicon: context "a" has no phrases`, is: ErrInvalid},
		{name: "phrase that never matches", src: "contexts:\n  - id: a\n    phrases: ['--']\ntopics:\n  - id: x\n    label: X\n    cues:\n      - text: border\n        near: ['@a']\n",
			compile: `u.yaml:8: context "--" of "border": invalid lexicon: phrase "--" has no words`, check: `u.yaml:2: context "a": invalid lexicon: phrase "--" has no words`, is: ErrInvalid},
	}
	want := func(t *testing.T, stage string, err error, want string, is error) {
		t.Helper()
		if want == "" {
			if err != nil {
				t.Errorf("%s: %v", stage, err)
			}
			return
		}
		if err == nil || !strings.Contains(err.Error(), want) || !errors.Is(err, is) {
			t.Errorf("%s: got %v, want an error containing %q", stage, err, want)
		}
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := New()
			err := l.AddBytes("u.yaml", []byte(c.src))
			if want(t, "load", err, c.load, c.is); c.load != "" {
				return
			}
			want(t, "compile", l.Compile(), c.compile, c.is)
			if probs := l.Check(); len(probs) > 0 {
				err = probs
			}
			want(t, "check", err, c.check, c.is)
		})
	}
}

func TestAnchors(t *testing.T) {
	cases := []struct{ name, src, text, want, err string }{
		{"alias of a list", "topics:\n  - id: x\n    label: X\n    cues:\n      - text: border\n        near: &mig [migrants, asylum]\n      - text: borders\n        near: *mig\n",
			"borders and asylum", "borders=borders(cue)", ""},
		{"alias of a phrase", "topics:\n  - id: x\n    label: X\n    cues:\n      - &b {text: border, near: [migrants]}\n  - id: y\n    label: Y\n    cues:\n      - *b\n",
			"border migrants", "border=border(cue); border=border(cue)", ""},
		{"anchored string", "topics:\n  - id: x\n    label: X\n    cues:\n      - &s frontier\n  - id: y\n    label: Y\n    cues:\n      - *s\n",
			"frontier", "frontier=frontier(cue); frontier=frontier(cue)", ""},
		{"unknown alias", "topics:\n  - id: x\n    label: X\n    cues:\n      - text: border\n        near: *mig\n",
			"", "", "u.yaml:6: invalid lexicon: alias *mig has no anchor"},
		{"alias inside its anchor", "topics:\n  - id: x\n    label: X\n    cues: &c\n      - text: border\n        near: *c\n",
			"", "", "u.yaml:6: invalid lexicon: alias *c has no anchor"},
		{"aliases that explode", "contexts:\n" + explodingAliases(12), "", "", "aliases expand to more than"},
		{"two documents", "topics: []\n---\ntopics: []\n", "", "", "u.yaml:3: invalid lexicon: a lexicon file holds one YAML document"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := New()
			err := l.AddBytes("u.yaml", []byte(c.src))
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("got %v, want an error containing %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if err := l.Compile(); err != nil {
				t.Fatal(err)
			}
			if got := render(c.text, l.Match(c.text)); got != c.want {
				t.Errorf("Match(%q)\n got %s\nwant %s", c.text, got, c.want)
			}
		})
	}
}

// explodingAliases returns contexts whose phrases grow tenfold at each of
// n levels through aliases: 10^n values from a few hundred bytes.
func explodingAliases(n int) string {
	var b strings.Builder
	b.WriteString("  - id: a0\n    phrases: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i <= n; i++ {
		p := fmt.Sprintf("*a%d", i-1)
		fmt.Fprintf(&b, "  - id: a%d\n    phrases: &a%d [%s%s]\n", i, i, strings.Repeat(p+", ", 9), p)
	}
	return b.String()
}
