package speakers

import (
	"unicode"
	"unicode/utf8"
)

// countFields counts the words of s as strings.Fields splits them, at
// white space, but stops at limit: countFields(s, 2) >= 2 asks whether a
// name has two words or more without splitting it.
func countFields(s string, limit int) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		space := false
		if c := s[i]; c < utf8.RuneSelf {
			space = c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		switch {
		case space:
			in = false
		case !in:
			in = true
			if n++; n >= limit {
				return n
			}
		}
	}
	return n
}
