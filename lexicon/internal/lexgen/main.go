// Command lexgen writes the snapshot of the default lexicon that package
// lexicon embeds (data/default.snapshot): it loads data/*.yaml as
// LoadDefaultYAML does and writes the result of MarshalBinary, so that
// LoadDefault decodes it instead of parsing YAML. Run it with go generate
// ./lexicon after editing the YAML. It fails, and leaves the snapshot as it
// was, when the YAML does not load.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/turntag/turntag/lexicon"
)

func main() {
	out := flag.String("out", "data/default.snapshot", "write the snapshot to `FILE` (a regular file)")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("lexgen: ")
	l, err := lexicon.LoadDefaultYAML()
	if err != nil {
		log.Fatalf("default lexicon:\n%v", err)
	}
	b, err := l.MarshalBinary()
	if err != nil {
		log.Fatal(err)
	}
	if err := writeRegular(*out, b); err != nil {
		log.Fatal(err)
	}
	s := l.Stats()
	log.Printf("%s: %d bytes: %d countries, %d organisations, %d people, %d places, %d topics",
		*out, len(b), s.Countries, s.Organisations, s.People, s.Places, s.Topics)
}

// writeRegular replaces the file name with b through a temporary file
// beside it (hidden, so never embedded), refusing a name that is not a
// regular file.
func writeRegular(name string, b []byte) error {
	if info, err := os.Lstat(name); err == nil && !info.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", name)
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), ".snapshot-*.tmp")
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
