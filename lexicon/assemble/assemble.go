// Package assemble builds the lexicon a run asks for from its parts: the
// embedded default (or none), user lexicon files, dictionaries and a
// taxonomy selection. It is the one way the command line and the Beam job
// make their lexicon, so that the same flags tag the same topics in both.
package assemble

import (
	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/lexicon/dictionary"
)

// MaxFile bounds a lexicon or dictionary file: 8 MiB, some 13 times the
// embedded default.
const MaxFile = 8 << 20

// File is a lexicon or dictionary file already read: its name as given
// (for file:line errors) and its bytes.
type File struct {
	Name string
	Data []byte
}

// Spec says which lexicon to build.
type Spec struct {
	NoDefault    bool   // start from an empty lexicon instead of the embedded default
	Lexicons     []File // user lexicon files, merged in order (lexicon.AddBytes)
	Dictionaries []File // dictionaries whose categories become topics, after the lexicons
	Taxonomy     string // the taxonomies to tag, as --taxonomy writes them; "" is the default
}

// TaxonomyError is the error of a Spec whose Taxonomy the lexicon does not
// have; Err says which taxonomies it has.
type TaxonomyError struct{ Err error }

// Error returns Err's message.
func (e *TaxonomyError) Error() string { return e.Err.Error() }

// Unwrap returns Err.
func (e *TaxonomyError) Unwrap() error { return e.Err }

// Default reports whether the Spec asks for the embedded default as it is,
// which lexicon.Default shares, compiled once, instead of a fresh copy.
func (s Spec) Default() bool {
	return !s.NoDefault && len(s.Lexicons) == 0 && len(s.Dictionaries) == 0 &&
		(s.Taxonomy == "" || s.Taxonomy == lexicon.DefaultTaxonomy)
}

// Lexicon builds the lexicon, compiled, with the Spec's taxonomies
// selected. A problem in a file is returned as lexicon.Error or
// lexicon.Problems (file:line); an unknown taxonomy as *TaxonomyError. The
// default lexicon is returned shared (see lexicon.Default) when the Spec
// asks for nothing else.
func (s Spec) Lexicon() (*lexicon.Lexicon, error) {
	if s.Default() {
		return lexicon.Default()
	}
	lex := lexicon.New()
	if !s.NoDefault {
		var err error
		if lex, err = lexicon.LoadDefault(); err != nil { // a fresh copy: the default is shared
			return nil, err
		}
	}
	for _, f := range s.Lexicons {
		if err := lex.AddBytes(f.Name, f.Data); err != nil {
			return nil, err
		}
	}
	for _, f := range s.Dictionaries {
		if err := dictionary.Add(lex, f.Name, f.Data); err != nil {
			return nil, err
		}
	}
	names, err := lex.ParseTaxonomies(s.Taxonomy)
	if err == nil {
		err = lex.SelectTaxonomies(names)
	}
	if err != nil {
		return nil, &TaxonomyError{Err: err}
	}
	if err := lex.Compile(); err != nil {
		return nil, err
	}
	return lex, nil
}
