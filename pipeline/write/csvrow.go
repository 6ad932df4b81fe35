package write

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/tagger"
)

// rowWriter appends the CSV records of one document to b: the cells of
// TurnRecord.Cells and MentionRecord.Cells, each neutralised unless raw,
// written as they are computed. Its lists are reused from turn to turn,
// and from one document to the next.
type rowWriter struct {
	raw bool
	b   []byte
	// head is what every row of the document starts with, after a
	// comma: the source, title and date cells (turns) or the source cell
	// (mentions)
	head []byte

	seen                                      []entityKey
	countries, codes, orgs, people, addressed []string
	lists                                     []string // the storage of the five lists above
}

// entityKey is what Record dedupes a turn's mentions by: the type and the
// canonical name, or, for a person addressed, the name alone.
type entityKey struct {
	addressed bool
	typ       lexicon.Type // zero when addressed
	canonical string
}

// startMentions readies w for the mention rows of doc: it writes the
// source cell once, to copy it.
func (w *rowWriter) startMentions(doc *transcript.Document) {
	b := w.b
	w.b = w.head[:0]
	w.str(doc.Source)
	w.head, w.b = w.b, b
}

// start readies w for the turn rows of doc: it writes the cells of the
// document that start every row once, to copy them, and sizes the
// entity lists for the turn with the most mentions.
func (w *rowWriter) start(doc *transcript.Document) {
	b := w.b
	w.b = w.head[:0]
	w.str(doc.Source)
	w.str(doc.Title)
	w.str(doc.Date)
	w.head, w.b = w.b, b
	most := 0
	for i := range doc.Turns {
		most = max(most, len(doc.Turns[i].Mentions))
	}
	if cap(w.lists) < 5*most {
		w.lists = make([]string, 5*most)
	}
	lists := w.lists[:5*most]
	w.countries, w.codes, w.orgs = lists[0:0:most], lists[most:most:2*most], lists[2*most:2*most:3*most]
	w.people, w.addressed = lists[3*most:3*most:4*most], lists[4*most:4*most:5*most]
	if cap(w.seen) < most {
		w.seen = make([]entityKey, 0, most)
	}
}

// turnRow appends turn n (1-based) as Record(doc, n).Cells() renders it,
// after start.
func (w *rowWriter) turnRow(doc *transcript.Document, n int) {
	t := &doc.Turns[n-1]
	w.b = append(w.b, w.head[1:]...) // the first cell has no comma before it
	w.int(n)
	w.str(t.Speaker.Name)
	w.str(t.Speaker.Role)
	w.str(t.Speaker.Affiliation)

	// topics, taxonomies, scores, evidence
	p := w.open()
	for i := range t.Tags {
		if i > 0 {
			w.b = append(w.b, "; "...)
		}
		w.b = append(w.b, t.Tags[i].Label...)
	}
	w.close(p)
	p = w.open()
	for i := range t.Tags {
		if i > 0 {
			w.b = append(w.b, "; "...)
		}
		w.b = append(w.b, t.Tags[i].Taxonomy...)
	}
	w.close(p)
	p = w.open()
	for i, tag := range t.Tags {
		if i > 0 {
			w.b = append(w.b, "; "...)
		}
		w.b = append(w.b, tag.Label...)
		w.b = append(w.b, ':')
		w.b = appendScore(w.b, tag.Score)
	}
	w.close(p)
	p = w.open()
	for i, tag := range t.Tags {
		if i > 0 {
			w.b = append(w.b, " | "...)
		}
		w.b = append(w.b, tag.Label...)
		w.b = append(w.b, ": "...)
		for k, c := range tag.Evidence {
			if k > 0 {
				w.b = append(w.b, ", "...)
			}
			w.b = append(w.b, c.Text...)
			w.b = append(w.b, "×"...)
			w.b = appendInt(w.b, c.Count)
		}
	}
	w.close(p)

	w.entities(t.Mentions)
	w.list(w.countries)
	w.list(w.codes)
	w.list(w.orgs)
	w.list(w.people)
	w.list(w.addressed)

	w.int(doc.WordsAt(n - 1))
	w.str(doc.TurnTextAt(n - 1))
	w.str(t.Start)
	w.str(t.End)
	w.end()
}

// entities fills the writer's lists with the turn's countries, codes,
// organisations, people and people addressed, each once, as Record does.
func (w *rowWriter) entities(ms []tagger.Mention) {
	w.seen = w.seen[:0]
	w.countries, w.codes, w.orgs, w.people, w.addressed = w.countries[:0], w.codes[:0], w.orgs[:0], w.people[:0], w.addressed[:0]
	for i := range ms {
		m := &ms[i] // a mention is large: not copied
		key := entityKey{typ: m.Type, canonical: m.Canonical}
		if m.Origin == tagger.FromAddress {
			key = entityKey{addressed: true, canonical: m.Canonical}
		}
		dup := false
		for _, k := range w.seen {
			// the lengths first: most names differ in length, and then
			// no bytes are compared
			if len(k.canonical) == len(key.canonical) && k.typ == key.typ && k.addressed == key.addressed &&
				k.canonical == key.canonical {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		w.seen = append(w.seen, key)
		switch m.Type {
		case lexicon.Country:
			w.countries = append(w.countries, m.Canonical)
			w.codes = append(w.codes, m.Code)
		case lexicon.Organisation:
			w.orgs = append(w.orgs, m.Canonical)
		case lexicon.Person:
			if m.Origin == tagger.FromAddress {
				w.addressed = append(w.addressed, m.Canonical)
			} else {
				w.people = append(w.people, m.Canonical)
			}
		}
	}
}

// mentionRows appends the mentions of turn n (1-based) as
// Mentions(doc, n) renders them, one record each.
func (w *rowWriter) mentionRows(doc *transcript.Document, n int) {
	t := &doc.Turns[n-1]
	if len(t.Mentions) == 0 {
		return
	}
	text := doc.TurnTextAt(n - 1)
	var rc runeCounter
	for _, m := range t.Mentions {
		start := rc.at(text, m.Start)
		w.b = append(w.b, w.head[1:]...) // the source, after startMentions
		w.int(n)
		w.int(start)
		w.int(start + utf8.RuneCountInString(text[m.Start:m.End]))
		w.str(m.Text)
		w.str(m.Type.String())
		w.str(m.Canonical)
		w.str(m.ID)
		w.str(string(m.Origin))
		w.end()
	}
}

// sep starts a cell after the record's first with its comma: the first
// cell of a row is the head the document's rows share (see start and
// startMentions), written without one.
func (w *rowWriter) sep() {
	w.b = append(w.b, ',')
}

// end ends a record.
func (w *rowWriter) end() {
	w.b = append(w.b, '\r', '\n')
}

// int appends a number cell; it never needs quotes nor neutralising.
func (w *rowWriter) int(v int) {
	w.sep()
	w.b = appendInt(w.b, v)
}

// appendInt is strconv.AppendInt in base 10, with the numbers below
// 10000 written here.
func appendInt(b []byte, v int) []byte {
	switch {
	case uint(v) < 10:
		return append(b, byte('0'+v))
	case uint(v) < 100:
		return append(b, byte('0'+v/10), byte('0'+v%10))
	case uint(v) < 1000:
		return append(b, byte('0'+v/100), byte('0'+v/10%10), byte('0'+v%10))
	case uint(v) < 10000:
		return append(b, byte('0'+v/1000), byte('0'+v/100%10), byte('0'+v/10%10), byte('0'+v%10))
	}
	return strconv.AppendInt(b, int64(v), 10)
}

// appendScore is strconv.AppendFloat(b, x, 'f', 2, 64). A score from 0
// to 10000 whose hundredths are not within a millionth of a tie is
// rounded here: x*100 is then off by far less than the distance to the
// tie, so it rounds as the exact value does. Others go to strconv.
func appendScore(b []byte, x float64) []byte {
	v := x * 100
	if !(v >= 0 && v < 1e6) || math.Signbit(x) {
		return strconv.AppendFloat(b, x, 'f', 2, 64)
	}
	n := int(v)
	frac := v - float64(n)
	if frac > 0.5-1e-6 && frac < 0.5+1e-6 {
		return strconv.AppendFloat(b, x, 'f', 2, 64)
	}
	if frac > 0.5 {
		n++
	}
	b = appendInt(b, n/100)
	return append(b, '.', byte('0'+n/10%10), byte('0'+n%10))
}

// list appends the cell strings.Join(items, "; ").
func (w *rowWriter) list(items []string) {
	switch len(items) {
	case 0:
		w.sep()
		return
	case 1:
		w.str(items[0])
		return
	}
	p := w.open()
	for i, s := range items {
		if i > 0 {
			w.b = append(w.b, "; "...)
		}
		w.b = append(w.b, s...)
	}
	w.close(p)
}

// str appends a cell: neutralised unless w.raw (see Neutralize), then
// quoted when it needs it (see needsQuotes). A short cell is read once,
// byte by byte, to decide both; a long one with IndexByte.
func (w *rowWriter) str(cell string) {
	w.sep()
	if cell == "" {
		return
	}
	neutral := !w.raw && isFormulaByte(cell[0])
	if len(cell) > shortCell {
		w.strLong(cell, neutral)
		return
	}
	special, quotes := scanCell(cell)
	if !special && !neutral && (cell == `\.` || startsWithSpace(cell)) {
		special = true // needsQuotes; "'" + cell needs no quotes for them
	}
	switch {
	case !special && !neutral:
		w.b = append(w.b, cell...)
	case !special:
		w.b = append(w.b, '\'')
		w.b = append(w.b, cell...)
	case quotes > 0:
		w.b = append(w.b, '"')
		if neutral {
			w.b = append(w.b, '\'')
		}
		w.b = appendEscaped(w.b, cell)
		w.b = append(w.b, '"')
	case neutral:
		w.b = append(w.b, '"', '\'')
		w.b = append(w.b, cell...)
		w.b = append(w.b, '"')
	default:
		w.b = append(w.b, '"')
		w.b = append(w.b, cell...)
		w.b = append(w.b, '"')
	}
}

// strLong is str for a cell longer than shortCell, which IndexByte
// reads faster than a loop over its bytes.
func (w *rowWriter) strLong(cell string, neutral bool) {
	if neutral {
		// "'" + cell needs quotes only for a comma, a quote or a line
		// break: it starts with the apostrophe and is not \.
		if !hasSpecial(cell) {
			w.b = append(w.b, '\'')
			w.b = append(w.b, cell...)
			return
		}
		w.b = append(w.b, '"', '\'')
		w.b = appendEscaped(w.b, cell)
		w.b = append(w.b, '"')
		return
	}
	w.b = appendCell(w.b, cell)
}

// shortCell is the longest cell that str and close read byte by byte:
// past it, one IndexByte for each byte that needs quotes is faster.
const shortCell = 64

// csvByte marks the bytes that make a cell quoted: specialByte for a
// comma and a line break, quoteByte for a quote, which is also doubled;
// and, with formulaByte, the first bytes that make a spreadsheet run a
// cell as a formula (see Neutralize).
var csvByte = [256]uint8{',': specialByte, '\n': specialByte, '\r': specialByte | formulaByte, '"': quoteByte,
	'=': formulaByte, '+': formulaByte, '-': formulaByte, '@': formulaByte, '\t': formulaByte}

const (
	specialByte = 1 << iota
	quoteByte
	formulaByte
)

// scanCell reports whether cell holds a comma, a quote or a line break
// (as hasSpecial does) and how many quotes, read in one pass over the
// bytes of the cell; the quotes are counted only when there is one.
func scanCell[T string | []byte](cell T) (special bool, quotes int) {
	var k uint8
	for i := 0; i < len(cell); i++ {
		k |= csvByte[cell[i]]
	}
	k &^= formulaByte
	if k&quoteByte != 0 {
		for i := 0; i < len(cell); i++ {
			if cell[i] == '"' {
				quotes++
			}
		}
	}
	return k != 0, quotes
}

// startsWithSpace reports whether cell starts with white space, as
// unicode.IsSpace says.
func startsWithSpace[T string | []byte](cell T) bool {
	if c := cell[0]; c < utf8.RuneSelf {
		return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
	}
	var r rune
	switch cell := any(cell).(type) {
	case string:
		r, _ = utf8.DecodeRuneInString(cell)
	case []byte:
		r, _ = utf8.DecodeRune(cell)
	}
	return unicode.IsSpace(r)
}

// open starts a cell whose content the caller appends to w.b; close
// then neutralises and quotes it in place.
func (w *rowWriter) open() int {
	w.sep()
	return len(w.b)
}

// close rewrites the cell appended since p as str would have written it.
func (w *rowWriter) close(p int) {
	cell := w.b[p:]
	if len(cell) == 0 {
		return
	}
	neutral := !w.raw && isFormulaByte(cell[0])
	var quote bool
	quotes := -1 // not counted
	switch {
	case len(cell) <= shortCell:
		quote, quotes = scanCell(cell)
		if !quote && !neutral {
			quote = len(cell) == 2 && cell[0] == '\\' && cell[1] == '.' || startsWithSpace(cell)
		}
	case neutral:
		quote = bytesHaveSpecial(cell)
	default:
		quote = bytesNeedQuotes(cell)
	}
	if !neutral && !quote {
		return
	}
	extra := 0
	if neutral {
		extra++
	}
	if quote {
		if quotes < 0 {
			quotes = bytes.Count(cell, []byte{'"'})
		}
		extra += 2 + quotes
	}
	n := len(w.b)
	w.b = append(w.b, make([]byte, extra)...)
	b := w.b
	dst := len(b) - 1
	if quote {
		b[dst] = '"'
		dst--
	}
	if quotes <= 0 {
		// no quote to double: the cell moves whole
		copy(b[dst-(n-1-p):], b[p:n])
		dst -= n - p
	} else {
		for src := n - 1; src >= p; src-- {
			c := b[src]
			b[dst] = c
			dst--
			if c == '"' {
				b[dst] = '"'
				dst--
			}
		}
	}
	if neutral {
		b[dst] = '\''
		dst--
	}
	if quote {
		b[dst] = '"'
	}
}

// isFormulaByte reports a first byte that makes a spreadsheet run a cell
// as a formula (see Neutralize).
func isFormulaByte(c byte) bool {
	return csvByte[c]&formulaByte != 0
}

// hasSpecial reports whether a cell holds a comma, a quote or a line
// break.
func hasSpecial(cell string) bool {
	return strings.IndexByte(cell, ',') >= 0 || strings.IndexByte(cell, '"') >= 0 ||
		strings.IndexByte(cell, '\n') >= 0 || strings.IndexByte(cell, '\r') >= 0
}

// bytesHaveSpecial is hasSpecial for a cell in a buffer.
func bytesHaveSpecial(cell []byte) bool {
	return bytes.IndexByte(cell, ',') >= 0 || bytes.IndexByte(cell, '"') >= 0 ||
		bytes.IndexByte(cell, '\n') >= 0 || bytes.IndexByte(cell, '\r') >= 0
}

// bytesNeedQuotes is needsQuotes for a cell in a buffer.
func bytesNeedQuotes(cell []byte) bool {
	if len(cell) == 0 {
		return false
	}
	if len(cell) == 2 && cell[0] == '\\' && cell[1] == '.' {
		return true
	}
	if bytesHaveSpecial(cell) {
		return true
	}
	r, _ := utf8.DecodeRune(cell)
	return unicode.IsSpace(r)
}

// appendEscaped appends cell with its quotes doubled.
func appendEscaped(b []byte, cell string) []byte {
	for {
		i := strings.IndexByte(cell, '"')
		if i < 0 {
			break
		}
		b = append(b, cell[:i+1]...)
		b = append(b, '"')
		cell = cell[i+1:]
	}
	return append(b, cell...)
}
