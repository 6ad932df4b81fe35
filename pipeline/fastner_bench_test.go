package pipeline

import (
	"testing"

	"github.com/turntag/turntag/tagger/fastner"
)

// BenchmarkEndToEndFastNER is the default mode: BenchmarkEndToEndNER with
// fastner's NER in place of prose's.
func BenchmarkEndToEndFastNER(b *testing.B) {
	if err := (fastner.Finder{}).Warm(); err != nil {
		b.Fatal(err)
	}
	benchEndToEnd(b, fastner.Finder{}, transcriptsGlob)
}
