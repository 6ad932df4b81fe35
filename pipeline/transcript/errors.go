package transcript

import (
	"errors"
	"fmt"
	"io/fs"
)

// Sentinel errors, for errors.Is.
var (
	// ErrUnsupported marks a file whose format turntag does not read.
	ErrUnsupported = errors.New("unsupported format")
	// ErrNoText marks a file with no speech in it (empty, or only a header).
	ErrNoText = errors.New("no text to tag (the file is empty or holds only a header)")
	// ErrTooLarge marks a file over the size limit.
	ErrTooLarge = errors.New("file too large")
)

// Error is a problem at a place in an input file. Its message reads
// "file:line: msg", or "file: msg" when Line is 0; Unwrap returns Err.
type Error struct {
	File string
	Line int
	Err  error
}

// Error implements error.
func (e *Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %v", e.File, e.Err)
	}
	return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// FileError is a Error for a file that could not be opened or read;
// the path, already in File, is dropped from a *fs.PathError's message.
func FileError(file string, err error) *Error {
	if pe, ok := err.(*fs.PathError); ok {
		err = fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return &Error{File: file, Err: err}
}
