package dictionary

import "flag"

// update is accepted so that `go test ./... -update`, which hands -update
// to every test binary, does not fail here with "flag provided but not
// defined". The package has no golden files for it to rewrite.
var _ = flag.Bool("update", false, "rewrite golden files (none in this package)")
