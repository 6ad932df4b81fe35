package dictionary

import (
	"errors"
	"strings"
	"testing"

	"github.com/turntag/turntag/lexicon"
)

// marked strips the ¶ that marks the line an error must name and returns
// the source with that line (0: no ¶, an error without a line).
func marked(src string) (string, int) {
	i := strings.Index(src, "¶")
	if i < 0 {
		return src, 0
	}
	return strings.Replace(src, "¶", "", 1), 1 + strings.Count(src[:i], "\n")
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, file, src string
		kind            error
		msg             string // a part of the message
	}{
		// LIWC
		{"liwc header not closed", "x.dic", "¶%\n1\ta\nword\t1\n", ErrInvalid, "not closed"},
		{"liwc header line", "x.dic", "%\n1\ta\n¶economy\n%\nword\t1\n", ErrInvalid, "a number and a name"},
		{"liwc number twice", "x.dic", "%\n1\ta\n¶1\tb\n%\nword\t1\n", ErrInvalid, "already category \"a\""},
		{"liwc unknown category", "x.dic", "%\n1\ta\n%\nword\t1\n¶other\t7\n", ErrInvalid, "category 7 is not in the header"},
		{"liwc category not a number", "x.dic", "%\n1\ta\n%\nword\t1\n¶other\tb\n", ErrInvalid, "not a number"},
		{"liwc conditional", "x.dic", "%\n1\ta\n2\tb\n%\nword\t1 2\n¶like\t1 (02 1)2/1\n", ErrInvalid, "conditional categories"},
		{"liwc no categories", "x.dic", "%\n1\ta\n%\nword\t1\n¶other\n", ErrInvalid, "no category numbers"},
		{"liwc empty category", "x.dic", "%\n1\ta\n¶2\tb\n%\nword\t1\n", ErrInvalid, "category \"b\" has no words"},
		// WordStat
		{"wordstat word outside a category", "x.cat", "A\n\tWORD (1)\n¶LOOSE (1)\n", ErrInvalid, "outside any category"},
		{"wordstat tabs and spaces", "x.cat", "A\n\tWORD (1)\n¶  OTHER (1)\n", ErrInvalid, "both tabs and spaces"},
		{"wordstat weighted line with children", "x.cat", "A\n\t¶B (1)\n\t\tC (1)\n", ErrInvalid, "has a weight"},
		{"wordstat weight 0", "x.cat", "A\n\tWORD (1)\n\t¶OTHER (0)\n", ErrInvalid, "more than 0"},
		{"wordstat same word, two weights", "x.cat", "A\n\tWORD (1)\n\t¶WORD (2)\n", ErrInvalid, "with weight 1"},
		// Lexicoder
		{"lexicoder entry before a category", "x.lc3", "¶word\n+a\nother\n", ErrInvalid, "before the first +category"},
		{"lexicoder empty name", "x.lc3", "+a\nword\n¶+\nother\n", ErrInvalid, "the category's name"},
		{"lexicoder empty category", "x.lc3", "¶+a\n+b\nword\n", ErrInvalid, "has no words"},
		{"lexicoder category twice", "x.lc3", "+a\nword\n¶+A\nother\n", ErrInvalid, "same id"},
		// quanteda
		{"quanteda syntax", "x.yml", "a:\n  - word\n¶  b: [\n", ErrInvalid, ""},
		{"quanteda list at the top", "x.yml", "a:\n  - word\n", nil, ""}, // a valid one, for contrast
		{"quanteda list in a list", "x.yml", "a:\n  - word\n  ¶- [x, y]\n", ErrInvalid, "a list item is a word"},
		{"quanteda anchor and alias", "x.yml", "a: ¶&w\n  - word\nb:\n  - *w\n", ErrInvalid, "anchors and aliases"},
		{"quanteda key twice", "x.yml", "a:\n  b: [word]\n  ¶b: [other]\n", ErrInvalid, "already defined"},
		{"quanteda empty category", "x.yml", "a: [word]\n¶b:\n", ErrInvalid, "has no words"},
		{"quanteda empty item", "x.yml", "a:\n  - word\n  ¶-\n", ErrInvalid, "empty list item"},
		{"a turntag lexicon", "x.yml", "¶topics:\n  - id: x\n    label: X\n    cues: [x]\n", ErrFormat, "--lexicon"},
		// wildcards and entries
		{"star first", "x.lc3", "+a\n¶*ism\n", ErrGlob, "a * anywhere else"},
		{"star inside", "x.lc3", "+a\n¶col*r\n", ErrGlob, "a * anywhere else"},
		{"star on a word before the last", "x.lc3", "+a\n¶best* guess\n", ErrGlob, "a * anywhere else"},
		{"two stars", "x.lc3", "+a\n¶tax**\n", ErrGlob, "a * anywhere else"},
		{"question mark", "x.lc3", "+a\n¶col?r\n", ErrGlob, "? (any one character)"},
		{"star after punctuation", "x.lc3", "+a\n¶u.s.*\n", ErrGlob, "must follow a letter"},
		{"star alone", "x.dic", "%\n1\ta\n%\n¶*\t1\n", ErrInvalid, "has no words"},
		// whole files
		{"unknown format", "x.txt", "inflation\ntax\n", ErrFormat, "turntag reads quanteda YAML"},
		{"invalid UTF-8", "x.lc3", "+a\nword\n¶caf\xe9\n", ErrInvalid, "invalid UTF-8"},
		{"two categories, one id", "x.lc3", "+Health care\nword\n¶+health-care\nother\n", ErrInvalid, "same id (dict-x-health-care)"},
		{"a separator in a name", "x.lc3", "¶+a;b\nword\n", ErrInvalid, "; and |"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, line := marked(tt.src)
			_, err := Read(tt.file, []byte(src))
			if tt.kind == nil {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("no error, want %v", tt.kind)
			}
			if !errors.Is(err, tt.kind) {
				t.Errorf("error %v is not %v", err, tt.kind)
			}
			probs := lexicon.AsProblems(err)
			for _, p := range probs {
				if p.File != tt.file {
					t.Errorf("error names file %q, want %q: %v", p.File, tt.file, p)
				}
			}
			if probs[0].Line != line {
				t.Errorf("first error on line %d, want %d: %v", probs[0].Line, line, err)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q lacks %q", err, tt.msg)
			}
		})
	}
}

// TestReadReportsEveryProblem checks that a file with several problems
// has them all, sorted by line.
func TestReadReportsEveryProblem(t *testing.T) {
	src := "%\n1\ta\n%\nx*y\t1\nok\t1\nz\t9\nw?\t1\n"
	_, err := Read("x.dic", []byte(src))
	probs := lexicon.AsProblems(err)
	var lines []int
	for _, p := range probs {
		lines = append(lines, p.Line)
	}
	if len(lines) != 3 || lines[0] != 4 || lines[1] != 6 || lines[2] != 7 {
		t.Errorf("problems on lines %v, want [4 6 7]:\n%v", lines, err)
	}
	if !strings.HasPrefix(err.Error(), "x.dic:4: unsupported wildcard") {
		t.Errorf("message %q does not start with file:line and the kind", err)
	}
}
