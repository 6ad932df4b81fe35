package batch

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/pipeline/write"
	"github.com/turntag/turntag/tagger"
)

func lexiconPipeline(t *testing.T) *pipeline.Pipeline {
	t.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	return pipeline.New(tagger.New(lex, nil))
}

// TestTagBytesIsRunnerFile tags every bundled transcript through the
// Runner and through TagBytes on the file's bytes: the renderings and the
// errors are the same, so the CLI and the Beam pipeline write the same rows.
func TestTagBytesIsRunnerFile(t *testing.T) {
	p := lexiconPipeline(t)
	encoders := []write.Encoder{write.CSVEncoder{}, write.CSVEncoder{Mentions: true}, write.JSONLEncoder{}}
	inputs, errs := Expand([]string{"../../testdata/transcripts"}, Filter{})
	if len(errs) > 0 || len(inputs) == 0 {
		t.Fatalf("expand: %d inputs, %v", len(inputs), errs)
	}
	r := &Runner{Pipeline: p, Encoders: encoders}
	err := r.Run(context.Background(), inputs, func(want Result) error {
		src, err := os.ReadFile(want.Input.Path)
		if err != nil {
			t.Fatal(err)
		}
		got := TagBytes(context.Background(), p, want.Input.Source, src, encoders)
		if (got.Err == nil) != (want.Err == nil) || got.Err != nil && got.Err.Error() != want.Err.Error() {
			t.Errorf("%s: error %v, the runner's %v", want.Input.Source, got.Err, want.Err)
		}
		if got.Bytes != want.Bytes || len(got.Encoded) != len(want.Encoded) {
			t.Fatalf("%s: %d bytes and %d renderings, the runner's %d and %d", want.Input.Source, got.Bytes, len(got.Encoded), want.Bytes, len(want.Encoded))
		}
		for i := range want.Encoded {
			if !bytes.Equal(got.Encoded[i], want.Encoded[i]) {
				t.Errorf("%s: encoder %d renders differently from the runner", want.Input.Source, i)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// panicEncoder stands for a bug in a stage.
type panicEncoder struct{}

func (panicEncoder) Header() []byte                              { return nil }
func (panicEncoder) Encode(*transcript.Document) ([]byte, error) { panic("boom") }

func TestTagBytesFailures(t *testing.T) {
	p := lexiconPipeline(t)
	tests := []struct {
		name, source, src string
		enc               []write.Encoder
		want              string
		is                error
		skipped           bool
	}{
		{name: "unsupported", source: "a.pdf", src: "%PDF", want: "a.pdf: unsupported format: PDF is not read", is: transcript.ErrUnsupported, skipped: true},
		{name: "empty", source: "a.txt", src: "", want: "a.txt: no text to tag", is: transcript.ErrNoText},
		{name: "binary", source: "a.txt", src: "\x00\x01\x02\x00", want: "a.txt: not a text file"},
		{name: "panic", source: "a.txt", src: "MODERATOR: Hello.\n", enc: []write.Encoder{panicEncoder{}}, want: "a.txt: internal error: boom", is: ErrInternal},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := TagBytes(context.Background(), p, tt.source, []byte(tt.src), tt.enc)
			if res.Err == nil || !strings.HasPrefix(res.Err.Error(), tt.want) {
				t.Fatalf("error %v, want %q…", res.Err, tt.want)
			}
			if tt.is != nil && !errors.Is(res.Err, tt.is) {
				t.Errorf("error %v is not %v", res.Err, tt.is)
			}
			if res.Skipped != tt.skipped || res.Doc != nil || res.Encoded != nil {
				t.Errorf("skipped %v, doc %v, %d renderings", res.Skipped, res.Doc != nil, len(res.Encoded))
			}
		})
	}
}

func TestReadLimited(t *testing.T) {
	src, err := ReadLimited("a.txt", strings.NewReader("12345"), 5)
	if err != nil || string(src) != "12345" {
		t.Errorf("at the limit: %q %v", src, err)
	}
	_, err = ReadLimited("a.txt", strings.NewReader("123456"), 5)
	if !errors.Is(err, transcript.ErrTooLarge) || err.Error() != "a.txt: file too large: over the limit of 5 bytes (--max-file-size)" {
		t.Errorf("over the limit: %v", err)
	}
	if got := TooLarge("b.txt", 9, 5).Error(); got != "b.txt: file too large: 9 bytes, over the limit of 5 bytes (--max-file-size)" {
		t.Errorf("TooLarge: %s", got)
	}
}
