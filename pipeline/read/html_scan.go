package read

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// This file is parseSimple's tokenizer. It reads tokens as html's
// Tokenizer does (the same text, the same tags and attributes, the same
// raw text in <script>, <style>, <title>, …) and gives up, returning
// false, where that tokenizer has rules it does not follow: bogus
// comments, "</>", a tag name or attribute name with unusual characters,
// a comment that "--!" could end, a script that "<!--" could escape, and
// a tag, comment or raw text cut off by the end of the page.

// next reads the token at p.pos and moves past it.
func (p *simpleParser) next() (simpleToken, bool) {
	s, i := p.src, p.pos
	if i >= len(s) {
		return simpleToken{kind: tokEOF}, true
	}
	j := i
	for {
		k := strings.IndexByte(s[j:], '<')
		if k < 0 {
			j = len(s)
			break
		}
		j += k
		if j+1 >= len(s) {
			j = len(s) // a '<' at the end is text
			break
		}
		if c := s[j+1]; asciiLetter(c) || c == '/' || c == '!' || c == '?' {
			break
		}
		j++
	}
	if j > i {
		p.pos = j
		return simpleToken{kind: tokText, data: unescapeText(s[i:j])}, true
	}
	switch c := s[i+1]; {
	case asciiLetter(c):
		return p.tag(i+1, tokStart)
	case c == '/':
		if i+2 < len(s) && asciiLetter(s[i+2]) {
			return p.tag(i+2, tokEnd)
		}
	case c == '!':
		rest := s[i+2:]
		if strings.HasPrefix(rest, "--") {
			body := rest[2:]
			if strings.HasPrefix(body, ">") || strings.HasPrefix(body, "->") {
				return simpleToken{}, false
			}
			k := strings.Index(body, "-->")
			if k < 0 || strings.Contains(body[:k], "--!") {
				return simpleToken{}, false
			}
			p.pos = len(s) - len(body) + k + len("-->")
			return simpleToken{kind: tokComment}, true
		}
		if len(rest) >= len("doctype") && asciiEqualFold(rest[:len("doctype")], "doctype") {
			k := strings.IndexByte(rest, '>')
			if k < 0 {
				return simpleToken{}, false
			}
			p.pos = len(s) - len(rest) + k + 1
			return simpleToken{kind: tokDoctype}, true
		}
	}
	return simpleToken{}, false
}

// tag reads the tag whose name starts at s[i], and its attributes; an end
// tag's attributes are read and dropped. An attribute repeated in a tag
// keeps its first value.
func (p *simpleParser) tag(i, kind int) (simpleToken, bool) {
	s := p.src
	j, seen := i, byte(0) // seen: the classes of the name's bytes
	for ; j < len(s); j++ {
		f := tagBytes[s[j]]
		if f&nameByte == 0 {
			if f&endsName != 0 {
				break
			}
			return simpleToken{}, false
		}
		seen |= f
	}
	name := s[i:j]
	if seen&upperByte != 0 {
		name = strings.ToLower(name)
	}
	t := simpleToken{kind: kind, data: name, atom: atom.Lookup([]byte(name))}
	if t.atom != 0 {
		t.data = t.atom.String()
	}
	p.scratch = p.scratch[:0]
	for {
		for j < len(s) && tagSpace(s[j]) {
			j++
		}
		if j >= len(s) {
			return simpleToken{}, false
		}
		c := s[j]
		if c == '>' {
			j++
			break
		}
		if c == '/' {
			j++
			continue
		}
		if c == '=' {
			return simpleToken{}, false
		}
		k, seen := j, byte(0)
		for ; j < len(s); j++ {
			f := tagBytes[s[j]]
			if f&keyByte == 0 {
				if f&endsKey != 0 {
					break
				}
				return simpleToken{}, false
			}
			seen |= f
		}
		key, upper := s[k:j], seen&upperByte != 0
		for j < len(s) && tagSpace(s[j]) {
			j++
		}
		if j >= len(s) {
			return simpleToken{}, false
		}
		val := ""
		switch s[j] {
		case '/':
			j++
		case '=':
			j++
			for j < len(s) && tagSpace(s[j]) {
				j++
			}
			if j >= len(s) {
				return simpleToken{}, false
			}
			switch q := s[j]; q {
			case '>':
			case '"', '\'':
				e := strings.IndexByte(s[j+1:], q)
				if e < 0 {
					return simpleToken{}, false
				}
				val = s[j+1 : j+1+e]
				j += e + 2
			default:
				e := j
				for e < len(s) && !tagSpace(s[e]) && s[e] != '>' {
					e++
				}
				if e >= len(s) {
					return simpleToken{}, false
				}
				val, j = s[j:e], e
			}
		}
		if kind != tokStart {
			continue
		}
		if upper {
			key = strings.ToLower(key)
		}
		if !readAttr(key) {
			continue // never read: its value is neither decoded nor kept
		}
		if p.seenAttr(key) {
			continue
		}
		if len(p.scratch) == maxSimpleAttrs {
			return simpleToken{}, false // seenAttr would make the tag quadratic
		}
		v, ok := unescapeAttr(val)
		if !ok {
			return simpleToken{}, false
		}
		p.scratch = append(p.scratch, html.Attribute{Key: key, Val: v})
	}
	p.pos = j
	if n := len(p.scratch); n > 0 {
		if cap(p.attrs)-len(p.attrs) < n {
			// n is at most maxSimpleAttrs, less than a block
			if p.attrUsed == len(p.attrBlocks) {
				p.attrBlocks = append(p.attrBlocks, make([]html.Attribute, attrBlock))
			}
			p.attrs = p.attrBlocks[p.attrUsed][:0]
			p.attrUsed++
		}
		first := len(p.attrs)
		p.attrs = append(p.attrs, p.scratch...)
		t.attr = p.attrs[first:len(p.attrs):len(p.attrs)]
	}
	return t, true
}

// readAttr reports the attributes, by their lower-case names, that the
// reader of a page's tree reads (attr, hasAttr and the token lists of
// class, rel and itemprop): parseSimple keeps these alone, so that the
// values of the others (links, images, data attributes, share widgets)
// are passed over without being decoded.
func readAttr(key string) bool {
	switch key {
	case "class", "style", "hidden", "aria-hidden", "role", "rel", "itemprop",
		"content", "name", "property", "type", "datetime":
		return true
	}
	return false
}

// maxSimpleAttrs bounds the attributes of a tag that parseSimple reads.
const maxSimpleAttrs = 100

// seenAttr reports whether the tag being read has the attribute key.
func (p *simpleParser) seenAttr(key string) bool {
	for _, a := range p.scratch {
		if a.Key == key {
			return true
		}
	}
	return false
}

// rawTextTag reports whether the element name, in lower case, holds raw
// text up to its end tag, as html's tokenizer reads it.
func rawTextTag(name string) bool {
	switch name {
	case "iframe", "noembed", "noframes", "noscript", "script", "style", "textarea", "title", "xmp":
		return true
	}
	return false
}

// rawText reads the raw text of the element n up to its end tag, adds it
// to n and moves past the end tag.
func (p *simpleParser) rawText(n *html.Node) bool {
	s, name := p.src, n.Data
	end := -1
	for j := p.pos; ; {
		k := strings.Index(s[j:], "</")
		if k < 0 {
			return false
		}
		k += j
		if e := k + 2 + len(name); e < len(s) && asciiEqualFold(s[k+2:e], name) &&
			(tagSpace(s[e]) || s[e] == '/' || s[e] == '>') {
			end = k
			break
		}
		j = k + 1
	}
	text := s[p.pos:end]
	switch name {
	case "script":
		if strings.Contains(text, "<!--") {
			return false // the script's escaped states could hide its end tag
		}
	case "textarea":
		text = unescapeText(text)
		text = strings.TrimPrefix(text, "\r")
		text = strings.TrimPrefix(text, "\n")
	case "title":
		text = unescapeText(text)
	}
	p.addText(n, text)
	p.pos = end
	t, ok := p.next()
	return ok && t.kind == tokEnd
}

// unescapeText decodes the character references of a text token.
func unescapeText(s string) string {
	if strings.IndexByte(s, '&') < 0 {
		return s
	}
	return html.UnescapeString(s)
}

// unescapeAttr decodes the character references of an attribute value as
// html's tokenizer does. It reports false when it cannot.
func unescapeAttr(v string) (string, bool) {
	amp := strings.IndexByte(v, '&')
	if amp < 0 {
		return v, true
	}
	if sameInAttr(v[amp:]) {
		return html.UnescapeString(v), true
	}
	// Let html's tokenizer read the value: in an attribute, a reference
	// with no ';' before a '=' or a letter stays as it is.
	q := `"`
	if strings.IndexByte(v, '"') >= 0 {
		if strings.IndexByte(v, '\'') >= 0 {
			return "", false
		}
		q = "'"
	}
	z := html.NewTokenizer(strings.NewReader("<a x=" + q + v + q + ">"))
	if z.Next() != html.StartTagToken {
		return "", false
	}
	_, val, _ := z.TagAttr()
	return string(val), true
}

// sameInAttr reports whether every character reference in v decodes in an
// attribute value as it does in text: a numeric reference, or a name that
// decodes whole or not at all. (In text, "&ampx;" decodes its prefix
// "&amp", and "&copy=" its "&copy"; in an attribute neither does.)
func sameInAttr(v string) bool {
	for i := 0; i < len(v); i++ {
		if v[i] != '&' {
			continue
		}
		j := i + 1
		if j < len(v) && v[j] == '#' {
			continue
		}
		for j < len(v) && (asciiLetter(v[j]) || '0' <= v[j] && v[j] <= '9') {
			j++
		}
		if j == i+1 {
			continue
		}
		if j < len(v) && v[j] == ';' {
			ref := v[i : j+1]
			// a whole name decodes to one or two characters, none of them
			// ';' but for "&semi;"; a prefix leaves the rest and the ';'
			if out := html.UnescapeString(ref); out == ref || out == ";" || !strings.HasSuffix(out, ";") {
				continue
			}
			return false
		}
		if ref := v[i:j]; html.UnescapeString(ref) != ref {
			return false
		}
	}
	return true
}

// The classes of tagBytes.
const (
	nameByte  = 1 << iota // in a tag's name: an ASCII letter or digit, '-', '_', ':' or '.'
	endsName              // ends a tag's name: tagSpace, '/' or '>'
	keyByte               // in an attribute's name: printable ASCII but for '"', '\'', '<' and what ends it
	endsKey               // ends an attribute's name: tagSpace, '/', '>' or '='
	upperByte             // an ASCII capital
)

// tagBytes holds the classes of each byte for the name loops of tag.
var tagBytes = func() (t [256]byte) {
	for c := range 256 {
		b := byte(c)
		if asciiLetter(b) || '0' <= b && b <= '9' || b == '-' || b == '_' || b == ':' || b == '.' {
			t[c] |= nameByte
		}
		if tagSpace(b) || b == '/' || b == '>' {
			t[c] |= endsName
		}
		switch {
		case tagSpace(b) || b == '/' || b == '>' || b == '=':
			t[c] |= endsKey
		case b > ' ' && b < 0x7f && b != '"' && b != '\'' && b != '<':
			t[c] |= keyByte
		}
		if 'A' <= b && b <= 'Z' {
			t[c] |= upperByte
		}
	}
	return t
}()

// tagSpace reports the characters html's tokenizer skips between
// attributes ('\r' is read as '\n' before).
func tagSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r'
}

// asciiLetter reports whether c is an ASCII letter.
func asciiLetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// asciiEqualFold reports whether s equals lower, which is in lower case,
// ignoring the case of ASCII letters.
func asciiEqualFold(s, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}
