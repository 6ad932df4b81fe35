package lexicon

import (
	"flag"
	"os"
	"testing"
)

// update is accepted so that `go test ./... -update`, which hands -update
// to every test binary, does not fail here with "flag provided but not
// defined". The lexicon package has no golden files for it to rewrite.
var _ = flag.Bool("update", false, "rewrite golden files (none in this package)")

// fuzzMinimizeTime replaces the fuzzer's default minute of minimising each
// new input, unless -fuzzminimizetime is given: FuzzAddBytes finds new
// code in YAML often, and minimising a YAML input of a few KB takes the
// whole minute, so `-fuzz=FuzzAddBytes -fuzztime=60s` would spend its
// minute on one input.
const fuzzMinimizeTime = "5s"

func TestMain(m *testing.M) {
	flag.Parse()
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == "test.fuzzminimizetime" })
	if !given {
		if err := flag.Set("test.fuzzminimizetime", fuzzMinimizeTime); err != nil {
			panic(err)
		}
	}
	os.Exit(m.Run())
}
