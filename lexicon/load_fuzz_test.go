package lexicon

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedBytes caps the size of a seed taken from a default data file. The
// files run to 200 KB; the fuzzer minimises every input that finds new
// code, for up to a minute each by default, in time that grows with the
// square of its size: with whole files as seeds a 60-second run does
// little else. Without its comment lines, the head of a file has every
// shape in it.
const seedBytes = 2 << 10

// seed returns the head of a data file without its comment lines.
func seed(src []byte) []byte {
	var out []byte
	for _, l := range bytes.SplitAfter(src, []byte("\n")) {
		if bytes.HasPrefix(bytes.TrimSpace(l), []byte("#")) {
			continue
		}
		if len(out)+len(l) > seedBytes {
			break
		}
		out = append(out, l...)
	}
	return out
}

// FuzzAddBytes feeds the loader arbitrary files: it must return a clean
// error or a lexicon, never panic, and a lexicon that loads must compile,
// match and check without panicking either. Seeds: the head of every
// default data file (see seed) and every testdata/*.yaml whole.
func FuzzAddBytes(f *testing.F) {
	for _, pattern := range []string{"data/*.yaml", "testdata/*.yaml"} {
		paths, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		for _, p := range paths {
			src, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			if strings.HasPrefix(p, "data") {
				src = seed(src)
			}
			f.Add(src)
		}
	}
	f.Add([]byte("contexts:\n  - id: a\n    phrases: ['@b', x]\n  - id: b\n    phrases: ['@a']\ntopics:\n  - id: t\n    cues:\n      - text: y\n        near: ['@a', '@c']\n"))
	f.Add([]byte("words:\n  honorifics: &h [a, b]\nremove_words:\n  honorifics: *h\nreplace_words: [keep_caps]\nmonths: {x: 1}\nrole_labels: {y: Y}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		l := New()
		if err := l.AddBytes("fuzz.yaml", src); err != nil {
			if len(AsProblems(err)) == 0 {
				t.Fatalf("an error without problems: %v", err)
			}
			return
		}
		l.Check()
		if err := l.Compile(); err == nil {
			l.Match("Georgia and NATO: the 2% target, Mr. Lavrov's border migrants.")
		}
	})
}
