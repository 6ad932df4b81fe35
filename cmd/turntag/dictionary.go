package main

import (
	"github.com/urfave/cli/v2"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/lexicon/assemble"
	"github.com/turntag/turntag/lexicon/dictionary"
	"github.com/turntag/turntag/pipeline/limited"
	"github.com/turntag/turntag/pipeline/transcript"
)

// dictionaryFlag is --dictionary, for the commands that load a lexicon.
func dictionaryFlag() cli.Flag {
	return &cli.StringSliceFlag{Name: "dictionary", Usage: "add the categories of the dictionary `FILE` as topics: quanteda YAML, LIWC .dic, WordStat .cat or Lexicoder .lc3, " +
		"told apart by content; nested categories become parent topics (repeatable; see turntag lexicon convert)"}
}

// addDictionaries adds the --dictionary files to lex as topics, after the
// --lexicon files; lex is compiled afterwards.
func addDictionaries(c *cli.Context, lex *lexicon.Lexicon) error {
	for _, name := range c.StringSlice("dictionary") {
		f, err := readDictionary(name)
		if err != nil {
			return err
		}
		if err := dictionary.Add(lex, f.Name, f.Data); err != nil {
			return err
		}
	}
	return nil
}

// readDictionary reads a dictionary file as a lexicon file is read: a
// regular file (a named pipe or a device is refused, not waited on) of at
// most assemble.MaxFile bytes.
func readDictionary(name string) (assemble.File, error) {
	src, err := limited.ReadFile(name, assemble.MaxFile)
	if err != nil {
		return assemble.File{}, transcript.FileError(name, err)
	}
	return assemble.File{Name: name, Data: src}, nil
}
