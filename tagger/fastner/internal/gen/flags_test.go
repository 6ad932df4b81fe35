package main

import "flag"

// update is accepted so that `go test ./... -update`, which hands the flag
// to every test binary, runs here too; data/model.bin is rewritten by go
// generate, not by -update.
var _ = flag.Bool("update", false, "rewrite golden files (none in this package)")
