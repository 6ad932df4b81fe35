package lexicon

import (
	"bytes"
	"testing"
)

// FuzzUnmarshalBinary feeds UnmarshalBinary damaged snapshots: it must
// return an error or a lexicon, never panic, and a lexicon it returns must
// encode to data that decodes to a lexicon with that same encoding.
func FuzzUnmarshalBinary(f *testing.F) {
	small := New()
	if err := small.AddFile("testdata/small.yaml"); err != nil {
		f.Fatal(err)
	}
	for _, l := range []*Lexicon{small, New()} {
		data, err := l.MarshalBinary()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		f.Add(data[:len(data)/2])
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var got Lexicon
		if err := got.UnmarshalBinary(data); err != nil {
			return
		}
		enc, err := got.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var back Lexicon
		if err := back.UnmarshalBinary(enc); err != nil {
			t.Fatalf("a lexicon's own encoding does not decode: %v", err)
		}
		again, err := back.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again, enc) {
			t.Fatal("a lexicon's own encoding decodes to another lexicon")
		}
	})
}
