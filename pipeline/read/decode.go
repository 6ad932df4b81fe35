package read

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// ErrNotText marks input that is binary rather than text.
var ErrNotText = errors.New("not a text file")

// Decode turns raw bytes into text: a UTF-8 BOM is dropped, UTF-16 with a
// BOM is converted, CRLF and lone CR become LF, and invalid UTF-8 is
// replaced with U+FFFD. Each repair of invalid bytes is reported in the
// returned warnings with its byte offset in the input. Input with NUL bytes
// (after UTF-16 decoding) is not text.
func Decode(src []byte) (string, []string, error) {
	switch {
	case bytes.HasPrefix(src, []byte{0xEF, 0xBB, 0xBF}):
		src = src[3:]
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}), bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(src)
		if err != nil {
			return "", nil, fmt.Errorf("invalid UTF-16: %w", err)
		}
		src = out
	}
	if bytes.IndexByte(src, 0) >= 0 {
		return "", nil, fmt.Errorf("%w: it contains NUL bytes (binary data, or UTF-16 without a byte order mark)", ErrNotText)
	}
	var warnings []string
	var text string
	if utf8.Valid(src) {
		text = string(src)
	} else {
		var b strings.Builder
		b.Grow(len(src))
		bad := 0
		for i := 0; i < len(src); {
			r, size := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && size == 1 {
				if bad < 10 {
					warnings = append(warnings, fmt.Sprintf("invalid UTF-8 at byte %d replaced with U+FFFD", i))
				}
				bad++
				b.WriteRune(utf8.RuneError)
			} else {
				b.Write(src[i : i+size])
			}
			i += size
		}
		if bad > 10 {
			warnings = append(warnings, fmt.Sprintf("%d more invalid UTF-8 bytes replaced", bad-10))
		}
		text = b.String()
		if float64(bad) > 0.3*float64(len(src)) {
			return "", warnings, fmt.Errorf("%w: %d of %d bytes are not valid UTF-8", ErrNotText, bad, len(src))
		}
	}
	if strings.IndexByte(text, '\r') >= 0 {
		text = strings.ReplaceAll(text, "\r\n", "\n")
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	return text, warnings, nil
}
