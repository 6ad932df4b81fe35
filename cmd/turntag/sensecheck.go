package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/lexicon/sense"
	"github.com/turntag/turntag/pipeline"
	"github.com/turntag/turntag/pipeline/batch"
	"github.com/turntag/turntag/pipeline/limited"
	"github.com/turntag/turntag/tagger"
)

// corpusFlags are the flags of `lexicon check --corpus`.
func corpusFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "corpus", Usage: "also list the cues that fire in very different contexts in the transcripts under `DIR` (repeatable; run once the lexicon checks clean; a curation aid: it never fails the check)"},
		&cli.IntFlag{Name: "corpus-top", Value: 20, Usage: "with --corpus, list at most `N` cues (0: all)"},
		&cli.IntFlag{Name: "corpus-min", Value: 12, Usage: "with --corpus, judge only cues that match in at least `N` turns"},
	}
}

// checkCorpus runs the sense check of --corpus over the transcripts under
// the folder with the lexicon (compiled) and prints its report. A file that
// cannot be read is reported on stderr and skipped.
func checkCorpus(c *cli.Context, lex *lexicon.Lexicon) error {
	dirs := c.StringSlice("corpus")
	if len(dirs) == 0 {
		return nil
	}
	inputs, errs := batch.Expand(dirs, batch.Filter{})
	for _, e := range errs {
		fmt.Fprintf(c.App.ErrWriter, "turntag: %v\n", e)
	}
	if len(inputs) == 0 {
		return cli.Exit(fmt.Sprintf("--corpus %s: no files", strings.Join(dirs, ", ")), 1)
	}
	p := pipeline.New(tagger.New(lex, nil)) // the reader only: turns, not tags
	ch := sense.New(lex, sense.Options{MinOccurrences: c.Int("corpus-min")})
	for _, in := range inputs {
		src, err := limited.ReadFile(in.Path, batch.DefaultMaxFileSize)
		if err != nil {
			fmt.Fprintf(c.App.ErrWriter, "turntag: %s: %v\n", in.Source, err)
			continue
		}
		doc, err := p.Parse(in.Source, src)
		if err != nil {
			fmt.Fprintf(c.App.ErrWriter, "turntag: skipped %v\n", err)
			continue
		}
		doc.Normalize()
		for _, t := range doc.Turns {
			ch.Add(in.Path, t.Line, doc.TurnText(t))
		}
	}
	fmt.Fprintln(c.App.Writer)
	return sense.WriteReport(c.App.Writer, ch.Suspects(), c.Int("corpus-top"))
}
