// Package genfile writes the files that the project's go generate steps
// make (the default lexicon's snapshot, the NER model), so that a file is
// never half written and a link or device is never written through.
package genfile

import (
	"fmt"
	"os"
	"path/filepath"
)

// WriteRegular replaces the file name with b through a temporary file
// beside it, hidden (".name-*.tmp", so never embedded by a pattern), and
// refuses a name that exists and is not a regular file.
func WriteRegular(name string, b []byte) error {
	if info, err := os.Lstat(name); err == nil && !info.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", name)
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+"-*.tmp")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), name)
}
