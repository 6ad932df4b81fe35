package read

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/turntag/turntag/pipeline/limited"
	"github.com/turntag/turntag/pipeline/transcript"
)

// splitFrontMatterByYAML is splitFrontMatter as it was, reading every
// block with the YAML decoder: the reference for the one that reads
// simple blocks itself.
func splitFrontMatterByYAML(text string, lex *vocab) (frontMatter, int, error) {
	var fm frontMatter
	block, bodyStart, ok, closed := frontMatterEnd(text)
	if !ok {
		return fm, 0, nil
	}
	if !closed {
		return fm, 0, &transcript.Error{Line: 1, Err: errors.New("front matter opened with --- is never closed")}
	}
	if err := limited.YAMLExpansion([]byte(block), MaxFrontMatterNodes); err != nil {
		return fm, 0, &transcript.Error{Line: 1, Err: fmt.Errorf("front matter: %w", err)}
	}
	var m map[string]any
	if err := yaml.Unmarshal([]byte(block), &m); err != nil {
		line := 1
		var ye yaml.Error
		if errors.As(err, &ye) && ye.GetToken() != nil && ye.GetToken().Position != nil {
			line += ye.GetToken().Position.Line
		}
		msg := err.Error()
		if ye != nil {
			msg = ye.GetMessage()
		}
		return fm, 0, &transcript.Error{Line: line, Err: fmt.Errorf("front matter: %s", msg)}
	}
	mkeys := slices.Sorted(maps.Keys(m))
	get := func(keys ...string) string {
		for _, k := range keys {
			if v, ok := m[k]; ok && v != nil {
				return strings.TrimSpace(fmt.Sprint(v))
			}
			for _, mk := range mkeys {
				if v := m[mk]; strings.EqualFold(mk, k) && v != nil {
					return strings.TrimSpace(fmt.Sprint(v))
				}
			}
		}
		return ""
	}
	fm.Title = get("title")
	fm.Date = lex.months.normalize(get(lex.dateKeys...))
	fm.URL = get(lex.urlKeys...)
	for _, mk := range mkeys {
		v := m[mk]
		if strings.EqualFold(mk, "speakers") || strings.EqualFold(mk, "speaker") {
			switch s := v.(type) {
			case []any:
				for _, x := range s {
					fm.Speakers = append(fm.Speakers, fmt.Sprint(x))
				}
			case string:
				fm.Speakers = append(fm.Speakers, s)
			}
		}
	}
	return fm, bodyStart, nil
}

var frontMatterSeeds = []string{
	"title: \"Press Briefing by Press Secretary Jen\\_Psaki, January 20,\\_2021\"\ndate: '2021-01-20'\n",
	"title: \"Press Briefing by White\\_House COVID-\\u206019 Respon\n  Officials\"\n",
	"title: \"a b\\\n  \\ c\"\n", "title: \"a b   \n  c\"\n", "title: \"a b\n\n  c\"\n", "title: \"a b\n\tc\"\n",
	"date: 2021-01-20\nx: 2021-01-21 19:32:28-05:00\n", "title: abc\ntitle: def\n", "Title: abc\ntitle: def\n",
	"title: a'b\n", "title: a, b\n", "title: yes\n", "title: 'it''s'\n", "title: \"\\x41\\u00e9\\U0001F600\\N\\L\\P\\/\\t\\n\"\n",
	"title: \"\\q\"\n", "title: a: b\n", "title:   a\n", "speakers: Jane Doe\n", "speaker: 'Jane'\nSpeakers: \"John\"\n",
	"source_url: https://example.com/a_b/c-d?x\npublished_time: 2021-01-20 19:06:00-05:00\ntags: press-briefings\n",
	"title: Remarks by Vice President Harris at the Munich Security Conference\n", "title: \"x\" \n", "title: 2021\n",
}

// frontMatterBlocks returns the front matter blocks of the transcripts in
// testdata.
func frontMatterBlocks(tb testing.TB) []string {
	tb.Helper()
	var out []string
	for _, pattern := range []string{"../../testdata/transcripts/*.md", "../../testdata/real/*/*.md"} {
		paths, err := filepath.Glob(pattern)
		if err != nil {
			tb.Fatal(err)
		}
		for _, p := range paths {
			src, err := os.ReadFile(p)
			if err != nil {
				tb.Fatal(err)
			}
			if block, _, ok, closed := frontMatterEnd(string(src)); ok && closed {
				out = append(out, block)
			}
		}
	}
	return out
}

// checkSimpleFrontMatter checks that simpleFrontMatter, where it reads a
// block, gives what the YAML decoder gives.
func checkSimpleFrontMatter(t *testing.T, block string) {
	t.Helper()
	m, ok := simpleFrontMatter(block)
	if !ok {
		return
	}
	var want map[string]any
	if err := yaml.Unmarshal([]byte(block), &want); err != nil {
		t.Fatalf("simpleFrontMatter(%q) reads what YAML refuses: %v", block, err)
	}
	if len(m) != len(want) {
		t.Fatalf("simpleFrontMatter(%q) = %q, YAML gives %q", block, m, want)
	}
	for k, v := range m {
		w, ok := want[k]
		if !ok {
			t.Fatalf("simpleFrontMatter(%q) has key %q, YAML has not: %q", block, k, want)
		}
		if _, number := v.(plainNumber); number {
			continue // the reader looks at none of these
		}
		if w != v {
			t.Fatalf("simpleFrontMatter(%q)[%q] = %q (%T), YAML gives %q (%T)", block, k, v, v, w, w)
		}
	}
}

func TestSimpleFrontMatter(t *testing.T) {
	blocks := append(frontMatterBlocks(t), frontMatterSeeds...)
	simple := 0
	for _, b := range blocks {
		checkSimpleFrontMatter(t, b)
		if _, ok := simpleFrontMatter(b); ok {
			simple++
		}
	}
	if simple < len(blocks)/2 {
		t.Errorf("only %d of %d front matter blocks are read without the YAML decoder", simple, len(blocks))
	}
}

func FuzzSimpleFrontMatter(f *testing.F) {
	for _, b := range append(frontMatterBlocks(f), frontMatterSeeds...) {
		f.Add(b)
	}
	f.Fuzz(checkSimpleFrontMatter)
}

// TestSplitFrontMatterSameAsByYAML checks splitFrontMatter against the
// reference that decodes every block as YAML.
func TestSplitFrontMatterSameAsByYAML(t *testing.T) {
	lex := testReader(t).lex
	for _, b := range append(frontMatterBlocks(t), frontMatterSeeds...) {
		checkSplitFrontMatter(t, "---\n"+b+"---\nBody.\n", lex)
	}
}

func checkSplitFrontMatter(t *testing.T, text string, lex *vocab) {
	t.Helper()
	fm, start, err := splitFrontMatter(text, lex)
	wfm, wstart, werr := splitFrontMatterByYAML(text, lex)
	if fmt.Sprint(err) != fmt.Sprint(werr) || start != wstart || !reflect.DeepEqual(fm, wfm) {
		t.Fatalf("splitFrontMatter(%q) = %+v, %d, %v; want %+v, %d, %v", text, fm, start, err, wfm, wstart, werr)
	}
}

func FuzzSplitFrontMatter(f *testing.F) {
	for _, b := range append(frontMatterBlocks(f), frontMatterSeeds...) {
		f.Add("---\n" + b + "---\nBody.\n")
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSplitFrontMatter(t, text, testReader(t).lex)
	})
}

// TestFrontMatterKeysInCaseVariants checks that keys written twice in
// different case, and "speaker" beside "speakers", read the same on every
// run: the key spelt as looked up first, then the others in sorted order.
func TestFrontMatterKeysInCaseVariants(t *testing.T) {
	lex := testReader(t).lex
	for range 20 {
		fm, _, err := splitFrontMatter("---\nTitle: abc\ntitle: def\nTITLE: ghi\nspeaker: 'Jane'\nSpeakers: \"John\"\n---\nBody.\n", lex)
		if err != nil {
			t.Fatal(err)
		}
		if fm.Title != "def" || !slices.Equal(fm.Speakers, []string{"John", "Jane"}) {
			t.Fatalf("title %q, speakers %q; want \"def\", [John Jane]", fm.Title, fm.Speakers)
		}
	}
}

// TestYAMLBreak checks yamlBreak against strings.ContainsAny, which it
// replaced.
func TestYAMLBreak(t *testing.T) {
	for _, s := range []string{"", "title: x\n", "a\u0085b", "a\u2028", "\u2029", "\ufeffx", "\u00a0\u2027\u202f\ufffe", "\xe2\x80\xa8\xff", "\xc2\x85"} {
		if got, want := yamlBreak(s), strings.ContainsAny(s, "\u0085\u2028\u2029\ufeff"); got != want {
			t.Errorf("yamlBreak(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzYAMLBreak(f *testing.F) {
	f.Add("title: \"Jen\u00a0Psaki\u2028\"\n")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // simpleFrontMatter asks only about UTF-8
		}
		if got, want := yamlBreak(s), strings.ContainsAny(s, "\u0085\u2028\u2029\ufeff"); got != want {
			t.Fatalf("yamlBreak(%q) = %v, want %v", s, got, want)
		}
	})
}
