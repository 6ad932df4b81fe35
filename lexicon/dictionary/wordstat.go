package dictionary

import (
	"regexp"
	"strconv"
	"strings"
)

// weighted is a WordStat entry with its weight: "INFLATION (1)".
var weighted = regexp.MustCompile(`^(.*\S)\s*\(\s*(-?[0-9]+(?:\.[0-9]+)?)\s*\)$`)

// parseWordStat reads a WordStat .cat file:
//
//	ECONOMY
//		INFLATION (1)
//		INTEREST RATE* (1)
//	HEALTH
//		CARE
//			HOSPITAL* (1)
//		DOCTOR (1)
//
// A line followed by more deeply indented lines is a category, and those
// lines are its entries and subcategories; any other line is an entry. A
// category starts at the left margin or inside another. An entry may end
// with its weight in parentheses, (1) when omitted; a line with a weight
// is always an entry. Indentation is tabs or spaces, not both in one file;
// what counts is whether a line is indented more or less than the lines
// above it.
func parseWordStat(b *builder, ls []line) []*Category {
	type level struct {
		width int
		cat   *Category
	}
	var roots []*Category
	var stack []level
	var content []line
	for _, l := range ls {
		if strings.TrimSpace(l.text) != "" {
			content = append(content, l)
		}
	}
	width := func(l line) int { return len(l.text) - len(strings.TrimLeft(l.text, " \t")) }
	indentChar := byte(0)
	for _, l := range content {
		for _, c := range []byte(l.text[:width(l)]) {
			if indentChar == 0 {
				indentChar = c
			}
			if c != indentChar {
				b.errorf(l.no, ErrInvalid, "indented with both tabs and spaces: indent a WordStat file with one or the other")
				return nil // the nesting cannot be read
			}
		}
	}
	for i, l := range content {
		w := width(l)
		t := strings.TrimSpace(l.text)
		weight, hasWeight := 1.0, false
		if m := weighted.FindStringSubmatch(t); m != nil {
			t, hasWeight = m[1], true
			weight, _ = strconv.ParseFloat(m[2], 64)
		}
		deeper := i+1 < len(content) && width(content[i+1]) > w
		for len(stack) > 0 && stack[len(stack)-1].width >= w {
			stack = stack[:len(stack)-1]
		}
		var parent *Category
		if len(stack) > 0 {
			parent = stack[len(stack)-1].cat
		}
		switch {
		case hasWeight && deeper:
			b.errorf(l.no, ErrInvalid, "%q has a weight, so it is an entry, but lines are indented under it as under a category", t)
		case deeper:
			stack = append(stack, level{w, b.category(&roots, parent, t, l.no)})
		case parent == nil:
			b.errorf(l.no, ErrInvalid, "%q is outside any category: a category starts at the left margin with its entries indented below it", t)
		case weight <= 0:
			b.errorf(l.no, ErrInvalid, "%q: weight %g: a weight must be more than 0", t, weight)
		default:
			b.entry(parent, t, weight, l.no)
		}
	}
	return roots
}
