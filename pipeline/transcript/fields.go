package transcript

import (
	"unicode"
	"unicode/utf8"
)

// CountFields counts the words of s as strings.Fields splits them, at
// white space, but stops at limit: CountFields(s, 2) >= 2 asks whether a
// name has two words or more without splitting it. A limit of 0 or less
// counts them all, as len(strings.Fields(s)) does without listing them.
func CountFields(s string, limit int) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		space := false
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace[c]
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
			if n++; n == limit {
				return n
			}
		}
	}
	return n
}

// asciiSpace marks the ASCII white space that unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true}
