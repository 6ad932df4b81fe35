package main

import (
	"github.com/urfave/cli/v2"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/lexicon/dictionary"
)

// dictionaryFlag is --dictionary, for the commands that load a lexicon.
func dictionaryFlag() cli.Flag {
	return &cli.StringSliceFlag{Name: "dictionary", Usage: "add the categories of the dictionary `FILE` as topics: quanteda YAML, LIWC .dic, WordStat .cat or Lexicoder .lc3, " +
		"told apart by content; nested categories become parent topics (repeatable; see turntag lexicon convert)"}
}

// addDictionaries adds the --dictionary files to lex as topics, after the
// --lexicon files; lex is compiled afterwards.
func addDictionaries(c *cli.Context, lex *lexicon.Lexicon) error {
	for _, f := range c.StringSlice("dictionary") {
		if err := dictionary.AddFile(lex, f); err != nil {
			return err
		}
	}
	return nil
}
