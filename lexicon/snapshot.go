package lexicon

import (
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"maps"
	"slices"
)

// snapshotMagic starts a snapshot; the number changes with the format.
const snapshotMagic = "TTLEX001"

// ErrSnapshot marks a snapshot that cannot be read: not one, or of
// another format (regenerate it with go generate ./lexicon).
var ErrSnapshot = errors.New("bad lexicon snapshot")

// snapshot is what a Lexicon holds once its files are loaded, in a form
// gob encodes in a fixed order: the entries, places, topics and contexts
// in load order, every declared word list, the mappings as sorted pairs.
// The indexes by id, the compiled matchers and the selection made by
// Compile are rebuilt, not stored. File names, the same on thousands of
// phrases, are indexes into Files.
type snapshot struct {
	Files      []string
	Entries    []snapEntry
	Places     []snapEntry
	Topics     []snapTopic
	Contexts   []snapContext
	Words      []snapWords // every declared list, in WordLists order
	RoleLabels []snapRoleLabel
	Months     []snapMonth
	Nicknames  []snapNickname
	Taxonomies []string // SelectTaxonomies' names
	Selected   bool     // Taxonomies is set, even if empty (nil selects the default)
}

type snapEntry struct {
	ID, Name, Official, ISO2, ISO3, Kind, Role, Country string
	Aliases, Demonyms, Capitals                         []snapPhrase
	Topics                                              []string
	Offices                                             []Office
	Sites                                               []string
	Replace, Remove                                     bool
	Type                                                Type
	File, Line                                          int
}

type snapPhrase struct {
	Text, Case                         string
	Near, NotNear, NotBefore, NotAfter []string
	Window                             int
	NotInName                          bool
	Weight                             float64
	File, Line                         int
	Refs                               []snapRef // Phrase.refLines, sorted by Ref
}

type snapRef struct {
	Ref  string
	Line int
}

type snapTopic struct {
	ID, Label, Taxonomy, Parent string
	Cues                        []snapPhrase
	Replace, Remove             bool
	File, Line                  int
}

type snapContext struct {
	ID              string
	Phrases         []string
	Replace, Remove bool
	File, Line      int
}

type snapWords struct {
	Name  string
	Words []string // in load order
}

type snapRoleLabel struct{ Label, Role string }

type snapMonth struct {
	Name   string
	Number int
}

type snapNickname struct {
	Short string
	Full  []string
}

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
		return nil, fmt.Errorf("lexicon: ids defined in two default files (lexicon check reports them) cannot be encoded")
	}
	w := &snapWriter{files: map[string]int{}}
	s := &snapshot{
		Taxonomies: l.taxonomies,
		Selected:   l.taxonomies != nil,
	}
	for _, e := range l.Entries {
		s.Entries = append(s.Entries, w.entry(e))
	}
	for _, e := range l.places.Entries {
		s.Places = append(s.Places, w.entry(e))
	}
	for _, t := range l.Topics {
		s.Topics = append(s.Topics, snapTopic{ID: t.ID, Label: t.Label, Taxonomy: t.Taxonomy, Parent: t.Parent,
			Cues: w.phrases(t.Cues), Replace: t.Replace, Remove: t.Remove, File: w.file(t.File), Line: t.Line})
	}
	for _, c := range l.Contexts {
		s.Contexts = append(s.Contexts, snapContext{ID: c.ID, Phrases: c.Phrases, Replace: c.Replace, Remove: c.Remove,
			File: w.file(c.File), Line: c.Line})
	}
	for _, info := range wordLists {
		s.Words = append(s.Words, snapWords{Name: info.Name, Words: l.words[info.Name].order})
	}
	for _, k := range slices.Sorted(maps.Keys(l.roleLabels)) {
		s.RoleLabels = append(s.RoleLabels, snapRoleLabel{k, l.roleLabels[k]})
	}
	for _, k := range slices.Sorted(maps.Keys(l.months)) {
		s.Months = append(s.Months, snapMonth{k, l.months[k]})
	}
	for _, k := range slices.Sorted(maps.Keys(l.Nicknames)) {
		s.Nicknames = append(s.Nicknames, snapNickname{k, l.Nicknames[k]})
	}
	s.Files = w.names
	var buf bytes.Buffer
	buf.WriteString(snapshotMagic)
	if err := gob.NewEncoder(&buf).Encode(s); err != nil {
		return nil, fmt.Errorf("lexicon: encode: %w", err)
	}
	return buf.Bytes(), nil
}

// UnmarshalBinary replaces the lexicon with one that MarshalBinary
// encoded: the same entries, topics, contexts and word lists, uncompiled,
// as if its files had just been loaded. A snapshot of another format is an
// error that wraps ErrSnapshot.
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
	rest, ok := bytes.CutPrefix(data, []byte(snapshotMagic))
	if !ok {
		return nil, fmt.Errorf("%w: it does not start with %s (go generate ./lexicon writes the default's)", ErrSnapshot, snapshotMagic)
	}
	var s snapshot
	if err := gob.NewDecoder(bytes.NewReader(rest)).Decode(&s); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSnapshot, err)
	}
	r := &snapReader{files: s.Files}
	n := New()
	for i := range s.Entries {
		e, err := r.entry(&s.Entries[i])
		if err != nil {
			return nil, err
		}
		n.Entries = append(n.Entries, e)
		n.byID[e.ID] = e
	}
	for i := range s.Places {
		e, err := r.entry(&s.Places[i])
		if err != nil {
			return nil, err
		}
		n.places.Entries = append(n.places.Entries, e)
		n.places.byID[e.ID] = e
	}
	for _, st := range s.Topics {
		t := &Topic{ID: st.ID, Label: st.Label, Taxonomy: st.Taxonomy, Parent: st.Parent,
			Cues: r.phrases(st.Cues), Replace: st.Replace, Remove: st.Remove, File: r.file(st.File), Line: st.Line}
		n.Topics = append(n.Topics, t)
		n.topicByID[t.ID] = t
	}
	for _, sc := range s.Contexts {
		c := &Context{ID: sc.ID, Phrases: sc.Phrases, Replace: sc.Replace, Remove: sc.Remove, File: r.file(sc.File), Line: sc.Line}
		n.Contexts = append(n.Contexts, c)
		n.contextByID[c.ID] = c
	}
	for _, sw := range s.Words {
		w := n.words[sw.Name]
		if w == nil {
			return nil, fmt.Errorf("%w: no word list %q", ErrSnapshot, sw.Name)
		}
		w.order = sw.Words
		for _, word := range sw.Words {
			w.set[word] = true
		}
	}
	for _, p := range s.RoleLabels {
		n.roleLabels[p.Label] = p.Role
	}
	for _, p := range s.Months {
		n.months[p.Name] = p.Number
	}
	for _, p := range s.Nicknames {
		n.Nicknames[p.Short] = p.Full
	}
	if s.Selected {
		n.taxonomies = s.Taxonomies
		if n.taxonomies == nil {
			n.taxonomies = []string{}
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	return n, nil
}

// snapWriter numbers file names as it meets them.
type snapWriter struct {
	files map[string]int
	names []string
}

func (w *snapWriter) file(name string) int {
	i, ok := w.files[name]
	if !ok {
		i = len(w.names)
		w.files[name] = i
		w.names = append(w.names, name)
	}
	return i
}

func (w *snapWriter) entry(e *Entry) snapEntry {
	return snapEntry{ID: e.ID, Name: e.Name, Official: e.Official, ISO2: e.ISO2, ISO3: e.ISO3,
		Kind: e.Kind, Role: e.Role, Country: e.Country,
		Aliases: w.phrases(e.Aliases), Demonyms: w.phrases(e.Demonyms), Capitals: w.phrases(e.Capitals),
		Topics: e.Topics, Offices: e.Offices, Sites: e.Sites, Replace: e.Replace, Remove: e.Remove,
		Type: e.Type, File: w.file(e.File), Line: e.Line}
}

func (w *snapWriter) phrases(ps []Phrase) []snapPhrase {
	if ps == nil {
		return nil
	}
	out := make([]snapPhrase, len(ps))
	for i, p := range ps {
		out[i] = snapPhrase{Text: p.Text, Case: p.Case, Near: p.Near, NotNear: p.NotNear,
			NotBefore: p.NotBefore, NotAfter: p.NotAfter, Window: p.Window, NotInName: p.NotInName,
			Weight: p.Weight, File: w.file(p.File), Line: p.Line}
		for _, ref := range slices.Sorted(maps.Keys(p.refLines)) {
			out[i].Refs = append(out[i].Refs, snapRef{ref, p.refLines[ref]})
		}
	}
	return out
}

// snapReader turns file numbers back into names; the first bad number is
// err.
type snapReader struct {
	files []string
	err   error
}

func (r *snapReader) file(i int) string {
	if i < 0 || i >= len(r.files) {
		if r.err == nil {
			r.err = fmt.Errorf("%w: file number %d of %d", ErrSnapshot, i, len(r.files))
		}
		return ""
	}
	return r.files[i]
}

func (r *snapReader) entry(s *snapEntry) (*Entry, error) {
	if s.Type < Country || s.Type > Place {
		return nil, fmt.Errorf("%w: entry %q has type %d", ErrSnapshot, s.ID, s.Type)
	}
	return &Entry{ID: s.ID, Name: s.Name, Official: s.Official, ISO2: s.ISO2, ISO3: s.ISO3,
		Kind: s.Kind, Role: s.Role, Country: s.Country,
		Aliases: r.phrases(s.Aliases), Demonyms: r.phrases(s.Demonyms), Capitals: r.phrases(s.Capitals),
		Topics: s.Topics, Offices: s.Offices, Sites: s.Sites, Replace: s.Replace, Remove: s.Remove,
		Type: s.Type, File: r.file(s.File), Line: s.Line}, nil
}

func (r *snapReader) phrases(ss []snapPhrase) []Phrase {
	if ss == nil {
		return nil
	}
	out := make([]Phrase, len(ss))
	for i, s := range ss {
		out[i] = Phrase{Text: s.Text, Case: s.Case, Near: s.Near, NotNear: s.NotNear,
			NotBefore: s.NotBefore, NotAfter: s.NotAfter, Window: s.Window, NotInName: s.NotInName,
			Weight: s.Weight, File: r.file(s.File), Line: s.Line}
		if len(s.Refs) > 0 {
			out[i].refLines = make(map[string]int, len(s.Refs))
			for _, ref := range s.Refs {
				out[i].refLines[ref.Ref] = ref.Line
			}
		}
	}
	return out
}
