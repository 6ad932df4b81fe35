package dictionary

import (
	"bytes"
	"regexp"
	"strings"
)

// Format is a dictionary file format.
type Format int

// The formats Read knows.
const (
	Unknown   Format = iota
	Quanteda         // quanteda YAML: a mapping of category names to word lists or to nested categories
	LIWC             // LIWC .dic: a header of numbered categories between two % lines, then words with their category numbers
	WordStat         // WordStat .cat: category names, with their words and subcategories indented below them; "(1)" weights optional
	Lexicoder        // Lexicoder .lc3: a +category line, then its entries, one per line
)

// String names the format as messages and converted files say it.
func (f Format) String() string {
	switch f {
	case Quanteda:
		return "quanteda YAML"
	case LIWC:
		return "LIWC .dic"
	case WordStat:
		return "WordStat .cat"
	case Lexicoder:
		return "Lexicoder .lc3"
	}
	return "unknown format"
}

// yamlKey is a line that opens a YAML mapping: "economy:" or "economy: [...]".
var yamlKey = regexp.MustCompile(`^("[^"]*"|'[^']*'|[^\s#'"%+\-][^:]*?):(\s|$)`)

// Detect tells a dictionary's format from its content, whatever the file is
// called. Blank lines are skipped, and so are # comments before the first
// line (YAML's only):
//   - a first line "%" is LIWC (the category header opens);
//   - a first line starting with "+" is Lexicoder (a category);
//   - a first line that is a YAML key ("economy:"), a document start
//     ("---") or a flow mapping ("{") is quanteda YAML;
//   - a first line at the left margin with indented lines after it is
//     WordStat (a category with its words);
//   - a file with a +category line at the left margin and no indented
//     line is Lexicoder too.
//
// Anything else is Unknown.
func Detect(src []byte) Format {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	var first string
	indented, plus := false, false
	for _, l := range lines(src) {
		t := strings.TrimSpace(l.text)
		if t == "" {
			continue
		}
		if first == "" {
			if strings.HasPrefix(t, "#") {
				continue
			}
			first = l.text
			continue
		}
		if l.text[0] == ' ' || l.text[0] == '\t' {
			indented = true
		}
		plus = plus || l.text[0] == '+'

	}
	t := strings.TrimSpace(first)
	switch {
	case t == "":
		return Unknown
	case t == "%":
		return LIWC
	case strings.HasPrefix(t, "+"):
		return Lexicoder
	case t == "---" || strings.HasPrefix(t, "{") || yamlKey.MatchString(first):
		return Quanteda
	case first[0] != ' ' && first[0] != '\t' && indented:
		return WordStat
	case plus && !indented:
		return Lexicoder // with lines before its first category, which Read reports
	}
	return Unknown
}
