package dictionary

import "strings"

// parseLexicoder reads a Lexicoder .lc3 file:
//
//	+economy
//	inflation
//	interest rate*
//	+health
//	hospital*
//
// A line starting with + names a category; the lines after it, up to the
// next one, are its entries (words or phrases, one per line). Lexicoder's
// categories do not nest.
func parseLexicoder(b *builder, ls []line) []*Category {
	var roots []*Category
	var cat *Category
	for _, l := range ls {
		t := strings.TrimSpace(l.text)
		switch {
		case t == "":
		case strings.HasPrefix(t, "+"):
			name := strings.TrimSpace(t[1:])
			if name == "" {
				b.errorf(l.no, ErrInvalid, "a category line is + and the category's name")
				cat = &Category{} // its entries are checked, and dropped with it
				continue
			}
			cat = b.category(&roots, nil, name, l.no)
		case cat == nil:
			b.errorf(l.no, ErrInvalid, "%q comes before the first +category line", t)
		default:
			b.entry(cat, t, 1, l.no)
		}
	}
	return roots
}
