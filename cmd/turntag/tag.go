package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/turntag/turntag/pipeline/batch"
	"github.com/turntag/turntag/pipeline/write"
	"github.com/urfave/cli/v2"
)

func tagCommand() *cli.Command {
	return &cli.Command{
		Name:      "tag",
		Usage:     "tag transcripts and write one row per turn",
		ArgsUsage: "FILE_OR_FOLDER...",
		Description: "Reads each FILE (and every file under each FOLDER, recursively, in sorted order) and writes CSV or JSON Lines to stdout or -o.\n" +
			"Formats: .txt, .md (YAML front matter), .html/.htm, .vtt, .srt, .docx; anything else is reported as skipped.\n" +
			"CSV columns: source, doc_title, doc_date, turn, speaker, speaker_role, speaker_affiliation, topics, topic_scores,\n" +
			"topic_evidence, countries, country_codes, organisations, people, words, text, start, end (start and end: subtitles only).\n" +
			"Exit status: 0 when every file was tagged, 1 when some failed or were skipped (the rest are still written), 2 on bad usage.",
		Flags: append(lexiconFlags(),
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the turns to `FILE` (written to a temporary file beside it and renamed at the end) instead of stdout"},
			&cli.StringFlag{Name: "mentions", Usage: "also write one row per entity mention (source, turn, start, end, text, type, canonical, id, origin; offsets in characters of the turn text) to `FILE`"},
			&cli.StringFlag{Name: "documents", Usage: "also write one row per document (source, title, date, turns, words, speakers, per-topic share of turns and of words, top countries, organisations and people with the turns naming them) to `FILE`, in --format"},
			&cli.StringFlag{Name: "format", Value: "csv", Usage: "output `FORMAT` for turns and mentions: csv, jsonl, or parquet (needs -o; lists as Parquet lists, for DuckDB, pandas and R)"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "process `N` files in parallel (0: one per CPU)"},
			&cli.StringSliceFlag{Name: "include", Usage: "in folders, only read files whose name or relative path matches `GLOB` (repeatable)"},
			&cli.StringSliceFlag{Name: "exclude", Usage: "in folders, skip files whose name or relative path matches `GLOB` (repeatable)"},
			&cli.Int64Flag{Name: "max-file-size", Value: batch.DefaultMaxFileSize, Usage: "refuse files larger than `BYTES`"},
			&cli.BoolFlag{Name: "raw-cells", Usage: "write CSV cells as they are; by default a cell starting with =, +, -, @, tab or CR gets a leading ' so spreadsheets do not run it as a formula"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no progress bar and no summary line on stderr (errors are still printed)"},
		),
		Action: runTag,
	}
}

// sink is one output: its file and its writer, which renders documents in
// the workers (CSV, JSON Lines) or writes them whole (Parquet).
type sink struct {
	out *output
	w   *write.Writer        // CSV and JSON Lines
	pq  *write.ParquetWriter // Parquet
	enc int                  // index of w's encoder among the runner's
}

func newSink(target string, stdout io.Writer, format string, mentions, raw bool) (*sink, error) {
	if format == "parquet" && (target == "" || target == "-") {
		return nil, cli.Exit("usage: --format parquet needs -o FILE (and --mentions FILE): Parquet is not written to stdout", 2)
	}
	out, err := openOutput(target, stdout)
	if err != nil {
		return nil, cli.Exit(err.Error(), 1)
	}
	switch format {
	case "parquet":
		return &sink{out: out, pq: write.NewParquetWriter(out, mentions)}, nil
	case "jsonl":
		return &sink{out: out, w: write.NewWriter(out, write.JSONLEncoder{Mentions: mentions})}, nil
	}
	return &sink{out: out, w: write.NewWriter(out, write.CSVEncoder{Mentions: mentions, Raw: raw})}, nil
}

// write writes one tagged document.
func (s *sink) write(r batch.Result) error {
	if s.pq != nil {
		return s.pq.WriteDocument(r.Doc)
	}
	return s.w.WriteEncoded(r.Encoded[s.enc])
}

// finish completes the output; Commit still has to rename it.
func (s *sink) finish() error {
	if s.pq != nil {
		return s.pq.Close()
	}
	return s.w.Flush()
}

func runTag(c *cli.Context) error {
	if c.NArg() == 0 {
		return cli.Exit("usage: tag needs at least one FILE or FOLDER (see turntag tag --help)", 2)
	}
	format := c.String("format")
	if format != "csv" && format != "jsonl" && format != "parquet" {
		return cli.Exit(fmt.Sprintf("usage: --format takes csv, jsonl or parquet, not %q", format), 2)
	}
	p, err := buildPipeline(c)
	if err != nil {
		return err
	}
	stderr := c.App.ErrWriter
	inputs, expandErrs := batch.Expand(c.Args().Slice(), batch.Filter{Include: c.StringSlice("include"), Exclude: c.StringSlice("exclude")})
	sinks := []*sink{}
	turns, err := newSink(c.String("output"), c.App.Writer, format, false, c.Bool("raw-cells"))
	if err != nil {
		return err
	}
	sinks = append(sinks, turns)
	if m := c.String("mentions"); m != "" {
		ms, err := newSink(m, c.App.Writer, format, true, c.Bool("raw-cells"))
		if err != nil {
			turns.out.Abort()
			return err
		}
		sinks = append(sinks, ms)
	}
	if d := c.String("documents"); d != "" { // --documents: see documents.go
		ds, err := newDocumentsSink(d, c.App.Writer, format, c.Bool("raw-cells"))
		if err != nil {
			for _, s := range sinks {
				s.out.Abort()
			}
			return err
		}
		sinks = append(sinks, ds)
	}
	defer func() {
		for _, s := range sinks {
			s.out.Abort()
		}
	}()

	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
	defer stop()
	var sum summary
	sum.failed = len(expandErrs)
	for _, e := range expandErrs {
		fmt.Fprintf(stderr, "turntag: %v\n", e)
	}
	bar := newProgress(stderr, inputs, c.Bool("quiet"))
	start := time.Now()
	runner := &batch.Runner{Pipeline: p, Jobs: c.Int("jobs"), MaxFileSize: c.Int64("max-file-size")}
	for _, s := range sinks {
		if s.w != nil {
			s.enc = len(runner.Encoders)
			runner.Encoders = append(runner.Encoders, s.w.Encoder())
		}
	}
	runErr := runner.Run(ctx, inputs, func(r batch.Result) error {
		defer bar.done(r, &sum)
		sum.bytes += r.Bytes
		switch {
		case r.Skipped:
			sum.skipped++
			bar.printf("turntag: skipped %v\n", r.Err)
			return nil
		case r.Err != nil:
			sum.failed++
			bar.printf("turntag: %v\n", r.Err)
			return nil
		}
		for _, w := range r.Doc.Warnings {
			bar.printf("turntag: %s: %s\n", r.Input.Source, w)
		}
		sum.files++
		sum.turns += len(r.Doc.Turns)
		for _, s := range sinks {
			if err := s.write(r); err != nil {
				return fmt.Errorf("writing output: %w", err)
			}
		}
		return nil
	})
	bar.finish()
	sum.elapsed = time.Since(start)
	if runErr != nil {
		fmt.Fprintf(stderr, "turntag: stopped after %d of %d files (%v); no output file was written\n", sum.files+sum.failed+sum.skipped, len(inputs), runErr)
		return cli.Exit("", 1)
	}
	for _, s := range sinks {
		if err := s.finish(); err != nil {
			return cli.Exit(fmt.Sprintf("writing output: %v", err), 1)
		}
		if err := s.out.Commit(); err != nil {
			return cli.Exit(err.Error(), 1)
		}
	}
	if !c.Bool("quiet") {
		fmt.Fprintln(stderr, sum.String())
	}
	if sum.failed > 0 || sum.skipped > 0 {
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

// String renders the one-line summary of a run.
func (s summary) String() string {
	return fmt.Sprintf("turntag: %d files, %d turns, %d failed, %d skipped, %.1f MB in %s",
		s.files, s.turns, s.failed, s.skipped, float64(s.bytes)/1e6, s.elapsed.Round(time.Millisecond))
}
