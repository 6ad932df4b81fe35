package lexicon

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Sentinel errors, for errors.Is.
var (
	// ErrInvalid marks a value that breaks the lexicon format.
	ErrInvalid = errors.New("invalid lexicon")
	// ErrDuplicate marks an id defined twice.
	ErrDuplicate = errors.New("duplicate id")
	// ErrUnknownID marks a reference to an id that does not exist.
	ErrUnknownID = errors.New("unknown id")
)

// Error is a problem at a place in an input file (a lexicon file; the
// pipeline reports transcripts with it too). Its message reads
// "file:line: msg", or "file: msg" when Line is 0 (just "msg" when File is
// empty too); Unwrap returns Err.
type Error struct {
	File string
	Line int
	Err  error
}

// Error implements error.
func (e *Error) Error() string {
	switch {
	case e.File == "" && e.Line == 0:
		return e.Err.Error()
	case e.File == "":
		return fmt.Sprintf("line %d: %v", e.Line, e.Err)
	case e.Line == 0:
		return fmt.Sprintf("%s: %v", e.File, e.Err)
	}
	return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Problems is a list of lexicon problems, sorted by file and line, returned
// as one error.
type Problems []*Error

// Error joins the problems one per line.
func (p Problems) Error() string {
	lines := make([]string, len(p))
	for i, e := range p {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the problems as errors, for errors.Is and errors.As.
func (p Problems) Unwrap() []error {
	out := make([]error, len(p))
	for i, e := range p {
		out[i] = e
	}
	return out
}

// AsProblems returns the problems an error from LoadFS, AddFile, AddBytes,
// Compile or Check carries: a Problems as it is, an *Error as one problem,
// any other error as one problem without a file, and nil as nil. A caller
// that collects problems from several calls appends them and counts them
// with len.
func AsProblems(err error) Problems {
	if err == nil {
		return nil
	}
	var probs Problems
	if errors.As(err, &probs) {
		return probs
	}
	var e *Error
	if errors.As(err, &e) {
		return Problems{e}
	}
	return Problems{{Err: err}}
}

func (p Problems) sort() {
	sort.SliceStable(p, func(i, j int) bool {
		if p[i].File != p[j].File {
			return p[i].File < p[j].File
		}
		return p[i].Line < p[j].Line
	})
}
