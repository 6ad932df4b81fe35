package main

import (
	"encoding/csv"

	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline/write"
	"github.com/turntag/turntag/tagger"
)

func lexiconCommand() *cli.Command {
	return &cli.Command{
		Name:            "lexicon",
		Usage:           "check, list and explain the lexicon (the embedded default merged with --lexicon files)",
		Action:          unknownCommand,
		HideHelpCommand: true,
		Subcommands: []*cli.Command{
			{
				Name:      "check",
				Usage:     "validate the default lexicon and the given files (each at most 8 MiB); print every problem as file:line and exit 1 if there is any",
				ArgsUsage: "[FILE...]",
				Description: "Checks: duplicate ids, an alias claimed by two entries without a rule, ISO codes that are not ISO 3166-1,\n" +
					"topics with no cues, references to unknown ids (topics, countries, parents), and phrases that can never match.",
				Flags:  append([]cli.Flag{&cli.BoolFlag{Name: "no-default-lexicon", Usage: "check only the given files, without the embedded default"}, dictionaryFlag()}, corpusFlags()...), // dictionary.go, sensecheck.go
				Action: runCheck,
			},
			{
				Name:  "list",
				Usage: "list what the merged lexicon holds, for review in a spreadsheet",
				Flags: append(lexiconFlags()[:3],
					&cli.StringFlag{Name: "type", Usage: "only entries of `TYPE`: country, organisation, person or topic"},
					&cli.StringFlag{Name: "format", Value: "table", Usage: "output `FORMAT`: table or csv"},
					&cli.BoolFlag{Name: "stats", Usage: "print coverage counts (entries by type, aliases, topics, cues) instead of the entries"},
				),
				Action: runList,
			},
			{
				Name:      "explain",
				Usage:     "show every match in a text, the entry it resolved to and why, and the topics it would get",
				ArgsUsage: "TEXT",
				Flags:     lexiconFlags(),
				Action:    runExplain,
			},
			helpCommand(),
			convertCommand(), // convert.go
		},
	}
}

func runCheck(c *cli.Context) error {
	type checked struct {
		lex      *lexicon.Lexicon
		problems lexicon.Problems
	}
	res, err := interruptible(c.Context, func() (checked, error) {
		var lex *lexicon.Lexicon
		var err error
		if c.Bool("no-default-lexicon") {
			lex = lexicon.New()
		} else if lex, err = lexicon.LoadDefaultYAML(); err != nil { // the files as they are, not the snapshot
			return checked{}, cli.Exit(fmt.Sprintf("default lexicon: %v", err), exitFailed)
		}
		var probs lexicon.Problems
		for _, f := range c.Args().Slice() {
			probs = append(probs, lexicon.AsProblems(addLexiconFile(lex, f))...)
		}
		probs = append(probs, lexicon.AsProblems(addDictionaries(c, lex))...) // dictionary.go
		probs = append(probs, lexicon.AsProblems(lex.Compile())...)
		probs = append(probs, lex.Check()...)
		return checked{lex, uniqueProblems(probs)}, nil
	})
	if err != nil {
		return err
	}
	if probs := res.problems; len(probs) > 0 {
		fmt.Fprintln(c.App.Writer, printable(probs.Error()))
		return cli.Exit(plural(len(probs), "problem", "problems"), exitFailed)
	}
	lex := res.lex
	s := lex.Stats()
	fmt.Fprintf(c.App.Writer, "ok: %d countries, %d organisations, %d people, %d topics\n", s.Countries, s.Organisations, s.People, s.Topics)
	return checkCorpus(c, lex) // sensecheck.go
}

// uniqueProblems drops a problem that Compile and Check both report,
// keeping the first.
func uniqueProblems(probs lexicon.Problems) lexicon.Problems {
	seen := map[string]bool{}
	var out lexicon.Problems
	for _, p := range probs {
		if msg := p.Error(); !seen[msg] {
			seen[msg] = true
			out = append(out, p)
		}
	}
	return out
}

func runList(c *cli.Context) error {
	typ := c.String("type")
	if typ != "" && typ != "topic" {
		if _, err := lexicon.ParseType(typ); err != nil {
			return usagef("--type: %v", err)
		}
	}
	if f := c.String("format"); f != "table" && f != "csv" {
		return usagef("--format takes table or csv, not %q", f)
	}
	w, err := resultStdout(c)
	if err != nil {
		return err
	}
	lex, err := interruptible(c.Context, func() (*lexicon.Lexicon, error) { return loadLexicon(c) })
	if err != nil {
		return err
	}
	if c.Bool("stats") {
		s := lex.Stats()
		fmt.Fprintf(w, "countries\t%d\norganisations\t%d\npeople\t%d\ntopics\t%d\naliases\t%d\ncues\t%d\n",
			s.Countries, s.Organisations, s.People, s.Topics, s.Aliases, s.Cues)
		return w.Close()
	}
	header := []string{"type", "id", "name", "iso2", "iso3", "kind", "taxonomy", "role", "country", "topics", "aliases", "file"}
	var rows [][]string
	if typ == "" || typ != "topic" {
		var want lexicon.Type
		if typ != "" {
			if want, err = lexicon.ParseType(typ); err != nil {
				return usagef("--type: %v", err)
			}
		}
		for _, e := range lex.Sorted(want) {
			var aliases []string
			for _, ps := range [][]lexicon.Phrase{e.Aliases, e.Demonyms, e.Capitals} {
				for _, p := range ps {
					aliases = append(aliases, p.Text)
				}
			}
			rows = append(rows, []string{e.Type.String(), e.ID, e.Name, e.ISO2, e.ISO3, e.Kind, "", e.Role, e.Country,
				strings.Join(e.Topics, "; "), strings.Join(aliases, "; "), fmt.Sprintf("%s:%d", e.File, e.Line)})
		}
	}
	if typ == "" || typ == "topic" {
		for _, t := range lex.Topics {
			if !lex.Selected(t) {
				continue // --taxonomy: only the topics of the selected taxonomies
			}
			var cues []string
			for _, p := range t.Cues {
				cues = append(cues, p.Text)
			}
			rows = append(rows, []string{"topic", t.ID, t.Label, "", "", "", t.Taxonomy, "", "", t.Parent, strings.Join(cues, "; "), fmt.Sprintf("%s:%d", t.File, t.Line)})
		}
	}
	switch c.String("format") {
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write(header)
		for _, r := range rows {
			for i := range r {
				r[i] = write.Neutralize(r[i])
			}
			cw.Write(r)
		}
		cw.Flush()
		return w.Close()
	case "table":
		tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, strings.Join(header[:10], "\t"))
		for _, r := range rows {
			fmt.Fprintln(tw, strings.Join(r[:10], "\t"))
		}
		tw.Flush()
		return w.Close()
	}
	return usagef("--format takes table or csv, not %q", c.String("format"))
}

func runExplain(c *cli.Context) error {
	if c.NArg() == 0 {
		return usagef("explain needs a TEXT argument (see turntag lexicon explain --help)")
	}
	stdout, err := resultStdout(c)
	if err != nil {
		return err
	}
	p, err := buildPipeline(c)
	if err != nil {
		return err
	}
	text := strings.Join(c.Args().Slice(), " ")
	res, err := p.Tagger.NewDoc().Tag(text)
	if err != nil {
		return failure(err)
	}
	printExplain(stdout, text, res, p.Tagger.Lexicon().SelectedTaxonomies())
	return stdout.Close()
}

// printExplain writes the matches, mentions and tags of one text, the tags
// by taxonomy.
func printExplain(w io.Writer, text string, res tagger.Result, taxonomies []string) {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "MATCHES\tspan\tresolves to\twhy")
	for _, m := range res.Matches {
		to := ""
		switch {
		case m.Entry != nil:
			to = fmt.Sprintf("%s %s (%s)", m.Entry.Type, m.Entry.Name, m.Entry.ID)
			if m.Role == lexicon.RoleCapital {
				to = "cue for the topics of " + to
			}
		case m.Topic != nil:
			to = "cue for topic " + m.Topic.Label + " (" + m.Topic.Taxonomy + ")"
		}
		fmt.Fprintf(tw, "%q\t%d-%d\t%s\t%s\n", text[m.Start:m.End], m.Start, m.End, to, m.Rule())
	}
	tw.Flush()
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "MENTIONS\ttype\tcanonical\torigin\twhy")
	for _, m := range res.Mentions {
		fmt.Fprintf(tw, "%q\t%s\t%s\t%s\t%s\n", m.Text, m.Type, m.Canonical, m.Origin, m.Rule)
	}
	tw.Flush()
	fmt.Fprintln(w)
	for i, name := range taxonomies {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "TOPICS (%s)\n", name)
		n := 0
		for _, t := range res.Tags {
			if t.Taxonomy == name {
				fmt.Fprintf(w, "  %s %.2f: %s\n", t.Label, t.Score, write.Topic(t).EvidenceText())
				n++
			}
		}
		if n == 0 {
			fmt.Fprintln(w, "  (none)")
		}
	}
}
