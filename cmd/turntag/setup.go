package main

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime/debug"

	"github.com/urfave/cli/v2"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/lexicon/assemble"
	"github.com/turntag/turntag/pipeline"
	"github.com/turntag/turntag/pipeline/batch"
	"github.com/turntag/turntag/pipeline/limited"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/tagger"
	"github.com/turntag/turntag/tagger/fastner"
)

// maxLexiconNodes bounds a lexicon file's YAML nodes once its aliases are
// expanded: 4 million. Its bytes are bounded by assemble.MaxFile.
const maxLexiconNodes = 4_000_000

// lexiconFlags are the flags of every command that loads a lexicon.
func lexiconFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "lexicon", Aliases: []string{"l"}, Usage: "merge the YAML lexicon `FILE` (at most 8 MiB) over the embedded default: new ids are added, known ids extended, or replaced with replace: true (repeatable, applied in order)"},
		&cli.BoolFlag{Name: "no-default-lexicon", Usage: "start from an empty lexicon instead of the embedded default (use with --lexicon)"},
		&cli.StringFlag{Name: "taxonomy", Usage: "tag the topics of taxonomy `NAME`: security (the default: 16 foreign and security topics), agendas (the 21 major topics of the Comparative Agendas Project), a taxonomy of a --lexicon file, several joined by commas, or all; eval's default is the taxonomies its gold names"},
		&cli.StringFlag{Name: "ner", Value: "on", Usage: "statistical name recognition for names the lexicon lacks: `on`, off (the lexicon alone, faster) or prose (prose's own, slower code; the same names)"},
		dictionaryFlag(), // dictionary.go
	}
}

// readLexiconFile reads a lexicon file: a regular file (a named pipe or a
// device is refused, not waited on) of at most assemble.MaxFile bytes,
// whose YAML aliases do not expand past maxLexiconNodes.
func readLexiconFile(name string) (assemble.File, error) {
	src, err := limited.ReadFile(name, assemble.MaxFile)
	if err == nil {
		err = limited.YAMLExpansion(src, maxLexiconNodes)
	}
	if err != nil {
		return assemble.File{}, transcript.FileError(name, err)
	}
	return assemble.File{Name: name, Data: src}, nil
}

// addLexiconFile reads a lexicon file (see readLexiconFile) and merges it
// into lex.
func addLexiconFile(lex *lexicon.Lexicon, name string) error {
	f, err := readLexiconFile(name)
	if err != nil {
		return err
	}
	return lex.AddBytes(f.Name, f.Data)
}

// loadLexicon builds the lexicon the flags ask for, compiled, with the
// taxonomies --taxonomy selects.
func loadLexicon(c *cli.Context) (*lexicon.Lexicon, error) {
	spec, err := lexiconSpec(c)
	if err != nil {
		return nil, err
	}
	return compileLexicon(spec)
}

// lexiconSpec reads the --lexicon and --dictionary files and says which
// lexicon the flags ask for.
func lexiconSpec(c *cli.Context) (assemble.Spec, error) {
	spec := assemble.Spec{NoDefault: c.Bool("no-default-lexicon"), Taxonomy: c.String("taxonomy")}
	for _, name := range c.StringSlice("lexicon") {
		f, err := readLexiconFile(name)
		if err != nil {
			return spec, cli.Exit(err.Error(), exitFailed)
		}
		spec.Lexicons = append(spec.Lexicons, f)
	}
	for _, name := range c.StringSlice("dictionary") {
		f, err := readDictionary(name) // dictionary.go
		if err != nil {
			return spec, cli.Exit(err.Error(), exitFailed)
		}
		spec.Dictionaries = append(spec.Dictionaries, f)
	}
	return spec, nil
}

// compileLexicon builds the lexicon of spec, compiled; a bad --taxonomy is
// a usage error.
func compileLexicon(spec assemble.Spec) (*lexicon.Lexicon, error) {
	lex, err := spec.Lexicon()
	var te *assemble.TaxonomyError
	switch {
	case errors.As(err, &te):
		return nil, cli.Exit("usage: --taxonomy: "+te.Error(), 2)
	case err != nil && spec.Default():
		return nil, cli.Exit(fmt.Sprintf("default lexicon: %v", err), exitFailed)
	case err != nil:
		return nil, cli.Exit(err.Error(), exitFailed)
	}
	return lex, nil
}

// checkNER checks the --ner flag of the commands that have it.
func checkNER(c *cli.Context) error {
	switch c.String("ner") {
	case "on", "off", "prose", "": // commands without the flag, such as suggest, always use the NER
		return nil
	}
	return usagef("--ner takes on or off (or prose), not %q", c.String("ner"))
}

// buildPipeline loads the lexicon and, unless --ner=off, the NER model,
// the two at once (on two cores, start-up takes the longer of the two, not
// their sum). A problem with the lexicon is reported before one with the
// model. It returns as soon as the run is interrupted, even while a large
// lexicon is still loading.
func buildPipeline(c *cli.Context) (*pipeline.Pipeline, error) {
	if err := checkNER(c); err != nil {
		return nil, err
	}
	spec, err := lexiconSpec(c)
	if err != nil {
		return nil, err
	}
	return buildPipelineOf(c, spec)
}

// buildPipelineOf is buildPipeline with the lexicon files already read, in
// spec, and --ner checked.
func buildPipelineOf(c *cli.Context, spec assemble.Spec) (*pipeline.Pipeline, error) {
	mode := c.String("ner")
	defer pauseGC()()
	return interruptible(c.Context, func() (*pipeline.Pipeline, error) {
		type loaded struct {
			finder tagger.NameFinder
			err    error
		}
		ner := make(chan loaded, 1)
		go func() {
			f, err := loadFinder(mode)
			ner <- loaded{f, err}
		}()
		lex, err := compileLexicon(spec)
		if err != nil {
			return nil, err
		}
		n := <-ner
		if n.err != nil {
			return nil, n.err
		}
		return pipeline.New(tagger.New(lex, n.finder)), nil
	})
}

// pauseGC turns the garbage collector off, when a memory limit bounds the
// heap (memoryLimit, which main sets, or GOMEMLIMIT), until the function
// it returns restores the setting. Loading the lexicon and the model
// allocates some 60 MB, nearly all of which stays: collecting on the way
// frees little and costs a sixth of start-up. Above the limit the
// collector runs all the same, so a large --lexicon file cannot grow the
// heap without bound.
func pauseGC() (resume func()) {
	if debug.SetMemoryLimit(-1) == math.MaxInt64 { // no limit: GOGC alone bounds the heap
		return func() {}
	}
	percent := debug.SetGCPercent(-1)
	return func() { debug.SetGCPercent(percent) }
}

// loadFinder loads the NER model of a --ner mode: turntag's for on, prose's
// for prose, none (nil) for off.
func loadFinder(mode string) (tagger.NameFinder, error) {
	switch mode {
	case "prose":
		p := tagger.Prose{}
		p.Warm()
		return p, nil
	case "on", "":
		f := fastner.Finder{}
		if err := f.Warm(); err != nil {
			return nil, failure(err)
		}
		return f, nil
	}
	return nil, nil
}

// interruptible runs f and returns its result, or, as soon as ctx is
// cancelled, the error "interrupted"; f then finishes in the background,
// and the process exits before long.
func interruptible[T any](ctx context.Context, f func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := f()
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		return zero, failure(ctx.Err())
	}
}

// checkJobs checks -j: 0 (one worker per CPU) or more; more than
// batch.MaxJobs are capped there.
func checkJobs(c *cli.Context) error {
	if j := c.Int("jobs"); j < 0 {
		return usagef("-j takes 0 (one worker per CPU) or a positive number of workers, not %d", j)
	}
	return nil
}

// checkArgs checks the FILE_OR_FOLDER arguments: at least one, and "-"
// (standard input) at most once.
func checkArgs(c *cli.Context) error {
	if c.NArg() == 0 {
		return usagef("%s needs at least one FILE or FOLDER, or - for standard input (see %s --help)", c.Command.Name, helpName(c))
	}
	n := 0
	for _, a := range c.Args().Slice() {
		if a == batch.Stdin {
			n++
		}
	}
	if n > 1 {
		return usagef("- (standard input) is given %d times; it holds one transcript", n)
	}
	return nil
}

// eachDocument expands the arguments, tags the files the keep function
// accepts (all when it is nil) in parallel, and hands each document to
// each in input order. Problems are printed on stderr by file; it counts
// the arguments that could not be listed, the files that failed, and those
// skipped (unsupported, or not regular files). It refuses to run when
// stdout is redirected into an input.
func eachDocument(c *cli.Context, p *pipeline.Pipeline, keep func(batch.Input) bool, each func(*transcript.Document)) (unlisted, failed, skipped int, err error) {
	inputs, errs := batch.Expand(c.Args().Slice(), batch.Filter{})
	if err := checkClashes(nil, c.App.Writer, nil, inputs, flagFiles(c)); err != nil {
		return 0, 0, 0, err
	}
	for _, e := range errs {
		warn(c.App.ErrWriter, "turntag: %s\n", errorText(e))
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
	runner := &batch.Runner{Pipeline: p, Jobs: c.Int("jobs"), Stdin: c.App.Reader}
	err = runner.Run(c.Context, inputs, func(r batch.Result) error {
		switch {
		case r.Skipped:
			skipped++
		case r.Err != nil:
			failed++
		default:
			each(r.Doc)
			return nil
		}
		warn(c.App.ErrWriter, "turntag: %s\n", errorText(r.Err))
		return nil
	})
	if err != nil {
		err = failure(err)
	}
	return unlisted, failed, skipped, err
}
