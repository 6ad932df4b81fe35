package batch

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/turntag/turntag/pipeline/transcript"
)

// Input is one file to process.
type Input struct {
	Path   string // path to open
	Source string // path as reported: as given, or relative to the folder given
	Stdin  bool   // read Runner.Stdin instead of a file (the argument "-")
}

// Stdin is the argument that stands for standard input, and StdinSource
// the source it is reported as (in messages and the source column).
const (
	Stdin       = "-"
	StdinSource = "stdin"
)

// Filter selects files inside folders by glob on the base name or the
// relative path; an empty Include takes every file.
type Filter struct {
	Include []string
	Exclude []string
}

// Validate returns an error naming the first malformed glob ("[" with no
// "]"), which would otherwise match nothing without a word.
func (f Filter) Validate() error {
	for _, g := range append(append([]string{}, f.Include...), f.Exclude...) {
		if _, err := filepath.Match(g, ""); err != nil {
			return fmt.Errorf("bad glob %q: %w", g, err)
		}
	}
	return nil
}

func (f Filter) keep(rel string) bool {
	match := func(globs []string) bool {
		for _, g := range globs {
			if ok, _ := filepath.Match(g, filepath.Base(rel)); ok {
				return true
			}
			if ok, _ := filepath.Match(g, filepath.ToSlash(rel)); ok {
				return true
			}
		}
		return false
	}
	if len(f.Include) > 0 && !match(f.Include) {
		return false
	}
	return !match(f.Exclude)
}

// Expand turns the arguments (files and folders) into inputs: a file as
// given, a folder walked recursively in sorted order with the filter
// applied, hidden files and folders skipped, "-" for standard input.
// Symbolic links inside folders are listed, not followed into folders.
// Nothing is opened: whether an input is a regular file is checked when
// the Runner reads it. Problems (a missing path, an unreadable folder) come
// back as failed inputs' errors, in order, so that nothing given is lost.
func Expand(args []string, f Filter) ([]Input, []error) {
	var out []Input
	var errs []error
	for _, arg := range args {
		if arg == Stdin {
			out = append(out, Input{Path: arg, Source: StdinSource, Stdin: true})
			continue
		}
		info, err := os.Stat(arg)
		if err != nil {
			errs = append(errs, transcript.FileError(arg, err))
			continue
		}
		if !info.IsDir() {
			out = append(out, Input{Path: arg, Source: arg})
			continue
		}
		var found []Input
		walkErr := filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, transcript.FileError(p, err))
				if d != nil && d.IsDir() && p != arg {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if p != arg && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			rel, _ := filepath.Rel(arg, p)
			if f.keep(rel) {
				found = append(found, Input{Path: p, Source: filepath.ToSlash(rel)})
			}
			return nil
		})
		if walkErr != nil {
			errs = append(errs, &transcript.Error{File: arg, Err: walkErr})
		}
		sort.Slice(found, func(i, j int) bool { return found[i].Source < found[j].Source })
		out = append(out, found...)
	}
	return out, errs
}
