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

// ParseFormat is Parse in a format given.
func (r *Reader) ParseFormat(source string, f Format, src []byte) (*transcript.Document, error) {
	lex := r.lex
	if f == FormatDOCX {
		if !bytes.HasPrefix(src, []byte("PK")) {
			return nil, &transcript.Error{File: source, Err: fmt.Errorf("%w: not a .docx (zip) file", ErrNotText)}
		}
		title, text, err := readDocx(src)
		if err != nil {
			return nil, &transcript.Error{File: source, Err: err}
		}
		doc, err := parseText(source, text, lex, false)
		if err == nil && title != "" {
			doc.Title = title
		}
		return finish(doc, err, lex)
	}
	// Text, markdown and HTML are read from src itself: parseText keeps
	// nothing of the text it is given, and of a page's, the document keeps
	// its text, made anew, and its title and date, copied below.
	// Subtitles get a copy.
	plain := f != FormatHTML && f != FormatVTT && f != FormatSRT
	text, warnings, err := decode(src, plain || f == FormatHTML, plain)
	if err != nil {
		return nil, &transcript.Error{File: source, Err: err}
	}
	var doc *transcript.Document
	switch f {
	case FormatHTML:
		if !strings.Contains(text, "<") {
			return nil, &transcript.Error{File: source, Err: fmt.Errorf("not an HTML file: no tags")}
		}
		h, herr := lex.html.readHTML(text)
		if herr != nil {
			return nil, &transcript.Error{File: source, Err: herr}
		}
		doc, err = parseText(source, h.text, lex, false)
		if err == nil {
			if h.title != "" {
				doc.Title = strings.Clone(h.title)
			}
			if h.date != "" {
				doc.Date = strings.Clone(h.date)
			}
		}
	case FormatVTT, FormatSRT:
		doc, err = parseSubtitles(source, text, f == FormatVTT, lex)
	default:
		doc, err = parseText(source, text, lex, plain)
		if err == errNotClean {
			// decode took the text for clean UTF-8, and it is not:
			// decode it again, repairing it, and read that
			text, warnings, err = decode(src, plain, false)
			if err != nil {
				return nil, &transcript.Error{File: source, Err: err}
			}
			doc, err = parseText(source, text, lex, plain)
		}
	}
	if doc != nil {
		doc.Warnings = append(warnings, doc.Warnings...)
	}
	return finish(doc, err, lex)
}

// finish completes a parsed document: the date falls back to an ISO date
// in the file name when the content has none ("briefing-2024-03-21.srt"),
// the byline's people are read from the title and the header, and each
// person label is split into its title and name.
func finish(doc *transcript.Document, err error, lex *vocab) (*transcript.Document, error) {
	if err != nil {
		return doc, err
	}
	if doc.Date == "" {
		if m := dateISO.FindString(filepath.Base(doc.Source)); m != "" {
			doc.Date = lex.months.normalize(m)
		}
	}
	doc.Warnings = append(doc.Warnings, clampMetadata(doc)...)
	readByline(doc, lex)
	split := map[string][2]string{} // a label's title and name, split once per document
	for i := range doc.Turns {
		if l := &doc.Turns[i].Label; l.Words != "" && l.Role == "" {
			tn, ok := split[l.Words]
			if !ok {
				tn[0], tn[1] = labelRoleName(l.Words, lex)
				split[l.Words] = tn
			}
			l.Title, l.Name = tn[0], tn[1]
		}
	}
	return doc, nil
}
