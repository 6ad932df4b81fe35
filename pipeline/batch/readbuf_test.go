package batch

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline"
	"github.com/turntag/turntag/pipeline/write"
	"github.com/turntag/turntag/tagger"
)

// outcome is what a Result gives its caller, read when the caller gets
// it: its output, its warnings, or its error.
func outcome(res Result) []byte {
	if res.Err != nil {
		return []byte("error: " + res.Err.Error())
	}
	out := slices.Clone(res.Encoded[0])
	for _, w := range res.Doc.Warnings {
		out = append(out, "\nwarning: "+w...)
	}
	return out
}

// TestRunnerReusesReadBuffers runs the real and bundled transcripts, of
// every format, through one worker and through four, each reading file
// after file into buffers the one before was read into: every file's
// output, warnings and error, read when the Result is emitted (while other
// files are read), must equal what TagBytes gives on bytes of its own.
func TestRunnerReusesReadBuffers(t *testing.T) {
	var inputs []Input
	for _, pattern := range []string{"../../testdata/real/*/*", "../../testdata/transcripts/*"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			inputs = append(inputs, Input{Path: p, Source: filepath.Base(p)})
		}
	}
	// and files that read with warnings or fail, whose messages quote
	// what they found
	dir := t.TempDir()
	for name, text := range map[string]string{
		"latin1.txt":  "MODERATOR: Caf\xe9 in Paris with the Minister.\n",
		"invalid.txt": "MODERATOR: Bad \xff\xfe bytes about Ukraine.\n\nQ: And China?\n",
		"nul.txt":     "MODERATOR: a NUL \x00 here.\n",
		"empty.md":    "",
		"front.md":    "---\ntitle: [unclosed\n---\nMODERATOR: Hello.\n",
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, Input{Path: path, Source: name})
	}
	if len(inputs) < 20 {
		t.Fatalf("only %d inputs", len(inputs))
	}
	// the large ones first, then the small: a small file reuses a
	// buffer that still holds a large file's bytes past its end
	inputs = append(inputs, inputs...)
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	p := pipeline.New(tagger.New(lex, nil))
	encoders := []write.Encoder{write.CSVEncoder{}}
	want := map[string][]byte{}
	for _, in := range inputs {
		src, err := os.ReadFile(in.Path)
		if err != nil {
			t.Fatal(err)
		}
		if res := TagBytes(context.Background(), p, in.Source, src, encoders); !res.Skipped {
			want[in.Path] = outcome(res)
		}
	}
	for _, jobs := range []int{1, 4} {
		r := &Runner{Pipeline: p, Jobs: jobs, Encoders: encoders}
		n := 0
		err := r.Run(context.Background(), inputs, func(res Result) error {
			w, ok := want[res.Input.Path]
			if !ok {
				return nil
			}
			n++
			if got := outcome(res); !bytes.Equal(got, w) {
				t.Errorf("%d jobs: %s: output differs from the file tagged alone", jobs, res.Input.Source)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if n != len(inputs) {
			t.Errorf("%d jobs: %d of %d files compared", jobs, n, len(inputs))
		}
	}
}
