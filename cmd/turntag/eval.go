package main

import (
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/turntag/turntag/pipeline"
	"github.com/turntag/turntag/pipeline/batch"
	"github.com/turntag/turntag/pipeline/eval"
	"github.com/turntag/turntag/pipeline/transcript"
)

func evalCommand() *cli.Command {
	return &cli.Command{
		Name:      "eval",
		Usage:     "compare the tool's tags with hand-labelled gold turns: precision, recall and F1 per topic and entity type, and speaker accuracy",
		ArgsUsage: "FILE_OR_FOLDER...",
		Description: "Gold turns (JSON Lines, see the README) are matched to the tool's turns by source and by the start of the turn's text,\n" +
			"so the gold stays valid when turn numbering changes. Topics are scored per taxonomy (a gold line's \"taxonomy\", security\n" +
			"when absent); without --taxonomy, eval tags the taxonomies the gold names. Exit status: 0 when the report is complete,\n" +
			"1 when a transcript or a gold file could not be read, 2 on bad usage (a missing path, gold with no turns).",
		Flags: append(lexiconFlags(),
			&cli.StringSliceFlag{Name: "gold", Usage: "read gold turns from `FILE`, or from the *.jsonl files in a folder (repeatable, required; each file at most 64 MiB)"},
			&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "list every false positive (FP) and false negative (FN) with its turn and context"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "process `N` files in parallel (0: one per CPU)"},
		),
		Action: runEval,
	}
}

func runEval(c *cli.Context) error {
	if len(c.StringSlice("gold")) == 0 {
		return usagef("eval needs --gold FILE_OR_FOLDER (see turntag eval --help)")
	}
	if err := checkArgs(c); err != nil {
		return err
	}
	if err := checkNER(c); err != nil {
		return err
	}
	if err := checkJobs(c); err != nil {
		return err
	}
	stdout, err := resultStdout(c)
	if err != nil {
		return err
	}
	// an evaluation over fewer files than asked for would mislead
	for _, p := range append(c.StringSlice("gold"), c.Args().Slice()...) {
		if p == batch.Stdin {
			continue
		}
		if _, err := os.Stat(p); err != nil {
			return usagef("%v", transcript.FileError(p, err))
		}
	}
	gold, err := interruptible(c.Context, func() ([]eval.GoldTurn, error) { return eval.ReadGold(c.StringSlice("gold")) })
	if err != nil {
		return failure(err)
	}
	if len(gold) == 0 {
		return usagef("--gold %v holds no gold turns (JSON Lines, one turn a line; see the README)", c.StringSlice("gold"))
	}
	if !c.IsSet("taxonomy") {
		// tag the taxonomies the gold labels
		if err := c.Set("taxonomy", strings.Join(eval.NewEval(gold).GoldTaxonomies(), ",")); err != nil {
			return cli.Exit(err.Error(), 1)
		}
	}
	p, err := buildPipeline(c)
	if err != nil {
		return err
	}
	ev, err := evaluate(c, p, gold)
	if err != nil {
		return err
	}
	ev.WriteReport(stdout, c.Bool("verbose"))
	return stdout.Close()
}

// evaluate runs the pipeline over the arguments' files that the gold covers.
func evaluate(c *cli.Context, p *pipeline.Pipeline, gold []eval.GoldTurn) (*eval.Eval, error) {
	ev := eval.NewEval(gold)
	ev.Lexicon = p.Tagger.Lexicon()
	covers := func(in batch.Input) bool { return ev.Covers(in.Source) }
	unlisted, failed, skipped, err := eachDocument(c, p, covers, ev.AddDocument)
	if err != nil {
		return nil, err
	}
	if failed += skipped + unlisted; failed > 0 {
		return nil, cli.Exit(plural(failed, "file", "files")+" could not be read; the evaluation would be incomplete", exitFailed)
	}
	return ev, nil
}
