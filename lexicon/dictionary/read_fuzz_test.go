package dictionary

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/turntag/turntag/lexicon"
)

// FuzzRead checks properties of Read on any input: it never panics, and
// whatever it accepts converts to YAML that loads into the same topics.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(testdataDir, "*"))
	for _, p := range files {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(filepath.Base(p), src)
		}
	}
	f.Add("x.yml", []byte("a:\n  b: [x*, \"y z\"]\n  c: 1\n"))
	f.Fuzz(func(t *testing.T, name string, src []byte) {
		d, err := Read(name, src)
		if err != nil {
			return // a clean error is fine, a panic is not
		}
		lex := lexicon.New()
		if err := lex.AddBytes("fuzz.yaml", d.YAML()); err != nil {
			t.Fatalf("accepted input does not convert: %v\n%s", err, d.YAML())
		}
		if got, want := topicsText(lex.Topics), topicsText(d.Topics()); got != want {
			t.Fatalf("round trip:\n%s\nwant\n%s", got, want)
		}
	})
}
