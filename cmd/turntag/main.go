// Command turntag turns folders of transcripts into a tagged table: one CSV
// row per speaker turn with its speaker, the countries, organisations and
// people named, and the topics addressed, each with its evidence.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/urfave/cli/v2"
)

func main() {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		// Batch runs allocate short-lived turn data at a high rate: let the
		// heap grow (less time in the garbage collector) up to a soft limit
		// that keeps the peak RSS bounded whatever the corpus.
		debug.SetGCPercent(300)
		debug.SetMemoryLimit(memoryLimit)
	}
	err := newApp(os.Stdout, os.Stderr).Run(os.Args)
	if err != nil {
		if msg := err.Error(); msg != "" {
			fmt.Fprintln(os.Stderr, "turntag: "+msg)
		}
		var ec cli.ExitCoder
		if errors.As(err, &ec) {
			os.Exit(ec.ExitCode())
		}
		os.Exit(1)
	}
}

// memoryLimit is the soft heap limit of a run when GOGC and GOMEMLIMIT are
// unset: above it the garbage collector works harder instead of growing
// the heap.
const memoryLimit = 192 << 20

// newApp builds the CLI writing to stdout and stderr; tests run it in
// process.
func newApp(stdout, stderr io.Writer) *cli.App {
	usage := func(c *cli.Context, err error, _ bool) error {
		return cli.Exit("usage: "+err.Error(), 2)
	}
	app := &cli.App{
		Name:           "turntag",
		Usage:          "tag transcript turns with speakers, entities and topics",
		Description:    "turntag reads transcripts (press conferences, briefings, interviews) and writes one CSV row per speaker turn: who spoke, which countries, organisations and people they named, and which topics they addressed, with the evidence for each tag.",
		Writer:         stdout,
		ErrWriter:      stderr,
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError:   usage,
		Commands: []*cli.Command{
			tagCommand(),
			lexiconCommand(),
			suggestCommand(),
			evalCommand(),
			benchCommand(),
			reportCommand(),
		},
	}
	var setUsage func([]*cli.Command)
	setUsage = func(cmds []*cli.Command) {
		for _, c := range cmds {
			c.OnUsageError = usage
			setUsage(c.Subcommands)
		}
	}
	setUsage(app.Commands)
	return app
}
