package dictionary

import (
	"regexp"
	"strconv"
	"strings"
)

// parseLIWC reads a LIWC-style .dic file:
//
//	%
//	1	economy
//	2	health
//	%
//	inflation	1
//	health care	2
//	tax*	1	2
//
// The header between the two % lines gives each category a number and a
// name (a name may hold spaces; after a tab, the rest of the line is a
// description and ignored). Each line after it is an entry and the numbers
// of its categories. When the line has a tab, the entry is the text before
// the first tab (so it may be a phrase) and the numbers are the rest;
// without a tab, the numbers are the trailing run of numeric fields.
// LIWC's conditional categories ("(02 134)125/464") are reported: they
// have no turntag equivalent.
func parseLIWC(b *builder, ls []line) []*Category {
	var roots []*Category
	byNumber := map[int]*Category{}
	i := 0
	for i < len(ls) && strings.TrimSpace(ls[i].text) != "%" {
		i++ // blank lines and # comments before the header, which Detect skipped
	}
	open := ls[i].no
	closed := false
	for i++; i < len(ls); i++ {
		l := ls[i]
		t := strings.TrimSpace(l.text)
		if t == "" {
			continue
		}
		if t == "%" {
			closed = true
			i++
			break
		}
		head := t
		if number, rest, ok := strings.Cut(t, "\t"); ok {
			name, _, _ := strings.Cut(rest, "\t") // "1\tfunct\t(Function Words)": a description follows a second tab
			head = number + " " + name
		}
		num, name, _ := strings.Cut(strings.Join(strings.Fields(head), " "), " ")
		n, err := strconv.Atoi(num)
		if err != nil || n < 0 || name == "" {
			b.errorf(l.no, ErrInvalid, "a line of the LIWC category header is a number and a name (\"1\teconomy\"), not %q", t)
			continue
		}
		if old, ok := byNumber[n]; ok {
			b.errorf(l.no, ErrInvalid, "category number %d is already category %q (line %d)", n, old.Path[0], old.Line)
			continue
		}
		byNumber[n] = b.category(&roots, nil, name, l.no)
	}
	if !closed {
		b.errorf(open, ErrInvalid, "the LIWC category header opened by this %% is not closed by a second %% line")
		return roots
	}
	for ; i < len(ls); i++ {
		l := ls[i]
		if strings.TrimSpace(l.text) == "" {
			continue
		}
		entry, cats := splitLIWC(l.text)
		if len(cats) == 0 {
			b.errorf(l.no, ErrInvalid, "%q has no category numbers (a LIWC word line is the word, a tab, then the numbers of its categories)", strings.TrimSpace(l.text))
			continue
		}
		for _, f := range cats {
			n, err := strconv.Atoi(f)
			if err != nil && strings.ContainsAny(f, "()/<>") {
				b.errorf(l.no, ErrInvalid, "%q: LIWC conditional categories (%s) have no turntag equivalent: list the entry under the categories it belongs to", entry, strings.Join(cats, " "))
				break
			}
			if err != nil {
				b.errorf(l.no, ErrInvalid, "%q: category %q is not a number", entry, f)
				continue
			}
			c := byNumber[n]
			if c == nil {
				b.errorf(l.no, ErrInvalid, "%q: category %d is not in the header (lines %d to the closing %%)", entry, n, open)
				continue
			}
			b.entry(c, entry, 1, l.no)
		}
	}
	return roots
}

// catField is a field of a LIWC word line that holds category numbers,
// conditional ones included.
var catField = regexp.MustCompile(`^[0-9()/<>]+$`)

// splitLIWC splits a word line into its entry and its category fields.
func splitLIWC(s string) (string, []string) {
	if entry, rest, ok := strings.Cut(s, "\t"); ok && strings.TrimSpace(entry) != "" {
		return strings.TrimSpace(entry), strings.Fields(rest)
	}
	fs := strings.Fields(s)
	k := len(fs)
	for k > 1 && catField.MatchString(fs[k-1]) {
		k--
	}
	return strings.Join(fs[:k], " "), fs[k:]
}
