package read

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxDocxPart bounds the uncompressed size of the document part read from
// a .docx, against zip bombs.
const maxDocxPart = 256 << 20

// readDocx extracts the paragraph text of a .docx file's main document part
// (word/document.xml): one line per paragraph, a blank line between them,
// tabs and breaks kept. The title comes from docProps/core.xml.
func readDocx(src []byte) (title, text string, err error) {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return "", "", fmt.Errorf("not a .docx file: %w", err)
	}
	var docPart, core *zip.File
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			docPart = f
		case "docProps/core.xml":
			core = f
		}
	}
	if docPart == nil {
		return "", "", errors.New("not a .docx file: no word/document.xml")
	}
	body, err := readZipPart(docPart)
	if err != nil {
		return "", "", err
	}
	if core != nil {
		if c, err := readZipPart(core); err == nil {
			title = coreTitle(c)
		}
	}
	text, err = docxText(body)
	return title, text, err
}

func readZipPart(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxDocxPart+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	if len(b) > maxDocxPart {
		return nil, fmt.Errorf("%s: larger than %d bytes uncompressed", f.Name, maxDocxPart)
	}
	return b, nil
}

// docxText walks WordprocessingML: w:t text, w:tab, w:br and w:p ends.
func docxText(body []byte) (string, error) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	var b strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", fmt.Errorf("word/document.xml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab":
				b.WriteString("\t")
			case "br", "cr":
				b.WriteString("\n")
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				b.WriteString("\n\n")
			}
		case xml.CharData:
			if inText {
				b.Write(t)
			}
		}
	}
	return collapseBlankLines(b.String()), nil
}

// coreTitle reads dc:title from docProps/core.xml.
func coreTitle(core []byte) string {
	var c struct {
		Title string `xml:"title"`
	}
	if xml.Unmarshal(core, &c) != nil {
		return ""
	}
	return strings.TrimSpace(c.Title)
}
