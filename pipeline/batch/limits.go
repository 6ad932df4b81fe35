package batch

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/turntag/turntag/pipeline/limited"
	"github.com/turntag/turntag/pipeline/read"
	"github.com/turntag/turntag/pipeline/transcript"
)

// Limits on what one input may hold. Memory and time grow with the longest
// line and turn, and metadata is repeated on every row of a document, so
// each has a bound of its own besides the file size.
const (
	// DefaultMaxFileSize is the largest file a Runner reads by default: 64 MiB.
	DefaultMaxFileSize = 64 << 20
	// MaxJobs caps a Runner's workers: more buy no speed and could run
	// out of file descriptors.
	MaxJobs = 128
	// MaxLineBytes is the longest line of a text, Markdown or subtitle
	// file: 4 MiB. HTML and .docx, whose lines are markup, are bounded by
	// MaxTurnBytes instead.
	MaxLineBytes = 4 << 20
	// MaxTurnBytes is the longest turn, in bytes of its text: 4 MiB, some
	// 600,000 words.
	MaxTurnBytes = 4 << 20
	// memoryBudget is the bytes of input a Runner has in flight at once.
	memoryBudget = DefaultMaxFileSize
)

// ErrLineTooLong marks an input with a line over MaxLineBytes, and
// ErrTurnTooLong one with a turn over MaxTurnBytes.
var (
	ErrLineTooLong = errors.New("line too long")
	ErrTurnTooLong = errors.New("turn too long")
)

// checkLines refuses a line-based file (text, Markdown, subtitles) with a
// line over MaxLineBytes, before it is parsed.
func checkLines(source string, f read.Format, src []byte) error {
	switch f {
	case read.FormatHTML, read.FormatDOCX:
		return nil
	}
	if len(src) <= MaxLineBytes {
		return nil
	}
	for line, start := 1, 0; start < len(src); line++ {
		end := bytes.IndexAny(src[start:], "\r\n")
		if end < 0 {
			end = len(src) - start
		}
		if end > MaxLineBytes {
			return &transcript.Error{File: source, Line: line, Err: fmt.Errorf("%w: %d bytes, over the limit of %d bytes for one line (is this a transcript?)", ErrLineTooLong, end, MaxLineBytes)}
		}
		start += end + 1
		if start < len(src) && src[start-1] == '\r' && src[start] == '\n' {
			start++
		}
	}
	return nil
}

// checkDocument refuses a parsed document whose text is over the file
// limit (a .docx unpacks to more than it holds) or that has no turn, or a
// turn over MaxTurnBytes.
func checkDocument(doc *transcript.Document, limit int64) error {
	if int64(len(doc.Body)) > limit {
		return &transcript.Error{File: doc.Source, Err: fmt.Errorf("its text: %w (--max-file-size)", limited.TooLarge(int64(len(doc.Body)), limit))}
	}
	if len(doc.Turns) == 0 {
		return &transcript.Error{File: doc.Source, Err: transcript.ErrNoText}
	}
	for i, t := range doc.Turns {
		if n := t.Text.Len(); n > MaxTurnBytes {
			return &transcript.Error{File: doc.Source, Line: t.Line, Err: fmt.Errorf("%w: turn %d is %d bytes, over the limit of %d bytes for one turn", ErrTurnTooLong, i+1, n, MaxTurnBytes)}
		}
	}
	return nil
}
