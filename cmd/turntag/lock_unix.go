//go:build linux || darwin || freebsd || netbsd || openbsd

package main

import (
	"os"
	"syscall"
)

// lockFile marks a temporary output file as in use with an advisory lock,
// which the system releases when the process ends however it ends, so that
// removeStale leaves it alone while its run lives. It returns the unlock.
func lockFile(f *os.File) func() {
	fd := int(f.Fd())
	if syscall.Flock(fd, syscall.LOCK_EX|syscall.LOCK_NB) != nil {
		return func() {}
	}
	return func() { syscall.Flock(fd, syscall.LOCK_UN) }
}

// inUse reports whether a temporary file is locked by a running turntag
// (or cannot be checked, which counts as in use).
func inUse(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return true
	}
	defer f.Close()
	if syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) != nil {
		return true
	}
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return false
}
