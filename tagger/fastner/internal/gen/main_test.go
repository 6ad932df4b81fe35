package main

import (
	"bytes"
	"os"
	"testing"
)

// TestUpToDate checks that data/model.bin is what the generator makes of
// prose's model; after a change, run go generate in tagger/fastner.
func TestUpToDate(t *testing.T) {
	m, err := load()
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../data/model.bin")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(m.encode(), want) {
		t.Error("data/model.bin is out of date: run go generate in tagger/fastner")
	}
}
