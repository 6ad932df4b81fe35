package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/lexicon/dictionary"
)

// convertCommand is `turntag lexicon convert`: a dictionary as a turntag
// lexicon file.
func convertCommand() *cli.Command {
	return &cli.Command{
		Name:      "convert",
		Usage:     "write the turntag YAML lexicon equivalent of a dictionary (quanteda YAML, LIWC .dic, WordStat .cat or Lexicoder .lc3), to curate it in one format",
		ArgsUsage: "FILE",
		Description: "The format is told from the content. Each category becomes a topic with the id dict-<file name>-<category path>,\n" +
			"labelled with the category's name (nested names joined with a dot); a nested category's topic has the enclosing one\n" +
			"as parent. Entries become cues, lower case (they match in any case); a * at the end of the last word stays a prefix\n" +
			"glob; a * elsewhere or a ? is reported with its line, as is anything else the format does not allow.\n" +
			"Topics are sorted by id and cues by text; the output loads with --lexicon into the same topics as --dictionary FILE.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the lexicon to `FILE` instead of stdout"},
		},
		Action: runConvert,
	}
}

func runConvert(c *cli.Context) error {
	if c.NArg() != 1 {
		return cli.Exit("usage: convert needs one dictionary FILE", 2)
	}
	name := c.Args().First()
	f, err := readDictionary(name)
	if err != nil {
		return cli.Exit(err.Error(), 1)
	}
	d, err := dictionary.Read(f.Name, f.Data)
	if err != nil {
		return cli.Exit(err.Error(), 1)
	}
	if def, err := lexicon.Default(); err == nil {
		d.Unclash(def) // labels the default lexicon already shows get the dictionary's name in front
	}
	yaml := d.YAML()
	// what is written must load: check it as --lexicon would read it
	probe := lexicon.New()
	if err := probe.AddBytes(d.File, yaml); err != nil {
		return cli.Exit(fmt.Sprintf("%s: the converted lexicon does not load (please report it): %v", d.File, err), 1)
	}
	t, err := checkTarget("-o", c.String("output"))
	if err != nil {
		return err
	}
	if err := checkClashes([]*target{t}, c.App.Writer, nil, nil, []string{name}); err != nil {
		return err
	}
	out, err := openOutput(t, c.App.Writer)
	if err != nil {
		return cli.Exit(err.Error(), exitFailed)
	}
	defer out.Abort()
	if _, err := out.Write(yaml); err != nil {
		return cli.Exit(err.Error(), 1)
	}
	if err := out.Commit(); err != nil {
		return cli.Exit(err.Error(), 1)
	}
	return nil
}
