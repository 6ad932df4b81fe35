package batch

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

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
	// MaxFieldBytes is the longest title, date, URL, speaker name, role or
	// affiliation; a longer one is cut, with a warning.
	MaxFieldBytes = 1000
	// MaxFrontMatterNodes bounds the YAML front matter of a transcript once
	// its aliases are expanded.
	MaxFrontMatterNodes = 100_000
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

// checkFrontMatter refuses YAML front matter (text or Markdown opening
// with a "---" line) whose aliases expand past MaxFrontMatterNodes, before
// it is decoded: a few hundred bytes of nested aliases would decode to
// gigabytes.
func checkFrontMatter(source string, f read.Format, src []byte) error {
	if f != read.FormatText && f != read.FormatMarkdown {
		return nil
	}
	src = bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
	rest, ok := bytes.CutPrefix(src, []byte("---\n"))
	if !ok {
		if rest, ok = bytes.CutPrefix(src, []byte("---\r\n")); !ok {
			return nil
		}
	}
	if end := bytes.Index(rest, []byte("\n---")); end >= 0 {
		rest = rest[:end]
	}
	if err := limited.YAMLExpansion(rest, MaxFrontMatterNodes); err != nil {
		return &transcript.Error{File: source, Line: 1, Err: fmt.Errorf("front matter: %w", err)}
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

// clampMetadata cuts a title, date or URL over MaxFieldBytes and returns a
// warning for each.
func clampMetadata(doc *transcript.Document) []string {
	var warnings []string
	for _, f := range []struct {
		name string
		s    *string
	}{{"title", &doc.Title}, {"date", &doc.Date}, {"URL", &doc.URL}} {
		if n := len(*f.s); n > MaxFieldBytes {
			*f.s = clamp(*f.s)
			warnings = append(warnings, fmt.Sprintf("the %s is %d bytes long; only its first %d bytes are kept", f.name, n, MaxFieldBytes))
		}
	}
	return warnings
}

// clampSpeakers cuts speaker names, roles and affiliations over
// MaxFieldBytes and returns one warning if it cut any.
func clampSpeakers(doc *transcript.Document) []string {
	cut := 0
	first := 0
	for i := range doc.Turns {
		sp := &doc.Turns[i].Speaker
		for _, s := range []*string{&sp.Name, &sp.Role, &sp.Affiliation} {
			if len(*s) > MaxFieldBytes {
				if cut == 0 {
					first = doc.Turns[i].Line
				}
				*s = clamp(*s)
				cut++
			}
		}
	}
	if cut == 0 {
		return nil
	}
	return []string{fmt.Sprintf("%d speaker names, roles or affiliations are over %d bytes and were cut (the first at line %d)", cut, MaxFieldBytes, first)}
}

// clamp cuts s to at most MaxFieldBytes at a character boundary.
func clamp(s string) string {
	n := MaxFieldBytes
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return strings.TrimSpace(s[:n])
}
