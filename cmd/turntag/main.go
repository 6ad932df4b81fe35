// Command turntag turns folders of transcripts into a tagged table: one CSV
// row per speaker turn with its speaker, the countries, organisations and
// people named, and the topics addressed, each with its evidence.
package main

import (
	"context"
	"errors"
	"io"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"

	"github.com/urfave/cli/v2"
)

func main() { os.Exit(runMain()) }

// runMain is the program: it runs the command line of os.Args and returns the
// exit status.
func runMain() int {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		// Batch runs allocate short-lived turn data at a high rate over a
		// live heap of some 20 MB (the lexicon): let the heap grow (less
		// time in the garbage collector: a lexicon-only run over 34 MB of
		// transcripts collects 13 times instead of 17 at 300) up to a soft
		// limit that keeps the peak RSS bounded whatever the corpus (about
		// 170 MB there, 190 MB with the NER).
		debug.SetGCPercent(400)
		debug.SetMemoryLimit(memoryLimit)
		go followLiveHeap()
	}
	ctx, stop := interruptContext(context.Background())
	defer stop()
	err := runApp(ctx, newApp(os.Stdout, os.Stderr), os.Args)
	return exitReport(os.Stderr, err)
}

// runApp runs the app on a command line, its flags moved before its
// arguments (see flagsFirst) so that they may be typed anywhere.
func runApp(ctx context.Context, app *cli.App, args []string) error {
	args, err := flagsFirst(app, args)
	if err != nil {
		return err
	}
	return app.RunContext(ctx, args)
}

// memoryLimit is the soft heap limit of a run when GOGC and GOMEMLIMIT are
// unset: above it the garbage collector works harder instead of growing
// the heap.
const memoryLimit = 192 << 20

// followLiveHeap keeps the soft memory limit at twice the live heap when
// that is above memoryLimit, checking every 100 ms: the heap may then grow
// as with GOGC=100. A limit below the live heap (a large lexicon, a large
// file) would have the collector run without pause: an 8 MiB lexicon
// loaded in 21 s instead of 6.
func followLiveHeap() {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	for range time.Tick(100 * time.Millisecond) {
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return
		}
		live := int64(sample[0].Value.Uint64())
		debug.SetMemoryLimit(max(memoryLimit, 2*live))
	}
}

// Exit statuses.
const (
	exitOK     = 0 // every file tagged
	exitFailed = 1 // some files failed or were skipped, or the output could not be written
	exitUsage  = 2 // bad usage: nothing was read
)

// exitReport prints a command's error as "turntag: <err>" on stderr, with
// control characters escaped so that no name can forge a line, and returns
// the exit status: the cli.ExitCoder's code, else 1.
func exitReport(stderr io.Writer, err error) int {
	if err == nil {
		return exitOK
	}
	if msg := message(err); msg != "" {
		warn(stderr, "turntag: %s\n", msg)
	}
	var ec cli.ExitCoder
	if errors.As(err, &ec) {
		return ec.ExitCode()
	}
	return exitFailed
}

// newApp builds the CLI writing to stdout and stderr; tests run it in
// process. Standard input, for the argument "-", is the app's Reader
// (os.Stdin unless a test sets it).
func newApp(stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:            "turntag",
		Usage:           "tag transcript turns with speakers, entities and topics",
		Description:     "turntag reads transcripts (press conferences, briefings, interviews) and writes one CSV row per speaker turn: who spoke, which countries, organisations and people they named, and which topics they addressed, with the evidence for each tag.",
		Version:         version(),
		Writer:          stdout,
		ErrWriter:       stderr,
		ExitErrHandler:  func(*cli.Context, error) {},
		OnUsageError:    usageError,
		HideHelpCommand: true,
		Action:          unknownCommand,
		Commands: []*cli.Command{
			tagCommand(),
			lexiconCommand(),
			suggestCommand(),
			evalCommand(),
			benchCommand(),
			reportCommand(),
			completionCommand(),
			helpCommand(),
		},
	}
	var setUsage func([]*cli.Command)
	setUsage = func(cmds []*cli.Command) {
		for _, c := range cmds {
			c.OnUsageError = usageError
			// "tag help" tags a file called help; the commands with
			// subcommands have a help of their own
			c.HideHelpCommand = true
			setUsage(c.Subcommands)
		}
	}
	setUsage(app.Commands)
	return app
}
