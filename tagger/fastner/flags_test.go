package fastner

import "flag"

// update is accepted so that `go test ./... -update`, which hands the flag
// to every test binary, runs here too; this package has no golden files.
var _ = flag.Bool("update", false, "rewrite golden files (none in this package)")
