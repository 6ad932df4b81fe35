//go:build linux || darwin || freebsd || netbsd || openbsd

package main

import (
	"io"
	"os"
	"syscall"
)

// stdoutLost reports whether w is a standard output that was closed when
// turntag started (turntag >&-). The Go runtime then opens /dev/null in
// its place, read-write, where a shell's >/dev/null opens it write-only;
// writing there would report success with everything lost.
func stdoutLost(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	if err != nil {
		return true // not even stat'able: closed
	}
	null, err := os.Stat(os.DevNull)
	if err != nil || !os.SameFile(info, null) {
		return false
	}
	flags, err := fcntlFlags(f.Fd())
	return err == nil && flags&syscall.O_ACCMODE == syscall.O_RDWR
}

func fcntlFlags(fd uintptr) (int, error) {
	r, _, e := syscall.Syscall(syscall.SYS_FCNTL, fd, syscall.F_GETFL, 0)
	if e != 0 {
		return 0, e
	}
	return int(r), nil
}
