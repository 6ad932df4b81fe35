package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/turntag/turntag/pipeline/limited"
)

// An output is written only to a new or a regular file, through a
// temporary file beside it that is renamed over it at the end, so that an
// interrupted run never leaves a half-written file in place. A path that
// is a device, a named pipe, a socket or a folder is refused before
// anything is created; a symbolic link is followed to the regular file it
// leads to, which is replaced, never the link itself.

// target is an output path that passed checkTarget.
type target struct {
	flag   string      // the flag that named it, for messages: "-o", "--mentions"
	path   string      // as given; "" for stdout
	file   string      // where the data goes: path, or the file a link leads to
	exists bool        // file exists (and is a regular file)
	perm   fs.FileMode // an existing file's permissions, kept
}

// stdout reports whether the target is standard output.
func (t *target) stdout() bool { return t.path == "" }

// name is the target as messages call it: its path, or "stdout".
func (t *target) name() string {
	if t.stdout() {
		return "stdout"
	}
	return t.path
}

// checkTarget checks an output path given with flag: "" or "-" is
// stdout; otherwise it must be a regular file, a symbolic link that leads
// to one, or a new name in an existing folder. A refusal is a usage error;
// nothing is created or changed.
func checkTarget(flag, path string) (*target, error) {
	t := &target{flag: flag, path: path, file: path}
	if path == "" || path == "-" {
		t.path, t.file = "", ""
		return t, nil
	}
	if strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(filepath.Separator)) {
		return nil, usagef("%s %s names a folder; give a file name", flag, path)
	}
	info, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		dir := filepath.Dir(path)
		di, err := os.Stat(dir)
		if err != nil {
			return nil, usagef("%s %s: its folder %s: %v", flag, path, dir, pathless(err))
		}
		if !di.IsDir() {
			return nil, usagef("%s %s: %s is not a folder", flag, path, dir)
		}
		return t, nil
	}
	if err != nil {
		return nil, usagef("%s %s: %v", flag, path, pathless(err))
	}
	const stdoutHint = "; to write to stdout, leave out %s or give %s -"
	what := path + " is"
	if info.Mode()&fs.ModeSymlink != 0 {
		dest, _ := os.Readlink(path)
		file, err := filepath.EvalSymlinks(path)
		if err == nil {
			info, err = os.Stat(file)
		}
		if err != nil {
			why := "cannot be followed (" + pathless(err) + ")"
			if errors.Is(err, fs.ErrNotExist) {
				why = "does not exist"
			}
			return nil, usagef("%s %s is a symbolic link to %s, which %s; turntag does not replace links"+stdoutHint, flag, path, dest, why, flag, flag)
		}
		t.file, what = file, fmt.Sprintf("%s leads to %s, which is", path, file)
	}
	if !info.Mode().IsRegular() {
		hint := ""
		if !info.IsDir() {
			hint = fmt.Sprintf(stdoutHint, flag, flag)
		}
		return nil, usagef("%s %s %s: turntag writes only to a new or a regular file%s", flag, what, limited.Kind(info.Mode()), hint)
	}
	t.exists, t.perm = true, info.Mode().Perm()
	return t, nil
}

// pathless is err's message without the path a *fs.PathError repeats.
func pathless(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Op + ": " + le.Err.Error()
	}
	return err.Error()
}
