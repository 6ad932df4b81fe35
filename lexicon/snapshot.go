package lexicon

import (
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
)

// snapshotMagic starts a snapshot; the number changes with the format.
const snapshotMagic = "TTLEX002"

// ErrSnapshot marks a snapshot that cannot be read: not one, of another
// format, or cut short (for the default's, run go generate ./lexicon).
var ErrSnapshot = errors.New("bad lexicon snapshot")

// A snapshot is what a Lexicon holds once its files are loaded: after
// snapshotMagic, a table of strings (their count, each one's length in
// bytes, then their bytes run together), then the entries, places,
// topics and contexts in load order, every declared word list in
// WordLists order, the role labels, months and nicknames sorted, and the
// selection of taxonomies. Numbers are varints (binary.AppendVarint), a
// string is its index in the table, a list its length plus one (0 for a
// nil list, so that nil and empty come back as they were) then its items.
// The indexes by id and the compiled matchers are rebuilt, not stored.
//
// Strings repeat a great deal (every phrase names its file; countries,
// topics and context words recur), so the table holds each once, and a
// decoded lexicon's strings all point into one copy of the table: decoding
// allocates the structures, not the text.

// MarshalBinary encodes what the lexicon's files loaded into it (entries,
// places, topics, contexts, word lists, role labels, months, nicknames,
// each with its file and line) and its selection of taxonomies, for
// UnmarshalBinary; the compiled matcher is not kept. The format is
// turntag's own and changes between versions: the embedded default
// lexicon is one (go generate ./lexicon writes it), so that turntag starts
// without parsing YAML. A lexicon whose default files define an id twice,
// which Check reports, cannot be encoded.
func (l *Lexicon) MarshalBinary() ([]byte, error) {
	if len(l.dupes)+len(l.places.dupes) > 0 {
		return nil, errors.New("lexicon: ids defined in two default files (lexicon check reports them) cannot be encoded")
	}
	w := &snapWriter{index: map[string]int{}}
	w.entries(l.Entries)
	w.entries(l.places.Entries)
	w.len(len(l.Topics), l.Topics == nil)
	for _, t := range l.Topics {
		w.str(t.ID)
		w.str(t.Label)
		w.str(t.Taxonomy)
		w.str(t.Parent)
		w.phrases(t.Cues)
		w.flags(t.Replace, t.Remove)
		w.str(t.File)
		w.int(t.Line)
	}
	w.len(len(l.Contexts), l.Contexts == nil)
	for _, c := range l.Contexts {
		w.str(c.ID)
		w.strs(c.Phrases)
		w.flags(c.Replace, c.Remove)
		w.str(c.File)
		w.int(c.Line)
	}
	for _, info := range wordLists {
		w.strs(l.words[info.Name].order)
	}
	w.int(len(l.roleLabels))
	for _, k := range slices.Sorted(maps.Keys(l.roleLabels)) {
		w.str(k)
		w.str(l.roleLabels[k])
	}
	w.int(len(l.months))
	for _, k := range slices.Sorted(maps.Keys(l.months)) {
		w.str(k)
		w.int(l.months[k])
	}
	w.int(len(l.Nicknames))
	for _, k := range slices.Sorted(maps.Keys(l.Nicknames)) {
		w.str(k)
		w.strs(l.Nicknames[k])
	}
	w.strs(l.taxonomies)

	out := []byte(snapshotMagic)
	out = binary.AppendVarint(out, int64(len(w.table)))
	for _, s := range w.table {
		out = binary.AppendVarint(out, int64(len(s)))
	}
	for _, s := range w.table {
		out = append(out, s...)
	}
	return append(out, w.body...), nil
}

// UnmarshalBinary replaces the lexicon with one that MarshalBinary
// encoded: the same entries, topics, contexts and word lists, uncompiled,
// as if its files had just been loaded. Data of another format, or cut
// short, is an error that wraps ErrSnapshot, and l is left as it was.
func (l *Lexicon) UnmarshalBinary(data []byte) error {
	n, err := decodeSnapshot(data)
	if err != nil {
		return err
	}
	if len(n.places.Entries) > 0 || len(n.Contexts) > 0 {
		n.compilePlaces() // as the loader leaves it
	}
	*l = *n
	return nil
}

// decodeSnapshot is UnmarshalBinary without the gazetteer's matcher, which
// the caller builds with compilePlaces.
func decodeSnapshot(data []byte) (*Lexicon, error) {
	rest, ok := cutPrefix(data, snapshotMagic)
	if !ok {
		return nil, fmt.Errorf("%w: it does not start with %s (go generate ./lexicon writes the default's)", ErrSnapshot, snapshotMagic)
	}
	r := &snapReader{data: rest}
	r.readTable()
	n := New()
	n.Entries = r.entries(n.byID, Country, Person)
	n.places.Entries = r.entries(n.places.byID, Place, Place)
	if k, isNil := r.len(); !isNil {
		n.Topics = make([]*Topic, k)
		for i := range n.Topics {
			t := &Topic{ID: r.str(), Label: r.str(), Taxonomy: r.str(), Parent: r.str(), Cues: r.phrases()}
			t.Replace, t.Remove = r.flags()
			t.File, t.Line = r.str(), r.int()
			n.Topics[i], n.topicByID[t.ID] = t, t
		}
	}
	if k, isNil := r.len(); !isNil {
		n.Contexts = make([]*Context, k)
		for i := range n.Contexts {
			c := &Context{ID: r.str(), Phrases: r.strs()}
			c.Replace, c.Remove = r.flags()
			c.File, c.Line = r.str(), r.int()
			n.Contexts[i], n.contextByID[c.ID] = c, c
		}
	}
	for _, info := range wordLists {
		w := n.words[info.Name]
		w.order = r.strs()
		for _, word := range w.order {
			w.set[word] = true
		}
	}
	for range r.count() {
		label := r.str()
		n.roleLabels[label] = r.str()
	}
	for range r.count() {
		month := r.str()
		n.months[month] = r.int()
	}
	for range r.count() {
		short := r.str()
		n.Nicknames[short] = r.strs()
	}
	n.taxonomies = r.strs()
	if r.err == nil && len(r.data) > 0 {
		r.fail("%d bytes after the end", len(r.data))
	}
	if r.err != nil {
		return nil, r.err
	}
	return n, nil
}

func cutPrefix(data []byte, prefix string) ([]byte, bool) {
	if len(data) < len(prefix) || string(data[:len(prefix)]) != prefix {
		return nil, false
	}
	return data[len(prefix):], true
}

// snapWriter writes a snapshot's body and collects its string table.
type snapWriter struct {
	body  []byte
	table []string
	index map[string]int // string -> its index in table
}

func (w *snapWriter) int(v int) { w.body = binary.AppendVarint(w.body, int64(v)) }

// len writes a list's length plus one, or 0 for a nil list.
func (w *snapWriter) len(n int, isNil bool) {
	if isNil {
		w.int(0)
		return
	}
	w.int(n + 1)
}

func (w *snapWriter) str(s string) {
	i, ok := w.index[s]
	if !ok {
		i = len(w.table)
		w.index[s] = i
		w.table = append(w.table, s)
	}
	w.int(i)
}

func (w *snapWriter) strs(ss []string) {
	w.len(len(ss), ss == nil)
	for _, s := range ss {
		w.str(s)
	}
}

func (w *snapWriter) flags(bs ...bool) {
	v := 0
	for i, b := range bs {
		if b {
			v |= 1 << i
		}
	}
	w.int(v)
}

func (w *snapWriter) entries(es []*Entry) {
	w.len(len(es), es == nil)
	for _, e := range es {
		w.str(e.ID)
		w.str(e.Name)
		w.str(e.Official)
		w.str(e.ISO2)
		w.str(e.ISO3)
		w.str(e.Kind)
		w.str(e.Role)
		w.str(e.Country)
		w.phrases(e.Aliases)
		w.phrases(e.Demonyms)
		w.phrases(e.Capitals)
		w.strs(e.Topics)
		w.len(len(e.Offices), e.Offices == nil)
		for _, o := range e.Offices {
			w.str(o.Title)
			w.str(o.Country)
			w.str(o.From)
			w.str(o.To)
			w.int(o.Line)
		}
		w.strs(e.Sites)
		w.flags(e.Replace, e.Remove)
		w.int(int(e.Type))
		w.str(e.File)
		w.int(e.Line)
	}
}

func (w *snapWriter) phrases(ps []Phrase) {
	w.len(len(ps), ps == nil)
	for _, p := range ps {
		w.str(p.Text)
		w.str(p.Case)
		w.strs(p.Near)
		w.strs(p.NotNear)
		w.strs(p.NotBefore)
		w.strs(p.NotAfter)
		w.int(p.Window)
		w.flags(p.NotInName)
		w.body = binary.AppendUvarint(w.body, math.Float64bits(p.Weight))
		w.str(p.File)
		w.int(p.Line)
		w.int(len(p.refLines))
		for _, ref := range slices.Sorted(maps.Keys(p.refLines)) {
			w.str(ref)
			w.int(p.refLines[ref])
		}
	}
}

// snapReader reads a snapshot's body. The first problem is err; after
// it, every read returns a zero value, so that callers check err once.
type snapReader struct {
	data  []byte   // what is left to read
	table []string // the strings, all pointing into one copy of the table's bytes
	err   error
}

func (r *snapReader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: "+format, append([]any{ErrSnapshot}, args...)...)
	}
	r.data = nil
}

func (r *snapReader) int() int {
	v, n := binary.Varint(r.data)
	if n <= 0 || v != int64(int(v)) {
		r.fail("a number is cut short or too large")
		return 0
	}
	r.data = r.data[n:]
	return int(v)
}

// count reads a number of items to follow, which cannot exceed the bytes
// left (each item takes one at least).
func (r *snapReader) count() int {
	k := r.int()
	if k < 0 || k > len(r.data) {
		r.fail("a count of %d with %d bytes left", k, len(r.data))
		return 0
	}
	return k
}

// len reads a list's length, and whether the list is nil.
func (r *snapReader) len() (int, bool) {
	k := r.int() - 1
	if k < -1 || k > len(r.data) {
		r.fail("a list of %d with %d bytes left", k, len(r.data))
		return 0, true
	}
	return max(k, 0), k < 0
}

// readTable reads the string table.
func (r *snapReader) readTable() {
	lens := make([]int, r.count())
	total := 0
	for i := range lens {
		lens[i] = r.int()
		if lens[i] < 0 || lens[i] > len(r.data) {
			r.fail("a string of %d bytes with %d left", lens[i], len(r.data))
			return
		}
		total += lens[i]
	}
	if total > len(r.data) {
		r.fail("strings of %d bytes with %d left", total, len(r.data))
		return
	}
	blob := string(r.data[:total])
	r.data = r.data[total:]
	r.table = make([]string, len(lens))
	at := 0
	for i, k := range lens {
		r.table[i] = blob[at : at+k]
		at += k
	}
}

func (r *snapReader) str() string {
	i := r.int()
	if i < 0 || i >= len(r.table) {
		r.fail("string %d of %d", i, len(r.table))
		return ""
	}
	return r.table[i]
}

func (r *snapReader) strs() []string {
	k, isNil := r.len()
	if isNil {
		return nil
	}
	out := make([]string, k)
	for i := range out {
		out[i] = r.str()
	}
	return out
}

func (r *snapReader) flags() (bool, bool) {
	v := r.int()
	return v&1 != 0, v&2 != 0
}

// entries reads a list of entries of the types lo to hi, indexing them by
// id in byID.
func (r *snapReader) entries(byID map[string]*Entry, lo, hi Type) []*Entry {
	k, isNil := r.len()
	if isNil {
		return nil
	}
	out := make([]*Entry, k)
	for i := range out {
		e := &Entry{ID: r.str(), Name: r.str(), Official: r.str(), ISO2: r.str(), ISO3: r.str(),
			Kind: r.str(), Role: r.str(), Country: r.str(),
			Aliases: r.phrases(), Demonyms: r.phrases(), Capitals: r.phrases(), Topics: r.strs()}
		if k, isNil := r.len(); !isNil {
			e.Offices = make([]Office, k)
			for j := range e.Offices {
				e.Offices[j] = Office{Title: r.str(), Country: r.str(), From: r.str(), To: r.str(), Line: r.int()}
			}
		}
		e.Sites = r.strs()
		e.Replace, e.Remove = r.flags()
		e.Type = Type(r.int())
		e.File, e.Line = r.str(), r.int()
		if r.err == nil && (e.Type < lo || e.Type > hi) {
			r.fail("entry %q has type %d", e.ID, e.Type)
		}
		out[i], byID[e.ID] = e, e
	}
	return out
}

func (r *snapReader) phrases() []Phrase {
	k, isNil := r.len()
	if isNil {
		return nil
	}
	out := make([]Phrase, k)
	for i := range out {
		p := &out[i]
		p.Text, p.Case = r.str(), r.str()
		p.Near, p.NotNear, p.NotBefore, p.NotAfter = r.strs(), r.strs(), r.strs(), r.strs()
		p.Window = r.int()
		p.NotInName, _ = r.flags()
		bits, n := binary.Uvarint(r.data)
		if n <= 0 {
			r.fail("a weight is cut short")
		} else {
			r.data = r.data[n:]
		}
		p.Weight = math.Float64frombits(bits)
		p.File, p.Line = r.str(), r.int()
		if refs := r.count(); refs > 0 {
			p.refLines = make(map[string]int, refs)
			for range refs {
				ref := r.str()
				p.refLines[ref] = r.int()
			}
		}
	}
	return out
}
