package lexicon

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// defaultData is the data folder: every data/*.yaml file, one flat folder
// merged in name order like user files (the word lists are one file among
// them, data/words.yaml, whose header says why not a folder), and
// data/default.snapshot, the same lexicon loaded and encoded by go
// generate (see LoadDefault). The folder is embedded whole, so that the
// package builds, and the generator runs, while the snapshot is missing.
//
//go:embed data
var defaultData embed.FS

// snapshotFile is the generated snapshot of the default lexicon in
// defaultData.
const snapshotFile = "data/default.snapshot"

// DefaultFile is the name prefix under which embedded default files are
// reported in errors and by check ("default:countries.yaml").
const DefaultFile = "default:"

// Default returns the embedded default lexicon, loaded (LoadDefault) and
// compiled on first use and then shared read-only.
var Default = sync.OnceValues(func() (*Lexicon, error) {
	l, err := decodeDefault()
	if err != nil {
		return nil, err
	}
	// the gazetteer's matcher and the main one are apart: on two cores,
	// build them at once
	places := make(chan struct{})
	go func() {
		l.compilePlaces()
		close(places)
	}()
	err = l.Compile()
	<-places
	return l, err
})

// file is the top level of one lexicon YAML file.
type file struct {
	Contexts      []*Context           `yaml:"contexts"` // named context sets that phrases refer to as "@id"
	Countries     []*CountryEntry      `yaml:"countries"`
	Organisations []*OrganisationEntry `yaml:"organisations"`
	People        []*PersonEntry       `yaml:"people"`
	Places        []*PlaceEntry        `yaml:"places"` // the gazetteer: places and named events, never mentions
	Topics        []*Topic             `yaml:"topics"`
	ReplaceTopics bool                 `yaml:"replace_topics"` // drop all topics loaded before this file
	Words         wordSection          `yaml:"words"`          // word lists by name (WordLists): words to add
	RoleLabels    wordSection          `yaml:"role_labels"`    // "the vice president": Vice President
	Months        wordSection          `yaml:"months"`         // "sept": 9
	RemoveWords   wordSection          `yaml:"remove_words"`   // words to take out of lists loaded before
	ReplaceWords  wordNames            `yaml:"replace_words"`  // lists (and role_labels, months) to empty before adding this file's
	Nicknames     []string             `yaml:"nicknames"`      // "Matt: Matthew, Mathew": short forms of first names
	Titles        plainWords           `yaml:"titles"`         // older spelling of words: {titles: [...]}
	CommonWords   plainWords           `yaml:"common_words"`   // older spelling of words: {common_words: [...]}
	OrgWords      plainWords           `yaml:"org_words"`      // older spelling of words: {org_words: [...]}
}

// LoadFS reads every *.yaml file in dir of fsys, in name order, into a new
// lexicon. Errors name the file as "default:NAME".
func LoadFS(fsys fs.FS, dir string) (*Lexicon, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	l := New()
	var probs Problems
	for _, n := range names {
		src, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		probs = append(probs, l.add(DefaultFile+path.Base(n), src)...)
	}
	if len(probs) > 0 {
		probs.sort()
		return nil, probs
	}
	return l, nil
}

// AddFile reads a user lexicon file and merges it into l: entries with a new
// id are added, entries with a known id extend it (or replace or remove it
// when they say so). It returns every problem found, each with file:line.
func (l *Lexicon) AddFile(name string) error {
	src, err := os.ReadFile(name)
	if err != nil {
		return &Error{File: name, Err: err}
	}
	return l.AddBytes(name, src)
}

// AddBytes is AddFile for a file already in memory.
func (l *Lexicon) AddBytes(name string, src []byte) error {
	if probs := l.add(name, src); len(probs) > 0 {
		probs.sort()
		return probs
	}
	return nil
}

func (l *Lexicon) add(name string, src []byte) Problems {
	l.compiled = nil
	f, err := decodeFile(src)
	if err != nil {
		return Problems{yamlError(name, err)}
	}
	var probs Problems
	for _, c := range f.Contexts {
		c.File = name
		if err := l.mergeContext(c); err != nil {
			probs = append(probs, &Error{File: name, Line: c.Line, Err: err})
		}
	}
	if f.ReplaceTopics {
		l.Topics = nil
		l.topicByID = map[string]*Topic{}
	}
	// A fixed order (never a map's), so that two entries claiming the same
	// words resolve the same way on every run.
	entries := make([]*Entry, 0, len(f.Countries)+len(f.Organisations)+len(f.People)+len(f.Places))
	for _, c := range f.Countries {
		entries = append(entries, c.Entry())
	}
	for _, o := range f.Organisations {
		entries = append(entries, o.Entry())
	}
	for _, p := range f.People {
		entries = append(entries, p.Entry())
	}
	for _, p := range f.Places {
		entries = append(entries, p.Entry())
	}
	for _, e := range entries {
		e.File = name
		setFile(name, e.Aliases, e.Demonyms, e.Capitals)
		if err := l.merge(e); err != nil {
			probs = append(probs, &Error{File: name, Line: e.Line, Err: err})
		}
	}
	if len(f.Places) > 0 || len(f.Contexts) > 0 {
		l.compilePlaces()
	}
	for _, t := range f.Topics {
		t.File = name
		setFile(name, t.Cues)
		if err := l.mergeTopic(t); err != nil {
			probs = append(probs, &Error{File: name, Line: t.Line, Err: err})
		}
	}
	probs = append(probs, l.addWords(name, f)...)
	for _, n := range f.Nicknames {
		short, full, ok := strings.Cut(n, ":")
		if !ok {
			probs = append(probs, &Error{File: name, Err: fmt.Errorf("%w: nickname %q is not \"Short: Full, Full\"", ErrInvalid, n)})
			continue
		}
		for _, f := range strings.Split(full, ",") {
			if f = strings.TrimSpace(f); f != "" {
				k := foldKey(short)
				l.Nicknames[k] = append(l.Nicknames[k], foldKey(f))
			}
		}
	}
	return probs
}

// decodeFile parses one lexicon file strictly. YAML anchors and aliases
// are resolved first (see plainTree); a file holds one YAML document.
func decodeFile(src []byte) (*file, error) {
	f := &file{}
	if len(bytes.TrimSpace(src)) == 0 {
		return f, nil
	}
	tree, err := parser.ParseBytes(src, 0)
	if err != nil {
		return nil, err
	}
	var body ast.Node
	for _, doc := range tree.Docs {
		if doc == nil || doc.Body == nil {
			continue
		}
		if body != nil {
			return nil, &Error{Line: line(doc.Body), Err: fmt.Errorf("%w: a lexicon file holds one YAML document", ErrInvalid)}
		}
		body = doc.Body
	}
	if body == nil {
		return f, nil
	}
	if body, err = plainTree(body); err != nil {
		return nil, err
	}
	if err := yaml.NodeToValue(body, f, yaml.Strict()); err != nil {
		return nil, err
	}
	return f, nil
}

// merge merges an entry into the lexicon's entries, or a place into the
// gazetteer; an id is unique across both.
func (l *Lexicon) merge(e *Entry) error {
	into, other := l, l.places
	if e.Type == Place {
		into, other = l.places, l
	}
	if old := other.byID[e.ID]; old != nil {
		return fmt.Errorf("%w: %q is a %s in %s, not a %s", ErrDuplicate, e.ID, old.Type, old.File, e.Type)
	}
	return into.mergeEntry(e)
}

func setFile(name string, lists ...[]Phrase) {
	for _, ps := range lists {
		for i := range ps {
			ps[i].File = name
		}
	}
}

// yamlError turns a go-yaml error into an *Error with the line its token
// carries.
func yamlError(name string, err error) *Error {
	var ye yaml.Error
	if errors.As(err, &ye) {
		line := 0
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			line = tk.Position.Line
		}
		return &Error{File: name, Line: line, Err: fmt.Errorf("%w: %s", ErrInvalid, ye.GetMessage())}
	}
	var le *Error
	if errors.As(err, &le) {
		le.File = name
		return le
	}
	return &Error{File: name, Err: fmt.Errorf("%w: %v", ErrInvalid, err)}
}

// LoadDefault returns a fresh, uncompiled copy of the embedded default
// lexicon, for merging user files into. It decodes the snapshot that go
// generate ./lexicon makes of data/*.yaml, more than ten times faster than
// parsing the YAML, and holds what LoadDefaultYAML gives, file names and
// lines included: a test fails when the two differ.
func LoadDefault() (*Lexicon, error) {
	l, err := decodeDefault()
	if err != nil {
		return nil, err
	}
	l.compilePlaces() // as the loader leaves it
	return l, nil
}

// decodeDefault decodes the embedded snapshot, all but the gazetteer's
// matcher (see decodeSnapshot).
func decodeDefault() (*Lexicon, error) {
	data, err := fs.ReadFile(defaultData, snapshotFile)
	if err != nil {
		return nil, fmt.Errorf("%w: %v (run go generate ./lexicon)", ErrSnapshot, err)
	}
	return decodeSnapshot(data)
}

// LoadDefaultYAML parses a fresh, uncompiled copy of the embedded default
// lexicon from its YAML files, data/*.yaml, as LoadFS does. lexicon check
// reads the default this way, so that it checks the files as they are, and
// go generate ./lexicon makes LoadDefault's snapshot from it.
func LoadDefaultYAML() (*Lexicon, error) { return LoadFS(defaultData, "data") }
