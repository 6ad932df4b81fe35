// Command lexgen writes the snapshot of the default lexicon that package
// lexicon embeds (data/default.snapshot): it loads data/*.yaml as
// LoadDefaultYAML does and writes the result of MarshalBinary, so that
// LoadDefault decodes it instead of parsing YAML. Run it with go generate
// ./lexicon after editing the YAML. It fails, and leaves the snapshot as it
// was, when the YAML does not load.
package main

import (
	"flag"
	"log"

	"github.com/turntag/turntag/internal/genfile"

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
	if err := genfile.WriteRegular(*out, b); err != nil {
		log.Fatal(err)
	}
	s := l.Stats()
	log.Printf("%s: %d bytes: %d countries, %d organisations, %d people, %d places, %d topics",
		*out, len(b), s.Countries, s.Organisations, s.People, s.Places, s.Topics)
}
