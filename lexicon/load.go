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
)

//go:embed data/*.yaml
var defaultData embed.FS

// DefaultFile is the name prefix under which embedded default files are
// reported in errors and by check ("default:countries.yaml").
const DefaultFile = "default:"

// Default returns the embedded default lexicon, parsed and compiled on first
// use and then shared read-only.
var Default = sync.OnceValues(func() (*Lexicon, error) {
	l, err := LoadFS(defaultData, "data")
	if err != nil {
		return nil, err
	}
	return l, l.Compile()
})

// file is the top level of one lexicon YAML file.
type file struct {
	Countries     []*Entry `yaml:"countries"`
	Organisations []*Entry `yaml:"organisations"`
	People        []*Entry `yaml:"people"`
	Topics        []*Topic `yaml:"topics"`
	Titles        []string `yaml:"titles"`         // words that make up roles and titles (Secretary, Minister)
	CommonWords   []string `yaml:"common_words"`   // words that are never a name on their own
	OrgWords      []string `yaml:"org_words"`      // words that mark an organisation's name
	Nicknames     []string `yaml:"nicknames"`      // "Matt: Matthew, Mathew": short forms of first names
	ReplaceTopics bool     `yaml:"replace_topics"` // drop all topics loaded before this file
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
	var f file
	if len(bytes.TrimSpace(src)) > 0 {
		if err := yaml.UnmarshalWithOptions(src, &f, yaml.Strict()); err != nil {
			return Problems{yamlError(name, err)}
		}
	}
	var probs Problems
	if f.ReplaceTopics {
		l.Topics = nil
		l.topicByID = map[string]*Topic{}
	}
	for typ, list := range map[Type][]*Entry{Country: f.Countries, Organisation: f.Organisations, Person: f.People} {
		for _, e := range list {
			e.Type = typ
			e.File = name
			setFile(name, e.Aliases, e.Demonyms, e.Capitals)
			if err := l.mergeEntry(e); err != nil {
				probs = append(probs, &Error{File: name, Line: e.Line, Err: err})
			}
		}
	}
	for _, t := range f.Topics {
		t.File = name
		setFile(name, t.Cues)
		if err := l.mergeTopic(t); err != nil {
			probs = append(probs, &Error{File: name, Line: t.Line, Err: err})
		}
	}
	for _, w := range f.Titles {
		l.Titles[foldKey(w)] = true
	}
	for _, w := range f.CommonWords {
		l.CommonWords[foldKey(w)] = true
	}
	for _, w := range f.OrgWords {
		l.OrgWords[foldKey(w)] = true
	}
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

// LoadDefault parses a fresh, uncompiled copy of the embedded default
// lexicon, for merging user files into.
func LoadDefault() (*Lexicon, error) { return LoadFS(defaultData, "data") }
