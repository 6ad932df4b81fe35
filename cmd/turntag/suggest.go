package main

import (
	"encoding/csv"
	"fmt"
	"strconv"
	"text/tabwriter"

	"github.com/turntag/turntag/pipeline/eval"
	"github.com/turntag/turntag/pipeline/write"
	"github.com/urfave/cli/v2"
)

func suggestCommand() *cli.Command {
	return &cli.Command{
		Name:      "suggest",
		Usage:     "list the names in a corpus that the lexicon does not know, ranked, as a starting point for curation",
		ArgsUsage: "FILE_OR_FOLDER...",
		Description: "Runs the statistical NER over every turn and lists the people, organisations and places it finds that no lexicon\n" +
			"entry covers, with their count, the number of documents, and an example in context.",
		Flags: append(lexiconFlags()[:2],
			&cli.IntFlag{Name: "top", Value: 50, Usage: "list at most `N` names (0: all)"},
			&cli.StringFlag{Name: "format", Value: "table", Usage: "output `FORMAT`: table or csv"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "process `N` files in parallel (0: one per CPU)"},
		),
		Action: runSuggest,
	}
}

func runSuggest(c *cli.Context) error {
	if c.NArg() == 0 {
		return cli.Exit("usage: suggest needs at least one FILE or FOLDER", 2)
	}
	p, err := buildPipeline(c)
	if err != nil {
		return err
	}
	sg := eval.NewSuggestions()
	unlisted, failed, _, err := eachDocument(c, p, nil, sg.Add)
	if err != nil {
		return cli.Exit(err.Error(), 1)
	}
	failed += unlisted
	ranked := sg.Ranked()
	if n := c.Int("top"); n > 0 && len(ranked) > n {
		ranked = ranked[:n]
	}
	switch c.String("format") {
	case "csv":
		w := csv.NewWriter(c.App.Writer)
		w.Write([]string{"name", "label", "count", "docs", "example", "source"})
		for _, s := range ranked {
			w.Write([]string{write.Neutralize(s.Name), s.Class, strconv.Itoa(s.Count), strconv.Itoa(s.Docs), write.Neutralize(s.Example), s.Source})
		}
		w.Flush()
		if err := w.Error(); err != nil {
			return err
		}
	case "table":
		tw := tabwriter.NewWriter(c.App.Writer, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "COUNT\tDOCS\tLABEL\tNAME\tEXAMPLE")
		for _, s := range ranked {
			fmt.Fprintf(tw, "%d\t%d\t%s\t%s\t%s\n", s.Count, s.Docs, s.Class, s.Name, s.Example)
		}
		tw.Flush()
	default:
		return cli.Exit(fmt.Sprintf("usage: --format takes table or csv, not %q", c.String("format")), 2)
	}
	if failed > 0 {
		return cli.Exit("", 1)
	}
	return nil
}
