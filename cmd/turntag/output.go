package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/turntag/turntag/pipeline/limited"
	"github.com/urfave/cli/v2"
)

// output is where a command writes one result: stdout, or a temporary
// file beside a target checked by checkTarget that Commit renames over it,
// so that an interrupted run never leaves a half-written file in place.
type output struct {
	t   *target
	w   io.Writer // stdout, or tmp
	tmp *os.File
	// unlock releases the lock that marks tmp as in use.
	unlock func()
	done   bool
	err    error // the first write error
}

// openOutput starts writing a checked target: stdout, or a new temporary
// file in the target's folder. Temporary files that earlier runs left
// behind there, older than staleAge and in use by no run, are removed
// first.
func openOutput(t *target, stdout io.Writer) (*output, error) {
	if t.stdout() {
		return &output{t: t, w: stdout}, nil
	}
	dir, base := filepath.Split(t.file)
	if dir == "" {
		dir = "."
	}
	removeStale(dir, time.Now())
	tmp, err := os.CreateTemp(dir, tempPrefix+base+tempInfix+"*"+tempSuffix)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot write in %s: %s", t.path, dir, pathless(err))
	}
	perm := t.perm
	if !t.exists {
		perm = 0o644 // an output file is for others to read, as one made with os.Create
	}
	o := &output{t: t, w: tmp, tmp: tmp, unlock: lockFile(tmp)}
	if err := tmp.Chmod(perm); err != nil {
		o.Abort()
		return nil, fmt.Errorf("%s: %s", t.path, pathless(err))
	}
	return o, nil
}

// Write writes to the output; an error names the target, never the
// temporary file, and stays: every later Write returns it.
func (o *output) Write(b []byte) (int, error) {
	if o.err != nil {
		return 0, o.err
	}
	n, err := o.w.Write(b)
	if err != nil {
		o.err = fmt.Errorf("writing %s: %s", o.t.name(), pathless(err))
	}
	return n, o.err
}

// Commit closes the temporary file and renames it over the target, after
// checking that the target is still a regular file or absent.
func (o *output) Commit() error {
	if o.tmp == nil || o.done {
		return o.err
	}
	if o.err != nil {
		o.Abort()
		return o.err
	}
	o.done = true
	fail := func(err error) error {
		o.unlock()
		o.tmp.Close()
		os.Remove(o.tmp.Name())
		return err
	}
	if err := o.tmp.Sync(); err != nil {
		return fail(fmt.Errorf("writing %s: %s", o.t.path, pathless(err)))
	}
	if info, err := os.Lstat(o.t.file); err == nil && !info.Mode().IsRegular() {
		return fail(fmt.Errorf("%s became %s while turntag ran; it was left alone and nothing was written", o.t.file, limited.Kind(info.Mode())))
	}
	o.unlock()
	if err := o.tmp.Close(); err != nil {
		os.Remove(o.tmp.Name())
		return fmt.Errorf("writing %s: %s", o.t.path, pathless(err))
	}
	if err := os.Rename(o.tmp.Name(), o.t.file); err != nil {
		os.Remove(o.tmp.Name())
		return fmt.Errorf("%s: %s", o.t.path, pathless(err))
	}
	return nil
}

// Abort removes the temporary file unless Commit ran.
func (o *output) Abort() {
	if o.tmp == nil || o.done {
		return
	}
	o.done = true
	o.unlock()
	o.tmp.Close()
	os.Remove(o.tmp.Name())
}

// resultStdout returns stdout wrapped for a command's result: refused when
// stdout was closed, and keeping the first write error for Close.
func resultStdout(c *cli.Context) (*output, error) {
	if stdoutLost(c.App.Writer) {
		return nil, cli.Exit("stdout is closed: the result would be lost; redirect stdout to a file", exitFailed)
	}
	return &output{t: &target{}, w: c.App.Writer}, nil
}

// Close reports the first error writing to stdout, as an exit status 1.
func (o *output) Close() error {
	if o.err != nil {
		return cli.Exit(o.err.Error(), exitFailed)
	}
	return nil
}
