// Command turntag-beam tags transcripts on Apache Beam: every file matching
// --input (a local path, gs://, s3://) is tagged with the same per-file
// function as `turntag tag`, and the turns, mentions and per-document
// roll-up are written in --shards files each under the --output prefix,
// with the files that could not be tagged in PREFIX-failed-*.jsonl.
//
// It runs on Prism (the default, in this process), Dataflow, Flink or
// Spark through Beam's own flags (--runner, --project, --endpoint, …); see
// the README.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/turntag/turntag/beam/tagbeam"
	"github.com/turntag/turntag/pipeline/batch"
)

// flags are the command's own flags, beside Beam's.
type flags struct {
	input, output, format, ner string
	shards                     int
	lexicons, dictionaries     []string
	taxonomy                   string
	noDefault, raw             bool
	maxFileSize                int64
}

func define(fs *flag.FlagSet) *flags {
	f := &flags{}
	fs.StringVar(&f.input, "input", "", "tag the files matching `GLOB` (local, gs://, s3://); a file's source is its path after the glob's fixed folder")
	fs.StringVar(&f.output, "output", "", "write PREFIX-turns-SSSSS-of-NNNNN.EXT, PREFIX-mentions-…, PREFIX-documents-… and PREFIX-failed-00000-of-00001.jsonl under `PREFIX`")
	fs.StringVar(&f.format, "format", "csv", "output `FORMAT` for turns, mentions and documents: csv (one header per shard), jsonl, or parquet")
	fs.IntVar(&f.shards, "shards", tagbeam.DefaultShards, "write `N` files for each of turns, mentions and documents")
	fs.Func("lexicon", "merge the YAML lexicon `FILE` (local, gs://, s3://; read here and sent with the job) over the embedded default (repeatable, applied in order)", func(s string) error {
		f.lexicons = append(f.lexicons, s)
		return nil
	})
	fs.Func("dictionary", "add the categories of the dictionary `FILE` as topics, as turntag tag does: quanteda YAML, LIWC .dic, WordStat .cat or Lexicoder .lc3 (local, gs://, s3://; read here and sent with the job; repeatable)", func(s string) error {
		f.dictionaries = append(f.dictionaries, s)
		return nil
	})
	fs.StringVar(&f.taxonomy, "taxonomy", "", "tag the topics of taxonomy `NAME`, as turntag tag does: security (the default), agendas, a taxonomy of a --lexicon file, several joined by commas, or all")
	fs.BoolVar(&f.noDefault, "no-default-lexicon", false, "start from an empty lexicon instead of the embedded default (use with --lexicon)")
	fs.StringVar(&f.ner, "ner", "on", "statistical name recognition for names the lexicon lacks: `on` or off (off runs on the lexicon alone, much faster)")
	fs.Int64Var(&f.maxFileSize, "max-file-size", batch.DefaultMaxFileSize, "send files larger than `BYTES` to the dead letters unread")
	fs.BoolVar(&f.raw, "raw-cells", false, "write CSV cells as they are; by default a cell starting with =, +, -, @, tab or CR gets a leading '")
	return f
}

// options turns the flags into checked Options, the lexicon files read.
func (f *flags) options(ctx context.Context) (tagbeam.Options, error) {
	o := tagbeam.Options{
		Input: f.input, Output: f.output, Format: f.format, Shards: f.shards,
		NoDefaultLexicon: f.noDefault, Taxonomy: f.taxonomy, MaxFileSize: f.maxFileSize, RawCells: f.raw,
	}
	switch f.ner {
	case "on":
		o.NER = true
	case "off":
	default:
		return o, fmt.Errorf("--ner takes on or off, not %q", f.ner)
	}
	for _, name := range f.lexicons {
		lf, err := tagbeam.ReadLexicon(ctx, name)
		if err != nil {
			return o, err
		}
		o.Lexicons = append(o.Lexicons, lf)
	}
	for _, name := range f.dictionaries {
		df, err := tagbeam.ReadLexicon(ctx, name)
		if err != nil {
			return o, err
		}
		o.Dictionaries = append(o.Dictionaries, df)
	}
	return o, o.Check()
}

func main() {
	f := define(flag.CommandLine)
	flag.Parse()
	beam.Init() // a worker started by a runner runs its work here and exits
	tagbeam.ForPrism(*runners.Runner)
	ctx := context.Background()
	o, err := f.options(ctx)
	if err != nil {
		fmt.Fprintf(os.Stderr, "turntag-beam: %v\n", strings.TrimSpace(err.Error()))
		os.Exit(2)
	}
	p, s := beam.NewPipelineWithRoot()
	tagbeam.Build(s, o)
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		fmt.Fprintf(os.Stderr, "turntag-beam: %v\n", err)
		os.Exit(1)
	}
	if c := tagbeam.Counters(res); c != nil { // nil when submitted with --async
		fmt.Fprintln(os.Stderr, tagbeam.Summary(c))
	}
}
