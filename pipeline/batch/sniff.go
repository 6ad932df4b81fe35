package batch

import (
	"bytes"
	"regexp"

	"github.com/turntag/turntag/pipeline/read"
)

// srtStart is the start of a SubRip file: a cue number, then a timing line.
var srtStart = regexp.MustCompile(`^\d+\r?\n\d\d:\d\d:\d\d[,.]\d+ +-->`)

// sniffFormat tells the format of standard input, which has no file name,
// from its first bytes: a zip is .docx, "WEBVTT" WebVTT, a cue number and
// a timing line SubRip, an HTML tag HTML, front matter Markdown, and
// anything else plain text.
func sniffFormat(src []byte) read.Format {
	if bytes.HasPrefix(src, []byte("PK\x03\x04")) {
		return read.FormatDOCX
	}
	head := src[:min(len(src), 1024)]
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	head = bytes.TrimLeft(head, " \t\r\n")
	lower := bytes.ToLower(head)
	switch {
	case bytes.HasPrefix(head, []byte("WEBVTT")):
		return read.FormatVTT
	case srtStart.Match(head):
		return read.FormatSRT
	case bytes.HasPrefix(lower, []byte("<!doctype html")), bytes.HasPrefix(lower, []byte("<html")):
		return read.FormatHTML
	case bytes.HasPrefix(head, []byte("---\n")), bytes.HasPrefix(head, []byte("---\r\n")):
		return read.FormatMarkdown
	}
	return read.FormatText
}
