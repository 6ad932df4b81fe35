package read

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// plainNumber is a plain front matter value that starts with a digit
// ("2021-01-21 19:32:28-05:00"): the YAML decoder may read it as a number
// or a date, so it stands for itself only in keys the reader ignores.
type plainNumber string

// simpleFrontMatter decodes a front matter block written as YAML writers
// write a transcript's metadata, giving what the YAML decoder gives, but
// without building its token stream and syntax tree. Each line is "key:
// value", with a key of ASCII letters, digits, "_" and "-" said once
// (whatever the case), and a value that is
//
//   - 'single-quoted' on its line ("it”s" for "it's");
//   - "double-quoted", with the escapes \\ \" \/ \_ \␣ \n \t \N \L \P
//     and \x, \u, \U with 2, 4 and 8 hex digits, which may run on over indented lines: a line
//     break is a space, a backslash before it joins the lines, and the next
//     line's indent is dropped;
//   - plain text of letters, digits, spaces and .:/_+-,' on its line,
//     which starts with a letter (a word true, false, null, yes, no, on or
//     off aside) or a digit (a plainNumber).
//
// ok is false for a block of any other form, which the YAML decoder reads.
// For example, "title: \"Press Briefing by Press Secretary Jen\\_Psaki,\n
// \\ January 20,\\_2021\"\n" gives the title "Press Briefing by Press
// Secretary Jen\u00a0Psaki, January 20,\u00a02021".
func simpleFrontMatter(block string) (m map[string]any, ok bool) {
	if block == "" || !strings.HasSuffix(block, "\n") || !utf8.ValidString(block) || yamlBreak(block) {
		return nil, false
	}
	m = map[string]any{}
	var folded []string // the keys seen, lower-cased
	for rest := block; rest != ""; {
		nl := strings.IndexByte(rest, '\n')
		line := rest[:nl]
		key, value, found := strings.Cut(line, ":")
		if !found || !simpleKey(key) {
			return nil, false
		}
		low := strings.ToLower(key)
		for _, k := range folded {
			if k == low {
				return nil, false
			}
		}
		folded = append(folded, low)
		if value == "" || value[0] != ' ' {
			return nil, false
		}
		value = strings.TrimLeft(value, " ")
		if value == "" {
			return nil, false
		}
		var v any
		switch value[0] {
		case '\'':
			s, ok := singleQuoted(value)
			if !ok {
				return nil, false
			}
			v, rest = s, rest[nl+1:]
		case '"':
			// the value runs from its opening quote to the closing one,
			// maybe over more lines
			s, n, ok := doubleQuoted(rest[len(line)-len(value):])
			if !ok {
				return nil, false
			}
			v, rest = s, rest[len(line)-len(value)+n:]
		default:
			s, ok := plainValue(value)
			if !ok {
				return nil, false
			}
			v, rest = s, rest[nl+1:]
		}
		m[key] = v
	}
	return m, true
}

// simpleKey reports a key of ASCII letters, digits, "_" and "-" that
// starts with a letter and is no word YAML may read as other than text.
func simpleKey(k string) bool {
	if k == "" || len(k) > 100 || !isASCIILetter(k[0]) || specialWord(k) {
		return false
	}
	for i := 0; i < len(k); i++ {
		if c := k[i]; !isASCIILetter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-' {
			return false
		}
	}
	return true
}

// specialWord reports the words YAML may read as a boolean, a null or a
// number rather than text.
func specialWord(s string) bool {
	switch strings.ToLower(s) {
	case "true", "false", "null", "yes", "no", "on", "off", "y", "n", "nan", "inf", "infinity":
		return true
	}
	return false
}

// singleQuoted decodes a single-quoted value that ends its line.
func singleQuoted(v string) (string, bool) {
	var b strings.Builder
	for i := 1; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '\'' && i+1 < len(v) && v[i+1] == '\'':
			b.WriteByte('\'')
			i++
		case c == '\'':
			return b.String(), i == len(v)-1
		case c < ' ' || c == 0x7f:
			return "", false
		default:
			b.WriteByte(c)
		}
	}
	return "", false
}

// doubleQuoted decodes the double-quoted value that opens s, which may
// run on over indented lines, and returns it and the length of s up to
// the end of its closing line.
func doubleQuoted(s string) (string, int, bool) {
	var b strings.Builder
	for i := 1; i < len(s); {
		c := s[i]
		switch {
		case c == '"':
			if i+1 < len(s) && s[i+1] == '\n' {
				return b.String(), i + 2, true
			}
			return "", 0, false
		case c == '\\':
			if i+1 >= len(s) {
				return "", 0, false
			}
			if s[i+1] == '\n' { // an escaped line break joins the lines
				j, ok := continuation(s, i+2)
				if !ok {
					return "", 0, false
				}
				i = j
				continue
			}
			r, n, ok := quotedEscape(s[i+1:])
			if !ok {
				return "", 0, false
			}
			b.WriteRune(r)
			i += 1 + n
		case c == '\n': // a line break is a space
			if s[i-1] == ' ' || s[i-1] == '\t' {
				return "", 0, false
			}
			j, ok := continuation(s, i+1)
			if !ok {
				return "", 0, false
			}
			b.WriteByte(' ')
			i = j
		case c < ' ' || c == 0x7f:
			return "", 0, false
		default:
			b.WriteByte(c)
			i++
		}
	}
	return "", 0, false
}

// continuation returns where the text of the indented line that starts at
// s[i] begins; ok is false unless the line is indented with spaces and
// holds text.
func continuation(s string, i int) (int, bool) {
	j := i
	for j < len(s) && s[j] == ' ' {
		j++
	}
	if j == i || j >= len(s) || s[j] == '\n' || s[j] == '\t' {
		return 0, false
	}
	return j, true
}

// quotedEscape decodes the escape after a backslash at the start of s and
// returns its character and length.
func quotedEscape(s string) (rune, int, bool) {
	switch s[0] {
	case '\\', '"', '/', ' ':
		return rune(s[0]), 1, true
	case '_':
		return '\u00a0', 1, true
	case 'n':
		return '\n', 1, true
	case 't':
		return '\t', 1, true
	case 'N':
		return '\u0085', 1, true
	case 'L':
		return '\u2028', 1, true
	case 'P':
		return '\u2029', 1, true
	case 'x', 'u', 'U':
		n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[s[0]]
		if len(s) < 1+n {
			return 0, 0, false
		}
		var r rune
		for _, c := range []byte(s[1 : 1+n]) {
			var d byte
			switch {
			case c >= '0' && c <= '9':
				d = c - '0'
			case c >= 'a' && c <= 'f':
				d = c - 'a' + 10
			case c >= 'A' && c <= 'F':
				d = c - 'A' + 10
			default:
				return 0, 0, false
			}
			r = r<<4 | rune(d)
		}
		if !utf8.ValidRune(r) || r < ' ' || r == 0x7f {
			return 0, 0, false
		}
		return r, 1 + n, true
	}
	return 0, 0, false
}

// plainValue checks a plain value and returns it as text, or as a
// plainNumber when it starts with a digit.
func plainValue(v string) (any, bool) {
	if strings.Contains(v, ": ") || strings.HasSuffix(v, ":") || strings.HasSuffix(v, " ") || strings.Contains(v, "  ") {
		return nil, false
	}
	for _, r := range v {
		if r < utf8.RuneSelf {
			if !isASCIILetter(byte(r)) && !(r >= '0' && r <= '9') && !strings.ContainsRune(" .:/_+-,'", r) {
				return nil, false
			}
		} else if !unicode.IsLetter(r) {
			return nil, false
		}
	}
	switch {
	case v[0] >= '0' && v[0] <= '9':
		return plainNumber(v), true
	case !isASCIILetter(v[0]) || specialWord(v):
		return nil, false
	}
	return v, true
}

// numberIn reports whether one of keys (in any case) holds a plainNumber
// in m, which only the YAML decoder can read.
func numberIn(m map[string]any, keys ...string) bool {
	for k, v := range m {
		if _, ok := v.(plainNumber); !ok {
			continue
		}
		for _, want := range keys {
			if strings.EqualFold(k, want) {
				return true
			}
		}
	}
	return false
}

// yamlBreak reports whether block, which is UTF-8, holds a character that
// YAML reads as a line break (U+0085, U+2028, U+2029) or a byte order
// mark (U+FEFF), each looked for by its bytes, as strings.Index does,
// which is quicker than decoding every character of block.
func yamlBreak(block string) bool {
	return strings.Contains(block, "\u0085") || strings.Contains(block, "\u2028") ||
		strings.Contains(block, "\u2029") || strings.Contains(block, "\ufeff")
}
