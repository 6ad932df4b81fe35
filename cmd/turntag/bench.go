package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline"
	"github.com/turntag/turntag/pipeline/batch"
	"github.com/turntag/turntag/pipeline/limited"
	"github.com/turntag/turntag/pipeline/read"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/pipeline/write"
	"github.com/turntag/turntag/tagger"
	"github.com/turntag/turntag/tagger/fastner"
)

func benchCommand() *cli.Command {
	return &cli.Command{
		Name:  "bench",
		Usage: "generate a reproducible corpus and measure throughput: lexicon-only with 1 and 2 workers, the default mode, and prose's own NewDocument over the same turns",
		Description: "Prints MB/s and turns/s per mode, the ratios the project's targets are stated in, and the process's peak RSS.\n" +
			"The corpus is generated from the sample transcripts once and reused while its folder exists.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "corpus", Value: filepath.Join(os.TempDir(), "turntag-corpus"), Usage: "corpus `DIR` (generated when it does not exist)"},
			&cli.Float64Flag{Name: "size", Value: 20, Usage: "corpus size in `MB` when generating"},
			&cli.Uint64Flag{Name: "seed", Value: 1, Usage: "random `SEED` of the generated corpus"},
			&cli.StringFlag{Name: "samples", Value: "testdata/transcripts", Usage: "transcripts in `DIR` that generated documents borrow turns and speakers from"},
			&cli.Float64Flag{Name: "ner-size", Value: 1, Usage: "`MB` of the corpus (the first files) for the default mode and the prose reference, which are slower"},
			&cli.StringFlag{Name: "cpuprofile", Usage: "write a CPU profile of the measured runs to `FILE` (read it with go tool pprof)"},
			&cli.StringFlag{Name: "modes", Value: "lexicon,ner", Usage: "comma-separated `MODES` to run: lexicon (1 and 2 workers), ner (default mode, with --ner prose, and the NER alone, fast and prose's, per turn)"},
		},
		Action: runBench,
	}
}

// benchModes are the modes bench can run.
var benchModes = []string{"lexicon", "ner"}

// checkBench checks bench's flags and returns the modes to run.
func checkBench(c *cli.Context) (map[string]bool, error) {
	if c.NArg() > 0 {
		return nil, usagef("bench takes no arguments, only flags (see turntag bench --help)")
	}
	modes := map[string]bool{}
	for _, m := range strings.Split(c.String("modes"), ",") {
		m = strings.TrimSpace(m)
		if !slices.Contains(benchModes, m) {
			return nil, usagef("--modes takes a comma-separated list of %s, not %q", strings.Join(benchModes, " and "), m)
		}
		modes[m] = true
	}
	if c.Float64("size") <= 0 || c.Float64("ner-size") <= 0 {
		return nil, usagef("--size and --ner-size take a positive number of MB")
	}
	return modes, nil
}

func runBench(c *cli.Context) error {
	modes, err := checkBench(c)
	if err != nil {
		return err
	}
	var profile *output
	if f := c.String("cpuprofile"); f != "" {
		t, err := checkTarget("--cpuprofile", f)
		if err != nil {
			return err
		}
		if t.stdout() {
			return usagef("--cpuprofile needs a FILE, not stdout")
		}
		if profile, err = openOutput(t, nil); err != nil {
			return failure(err)
		}
		defer profile.Abort()
	}
	w, err := resultStdout(c)
	if err != nil {
		return err
	}
	defer w.Close()
	dir := c.String("corpus")
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		if err := generate(c, dir); err != nil {
			return failure(err)
		}
	}
	inputs, errs := batch.Expand([]string{dir}, batch.Filter{})
	if len(errs) > 0 || len(inputs) == 0 {
		return cli.Exit(fmt.Sprintf("corpus %s: %v", dir, errs), 1)
	}
	if profile != nil {
		if err := pprof.StartCPUProfile(profile); err != nil {
			return failure(err)
		}
		defer func() {
			pprof.StopCPUProfile()
			if err := profile.Commit(); err != nil {
				warn(c.App.ErrWriter, "turntag: %v\n", err)
			}
		}()
	}
	t0 := time.Now()
	lex, err := lexicon.Default()
	if err != nil {
		return failure(err)
	}
	fmt.Fprintf(w, "lexicon loaded in %s\n", time.Since(t0).Round(time.Millisecond))
	if modes["lexicon"] {
		p := pipeline.New(tagger.New(lex, nil))
		if _, err := measure(c.Context, p, firstBytes(inputs, 2e6), 2); err != nil { // warm-up: page cache, heap
			return failure(err)
		}
		// one worker on one core: the garbage collector and the writer
		// share that core too, so this is the per-core figure
		procs := runtime.GOMAXPROCS(1)
		one, err := measure(c.Context, p, inputs, 1)
		runtime.GOMAXPROCS(procs)
		if err != nil {
			return failure(err)
		}
		fmt.Fprintf(w, "lexicon-only, 1 worker on 1 core:  %s\n", one)
		two, err := measure(c.Context, p, inputs, 2)
		if err != nil {
			return failure(err)
		}
		fmt.Fprintf(w, "lexicon-only, 2 workers on %d cores: %s  (%.2fx one worker)\n", procs, two, two.mbps()/one.mbps())
	}
	if modes["ner"] {
		t0 = time.Now()
		if err := (fastner.Finder{}).Warm(); err != nil {
			return failure(err)
		}
		fmt.Fprintf(w, "NER model loaded in %s\n", time.Since(t0).Round(time.Millisecond))
		t0 = time.Now()
		tagger.Prose{}.Warm()
		fmt.Fprintf(w, "prose model loaded in %s\n", time.Since(t0).Round(time.Millisecond))
		subset := firstBytes(inputs, int64(c.Float64("ner-size")*1e6))
		p := pipeline.New(tagger.New(lex, fastner.Finder{}))
		procs := runtime.GOMAXPROCS(1) // every side on one core
		defer runtime.GOMAXPROCS(procs)
		def, err := measure(c.Context, p, subset, 1)
		if err != nil {
			return failure(err)
		}
		fmt.Fprintf(w, "default (NER), 1 worker on 1 core: %s\n", def)
		old, err := measure(c.Context, pipeline.New(tagger.New(lex, tagger.Prose{})), subset, 1)
		if err != nil {
			return failure(err)
		}
		fmt.Fprintf(w, "default with --ner prose, 1 worker on 1 core: %s\n", old)
		texts, size, err := turnTexts(p, subset)
		if err != nil {
			return failure(err)
		}
		fast, fastNames, err := perTurn(texts, size, fastner.Finder{})
		if err != nil {
			return failure(err)
		}
		ref, refNames, err := perTurn(texts, size, tagger.Prose{})
		if err != nil {
			return failure(err)
		}
		same := "identical"
		if !slices.EqualFunc(fastNames, refNames, slices.Equal) {
			same = "DIFFERENT"
		}
		fmt.Fprintf(w, "fastner per turn, same turns, 1 core: %s\n", fast)
		fmt.Fprintf(w, "prose NewDocument per turn (segmentation off), same turns, 1 core: %s\n", ref)
		fmt.Fprintf(w, "entities: %s (%d)\n", same, countNames(refNames))
		fmt.Fprintf(w, "default / prose: %.2fx; fastner / prose: %.2fx; default / default with --ner prose: %.2fx\n",
			ref.elapsed.Seconds()/def.elapsed.Seconds(), ref.elapsed.Seconds()/fast.elapsed.Seconds(), old.elapsed.Seconds()/def.elapsed.Seconds())
	}
	fmt.Fprintf(w, "peak RSS %s, GOMAXPROCS %d\n", peakRSS(), runtime.GOMAXPROCS(0))
	return w.Close()
}

func generate(c *cli.Context, dir string) error {
	samples, errs := batch.Expand([]string{c.String("samples")}, batch.Filter{})
	if len(errs) > 0 {
		return errs[0]
	}
	lex, err := lexicon.Default()
	if err != nil {
		return err
	}
	p := pipeline.New(tagger.New(lex, nil))
	var docs []*transcript.Document
	for _, in := range samples {
		src, err := limited.ReadFile(in.Path, batch.DefaultMaxFileSize)
		if err != nil {
			return err
		}
		doc, err := p.Document(c.Context, in.Source, src)
		if err != nil {
			return err
		}
		docs = append(docs, doc)
	}
	n, bytes, err := GenerateCorpus(CorpusOptions{Dir: dir, Bytes: int64(c.Float64("size") * 1e6), Seed: c.Uint64("seed"), Samples: docs})
	if err == nil {
		fmt.Fprintf(c.App.Writer, "generated %d files, %.1f MB in %s (seed %d)\n", n, float64(bytes)/1e6, dir, c.Uint64("seed"))
	}
	return err
}

// rate is a measured run.
type rate struct {
	bytes   int64
	turns   int
	elapsed time.Duration
}

func (r rate) mbps() float64 { return float64(r.bytes) / 1e6 / r.elapsed.Seconds() }

// String renders a rate as the bench command prints it.
func (r rate) String() string {
	return fmt.Sprintf("%.1f MB, %d turns in %s: %.2f MB/s, %.0f turns/s", float64(r.bytes)/1e6, r.turns,
		r.elapsed.Round(time.Millisecond), r.mbps(), float64(r.turns)/r.elapsed.Seconds())
}

// measure runs the whole tag job (read, parse, tag, write CSV) over inputs.
func measure(ctx context.Context, p *pipeline.Pipeline, inputs []batch.Input, jobs int) (rate, error) {
	var r rate
	w := write.NewWriter(io.Discard, write.CSVEncoder{})
	start := time.Now()
	err := (&batch.Runner{Pipeline: p, Jobs: jobs, Encoders: []write.Encoder{w.Encoder()}}).Run(ctx, inputs, func(res batch.Result) error {
		if res.Err != nil {
			return res.Err
		}
		r.bytes += res.Bytes
		r.turns += len(res.Doc.Turns)
		return w.WriteEncoded(res.Encoded[0])
	})
	r.elapsed = time.Since(start)
	return r, err
}

// turnTexts parses inputs and returns the texts of their turns and the
// inputs' size.
func turnTexts(p *pipeline.Pipeline, inputs []batch.Input) ([]string, int64, error) {
	var texts []string
	var size int64
	for _, in := range inputs {
		src, err := limited.ReadFile(in.Path, batch.DefaultMaxFileSize)
		if err != nil {
			return nil, 0, err
		}
		f, _ := read.DetectFormat(in.Path)
		doc, err := p.ParseFormat(in.Source, f, src)
		if err != nil {
			return nil, 0, err
		}
		size += int64(len(src))
		doc.Normalize()
		for _, t := range doc.Turns {
			texts = append(texts, doc.TurnText(t))
		}
	}
	return texts, size, nil
}

// perTurn runs a NameFinder once per turn text: with tagger.Prose, prose's
// NewDocument (shared model, segmentation off), the yardstick of the
// default mode. It returns the rate (counting the inputs' size) and the
// names of each turn.
func perTurn(texts []string, size int64, f tagger.NameFinder) (rate, [][]tagger.Name, error) {
	r := rate{bytes: size, turns: len(texts)}
	names := make([][]tagger.Name, len(texts))
	start := time.Now()
	for i, t := range texts {
		ns, err := f.Names(t)
		if err != nil {
			return r, nil, err
		}
		names[i] = ns
	}
	r.elapsed = time.Since(start)
	return r, names, nil
}

func countNames(names [][]tagger.Name) int {
	n := 0
	for _, ns := range names {
		n += len(ns)
	}
	return n
}

func firstBytes(inputs []batch.Input, limit int64) []batch.Input {
	var total int64
	for i, in := range inputs {
		if info, err := os.Stat(in.Path); err == nil {
			total += info.Size()
		}
		if total >= limit {
			return inputs[:i+1]
		}
	}
	return inputs
}

// peakRSS reads the process's peak resident set size (Linux).
func peakRSS() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			return strings.TrimSpace(strings.TrimPrefix(l, "VmHWM:"))
		}
	}
	return "unknown"
}
