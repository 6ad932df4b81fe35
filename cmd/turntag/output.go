package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// output is where a command writes its main result: stdout, or a file
// written under a temporary name beside the target and renamed on Commit,
// so that an interrupted run never leaves a half-written file in place.
type output struct {
	io.Writer
	tmp    *os.File
	target string
	done   bool
}

func openOutput(target string, stdout io.Writer) (*output, error) {
	if target == "" || target == "-" {
		return &output{Writer: stdout}, nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", target, err)
	}
	// an output file is for others to read, like one made with os.Create
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, fmt.Errorf("%s: %w", target, err)
	}
	return &output{Writer: tmp, tmp: tmp, target: target}, nil
}

// Commit closes the temporary file and renames it onto the target.
func (o *output) Commit() error {
	if o.tmp == nil || o.done {
		return nil
	}
	o.done = true
	if err := o.tmp.Close(); err != nil {
		os.Remove(o.tmp.Name())
		return fmt.Errorf("%s: %w", o.target, err)
	}
	if err := os.Rename(o.tmp.Name(), o.target); err != nil {
		os.Remove(o.tmp.Name())
		return fmt.Errorf("%s: %w", o.target, err)
	}
	return nil
}

// Abort removes the temporary file unless Commit ran.
func (o *output) Abort() {
	if o.tmp == nil || o.done {
		return
	}
	o.done = true
	o.tmp.Close()
	os.Remove(o.tmp.Name())
}
