package genfile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteRegular(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "out.bin")
	for _, content := range []string{"first", "second"} {
		if err := WriteRegular(name, []byte(content)); err != nil {
			t.Fatal(err)
		}
		if got, err := os.ReadFile(name); err != nil || string(got) != content {
			t.Fatalf("read %q, %v; want %q", got, err, content)
		}
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(name, link); err != nil {
		t.Skip(err)
	}
	if err := WriteRegular(link, []byte("x")); err == nil {
		t.Error("wrote through a link")
	}
	if got, _ := os.ReadFile(name); string(got) != "second" {
		t.Errorf("the link's target changed: %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("%d files left, want 2 (no temporary file)", len(entries))
	}
}
