package transcript

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/turntag/turntag/lexicon"
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

// Error is a problem at a place in an input file: "file:line: msg", or
// "file: msg" when Line is 0; Unwrap returns Err. It is the lexicon's
// error type, so that a transcript and a lexicon file report alike.
type Error = lexicon.Error

// FileError is an Error for a file that could not be opened or read;
// the path, already in File, is dropped from a *fs.PathError's message.
func FileError(file string, err error) *Error {
	if pe, ok := err.(*fs.PathError); ok {
		err = fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return &Error{File: file, Err: err}
}
