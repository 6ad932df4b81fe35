package main

import (
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/turntag/turntag/pipeline/batch"
	"github.com/turntag/turntag/pipeline/limited"
	"github.com/turntag/turntag/pipeline/report"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/pipeline/write"
)

func reportCommand() *cli.Command {
	return &cli.Command{
		Name:      "report",
		Usage:     "write a self-contained HTML review report of transcripts, or of the JSON Lines output of tag",
		ArgsUsage: "FILE_OR_FOLDER... | TURNS.jsonl",
		Description: "Tags the transcripts as tag does (same flags) and writes one HTML file that works offline: an overview with topic shares and\n" +
			"a topic × month timeline, who talks about what (speaker × topic, top entities per topic), a sortable documents table, a\n" +
			"view of each document with its mentions highlighted and its topics' evidence, filters with live counts, and the codebook.\n" +
			"Given a .jsonl file written by tag --format jsonl instead, it reads the turns from it (and the mentions from --mentions,\n" +
			"for the highlights) without tagging again; the lexicon flags then only set the codebook.\n" +
			"Exit status: 0 when every file was read, 1 when some failed or were skipped (the rest are still in the report), 2 on bad usage.",
		Flags: append(lexiconFlags(),
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to `FILE` (written to a temporary file beside it and renamed at the end) instead of stdout"},
			&cli.StringFlag{Name: "mentions", Usage: "with a JSON Lines input: the mentions `FILE` that tag --format jsonl --mentions wrote with it, to highlight the mentions"},
			&cli.StringFlag{Name: "title", Usage: "the report's `TITLE` (default: turntag report)"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "process `N` files in parallel (0: one per CPU)"},
			&cli.StringSliceFlag{Name: "include", Usage: "in folders, only read files whose name or relative path matches `GLOB` (repeatable)"},
			&cli.StringSliceFlag{Name: "exclude", Usage: "in folders, skip files whose name or relative path matches `GLOB` (repeatable)"},
			&cli.Int64Flag{Name: "max-file-size", Value: batch.DefaultMaxFileSize, Usage: "refuse files larger than `BYTES`"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no progress bar and no summary line on stderr (errors are still printed)"},
		),
		Action: runReport,
	}
}

// jsonlInput reports whether the arguments name JSON Lines output of tag
// rather than transcripts; a mix is a usage error.
func jsonlInput(args []string) (bool, error) {
	n := 0
	for _, a := range args {
		if ext := strings.ToLower(filepath.Ext(a)); ext == ".jsonl" || ext == ".ndjson" {
			n++
		}
	}
	if n > 0 && n < len(args) {
		return false, cli.Exit("usage: report reads either transcripts or .jsonl output of tag, not both", 2)
	}
	return n > 0, nil
}

func runReport(c *cli.Context) error {
	if c.NArg() == 0 {
		return cli.Exit("usage: report needs at least one FILE or FOLDER, or a .jsonl file written by tag (see turntag report --help)", 2)
	}
	fromJSONL, err := jsonlInput(c.Args().Slice())
	if err != nil {
		return err
	}
	if c.String("mentions") != "" && !fromJSONL {
		return cli.Exit("usage: --mentions is for a .jsonl input; transcripts are tagged with their mentions", 2)
	}
	t, err := checkTarget("-o", c.String("output"))
	if err != nil {
		return err
	}
	if err := checkClashes([]*target{t}, c.App.Writer, nil, nil, append(append(flagFiles(c), c.Args().Slice()...), c.String("mentions"))); err != nil {
		return err
	}
	out, err := openOutput(t, c.App.Writer)
	if err != nil {
		return cli.Exit(err.Error(), exitFailed)
	}
	defer out.Abort()
	start := time.Now()
	var b *report.Builder
	var sum summary
	if fromJSONL {
		b, err = reportFromJSONL(c)
	} else {
		b, sum, err = reportFromTranscripts(c)
	}
	if err != nil {
		return err
	}
	if err := b.Write(out); err != nil {
		return cli.Exit(fmt.Sprintf("writing the report: %v", err), 1)
	}
	if err := out.Commit(); err != nil {
		return cli.Exit(err.Error(), 1)
	}
	if !c.Bool("quiet") {
		if fromJSONL {
			fmt.Fprintf(c.App.ErrWriter, "turntag: report of %d documents in %s\n", b.Documents(), time.Since(start).Round(time.Millisecond))
		} else {
			sum.elapsed = time.Since(start)
			fmt.Fprintln(c.App.ErrWriter, sum.String())
		}
	}
	if sum.failed > 0 || sum.skipped > 0 {
		return cli.Exit("", 1)
	}
	return nil
}

// reportFromJSONL reads the turns (and mentions) that tag wrote.
func reportFromJSONL(c *cli.Context) (*report.Builder, error) {
	lex, err := loadLexicon(c)
	if err != nil {
		return nil, err
	}
	b := report.New(report.Options{Title: c.String("title"), Lexicon: lex})
	var mentions map[string][]write.MentionRecord
	if m := c.String("mentions"); m != "" {
		f, err := limited.Open(m)
		if err != nil {
			return nil, cli.Exit(transcript.FileError(m, err).Error(), 1)
		}
		mentions, err = report.ReadMentions(m, f)
		f.Close()
		if err != nil {
			return nil, cli.Exit(err.Error(), 1)
		}
	}
	for _, name := range c.Args().Slice() {
		f, err := limited.Open(name)
		if err != nil {
			return nil, cli.Exit(transcript.FileError(name, err).Error(), 1)
		}
		err = b.AddJSONL(name, f, mentions)
		f.Close()
		if err != nil {
			return nil, cli.Exit(err.Error(), 1)
		}
	}
	return b, nil
}

// reportFromTranscripts tags the files as tag does and adds each document
// in input order.
func reportFromTranscripts(c *cli.Context) (*report.Builder, summary, error) {
	var sum summary
	p, err := buildPipeline(c)
	if err != nil {
		return nil, sum, err
	}
	b := report.New(report.Options{Title: c.String("title"), Lexicon: p.Tagger.Lexicon()})
	stderr := c.App.ErrWriter
	inputs, expandErrs := batch.Expand(c.Args().Slice(), batch.Filter{Include: c.StringSlice("include"), Exclude: c.StringSlice("exclude")})
	sum.failed = len(expandErrs)
	for _, e := range expandErrs {
		fmt.Fprintf(stderr, "turntag: %v\n", e)
	}
	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
	defer stop()
	bar := newProgress(stderr, inputs, c.Bool("quiet"))
	// the document views are packed in the workers; the builder only adds
	// each document's summary, in input order
	runner := &batch.Runner{Pipeline: p, Jobs: c.Int("jobs"), MaxFileSize: c.Int64("max-file-size"), Encoders: []write.Encoder{report.Encoder{}}}
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
		sum.files++
		sum.turns += len(r.Doc.Turns)
		return b.AddEncoded(r.Doc, r.Encoded[0])
	})
	bar.finish()
	if runErr != nil {
		fmt.Fprintf(stderr, "turntag: stopped after %d of %d files (%v); no report was written\n", sum.files+sum.failed+sum.skipped, len(inputs), runErr)
		return nil, sum, cli.Exit("", 1)
	}
	return b, sum, nil
}
