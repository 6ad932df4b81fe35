package fastner

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The word-level functions prose calls through the strings, strconv and
// regexp packages, computed in place: each returns what prose's
// expression would, without building a string.

// appendLower appends strings.ToLower(s) to dst: ASCII folded byte by
// byte; otherwise each rune mapped by unicode.ToLower, an invalid byte
// becoming U+FFFD, as strings.Map does.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			for _, r := range s {
				dst = utf8.AppendRune(dst, unicode.ToLower(r))
			}
			return dst
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// isLower reports whether strings.ToLower(s) == s.
func isLower(s string) bool {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, w := utf8.DecodeRuneInString(s[i:]); w == 1 {
				return false // strings.Map writes U+FFFD for it
			}
		}
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				return false
			}
		} else if unicode.ToLower(r) != r {
			return false
		}
	}
	return true
}

// isTitle reports whether strings.Title(s) == s: every letter that follows
// a separator (or starts s) is already in title case.
func isTitle(s string) bool {
	prev := ' '
	for i, r := range s {
		if r == utf8.RuneError {
			if _, w := utf8.DecodeRuneInString(s[i:]); w == 1 {
				return false
			}
		}
		if isSeparator(prev) && unicode.ToTitle(r) != r {
			return false
		}
		prev = r
	}
	return true
}

// isSeparator is the strings package's: what strings.Title takes to end a
// word. (Copied from Go's strings.go; Copyright 2009 The Go Authors, under
// Go's BSD-style licence.)
func isSeparator(r rune) bool {
	if r <= 0x7F {
		switch {
		case '0' <= r && r <= '9':
			return false
		case 'a' <= r && r <= 'z':
			return false
		case 'A' <= r && r <= 'Z':
			return false
		case r == '_':
			return false
		}
		return true
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return false
	}
	return unicode.IsSpace(r)
}

// isWordByte is regexp's \w: ASCII letters, digits and underscore.
func isWordByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// isNumeric is prose's isNumeric: strconv.ParseFloat(s, 64) succeeds.
// ParseFloat is called only on what could be a number (an optional sign,
// then a digit or a dot and only characters of decimal or hexadecimal
// floats, or inf, infinity or nan), so words cost nothing.
func isNumeric(s string) bool {
	t := s
	if len(t) > 0 && (t[0] == '+' || t[0] == '-') {
		t = t[1:]
	}
	if len(t) == 0 {
		return false
	}
	switch c := t[0]; {
	case c == 'i' || c == 'I' || c == 'n' || c == 'N':
		if !strings.EqualFold(t, "inf") && !strings.EqualFold(t, "infinity") && !strings.EqualFold(t, "nan") {
			return false
		}
	case '0' <= c && c <= '9' || c == '.':
		for i := 0; i < len(t); i++ {
			switch c := t[i]; {
			case '0' <= c && c <= '9', 'a' <= c && c <= 'f', 'A' <= c && c <= 'F',
				c == '.', c == '_', c == '+', c == '-', c == 'x', c == 'X', c == 'p', c == 'P':
			default:
				return false
			}
		}
	default:
		return false
	}
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// Shapes, prose's shape(): the index into shapeNames.
const (
	shapeNumber = iota
	shapePunct
	shapeDowncase
	shapeUpcase
	shapeMixedcase
	shapeOther
	nShapes
)

var shapeNames = [nShapes]string{"number", "punct", "downcase", "upcase", "mixedcase", "other"}

// shape is prose's shape(word) for a nonempty word: number, punct (the
// last character is not ASCII \w, which is `\W+$`), downcase, upcase
// (strings.Title leaves it alone) or mixedcase. ("other" needs a word
// that neither `\W+$` nor `\w+$` matches: only "".)
func shape(w string) int {
	if isNumeric(w) {
		return shapeNumber
	}
	if len(w) == 0 {
		return shapeOther
	}
	if c := w[len(w)-1]; c >= utf8.RuneSelf || !isWordByte(c) {
		return shapePunct
	}
	if isLower(w) {
		return shapeDowncase
	}
	if isTitle(w) {
		return shapeUpcase
	}
	return shapeMixedcase
}

// Normalised forms of prose's normalize() other than the lower-case word.
const (
	normLower = iota
	normHyphen
	normYear
	normDigits
)

// normalize is prose's normalize(word) for the POS tagger's context: which
// form the word takes. (An empty word stays empty; tokens never are.)
func normalize(w string) int {
	if len(w) == 0 {
		return normLower
	}
	if w[0] != '-' {
		for i := 1; i < len(w); i++ {
			if w[i] == '-' {
				return normHyphen
			}
		}
	}
	if len(w) == 4 && isAtoi4(w) {
		return normYear
	}
	if '0' <= w[0] && w[0] <= '9' {
		return normDigits
	}
	return normLower
}

// isAtoi4 reports whether strconv.Atoi succeeds on a 4-byte string: an
// optional sign and digits.
func isAtoi4(w string) bool {
	i := 0
	if w[0] == '+' || w[0] == '-' {
		i = 1
	}
	for ; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// isInternal is prose's internalRE:
// ^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$
func isInternal(s string) bool {
	n := len(s)
	if n >= 4 && n%2 == 0 {
		ok := true
		for i := 0; i < n; i += 2 {
			c := s[i]
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') || s[i+1] != '.' {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	if (n == 3 || n == 4) && 'A' <= s[0] && s[0] <= 'Z' && s[n-1] == '.' {
		for i := 1; i < n-1; i++ {
			if s[i] < 'a' || s[i] > 'z' {
				return false
			}
		}
		return true
	}
	return false
}

// isKeep is prose's keep regexp, ^\-[A-Z]{3}\-$: a tag written as itself.
func isKeep(s string) bool {
	if len(s) != 5 || s[0] != '-' || s[4] != '-' {
		return false
	}
	for i := 1; i < 4; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// mayBeLink is a necessary condition for commonregex.LinkRegex to match:
// a dot after one of [a-z0-9.-], with at least two bytes after it.
func mayBeLink(s string) bool {
	for i := 1; i+2 < len(s); i++ {
		if s[i] == '.' {
			c := s[i-1]
			if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '.' || c == '-' {
				return true
			}
		}
	}
	return false
}

// isEmoticon reports whether s is one of prose's emoticons.
func isEmoticon(s string) bool {
	if len(s) < 2 || len(s) > maxEmoticon {
		return false
	}
	_, ok := emoticons[s]
	return ok
}

// maxEmoticon is the length in bytes of the longest emoticon.
const maxEmoticon = 29

// emoticons is prose's list (tokenize.go), which both its tokeniser and its
// tagger consult.
var emoticons = map[string]struct{}{
	"(-8": {}, "(-;": {}, "(-_-)": {}, "(._.)": {}, "(:": {}, "(=": {}, "(o:": {}, "(¬_¬)": {},
	"(ಠ_ಠ)": {}, "(╯°□°）╯︵┻━┻": {}, "-__-": {}, "8-)": {}, "8-D": {}, "8D": {}, ":(": {},
	":((": {}, ":(((": {}, ":()": {}, ":)))": {}, ":-)": {}, ":-))": {}, ":-)))": {}, ":-*": {},
	":-/": {}, ":-X": {}, ":-]": {}, ":-o": {}, ":-p": {}, ":-x": {}, ":-|": {}, ":-}": {},
	":0": {}, ":3": {}, ":P": {}, ":]": {}, ":`(": {}, ":`)": {}, ":`-(": {}, ":o": {}, ":o)": {},
	"=(": {}, "=)": {}, "=D": {}, "=|": {}, "@_@": {}, "O.o": {}, "O_o": {}, "V_V": {}, "XDD": {},
	"[-:": {}, "^___^": {}, "o_0": {}, "o_O": {}, "o_o": {}, "v_v": {}, "xD": {}, "xDD": {},
	"¯\\(ツ)/¯": {},
}
