package pipeline

import (
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
)

// DetectFormat returns the format of a file by its extension, or an
// ErrUnsupported error that names the extension.
func DetectFormat(path string) (Format, error) {
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".txt", ".text", "":
		return FormatText, nil
	case ".md", ".markdown":
		return FormatMarkdown, nil
	case ".pdf":
		return "", fmt.Errorf("%w: PDF is not read; convert it to text first", ErrUnsupported)
	}
	return "", fmt.Errorf("%w: %q files are not read", ErrUnsupported, ext)
}

// ParseFormat parses src in the given format with the pipeline's title
// words.
func (p *Pipeline) ParseFormat(source string, f Format, src []byte) (*Document, error) {
	return p.Parse(source, src)
}
