package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/urfave/cli/v2"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline"
	"github.com/turntag/turntag/pipeline/batch"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/tagger"
)

// lexiconFlags are the flags of every command that loads a lexicon.
func lexiconFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "lexicon", Aliases: []string{"l"}, Usage: "merge the YAML lexicon `FILE` over the embedded default: new ids are added, known ids extended, or replaced with replace: true (repeatable, applied in order)"},
		&cli.BoolFlag{Name: "no-default-lexicon", Usage: "start from an empty lexicon instead of the embedded default (use with --lexicon)"},
		&cli.StringFlag{Name: "ner", Value: "on", Usage: "statistical name recognition for names the lexicon lacks: `on` or off (off runs on the lexicon alone, much faster)"},
		dictionaryFlag(), // dictionary.go
	}
}

// loadLexicon builds the lexicon the flags ask for, compiled.
func loadLexicon(c *cli.Context) (*lexicon.Lexicon, error) {
	var lex *lexicon.Lexicon
	if c.Bool("no-default-lexicon") {
		lex = lexicon.New()
	} else {
		def, err := lexicon.Default()
		if err != nil {
			return nil, cli.Exit(fmt.Sprintf("default lexicon: %v", err), 1)
		}
		files := c.StringSlice("lexicon")
		if len(files) == 0 && len(c.StringSlice("dictionary")) == 0 {
			return def, nil
		}
		// the default is shared: load a fresh copy to merge user files into
		lex, err = lexicon.LoadDefault()
		if err != nil {
			return nil, cli.Exit(fmt.Sprintf("default lexicon: %v", err), 1)
		}
	}
	for _, f := range c.StringSlice("lexicon") {
		if err := lex.AddFile(f); err != nil {
			return nil, cli.Exit(err.Error(), 1)
		}
	}
	if err := addDictionaries(c, lex); err != nil { // dictionary.go
		return nil, cli.Exit(err.Error(), 1)
	}
	if err := lex.Compile(); err != nil {
		return nil, cli.Exit(err.Error(), 1)
	}
	return lex, nil
}

// buildPipeline loads the lexicon and, unless --ner=off, the NER model.
func buildPipeline(c *cli.Context) (*pipeline.Pipeline, error) {
	lex, err := loadLexicon(c)
	if err != nil {
		return nil, err
	}
	var finder tagger.NameFinder
	switch c.String("ner") {
	case "on", "": // commands without the flag, such as suggest, always use the NER
		p := tagger.Prose{}
		p.Warm()
		finder = p
	case "off":
	default:
		return nil, cli.Exit(fmt.Sprintf("usage: --ner takes on or off, not %q", c.String("ner")), 2)
	}
	return pipeline.New(tagger.New(lex, finder)), nil
}

// eachDocument expands the arguments, tags the files the keep function
// accepts (all when it is nil) in parallel, and hands each document to
// each in input order. Problems are printed on stderr by file; it counts
// the arguments that could not be listed, the files that failed, and those
// skipped as unsupported.
func eachDocument(c *cli.Context, p *pipeline.Pipeline, keep func(batch.Input) bool, each func(*transcript.Document)) (unlisted, failed, skipped int, err error) {
	inputs, errs := batch.Expand(c.Args().Slice(), batch.Filter{})
	for _, e := range errs {
		fmt.Fprintf(c.App.ErrWriter, "turntag: %v\n", e)
	}
	unlisted = len(errs)
	if keep != nil {
		var kept []batch.Input
		for _, in := range inputs {
			if keep(in) {
				kept = append(kept, in)
			}
		}
		inputs = kept
	}
	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
	defer stop()
	err = (&batch.Runner{Pipeline: p, Jobs: c.Int("jobs")}).Run(ctx, inputs, func(r batch.Result) error {
		switch {
		case r.Skipped:
			skipped++
		case r.Err != nil:
			failed++
		default:
			each(r.Doc)
			return nil
		}
		fmt.Fprintf(c.App.ErrWriter, "turntag: %v\n", r.Err)
		return nil
	})
	return unlisted, failed, skipped, err
}
