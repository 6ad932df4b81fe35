package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/turntag/turntag/lexicon/assemble"
	"github.com/turntag/turntag/pipeline/batch"
	"github.com/turntag/turntag/pipeline/limited"
)

// openCache returns the cache --cache asks for, or nil without the flag.
// Its key holds everything tag's output depends on besides a file and its
// name: the turntag build (a hash of the executable, which holds the
// default lexicon and the NER model), the contents of the lexicon and
// dictionary files, the taxonomies, and the options that change what is
// written. spec holds the files' contents as read once: the lexicon is
// built from the same bytes, so a file edited during a run cannot be
// cached under the key of its old contents.
func openCache(c *cli.Context, opts *tagOptions, spec assemble.Spec) (*batch.Cache, error) {
	dir := c.String("cache")
	if dir == "" {
		return nil, nil
	}
	if opts.format == "parquet" {
		return nil, usagef("--cache keeps CSV and JSON Lines output; it does not work with --format parquet")
	}
	abs := resolved(dir)
	for _, f := range opts.folders {
		d := resolved(f)
		if rel, err := filepath.Rel(d, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel) {
			return nil, usagef("--cache %s is inside the input folder %s: its files would be read as transcripts; keep it elsewhere", dir, f)
		}
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, cli.Exit(fmt.Sprintf("--cache: %v", err), exitFailed)
	}
	build, err := buildID(dir)
	if err != nil {
		return nil, cli.Exit(fmt.Sprintf("--cache: cannot identify this turntag build: %v", err), exitFailed)
	}
	h := sha256.New()
	part := func(s string) { fmt.Fprintf(h, "%d:%s;", len(s), s) }
	part(build)
	part(c.String("ner"))
	part(strconv.FormatBool(spec.NoDefault))
	for _, files := range []struct {
		flag string
		fs   []assemble.File
	}{{"lexicon", spec.Lexicons}, {"dictionary", spec.Dictionaries}} {
		for _, f := range files.fs {
			sum := sha256.Sum256(f.Data)
			part(files.flag)
			part(string(sum[:]))
		}
	}
	part(spec.Taxonomy)
	part(opts.format)
	part(strconv.FormatBool(c.IsSet("mentions")))
	part(strconv.FormatBool(c.Bool("raw-cells")))
	return &batch.Cache{Dir: dir, Key: hex.EncodeToString(h.Sum(nil))}, nil
}

// buildID returns a SHA-256 of the running executable, remembered in the
// cache folder by the executable's path, size and modification time so
// that it is computed once per build.
func buildID(dir string) (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return "", err
	}
	stamp := fmt.Sprintf("%s\t%d\t%d\t", exe, info.Size(), info.ModTime().UnixNano())
	memo := filepath.Join(dir, "build-id")
	// a regular file of a line: a named pipe in its place is not waited on
	if b, err := limited.ReadFile(memo, 64<<10); err == nil {
		if id, ok := strings.CutPrefix(strings.TrimSpace(string(b)), stamp); ok && len(id) == 2*sha256.Size {
			return id, nil
		}
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	id := hex.EncodeToString(h.Sum(nil))
	if tmp, err := os.CreateTemp(dir, ".build-id-*"); err == nil { // a memo, not needed
		_, err = tmp.WriteString(stamp + id + "\n")
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Rename(tmp.Name(), memo)
		}
		if err != nil {
			os.Remove(tmp.Name())
		}
	}
	return id, nil
}
