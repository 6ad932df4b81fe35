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
		Name:  "lexicon",
		Usage: "check, list and explain the lexicon (the embedded default merged with --lexicon files)",
		Subcommands: []*cli.Command{
			{
				Name:      "check",
				Usage:     "validate the default lexicon and the given files; print every problem as file:line and exit 1 if there is any",
				ArgsUsage: "[FILE...]",
				Description: "Checks: duplicate ids, an alias claimed by two entries without a rule, ISO codes that are not ISO 3166-1,\n" +
					"topics with no cues, references to unknown ids (topics, countries, parents), and phrases that can never match.",
				Flags:  append([]cli.Flag{&cli.BoolFlag{Name: "no-default-lexicon", Usage: "check only the given files, without the embedded default"}, dictionaryFlag()}, corpusFlags()...), // dictionary.go, sensecheck.go
				Action: runCheck,
			},
			{
				Name:  "list",
				Usage: "list what the merged lexicon holds, for review in a spreadsheet",
				Flags: append(lexiconFlags()[:2],
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
			convertCommand(), // convert.go
		},
	}
}

func runCheck(c *cli.Context) error {
	var lex *lexicon.Lexicon
	var err error
	if c.Bool("no-default-lexicon") {
		lex = lexicon.New()
	} else if lex, err = lexicon.LoadDefault(); err != nil {
		fmt.Fprintln(c.App.Writer, err)
		return cli.Exit("", 1)
	}
	var problems []string
	for _, f := range c.Args().Slice() {
		if err := lex.AddFile(f); err != nil {
			problems = append(problems, err.Error())
		}
	}
	if err := addDictionaries(c, lex); err != nil { // dictionary.go
		problems = append(problems, err.Error())
	}
	if err := lex.Compile(); err != nil {
		problems = append(problems, err.Error())
	}
	if err := lex.Check(); err != nil {
		problems = append(problems, err.Error())
	}
	if len(problems) > 0 {
		fmt.Fprintln(c.App.Writer, strings.Join(problems, "\n"))
		n := 0
		for _, p := range problems {
			n += strings.Count(p, "\n") + 1
		}
		return cli.Exit(fmt.Sprintf("%d problems", n), 1)
	}
	s := lex.Stats()
	fmt.Fprintf(c.App.Writer, "ok: %d countries, %d organisations, %d people, %d topics\n", s.Countries, s.Organisations, s.People, s.Topics)
	return checkCorpus(c, lex) // sensecheck.go
}

func runList(c *cli.Context) error {
	lex, err := loadLexicon(c)
	if err != nil {
		return err
	}
	w := c.App.Writer
	if c.Bool("stats") {
		s := lex.Stats()
		fmt.Fprintf(w, "countries\t%d\norganisations\t%d\npeople\t%d\ntopics\t%d\naliases\t%d\ncues\t%d\n",
			s.Countries, s.Organisations, s.People, s.Topics, s.Aliases, s.Cues)
		return nil
	}
	header := []string{"type", "id", "name", "iso2", "iso3", "kind", "role", "country", "topics", "aliases", "file"}
	var rows [][]string
	typ := c.String("type")
	if typ == "" || typ != "topic" {
		var want lexicon.Type
		if typ != "" {
			if want, err = lexicon.ParseType(typ); err != nil {
				return cli.Exit("usage: "+err.Error(), 2)
			}
		}
		for _, e := range lex.Sorted(want) {
			var aliases []string
			for _, ps := range [][]lexicon.Phrase{e.Aliases, e.Demonyms, e.Capitals} {
				for _, p := range ps {
					aliases = append(aliases, p.Text)
				}
			}
			rows = append(rows, []string{e.Type.String(), e.ID, e.Name, e.ISO2, e.ISO3, e.Kind, e.Role, e.Country,
				strings.Join(e.Topics, "; "), strings.Join(aliases, "; "), fmt.Sprintf("%s:%d", e.File, e.Line)})
		}
	}
	if typ == "" || typ == "topic" {
		for _, t := range lex.Topics {
			var cues []string
			for _, p := range t.Cues {
				cues = append(cues, p.Text)
			}
			rows = append(rows, []string{"topic", t.ID, t.Label, "", "", "", "", "", t.Parent, strings.Join(cues, "; "), fmt.Sprintf("%s:%d", t.File, t.Line)})
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
		return cw.Error()
	case "table":
		tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, strings.Join(header[:9], "\t"))
		for _, r := range rows {
			fmt.Fprintln(tw, strings.Join(r[:9], "\t"))
		}
		return tw.Flush()
	}
	return cli.Exit(fmt.Sprintf("usage: --format takes table or csv, not %q", c.String("format")), 2)
}

func runExplain(c *cli.Context) error {
	if c.NArg() == 0 {
		return cli.Exit("usage: explain needs a TEXT argument", 2)
	}
	p, err := buildPipeline(c)
	if err != nil {
		return err
	}
	text := strings.Join(c.Args().Slice(), " ")
	res, err := p.Tagger.NewDoc().Tag(text)
	if err != nil {
		return cli.Exit(err.Error(), 1)
	}
	printExplain(c.App.Writer, text, res)
	return nil
}

// printExplain writes the matches, mentions and tags of one text.
func printExplain(w io.Writer, text string, res tagger.Result) {
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
			to = "cue for topic " + m.Topic.Label
		}
		fmt.Fprintf(tw, "%q\t%d-%d\t%s\t%s\n", text[m.Start:m.End], m.Start, m.End, to, m.Rule)
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
	fmt.Fprintln(w, "TOPICS")
	if len(res.Tags) == 0 {
		fmt.Fprintln(w, "  (none)")
	}
	for _, t := range res.Tags {
		fmt.Fprintf(w, "  %s %.2f: %s\n", t.Label, t.Score, write.Topic(t).EvidenceText())
	}
}
