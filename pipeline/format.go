package pipeline

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
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
		return "", fmt.Errorf("%w: PDF is not read; convert it to text first", ErrUnsupported)
	case "":
		return "", fmt.Errorf("%w: no file extension (turntag reads .txt, .md, .html, .vtt, .srt and .docx)", ErrUnsupported)
	}
	return "", fmt.Errorf("%w: %q files are not read (turntag reads .txt, .md, .html, .vtt, .srt and .docx)", ErrUnsupported, ext)
}

// ParseFormat parses src in the given format with the pipeline's title
// words.
func (p *Pipeline) ParseFormat(source string, f Format, src []byte) (*Document, error) {
	return parseFormat(source, f, src, p.Tagger.Lexicon())
}

func parseFormat(source string, f Format, src []byte, vocab Vocabulary) (*Document, error) {
	if f == FormatDOCX {
		if !bytes.HasPrefix(src, []byte("PK")) {
			return nil, &ParseError{File: source, Err: fmt.Errorf("%w: not a .docx (zip) file", ErrNotText)}
		}
		title, text, err := readDocx(src)
		if err != nil {
			return nil, &ParseError{File: source, Err: err}
		}
		doc, err := parseText(source, text, vocab)
		if err == nil && title != "" {
			doc.Title = title
		}
		return dated(doc, err)
	}
	text, warnings, err := Decode(src)
	if err != nil {
		return nil, &ParseError{File: source, Err: err}
	}
	var doc *Document
	switch f {
	case FormatHTML:
		if !strings.Contains(text, "<") {
			return nil, &ParseError{File: source, Err: fmt.Errorf("not an HTML file: no tags")}
		}
		h, herr := readHTML(text)
		if herr != nil {
			return nil, &ParseError{File: source, Err: herr}
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
func dated(doc *Document, err error) (*Document, error) {
	if err == nil && doc.Date == "" {
		if m := dateISO.FindString(filepath.Base(doc.Source)); m != "" {
			doc.Date = normalizeDate(m)
		}
	}
	return doc, err
}
