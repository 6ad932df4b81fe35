package limited

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"

	"github.com/turntag/turntag/pipeline/transcript"
)

// ErrNotRegular marks a path that is not a regular file: a named pipe, a
// device, a socket or a folder. Such a path is reported, never opened.
var ErrNotRegular = errors.New("not a regular file")

// ReadFile reads the regular file name, which must hold at most max bytes.
// It opens the file as Open does, and reads as many bytes as the open
// file's size says, never more, so that a file that grows, or one of the
// kernel's that claims 0 bytes and never ends (/proc/kmsg), cannot make
// it read past max or wait. A file over max bytes is refused with
// transcript.ErrTooLarge.
// Errors from the system are *fs.PathError; the others do not name the
// file, which the caller adds (transcript.FileError does both).
func ReadFile(name string, max int64) ([]byte, error) {
	f, info, err := open(name, max)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// read the size the open file has, and no more: a file of the kernel's
	// (in /proc) says 0 and may never end, or block
	buf := make([]byte, info.Size())
	n, err := io.ReadFull(f, buf)
	if err != nil && err != io.ErrUnexpectedEOF {
		return nil, err
	}
	return buf[:n], nil
}

// Open opens the regular file name for reading, for a caller that reads
// it as a stream with bounds of its own. It follows symbolic links. A path
// that is not a regular file is refused with ErrNotRegular before it is
// opened; a file is opened non-blocking, so that one swapped for a named
// pipe after the check cannot hang the read, and checked again once open.
// Errors are as ReadFile's.
func Open(name string) (*os.File, error) {
	f, _, err := open(name, -1)
	return f, err
}

// open is Open, refusing a file over max bytes unless max is negative; it
// also returns the open file's FileInfo.
func open(name string, max int64) (*os.File, fs.FileInfo, error) {
	check := func(info fs.FileInfo) error {
		if err := Regular(info.Mode()); err != nil {
			return err
		}
		if max >= 0 && info.Size() > max {
			return TooLarge(info.Size(), max)
		}
		return nil
	}
	info, err := os.Stat(name)
	if err != nil {
		return nil, nil, err
	}
	if err := check(info); err != nil {
		return nil, nil, err
	}
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, err
	}
	if info, err = f.Stat(); err == nil {
		err = check(info)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// Read reads r to the end, refusing more than max bytes with
// transcript.ErrTooLarge after reading at most max+1.
func Read(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w: over the limit of %d bytes", transcript.ErrTooLarge, max)
	}
	return b, nil
}

// TooLarge is the error for size bytes over a limit of max bytes; it wraps
// transcript.ErrTooLarge.
func TooLarge(size, max int64) error {
	return fmt.Errorf("%w: %d bytes, over the limit of %d bytes", transcript.ErrTooLarge, size, max)
}

// Regular returns nil for the mode of a regular file and an error
// wrapping ErrNotRegular that says what the file is otherwise:
// "not a regular file: a named pipe".
func Regular(m fs.FileMode) error {
	if m.IsRegular() {
		return nil
	}
	return fmt.Errorf("%w: %s", ErrNotRegular, Kind(m))
}

// Kind names the type of file a mode describes, for messages: "a regular
// file", "a folder", "a named pipe", "a character device" and so on.
func Kind(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return "a regular file"
	case m.IsDir():
		return "a folder"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	}
	return "a special file"
}
