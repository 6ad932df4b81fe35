package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/turntag/turntag/pipeline"
)

func tagCommand() *cli.Command {
	return &cli.Command{
		Name:      "tag",
		Usage:     "tag transcripts and write one CSV row per turn",
		ArgsUsage: "FILE_OR_FOLDER...",
		Description: "Reads each FILE (and every file under each FOLDER, recursively, in sorted order) and writes CSV to stdout or -o.\n" +
			"Columns: source, doc_title, doc_date, turn, speaker, speaker_role, speaker_affiliation, topics, topic_scores,\n" +
			"topic_evidence, countries, country_codes, organisations, people, words, text.\n" +
			"Exit status: 0 when every file was tagged, 1 when some failed (the rest are still written), 2 on bad usage.",
		Flags: append(lexiconFlags(),
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the CSV to `FILE` (written to a temporary file and renamed at the end) instead of stdout"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "process `N` files in parallel (0: one per CPU)"},
			&cli.StringSliceFlag{Name: "include", Usage: "in folders, only read files whose name or relative path matches `GLOB` (repeatable)"},
			&cli.StringSliceFlag{Name: "exclude", Usage: "in folders, skip files whose name or relative path matches `GLOB` (repeatable)"},
			&cli.Int64Flag{Name: "max-file-size", Value: pipeline.DefaultMaxFileSize, Usage: "refuse files larger than `BYTES`"},
			&cli.BoolFlag{Name: "raw-cells", Usage: "write cells as they are; by default a cell starting with =, +, -, @, tab or CR gets a leading ' so spreadsheets do not run it as a formula"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print no summary line on stderr"},
		),
		Action: runTag,
	}
}

func runTag(c *cli.Context) error {
	if c.NArg() == 0 {
		return cli.Exit("usage: tag needs at least one FILE or FOLDER (see turntag tag --help)", 2)
	}
	p, err := buildPipeline(c)
	if err != nil {
		return err
	}
	inputs, expandErrs := pipeline.Expand(c.Args().Slice(), pipeline.Filter{Include: c.StringSlice("include"), Exclude: c.StringSlice("exclude")})
	out, err := openOutput(c.String("output"), c.App.Writer)
	if err != nil {
		return cli.Exit(err.Error(), 1)
	}
	defer out.Abort()
	w := pipeline.NewCSVWriter(out)
	w.Raw = c.Bool("raw-cells")

	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
	defer stop()
	stderr := c.App.ErrWriter
	var sum summary
	sum.failed = len(expandErrs)
	for _, e := range expandErrs {
		fmt.Fprintf(stderr, "turntag: %v\n", e)
	}
	start := time.Now()
	runner := &pipeline.Runner{Pipeline: p, Jobs: c.Int("jobs"), MaxFileSize: c.Int64("max-file-size")}
	runErr := runner.Run(ctx, inputs, func(r pipeline.Result) error {
		sum.bytes += r.Bytes
		switch {
		case r.Skipped:
			sum.skipped++
			fmt.Fprintf(stderr, "turntag: skipped %v\n", r.Err)
			return nil
		case r.Err != nil:
			sum.failed++
			fmt.Fprintf(stderr, "turntag: %v\n", r.Err)
			return nil
		}
		for _, w := range r.Doc.Warnings {
			fmt.Fprintf(stderr, "turntag: %s: %s\n", r.Input.Source, w)
		}
		sum.files++
		sum.turns += len(r.Doc.Turns)
		return w.WriteDocument(r.Doc)
	})
	sum.elapsed = time.Since(start)
	if runErr != nil {
		fmt.Fprintf(stderr, "turntag: stopped after %d of %d files: %v\n", sum.files+sum.failed+sum.skipped, len(inputs), runErr)
		return cli.Exit("", 1)
	}
	if err := w.Flush(); err != nil {
		return cli.Exit(fmt.Sprintf("writing output: %v", err), 1)
	}
	if err := out.Commit(); err != nil {
		return cli.Exit(err.Error(), 1)
	}
	if !c.Bool("quiet") {
		fmt.Fprintln(stderr, sum.String())
	}
	if sum.failed > 0 {
		return cli.Exit("", 1)
	}
	return nil
}

// summary counts a batch run.
type summary struct {
	files, turns, failed, skipped int
	bytes                         int64
	elapsed                       time.Duration
}

func (s summary) String() string {
	return fmt.Sprintf("turntag: %d files, %d turns, %d failed, %d skipped, %.1f MB in %s",
		s.files, s.turns, s.failed, s.skipped, float64(s.bytes)/1e6, s.elapsed.Round(time.Millisecond))
}
