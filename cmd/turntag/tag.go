package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/turntag/turntag/pipeline"
	"github.com/turntag/turntag/pipeline/batch"
	"github.com/turntag/turntag/pipeline/write"
	"github.com/urfave/cli/v2"
)

// maxFileSizeCap is the largest --max-file-size accepted: 1 GiB. Memory
// peaks at some 25 times the largest file.
const maxFileSizeCap = 1 << 30

func tagCommand() *cli.Command {
	return &cli.Command{
		Name:      "tag",
		Usage:     "tag transcripts and write one row per turn",
		ArgsUsage: "FILE_OR_FOLDER...",
		Description: "Reads each FILE (and every file under each FOLDER, recursively, in sorted order; - for one transcript on standard input)\n" +
			"and writes CSV, JSON Lines or Parquet to stdout or -o. Flags may come before or after the arguments.\n" +
			"Formats: .txt, .md (YAML front matter), .html/.htm, .vtt, .srt, .docx; anything else is reported as skipped, and so is\n" +
			"anything that is not a regular file (a named pipe, a device), which is never opened.\n" +
			"CSV columns: source, doc_title, doc_date, turn, speaker, speaker_role, speaker_affiliation, topics, topic_taxonomies,\n" +
			"topic_scores, topic_evidence, countries, country_codes, organisations, people, addressed, words, text, start, end\n" +
			"(topic_taxonomies: the taxonomy of each label of topics, in the same order; start and end: subtitles only).\n" +
			"--taxonomy selects the topics: security (default), agendas, or all.\n" +
			"Exit status: 0 when every file was tagged, 1 when some failed or were skipped (the rest are still written) or the output\n" +
			"could not be written, 2 on bad usage (nothing is read).",
		Flags: append(lexiconFlags(),
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the turns to `FILE`, a new or regular file (written to a temporary file beside it and renamed at the end) instead of stdout"},
			&cli.StringFlag{Name: "mentions", Usage: "also write one row per entity mention (source, turn, start, end, text, type, canonical, id, origin; offsets in characters of the turn text) to `FILE` (- for stdout when -o is a file)"},
			&cli.StringFlag{Name: "documents", Usage: "also write one row per document (source, title, date, turns, words, speakers, per-topic share of turns and of words, top countries, organisations and people with the turns naming them) to `FILE`, in --format"},
			&cli.StringFlag{Name: "format", Value: "csv", Usage: "output `FORMAT` for turns and mentions: csv, jsonl, or parquet (needs -o; lists as Parquet lists, for DuckDB, pandas and R)"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: fmt.Sprintf("process `N` files in parallel (0: one per CPU; at most %d)", batch.MaxJobs)},
			&cli.StringSliceFlag{Name: "include", Usage: "in folders, only read files whose name or relative path matches `GLOB` (repeatable)"},
			&cli.StringSliceFlag{Name: "exclude", Usage: "in folders, skip files whose name or relative path matches `GLOB` (repeatable)"},
			&cli.Int64Flag{Name: "max-file-size", Value: batch.DefaultMaxFileSize, Usage: "refuse files larger than `BYTES` (at most 1 GiB); lines and turns are also limited to 4 MiB each"},
			&cli.BoolFlag{Name: "raw-cells", Usage: "write CSV cells as they are; by default a cell starting with =, +, -, @, tab or CR gets a leading ' so spreadsheets do not run it as a formula"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no progress bar and no summary line on stderr (errors are still printed)"},
			&cli.StringFlag{Name: "cache", Usage: "keep each file's output in `DIR` and reuse it while the file, the lexicon, the options and turntag are unchanged, so a rerun redoes only what changed (CSV and JSON Lines; at most 1 GiB, least recently used first out)"},
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

func newSink(t *target, stdout io.Writer, format string, mentions, raw bool) (*sink, error) {
	out, err := openOutput(t, stdout)
	if err != nil {
		return nil, cli.Exit(err.Error(), exitFailed)
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

// tagOptions are tag's flags, checked.
type tagOptions struct {
	format  string
	filter  batch.Filter
	targets []*target // turns, then mentions if asked for
	docs    *target   // --documents, or nil
	folders []string  // the arguments that are folders
}

// checkTag checks every flag and their combinations before anything is
// read or created: each problem is a usage error.
func checkTag(c *cli.Context) (*tagOptions, error) {
	if err := checkArgs(c); err != nil {
		return nil, err
	}
	o := &tagOptions{format: c.String("format")}
	switch o.format {
	case "csv", "jsonl", "parquet":
	default:
		return nil, usagef("--format takes csv, jsonl or parquet, not %q", o.format)
	}
	if err := checkNER(c); err != nil {
		return nil, err
	}
	if err := checkJobs(c); err != nil {
		return nil, err
	}
	if n := c.Int64("max-file-size"); n < 1 || n > maxFileSizeCap {
		return nil, usagef("--max-file-size takes 1 to %d bytes (1 GiB), not %d", maxFileSizeCap, n)
	}
	o.filter = batch.Filter{Include: c.StringSlice("include"), Exclude: c.StringSlice("exclude")}
	if err := o.filter.Validate(); err != nil {
		return nil, usagef("--include or --exclude: %v", err)
	}
	turns, err := checkTarget("-o", c.String("output"))
	if err != nil {
		return nil, err
	}
	o.targets = append(o.targets, turns)
	if c.IsSet("mentions") {
		m, err := checkTarget("--mentions", c.String("mentions"))
		if err != nil {
			return nil, err
		}
		o.targets = append(o.targets, m)
	}
	if c.IsSet("documents") {
		d, err := checkTarget("--documents", c.String("documents"))
		if err != nil {
			return nil, err
		}
		o.docs = d
	}
	if o.format == "parquet" {
		for _, t := range o.all() {
			if t.stdout() {
				return nil, usagef("--format parquet needs -o FILE (and --mentions FILE, --documents FILE): Parquet is not written to stdout")
			}
		}
	}
	for _, a := range c.Args().Slice() {
		if info, err := os.Stat(a); err == nil && info.IsDir() {
			o.folders = append(o.folders, a)
		}
	}
	return o, nil
}

// all returns every output target: turns, mentions, documents.
func (o *tagOptions) all() []*target {
	if o.docs == nil {
		return o.targets
	}
	return append(append([]*target(nil), o.targets...), o.docs)
}

func runTag(c *cli.Context) error {
	opts, err := checkTag(c)
	if err != nil {
		return err
	}
	if err := checkNER(c); err != nil {
		return err
	}
	spec, err := lexiconSpec(c) // read once: the cache's key and the lexicon come from the same bytes
	if err != nil {
		return err
	}
	cache, err := openCache(c, opts, spec)
	if err != nil {
		return err
	}
	stderr := c.App.ErrWriter
	inputs, expandErrs := batch.Expand(c.Args().Slice(), opts.filter)
	if err := checkClashes(opts.all(), c.App.Writer, opts.folders, inputs, flagFiles(c)); err != nil {
		return err
	}
	for _, t := range opts.all() {
		if t.stdout() && stdoutLost(c.App.Writer) {
			return cli.Exit("stdout is closed: the turns would be lost; give -o FILE, or redirect stdout to a file", exitFailed)
		}
	}
	var sinks []*sink
	defer func() {
		for _, s := range sinks {
			s.out.Abort()
		}
	}()
	for i, t := range opts.targets {
		s, err := newSink(t, c.App.Writer, opts.format, i == 1, c.Bool("raw-cells"))
		if err != nil {
			return err
		}
		sinks = append(sinks, s)
	}
	if opts.docs != nil { // --documents: see documents.go
		ds, err := newDocumentsSink(opts.docs, c.App.Writer, opts.format, c.Bool("raw-cells"))
		if err != nil {
			return err
		}
		sinks = append(sinks, ds)
	}
	runner := &batch.Runner{Jobs: c.Int("jobs"), MaxFileSize: c.Int64("max-file-size"), Stdin: c.App.Reader, Cache: cache}
	// with --cache the lexicon and the model are loaded on the first file
	// not in the cache, so that a rerun served from it skips them; the
	// cache's key holds everything they depend on (see openCache)
	if cache == nil {
		if runner.Pipeline, err = buildPipelineOf(c, spec); err != nil {
			return err
		}
	} else {
		runner.Build = func() (*pipeline.Pipeline, error) {
			p, err := buildPipelineOf(c, spec)
			if err != nil {
				return nil, buildError{err}
			}
			return p, nil
		}
	}

	var sum summary
	sum.failed = len(expandErrs)
	for _, e := range expandErrs {
		warn(stderr, "turntag: %s\n", errorText(e))
	}
	bar := newProgress(stderr, inputs, c.Bool("quiet"))
	start := time.Now()
	for _, s := range sinks {
		if s.w != nil {
			s.enc = len(runner.Encoders)
			runner.Encoders = append(runner.Encoders, s.w.Encoder())
		}
	}
	runErr := runner.Run(c.Context, inputs, func(r batch.Result) error {
		defer bar.done(r, &sum)
		sum.bytes += r.Bytes
		switch {
		case r.Skipped:
			sum.skipped++
			bar.printf("turntag: skipped %s\n", errorText(r.Err))
			return nil
		case r.Err != nil:
			sum.failed++
			bar.printf("turntag: %s\n", errorText(r.Err))
			return nil
		}
		for _, w := range r.Doc.Warnings {
			bar.printf("turntag: %s: %s\n", fileName(r.Input.Source), w)
		}
		sum.files++
		sum.turns += len(r.Doc.Turns)
		if r.Cached {
			sum.cached++
		}
		for _, s := range sinks {
			if err := s.write(r); err != nil {
				return err
			}
		}
		return nil
	})
	bar.finish()
	sum.elapsed = time.Since(start)
	if be, ok := runErr.(buildError); ok { // the lexicon or the model did not load: nothing was written
		return be.err
	}
	if runErr != nil {
		return cli.Exit(stopped(runErr, sum, len(inputs), opts.targets), exitFailed)
	}
	if !runner.Built() && sum.cached == 0 { // no file needed the pipeline: still report a bad lexicon
		if _, err := buildPipelineOf(c, spec); err != nil {
			return err
		}
	}
	for _, s := range sinks {
		if err := s.finish(); err != nil {
			return cli.Exit(err.Error(), exitFailed)
		}
		if err := s.out.Commit(); err != nil {
			return cli.Exit(err.Error(), exitFailed)
		}
	}
	if !c.Bool("quiet") {
		fmt.Fprintln(stderr, sum.String())
	}
	if sum.failed > 0 || sum.skipped > 0 {
		return cli.Exit("", exitFailed)
	}
	return nil
}

// buildError is the error of a pipeline built lazily for --cache (see
// runTag). It is told by its type, not kept in a variable, because an
// interrupted run returns while the build may still be going on.
type buildError struct{ err error }

// Error returns the build's error message.
func (e buildError) Error() string { return e.err.Error() }

// stopped says why and where a run stopped early and what became of the
// output: "interrupted after 3 of 10 files; turns.csv was not written".
func stopped(err error, sum summary, total int, targets []*target) string {
	msg := fmt.Sprintf("interrupted after %d of %d files", sum.files+sum.failed+sum.skipped, total)
	if !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) {
		msg = fmt.Sprintf("%s; stopped after %d of %d files", message(err), sum.files+sum.failed+sum.skipped, total)
	}
	for _, t := range targets {
		if t.stdout() {
			msg += "; the output on stdout is incomplete"
		} else {
			msg += "; " + t.path + " was not written"
		}
	}
	return msg
}

// summary counts a batch run.
type summary struct {
	files, turns, failed, skipped int
	cached                        int // files read from --cache
	bytes                         int64
	elapsed                       time.Duration
}

// String renders the one-line summary of a run.
func (s summary) String() string {
	line := fmt.Sprintf("turntag: %s, %s, %d failed, %d skipped, %.1f MB in %s",
		plural(s.files, "file", "files"), plural(s.turns, "turn", "turns"), s.failed, s.skipped, float64(s.bytes)/1e6, s.elapsed.Round(time.Millisecond))
	if s.cached > 0 {
		line += fmt.Sprintf(" (%d from the cache)", s.cached)
	}
	return line
}
