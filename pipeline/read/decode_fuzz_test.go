package read

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzDecode checks Decode's promises on any bytes: it never panics; text
// it returns is valid UTF-8 with LF line ends and no NUL; clean UTF-8
// comes back unchanged and without warnings.
func FuzzDecode(f *testing.F) {
	for _, pattern := range []string{"../../testdata/transcripts/*", "../../testdata/real/*/*.txt"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			if src, err := os.ReadFile(p); err == nil {
				f.Add(src)
			}
		}
	}
	for _, s := range []string{"\xef\xbb\xbfBOM", "\xff\xfeA\x00\r\x00\n\x00", "\xfe\xff\x00A", "bad \xc3\x28 utf-8", "cr\r\rlf\r\n", "nul\x00", "\xff\xfe\x00\xd8"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		text, warnings, err := Decode(src)
		if err != nil {
			return // a clean error is fine
		}
		if !utf8.ValidString(text) || strings.ContainsAny(text, "\r\x00") {
			t.Fatalf("Decode(%q) = %q: not clean UTF-8 text with LF line ends", src, text)
		}
		clean := utf8.Valid(src) && !bytes.ContainsAny(src, "\r\x00") &&
			!bytes.HasPrefix(src, []byte{0xEF, 0xBB, 0xBF}) && !bytes.HasPrefix(src, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(src, []byte{0xFE, 0xFF})
		if clean && (text != string(src) || len(warnings) > 0) {
			t.Fatalf("Decode(%q) = %q, %q: clean UTF-8 changed", src, text, warnings)
		}
	})
}
