package read

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/turntag/turntag/pipeline/transcript"
)

// Format is a transcript file format.
type Format string

// The formats turntag reads.
const (
	FormatText     Format = "txt"
	FormatMarkdown Format = "md"
	FormatHTML     Format = "html"
	FormatVTT      Format = "vtt"
	FormatSRT      Format = "srt"
	FormatDOCX     Format = "docx"
)

// DetectFormat returns the format of a file by its extension, or an
// ErrUnsupported error that names the extension. The content is checked
// when the file is parsed.
func DetectFormat(path string) (Format, error) {
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".txt", ".text":
		return FormatText, nil
	case ".md", ".markdown":
		return FormatMarkdown, nil
	case ".html", ".htm", ".xhtml":
		return FormatHTML, nil
	case ".vtt":
		return FormatVTT, nil
	case ".srt":
		return FormatSRT, nil
	case ".docx":
		return FormatDOCX, nil
	case ".pdf":
		return "", fmt.Errorf("%w: PDF is not read; convert it to text first", transcript.ErrUnsupported)
	case "":
		return "", fmt.Errorf("%w: no file extension (turntag reads .txt, .md, .html, .vtt, .srt and .docx)", transcript.ErrUnsupported)
	}
	return "", fmt.Errorf("%w: %q files are not read (turntag reads .txt, .md, .html, .vtt, .srt and .docx)", transcript.ErrUnsupported, ext)
}

// ParseFormat parses src in the given format with vocab's title and
// common words.
func ParseFormat(source string, f Format, src []byte, vocab Vocabulary) (*transcript.Document, error) {
	if f == FormatDOCX {
		if !bytes.HasPrefix(src, []byte("PK")) {
			return nil, &transcript.Error{File: source, Err: fmt.Errorf("%w: not a .docx (zip) file", ErrNotText)}
		}
		title, text, err := readDocx(src)
		if err != nil {
			return nil, &transcript.Error{File: source, Err: err}
		}
		doc, err := parseText(source, text, vocab)
		if err == nil && title != "" {
			doc.Title = title
		}
		return dated(doc, err)
	}
	text, warnings, err := Decode(src)
	if err != nil {
		return nil, &transcript.Error{File: source, Err: err}
	}
	var doc *transcript.Document
	switch f {
	case FormatHTML:
		if !strings.Contains(text, "<") {
			return nil, &transcript.Error{File: source, Err: fmt.Errorf("not an HTML file: no tags")}
		}
		h, herr := readHTML(text)
		if herr != nil {
			return nil, &transcript.Error{File: source, Err: herr}
		}
		doc, err = parseText(source, h.text, vocab)
		if err == nil {
			if h.title != "" {
				doc.Title = h.title
			}
			if h.date != "" {
				doc.Date = h.date
			}
		}
	case FormatVTT, FormatSRT:
		doc, err = parseSubtitles(source, text, f == FormatVTT, vocab)
	default:
		doc, err = parseText(source, text, vocab)
	}
	if doc != nil {
		doc.Warnings = append(warnings, doc.Warnings...)
	}
	return dated(doc, err)
}

// dated falls back to an ISO date in the file name when the content has
// none ("briefing-2024-03-21.srt").
func dated(doc *transcript.Document, err error) (*transcript.Document, error) {
	if err == nil && doc.Date == "" {
		if m := dateISO.FindString(filepath.Base(doc.Source)); m != "" {
			doc.Date = normalizeDate(m)
		}
	}
	return doc, err
}
