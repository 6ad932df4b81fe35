package main

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/turntag/turntag/pipeline/batch"
	"github.com/urfave/cli/v2"
)

// checkClashes refuses, before any input is read, outputs that would
// overwrite an input, be read as one, or mix with each other: two outputs
// to one file or both to stdout; an output that is an input file (a
// transcript, a lexicon), hard links included; an output file inside a
// folder being read, which the next run would read as a transcript; and
// stdout redirected into an input. folders are the folders given as
// arguments, others the files read besides transcripts.
func checkClashes(outs []*target, stdout io.Writer, folders []string, inputs []batch.Input, others []string) error {
	for i, a := range outs {
		for _, b := range outs[i+1:] {
			switch {
			case a.stdout() && b.stdout():
				return usagef("%s and %s both write to stdout, where the two tables would mix; give one of them a FILE", a.flag, b.flag)
			case !a.stdout() && !b.stdout() && sameFile(a, b):
				return usagef("%s and %s name the same file %s; one table would overwrite the other", a.flag, b.flag, a.path)
			}
		}
	}
	files := make([]string, 0, len(inputs)+len(others))
	for _, in := range inputs {
		if !in.Stdin {
			files = append(files, in.Path)
		}
	}
	files = append(files, others...)
	for _, t := range outs {
		if t.stdout() {
			continue
		}
		if t.exists {
			if f := findSame(t.file, files); f != "" {
				return usagef("%s %s is the input %s: it would be overwritten; write the output elsewhere", t.flag, t.path, f)
			}
		}
		abs := resolved(t.file)
		for _, dir := range folders {
			d := resolved(dir)
			if rel, err := filepath.Rel(d, abs); err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel) {
				return usagef("%s %s is inside the input folder %s: the next run would read it as a transcript; write it outside %s", t.flag, t.path, dir, dir)
			}
		}
	}
	if f, ok := stdout.(*os.File); ok {
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
			for _, p := range files {
				if pi, err := os.Stat(p); err == nil && os.SameFile(info, pi) {
					return usagef("stdout is redirected to the input %s: it would be overwritten; redirect it elsewhere", p)
				}
			}
		}
	}
	return nil
}

// flagFiles are the files the lexicon flags read (--lexicon and
// --dictionary), which no output may overwrite.
func flagFiles(c *cli.Context) []string {
	return append(slices.Clone(c.StringSlice("lexicon")), c.StringSlice("dictionary")...)
}

// sameFile reports whether two output targets are one file.
func sameFile(a, b *target) bool {
	if a.exists && b.exists {
		ai, err1 := os.Stat(a.file)
		bi, err2 := os.Stat(b.file)
		if err1 == nil && err2 == nil {
			return os.SameFile(ai, bi)
		}
	}
	return resolved(a.file) == resolved(b.file)
}

// findSame returns the first of files that is the same file as path.
func findSame(path string, files []string) string {
	info, err := os.Stat(path)
	if err != nil {
		return ""
	}
	for _, f := range files {
		if fi, err := os.Stat(f); err == nil && os.SameFile(info, fi) {
			return f
		}
	}
	return ""
}

// resolved is path made absolute with the symbolic links in its folder
// resolved (the file itself may not exist yet).
func resolved(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	dir, base := filepath.Split(abs)
	if r, err := filepath.EvalSymlinks(dir); err == nil {
		return filepath.Join(r, base)
	}
	return abs
}
