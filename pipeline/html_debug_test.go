package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestHTMLDump(t *testing.T) {
	dir := os.Getenv("HTMLDUMP")
	if dir == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(dir + "/*.html")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		d, err := readHTML(string(b))
		out := fmt.Sprintf("TITLE: %s\nDATE: %s\nLEAD: %s\nERR: %v\n----\n%s", d.title, d.date, d.lead, err, d.text)
		os.WriteFile("/tmp/dump/"+filepath.Base(f)+".txt", []byte(out), 0o644)
	}
}
