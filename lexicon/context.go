package lexicon

import (
	"fmt"
	"slices"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
)

// ContextRef is the mark that makes an item of a near, not_near,
// not_before or not_after list (or of a context's phrases) a reference to
// a named context: "@georgia-signs" stands for that context's phrases.
const ContextRef = "@"

// Context is a named set of context phrases, defined once in a file's
// contexts section and used by any number of phrases as "@id" in their
// near, not_near, not_before and not_after lists (a context's phrases may
// refer to other contexts too). References are expanded when the lexicon
// is compiled, so a user file that extends or replaces a context changes
// every phrase that uses it, default ones included.
//
//	contexts:
//	  - id: georgia-signs
//	    phrases: [Tbilisi, Caucasus, Abkhazia]
//	countries:
//	  - id: geo
//	    aliases:
//	      - text: Georgia
//	        near: ["@georgia-signs", Georgian]
type Context struct {
	ID      string   `yaml:"id"`      // the name used after "@"; lowercase words joined by hyphens by convention
	Phrases []string `yaml:"phrases"` // context phrases, or "@id" references to other contexts
	Replace bool     `yaml:"replace"` // in a user file: replace the context with this id instead of extending it
	Remove  bool     `yaml:"remove"`  // in a user file: remove the context with this id
	File    string   `yaml:"-"`       // file the context was read from
	Line    int      `yaml:"-"`       // 1-based line of the context in File
}

// UnmarshalYAML decodes a context strictly and remembers its line.
func (c *Context) UnmarshalYAML(n ast.Node) error {
	type plain Context
	if err := yaml.NodeToValue(n, (*plain)(c), yaml.Strict()); err != nil {
		return err
	}
	c.Line = n.GetToken().Position.Line
	return nil
}

// Context returns the context with the id (without the "@"), or nil.
func (l *Lexicon) Context(id string) *Context { return l.contextByID[id] }

// mergeContext adds, extends, replaces or removes a context, as mergeEntry
// does for entries: a context with a known id from a later file adds its
// phrases, or replaces or removes the context when it says so.
func (l *Lexicon) mergeContext(c *Context) error {
	if c.ID == "" {
		return fmt.Errorf("%w: context without id", ErrInvalid)
	}
	if strings.HasPrefix(c.ID, ContextRef) {
		return fmt.Errorf("%w: context id %q: write it without %q", ErrInvalid, c.ID, ContextRef)
	}
	old, ok := l.contextByID[c.ID]
	if !ok {
		if c.Remove {
			return fmt.Errorf("%w: cannot remove context %q", ErrUnknownID, c.ID)
		}
		l.contextByID[c.ID] = c
		l.Contexts = append(l.Contexts, c)
		return nil
	}
	if old.File == c.File {
		return fmt.Errorf("%w: context %q is already defined at line %d", ErrDuplicate, c.ID, old.Line)
	}
	if strings.HasPrefix(old.File, DefaultFile) && strings.HasPrefix(c.File, DefaultFile) {
		l.dupes = append(l.dupes, &Error{File: c.File, Line: c.Line,
			Err: fmt.Errorf("%w: context %q is also defined at %s:%d (default files must not overlap)", ErrDuplicate, c.ID, old.File, old.Line)})
	}
	switch {
	case c.Remove:
		delete(l.contextByID, c.ID)
		l.Contexts = slices.DeleteFunc(l.Contexts, func(x *Context) bool { return x == old })
	case c.Replace:
		l.contextByID[c.ID] = c
		l.Contexts[slices.Index(l.Contexts, old)] = c
	default:
		merged := *old
		merged.Phrases = appendNew(slices.Clip(old.Phrases), c.Phrases...)
		l.contextByID[c.ID] = &merged
		l.Contexts[slices.Index(l.Contexts, old)] = &merged
	}
	return nil
}

// contextExpander expands "@id" references, each context once.
type contextExpander struct {
	l    *Lexicon
	done map[string][]string // context id -> its phrases, references expanded
	busy map[string]bool     // contexts being expanded, to find cycles
	bad  map[string]bool     // contexts already reported
}

func newContextExpander(l *Lexicon) *contextExpander {
	return &contextExpander{l: l, done: map[string][]string{}, busy: map[string]bool{}, bad: map[string]bool{}}
}

// expand returns list with every "@id" item replaced by the phrases of
// context id, without repeats. An unknown id is an *Error at line(ref) of
// file; a problem inside a context is an *Error at the context's line,
// reported once.
func (x *contextExpander) expand(list []string, file string, line func(ref string) int) ([]string, []error) {
	if !hasRef(list) {
		return list, nil
	}
	var out []string
	var errs []error
	for _, s := range list {
		id, ok := strings.CutPrefix(s, ContextRef)
		if !ok {
			out = appendNew(out, s)
			continue
		}
		if x.l.contextByID[id] == nil {
			errs = append(errs, &Error{File: file, Line: line(s), Err: fmt.Errorf("%w: no context %q", ErrUnknownID, id)})
			continue
		}
		phrases, err := x.context(id)
		if err != nil {
			errs = append(errs, err...)
		}
		out = appendNew(out, phrases...)
	}
	return out, errs
}

// context returns a context's phrases with references expanded.
func (x *contextExpander) context(id string) ([]string, []error) {
	if p, ok := x.done[id]; ok {
		return p, nil
	}
	c := x.l.contextByID[id]
	if x.busy[id] {
		if x.bad[id] {
			return nil, nil
		}
		x.bad[id] = true
		return nil, []error{&Error{File: c.File, Line: c.Line, Err: fmt.Errorf("%w: context %q refers to itself", ErrInvalid, id)}}
	}
	x.busy[id] = true
	out, errs := x.expand(c.Phrases, c.File, func(string) int { return c.Line })
	x.busy[id] = false
	x.done[id] = out
	return out, errs
}

func hasRef(list []string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, ContextRef) {
			return true
		}
	}
	return false
}
