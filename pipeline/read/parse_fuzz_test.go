package read

import (
	"os"
	"path/filepath"
	"testing"
)

func addSeeds(f *testing.F, pattern string) {
	paths, err := filepath.Glob(pattern)
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(filepath.Base(p), src)
	}
}

// FuzzParse checks properties, not outputs: parsing never panics, and for
// text formats the header, skipped lines, labels and turn texts tile the
// body in order with nothing but white space left over.
func FuzzParse(f *testing.F) {
	for _, ext := range []string{"txt", "md", "vtt", "srt"} {
		addSeeds(f, "../../testdata/transcripts/*."+ext)
	}
	f.Add("x.txt", []byte("MODERATOR: a\nQ    b\nNote: c\n**MS. X:** d\n"))
	f.Add("x.md", []byte("---\ntitle: t\n---\n# h\nA B (C): d\n"))
	f.Add("h.txt", []byte("HEARING\n    The CHAIRMAN. Order.\n    Senator SMITH. Thanks.\n    Mr. J. JONES III. Yes.\n"))
	f.Add("o.txt", []byte("Interview\n\nJane Smith  0:03\nHello.\n\nSpeaker 2 [01:15]\nHi.\n"))
	f.Add("q.txt", []byte("Q. Why?\n\nA. Because.\n\nQ. And?\nAFP: More?\n[SPEAKER_00]: x\n"))
	f.Add("c.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\n>> A: B >> C\n\n"))
	f.Fuzz(func(t *testing.T, name string, src []byte) {
		format, err := DetectFormat(name)
		if err != nil {
			format = FormatText
		}
		doc, err := testReader(t).ParseFormat("fuzz."+string(format), format, src)
		if err != nil {
			return // a clean error is fine, a panic is not
		}
		if format == FormatText || format == FormatMarkdown {
			checkTiling(t, doc)
		}
		for _, tr := range doc.Turns {
			if tr.Text.Start < 0 || tr.Text.End > len(doc.Body) || tr.Text.Start > tr.Text.End {
				t.Fatalf("turn text span %v outside body of %d bytes", tr.Text, len(doc.Body))
			}
		}
	})
}
