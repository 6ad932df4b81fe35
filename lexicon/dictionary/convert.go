package dictionary

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/turntag/turntag/lexicon"
)

// Topics returns the dictionary as turntag topics, sorted by id, each cue
// list sorted by text. A nested category's Parent is the id of the
// category it sits in. Topics, cues and their lines point into File; a
// cue's Weight is 0 (the default, 1) unless the dictionary gave another.
func (d *Dictionary) Topics() []*lexicon.Topic {
	var out []*lexicon.Topic
	var walk func(cs []*Category, parent string)
	walk = func(cs []*Category, parent string) {
		for _, c := range cs {
			t := &lexicon.Topic{ID: c.ID, Label: c.Label, Parent: parent, File: d.File, Line: c.Line}
			for _, e := range c.Entries {
				p := lexicon.Phrase{Text: e.Text, File: d.File, Line: e.Line}
				if e.Weight != 1 {
					p.Weight = e.Weight
				}
				t.Cues = append(t.Cues, p)
			}
			sort.SliceStable(t.Cues, func(i, j int) bool { return t.Cues[i].Text < t.Cues[j].Text })
			out = append(out, t)
			walk(c.Children, c.ID)
		}
	}
	walk(d.Categories, "")
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// YAML returns the dictionary as a turntag lexicon file: a commented
// topics section, one topic per category sorted by id, cues sorted, each
// topic with the line of its category in the dictionary. It loads with
// lexicon.AddBytes (and --lexicon) into the same topics and cues as
// Topics.
func (d *Dictionary) YAML() []byte {
	var buf bytes.Buffer
	base := oneLine(filepath.Base(d.File))
	fmt.Fprintf(&buf, "# Converted by `turntag lexicon convert` from %s (%s).\n", base, d.Format)
	buf.WriteString("#\n" +
		"# One topic per category, sorted by id; the comment after each id gives\n" +
		"# the category's line in the dictionary. A nested category is a topic\n" +
		"# with a parent: its matches count for the parent too. Cues are lower\n" +
		"# case and match in any case; a * at the end of the last word matches\n" +
		"# any word starting so. Give a cue with a second meaning a context rule\n" +
		"# (near, not_near, not_before, not_after: README, Lexicon > Format) and\n" +
		"# load this file with --lexicon.\n")
	buf.WriteString("topics:\n")
	for _, t := range d.Topics() {
		fmt.Fprintf(&buf, "  - id: %s # %s:%d\n", yamlString(t.ID), base, t.Line)
		fmt.Fprintf(&buf, "    label: %s\n", yamlString(t.Label))
		if t.Parent != "" {
			fmt.Fprintf(&buf, "    parent: %s\n", yamlString(t.Parent))
		}
		if len(t.Cues) == 0 {
			buf.WriteString("    cues: [] # a parent category with no words of its own\n")
			continue
		}
		buf.WriteString("    cues:\n")
		for _, c := range t.Cues {
			if c.Weight != 0 {
				fmt.Fprintf(&buf, "      - text: %s\n        weight: %s\n", yamlString(c.Text), strconv.FormatFloat(c.Weight, 'g', -1, 64))
				continue
			}
			fmt.Fprintf(&buf, "      - %s\n", yamlString(c.Text))
		}
	}
	return buf.Bytes()
}

// oneLine replaces the control characters and line separators of a file
// name with "?", so that it stays inside a YAML comment.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return '?'
		}
		return r
	}, s)
}

// plainYAML is a string that YAML reads as that string when written
// without quotes: it starts with a letter or digit, holds no ": " or " #",
// and is not a YAML keyword or number.
var plainYAML = regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N} '’.,_*()/&-]*$`)

// yamlKeywords are plain words YAML reads as something other than a
// string.
var yamlKeywords = map[string]bool{
	"y": true, "n": true, "yes": true, "no": true, "on": true, "off": true,
	"true": true, "false": true, "null": true, "nan": true, "inf": true,
}

// yamlString writes s as a YAML scalar: plain when that reads back as the
// same string, else double-quoted (as JSON, which YAML reads).
func yamlString(s string) string {
	if plainYAML.MatchString(s) && !strings.HasSuffix(s, " ") && !yamlKeywords[strings.ToLower(s)] {
		if _, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64); err != nil && !looksNumeric(s) {
			return s
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimSuffix(buf.String(), "\n")
}

// looksNumeric reports strings with a digit that YAML 1.1 may read as
// numbers or times: "0x1f", "1_000", "12:30", "1e5".
func looksNumeric(s string) bool {
	if !strings.ContainsAny(s, "0123456789") {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("0123456789_.:+-eExXoObB", r) && !(r >= 'a' && r <= 'f') && !(r >= 'A' && r <= 'F') {
			return false
		}
	}
	return true
}
