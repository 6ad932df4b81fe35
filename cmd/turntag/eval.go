package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/turntag/turntag/pipeline"
	"github.com/turntag/turntag/pipeline/batch"
	"github.com/turntag/turntag/pipeline/eval"
)

func evalCommand() *cli.Command {
	return &cli.Command{
		Name:      "eval",
		Usage:     "compare the tool's tags with hand-labelled gold turns: precision, recall and F1 per topic and entity type, and speaker accuracy",
		ArgsUsage: "FILE_OR_FOLDER...",
		Description: "Gold turns (JSON Lines, see the README) are matched to the tool's turns by source and by the start of the turn's text,\n" +
			"so the gold stays valid when turn numbering changes. Topics are scored per taxonomy (a gold line's \"taxonomy\", security\n" +
			"when absent); without --taxonomy, eval tags the taxonomies the gold names.",
		Flags: append(lexiconFlags(),
			&cli.StringSliceFlag{Name: "gold", Usage: "read gold turns from `FILE`, or from the *.jsonl files in a folder (repeatable, required)"},
			&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "list every false positive (FP) and false negative (FN) with its turn and context"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "process `N` files in parallel (0: one per CPU)"},
		),
		Action: runEval,
	}
}

func runEval(c *cli.Context) error {
	if c.NArg() == 0 || len(c.StringSlice("gold")) == 0 {
		return cli.Exit("usage: eval needs --gold and at least one FILE or FOLDER", 2)
	}
	gold, err := eval.ReadGold(c.StringSlice("gold"))
	if err != nil {
		return cli.Exit(err.Error(), 1)
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
	ev.WriteReport(c.App.Writer, c.Bool("verbose"))
	return nil
}

// evaluate runs the pipeline over the arguments' files that the gold covers.
func evaluate(c *cli.Context, p *pipeline.Pipeline, gold []eval.GoldTurn) (*eval.Eval, error) {
	ev := eval.NewEval(gold)
	ev.Lexicon = p.Tagger.Lexicon()
	covers := func(in batch.Input) bool { return ev.Covers(in.Source) }
	_, failed, skipped, err := eachDocument(c, p, covers, ev.AddDocument)
	if err != nil {
		return nil, cli.Exit(err.Error(), 1)
	}
	if failed += skipped; failed > 0 {
		return nil, cli.Exit(fmt.Sprintf("%d files failed", failed), 1)
	}
	return ev, nil
}
