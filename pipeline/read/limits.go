package read

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/turntag/turntag/pipeline/transcript"
)

// Limits on what the reader keeps of one document's metadata. Metadata is
// repeated on every row of a document, so a title of megabytes would
// multiply the output.
const (
	// MaxFieldBytes is the longest title, date, URL, speaker name, role or
	// affiliation; a longer one is cut, with a warning.
	MaxFieldBytes = 1000
	// MaxFrontMatterNodes bounds the YAML front matter of a transcript once
	// its aliases are expanded: a few hundred bytes of nested aliases would
	// decode to gigabytes.
	MaxFrontMatterNodes = 100_000
)

// clampMetadata cuts a title, date or URL over MaxFieldBytes and returns a
// warning for each.
func clampMetadata(doc *transcript.Document) []string {
	var warnings []string
	for _, f := range []struct {
		name string
		s    *string
	}{{"title", &doc.Title}, {"date", &doc.Date}, {"URL", &doc.URL}} {
		if n := len(*f.s); n > MaxFieldBytes {
			*f.s = Clamp(*f.s)
			warnings = append(warnings, fmt.Sprintf("the %s is %d bytes long; only its first %d bytes are kept", f.name, n, MaxFieldBytes))
		}
	}
	return warnings
}

// Clamp cuts s to at most MaxFieldBytes at a character boundary.
func Clamp(s string) string {
	n := MaxFieldBytes
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return strings.TrimSpace(s[:n])
}
