package read

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/charmap"
)

// ErrNotText marks input that is binary rather than text.
var ErrNotText = errors.New("not a text file")

// maxRepairWarnings is how many repairs of invalid bytes are reported one
// by one; the rest are counted in one more warning.
const maxRepairWarnings = 10

// Decode turns raw bytes into text: a UTF-8 BOM is dropped, UTF-16 with a
// BOM is converted, CRLF and lone CR become LF, and invalid UTF-8 or UTF-16
// (a lone surrogate, an odd last byte) is replaced with U+FFFD. Each repair
// is reported in the returned warnings with its byte offset in the input.
// Input with NUL bytes (after UTF-16 decoding), or where more than 30% of
// the bytes or code units need repair, is not text.
func Decode(src []byte) (string, []string, error) { return decode(src, false, false) }

// decode is Decode. With borrow, text that is valid UTF-8 as it stands is
// returned as a string that shares src's memory, not a copy: for callers
// that keep nothing of it, such as parseText, which renders the body into
// a new string and reads the front matter from that. With trust as well,
// the text is taken for UTF-8 with LF line ends and no NUL without
// looking: for parseText, which looks at each byte as it renders the body
// and says when it is not, so that the caller decodes it again without
// trust.
func decode(src []byte, borrow, trust bool) (string, []string, error) {
	var warnings []string
	switch {
	case bytes.HasPrefix(src, []byte{0xEF, 0xBB, 0xBF}):
		src = src[3:]
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}), bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		out, w, err := decodeUTF16(src[2:], src[0] == 0xFE)
		if err != nil {
			return "", w, err
		}
		src, warnings = out, w
	}
	if !(borrow && trust) && bytes.IndexByte(src, 0) >= 0 {
		return "", nil, fmt.Errorf("%w: it contains NUL bytes (binary data, or UTF-16 without a byte order mark)", ErrNotText)
	}
	var text string
	if borrow && trust || utf8.Valid(src) {
		if borrow {
			text = unsafe.String(unsafe.SliceData(src), len(src))
		} else {
			text = string(src)
		}
	} else if legacy, n := singleByte(src); legacy {
		// no byte outside ASCII forms UTF-8: a transcript saved by an older
		// editor, in Windows-1252 (a superset of Latin-1 for text)
		out, err := charmap.Windows1252.NewDecoder().Bytes(src)
		if err != nil {
			return "", nil, fmt.Errorf("%w: not UTF-8, and not Windows-1252: %v", ErrNotText, err)
		}
		unit := "bytes"
		if n == 1 {
			unit = "byte"
		}
		warnings = append(warnings, fmt.Sprintf("not UTF-8: read as Windows-1252 (%d %s outside ASCII)", n, unit))
		text = string(out)
	} else {
		var b strings.Builder
		b.Grow(len(src))
		bad := 0
		for i := 0; i < len(src); {
			r, size := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && size == 1 {
				if bad < maxRepairWarnings {
					warnings = append(warnings, fmt.Sprintf("invalid UTF-8 at byte %d replaced with U+FFFD", i))
				}
				bad++
				b.WriteRune(utf8.RuneError)
			} else {
				b.Write(src[i : i+size])
			}
			i += size
		}
		if bad > maxRepairWarnings {
			warnings = append(warnings, fmt.Sprintf("%d more invalid UTF-8 bytes replaced", bad-maxRepairWarnings))
		}
		text = b.String()
		if float64(bad) > 0.3*float64(len(src)) {
			return "", warnings, fmt.Errorf("%w: %d of %d bytes are not valid UTF-8", ErrNotText, bad, len(src))
		}
	}
	if !(borrow && trust) && strings.IndexByte(text, '\r') >= 0 {
		text = strings.ReplaceAll(text, "\r\n", "\n")
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	return text, warnings, nil
}

// singleByte reports whether src, which is not valid UTF-8, reads as a
// single-byte encoding: none of its bytes outside ASCII starts a valid
// UTF-8 sequence, and they are at most 30% of it (more is not text). n is
// how many bytes are outside ASCII.
func singleByte(src []byte) (ok bool, n int) {
	for i := 0; i < len(src); {
		if src[i] < utf8.RuneSelf {
			i++
			continue
		}
		if _, size := utf8.DecodeRune(src[i:]); size > 1 {
			return false, 0 // a valid multi-byte sequence: UTF-8 with some damage
		}
		n++
		i++
	}
	return n > 0 && float64(n) <= 0.3*float64(len(src)), n
}

// decodeUTF16 converts UTF-16 after its byte order mark to UTF-8. A lone
// surrogate or an odd last byte becomes U+FFFD with a warning that gives
// its byte offset in the whole input (the mark counts as bytes 0 and 1).
func decodeUTF16(src []byte, bigEndian bool) ([]byte, []string, error) {
	unit := func(i int) uint16 {
		if bigEndian {
			return uint16(src[i])<<8 | uint16(src[i+1])
		}
		return uint16(src[i+1])<<8 | uint16(src[i])
	}
	var warnings []string
	bad := 0
	repair := func(at int, what string) {
		if bad < maxRepairWarnings {
			warnings = append(warnings, fmt.Sprintf("invalid UTF-16 at byte %d (%s) replaced with U+FFFD", at+2, what))
		}
		bad++
	}
	out := make([]byte, 0, len(src)+len(src)/2)
	i := 0
	for ; i+1 < len(src); i += 2 {
		u := unit(i)
		switch {
		case !utf16.IsSurrogate(rune(u)):
			out = utf8.AppendRune(out, rune(u))
		case u < 0xDC00 && i+3 < len(src) && unit(i+2) >= 0xDC00 && unit(i+2) < 0xE000:
			out = utf8.AppendRune(out, utf16.DecodeRune(rune(u), rune(unit(i+2))))
			i += 2
		default:
			repair(i, "a lone surrogate")
			out = utf8.AppendRune(out, utf8.RuneError)
		}
	}
	if i < len(src) {
		repair(i, "an odd last byte")
		out = utf8.AppendRune(out, utf8.RuneError)
	}
	if bad > maxRepairWarnings {
		warnings = append(warnings, fmt.Sprintf("%d more invalid UTF-16 code units replaced", bad-maxRepairWarnings))
	}
	if units := (len(src) + 1) / 2; bad > 0 && float64(bad) > 0.3*float64(units) {
		return nil, warnings, fmt.Errorf("%w: %d of %d UTF-16 code units are invalid", ErrNotText, bad, units)
	}
	return out, warnings, nil
}
