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
	if err := checkArgs(c); err != nil {
		return err
	}
	if f := c.String("format"); f != "table" && f != "csv" {
		return usagef("--format takes table or csv, not %q", f)
	}
	if n := c.Int("top"); n < 0 {
		return usagef("--top takes 0 (all) or a positive number, not %d", n)
	}
	if err := checkJobs(c); err != nil {
		return err
	}
	stdout, err := resultStdout(c)
	if err != nil {
		return err
	}
	p, err := buildPipeline(c)
	if err != nil {
		return err
	}
	sg := eval.NewSuggestions()
	unlisted, failed, skipped, err := eachDocument(c, p, nil, sg.Add)
	if err != nil {
		return err
	}
	failed += unlisted + skipped
	ranked := sg.Ranked()
	if n := c.Int("top"); n > 0 && len(ranked) > n {
		ranked = ranked[:n]
	}
	switch c.String("format") {
	case "csv":
		w := csv.NewWriter(stdout)
		w.Write([]string{"name", "label", "count", "docs", "example", "source"})
		for _, s := range ranked {
			w.Write([]string{write.Neutralize(s.Name), s.Class, strconv.Itoa(s.Count), strconv.Itoa(s.Docs), write.Neutralize(s.Example), s.Source})
		}
		w.Flush()
	case "table":
		tw := tabwriter.NewWriter(stdout, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "COUNT\tDOCS\tLABEL\tNAME\tEXAMPLE")
		for _, s := range ranked {
			fmt.Fprintf(tw, "%d\t%d\t%s\t%s\t%s\n", s.Count, s.Docs, s.Class, s.Name, s.Example)
		}
		tw.Flush()
	}
	if err := stdout.Close(); err != nil {
		return err
	}
	if failed > 0 {
		return cli.Exit("", exitFailed)
	}
	return nil
}
