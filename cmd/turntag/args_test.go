package main

import (
	"io"
	"strings"
	"testing"
)

func TestFlagsFirst(t *testing.T) {
	app := newApp(io.Discard, io.Discard)
	tests := []struct{ in, want string }{
		{"tag archive/ -o turns.csv", "tag -o turns.csv archive/"},
		{"tag a.txt --ner=off b.txt -q", "tag --ner=off -q a.txt b.txt"},
		{"tag - -o -", "tag -o - -"},
		{"tag a.txt --include *.txt --include -x", "tag --include *.txt --include -x a.txt"},
		{"tag a.txt -- -b.txt -q", "tag -- a.txt -b.txt -q"},
		{"lexicon explain some text --ner off", "lexicon explain --ner off some text"},
		{"tag a.txt --bogus", "tag --bogus a.txt"},
		{"--version", "--version"},
		{"nosuchcommand a -q", "nosuchcommand a -q"},
		{"tag", "tag"},
		{"tag a.txt -o", "error: usage: tag: flag -o needs a value (see turntag tag --help)"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			args, err := flagsFirst(app, append([]string{"turntag"}, strings.Fields(tt.in)...))
			var got string
			if err != nil {
				got = "error: " + err.Error()
			} else {
				got = strings.Join(args[1:], " ")
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
