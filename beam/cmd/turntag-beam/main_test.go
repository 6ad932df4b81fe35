package main

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOptions(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(good, []byte("organisations:\n  - id: statnett\n    name: Statnett\n    aliases: [Statnett]\n"), 0o644)
	os.WriteFile(bad, []byte("organisations:\n  - id: statnett\n    nmae: Statnett\n"), 0o644)
	tests := []struct {
		name string
		args []string
		want string // error prefix; "" for none
	}{
		{name: "ok", args: []string{"--input=in/*", "--output=out/run", "--ner=off", "--lexicon=" + good, "--format=parquet"}},
		{name: "no input", args: []string{"--output=out/run"}, want: "--input GLOB is required"},
		{name: "no output", args: []string{"--input=in/*"}, want: "--output PREFIX is required"},
		{name: "ner", args: []string{"--input=in/*", "--output=o", "--ner=maybe"}, want: `--ner takes on or off, not "maybe"`},
		{name: "format", args: []string{"--input=in/*", "--output=o", "--format=xml"}, want: `--format takes csv, jsonl or parquet, not "xml"`},
		{name: "scheme", args: []string{"--input=hdfs://in/*", "--output=o"}, want: `file system scheme "hdfs" not registered`},
		{name: "bad lexicon", args: []string{"--input=in/*", "--output=o", "--lexicon=" + bad}, want: bad + ":3: "},
		{name: "missing lexicon", args: []string{"--input=in/*", "--output=o", "--lexicon=" + filepath.Join(dir, "none.yaml")}, want: filepath.Join(dir, "none.yaml") + ": open: no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("turntag-beam", flag.ContinueOnError)
			f := define(fs)
			if err := fs.Parse(tt.args); err != nil {
				t.Fatal(err)
			}
			o, err := f.options(context.Background())
			if tt.want == "" {
				if err != nil || len(o.Lexicons) != 1 || o.NER || o.Format != "parquet" {
					t.Errorf("options %+v, error %v", o, err)
				}
				return
			}
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error %v, want %q…", err, tt.want)
			}
		})
	}
}
