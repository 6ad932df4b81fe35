//go:build linux || darwin || freebsd || netbsd || openbsd

package limited

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/turntag/turntag/pipeline/transcript"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ok.txt"), []byte("hello"), 0o644)
	os.Mkdir(filepath.Join(dir, "folder"), 0o755)
	fifoErr := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644)
	tests := []struct {
		name string
		max  int64
		want string // the content, or "error: " and what the error wraps
	}{
		{"ok.txt", 5, "hello"},
		{"ok.txt", 4, "error: too large"},
		{"folder", 100, "error: not regular"},
		{"pipe", 100, "error: not regular"},
		{"missing", 100, "error: not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "pipe" && fifoErr != nil {
				t.Skip(fifoErr)
			}
			got, err := ReadFile(filepath.Join(dir, tt.name), tt.max)
			wraps := map[string]error{"error: too large": transcript.ErrTooLarge, "error: not regular": ErrNotRegular, "error: not exist": os.ErrNotExist}[tt.want]
			switch {
			case wraps != nil && !errors.Is(err, wraps):
				t.Errorf("error %v, want one wrapping %v", err, wraps)
			case wraps == nil && (err != nil || string(got) != tt.want):
				t.Errorf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestYAMLExpansion(t *testing.T) {
	laughs := "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
	tests := []struct {
		name string
		src  string
		max  int64
		ok   bool
	}{
		{"no anchors", "title: AT and T\nlist: [a, b]\n", 10, true},
		{"an alias within bounds", "title: &t Hello\nsubtitle: *t\n", 100, true},
		{"nested aliases past the bound", laughs, 5000, false},
		{"nested aliases within a large bound", laughs, 20000, true},
		{"does not parse: left to the decoder", "a: &x [\n", 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := YAMLExpansion([]byte(tt.src), tt.max)
			if (err == nil) != tt.ok || err != nil && !strings.Contains(err.Error(), "expand too far") {
				t.Errorf("error %v, want ok %v", err, tt.ok)
			}
		})
	}
}

// TestOpen opens a regular file of any size and refuses what is not one,
// a named pipe among them, without blocking on it.
func TestOpen(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ok.txt"), []byte("hello"), 0o644)
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
		t.Skip(err)
	}
	f, err := Open(filepath.Join(dir, "ok.txt"))
	if err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 10)
	n, _ := f.Read(b)
	f.Close()
	if string(b[:n]) != "hello" {
		t.Errorf("read %q", b[:n])
	}
	for _, name := range []string{filepath.Join(dir, "pipe"), dir, "/dev/zero"} {
		if _, err := Open(name); !errors.Is(err, ErrNotRegular) {
			t.Errorf("%s: error %v, want one wrapping %v", name, err, ErrNotRegular)
		}
	}
}
