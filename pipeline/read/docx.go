package read

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Bounds on what a .docx may unpack to, against zip bombs.
const (
	// maxDocxPart bounds the uncompressed size of the document part
	// (word/document.xml): 64 MiB.
	maxDocxPart = 64 << 20
	// MaxDocxExpansion bounds the uncompressed document part to this many
	// times the size of the whole .docx file: documents compress 5 to 20
	// times, zip bombs thousands of times. The batch runner weighs a .docx
	// by it when it budgets memory.
	MaxDocxExpansion = 100
	// maxCorePart bounds docProps/core.xml, which holds only metadata.
	maxCorePart = 1 << 20
	// docxCheckEvery is how many XML tokens are read between two looks at
	// the context.
	docxCheckEvery = 4096
)

// errPartTooLarge marks a zip part over its bound.
var errPartTooLarge = errors.New("larger than allowed uncompressed")

// readDocx extracts the paragraph text of a .docx file's main document part
// (word/document.xml): one line per paragraph, a blank line between them,
// tabs and breaks kept. The title comes from docProps/core.xml.
func readDocx(src []byte) (title, text string, err error) {
	return readDocxContext(context.Background(), src)
}

// readDocxContext is readDocx that stops with ctx's error when ctx is
// cancelled. The document part is decompressed and decoded as a stream,
// never more than min(64 MiB, MaxDocxExpansion times the file) of it.
func readDocxContext(ctx context.Context, src []byte) (title, text string, err error) {
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
	limit := min(int64(maxDocxPart), MaxDocxExpansion*int64(len(src)))
	body, err := openZipPart(docPart, limit)
	if err != nil {
		return "", "", err
	}
	defer body.Close()
	text, err = docxText(ctx, body)
	if err != nil {
		return "", "", err
	}
	if core != nil {
		if c, err := readZipPart(core, maxCorePart); err == nil {
			title = coreTitle(c)
		}
	}
	return title, text, nil
}

// zipPart reads one zip part and fails with errPartTooLarge past limit
// bytes, whatever the part's header claims.
type zipPart struct {
	io.ReadCloser
	name  string
	left  int64 // bytes still allowed
	limit int64
}

func (p *zipPart) Read(b []byte) (int, error) {
	if int64(len(b)) > p.left+1 {
		b = b[:p.left+1] // one byte past the limit tells a part that is too large
	}
	n, err := p.ReadCloser.Read(b)
	if int64(n) > p.left {
		return 0, fmt.Errorf("%s: %w: over %d bytes", p.name, errPartTooLarge, p.limit)
	}
	p.left -= int64(n)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("%s: %w", p.name, err)
	}
	return n, err
}

// openZipPart opens a zip part for reading at most limit bytes; a part
// whose header already says it is larger is refused before it is read.
func openZipPart(f *zip.File, limit int64) (io.ReadCloser, error) {
	if f.UncompressedSize64 > uint64(limit) {
		return nil, fmt.Errorf("%s: %w: %d bytes, over the limit of %d bytes (a .docx unpacks to at most 64 MiB, and at most %d times its size)",
			f.Name, errPartTooLarge, f.UncompressedSize64, limit, MaxDocxExpansion)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	return &zipPart{ReadCloser: rc, name: f.Name, left: limit, limit: limit}, nil
}

func readZipPart(f *zip.File, limit int64) ([]byte, error) {
	rc, err := openZipPart(f, limit)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// docxText walks WordprocessingML: w:t text, w:tab, w:br and w:p ends. It
// looks at ctx every docxCheckEvery tokens.
func docxText(ctx context.Context, body io.Reader) (string, error) {
	dec := xml.NewDecoder(body)
	var b strings.Builder
	inText := false
	for n := 0; ; n++ {
		if n%docxCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return "", err
			}
		}
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if errors.Is(err, errPartTooLarge) {
				return "", err
			}
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
