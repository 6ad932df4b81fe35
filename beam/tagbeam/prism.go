package tagbeam

import (
	"os"
	"runtime"
)

// PrismProcs is the GOMAXPROCS a run on Prism, in this process, gets at
// least. Prism's progress loop (Beam v2.77.0 and v2.78.0,
// runners/prism/internal/stage.go) keeps selecting on a bundle's closed
// DataWait channel, busy, from the bundle's last data to its response.
// With no more Ps than a small machine's cores, such loops can hold every
// P and starve the in-process SDK harness that would end the wait: on two
// cores, two of three lexicon-only runs over 8.5 MB took 70 s and 100 CPU
// seconds instead of 0.9 s and 1.2. More Ps let the system share the
// cores with the harness.
const PrismProcs = 8

// ForPrism raises GOMAXPROCS to PrismProcs when runner (Beam's --runner
// flag) runs the pipeline on Prism in this process ("" or "prism") and the
// GOMAXPROCS environment variable does not set it.
func ForPrism(runner string) {
	if (runner == "" || runner == "prism") && os.Getenv("GOMAXPROCS") == "" && runtime.GOMAXPROCS(0) < PrismProcs {
		runtime.GOMAXPROCS(PrismProcs)
	}
}
