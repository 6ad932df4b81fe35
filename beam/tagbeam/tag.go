package tagbeam

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/lexicon/assemble"
	"github.com/turntag/turntag/pipeline"
	"github.com/turntag/turntag/pipeline/batch"
	"github.com/turntag/turntag/pipeline/read"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/pipeline/write"
	"github.com/turntag/turntag/tagger"
	"github.com/turntag/turntag/tagger/fastner"
)

func init() {
	register.DoFn6x1[context.Context, fileio.ReadableFile, func(string, []byte), func(string, []byte), func(string, []byte), func(string, []byte), error](&tagFn{})
	register.Emitter2[string, []byte]()
}

// Config is what the tagging step needs on a worker. It travels with the
// job as JSON, lexicon and dictionary files included.
type Config struct {
	Lexicons         []LexiconFile
	Dictionaries     []LexiconFile
	NoDefaultLexicon bool
	Taxonomy         string // as the CLI's --taxonomy; "" is the default
	NER              bool
	Format           string // csv, jsonl or parquet
	RawCells         bool
	MaxFileSize      int64  // bytes
	Base             string // the glob's fixed folder, cut from paths to give sources
}

// lexicon builds the lexicon the config asks for, compiled, as the CLI's
// --lexicon, --dictionary, --no-default-lexicon and --taxonomy do (the
// same assemble.Spec).
func (c Config) lexicon() (*lexicon.Lexicon, error) {
	spec := assemble.Spec{NoDefault: c.NoDefaultLexicon, Taxonomy: c.Taxonomy}
	for _, f := range c.Lexicons {
		spec.Lexicons = append(spec.Lexicons, assemble.File(f))
	}
	for _, f := range c.Dictionaries {
		spec.Dictionaries = append(spec.Dictionaries, assemble.File(f))
	}
	return spec.Lexicon()
}

// encoders are the renderings the tagging step makes of each document, in
// the order turns, mentions, documents. Parquet shards are written from
// JSON Lines, which carry the records whole.
func (c Config) encoders() []write.Encoder {
	if c.Format == "csv" {
		return []write.Encoder{write.CSVEncoder{Raw: c.RawCells}, write.CSVEncoder{Mentions: true, Raw: c.RawCells}, write.DocumentCSVEncoder{Raw: c.RawCells}}
	}
	return []write.Encoder{write.JSONLEncoder{}, write.JSONLEncoder{Mentions: true}, write.DocumentJSONLEncoder{}}
}

// workers holds the pipelines built in this process, by configuration, so
// that every DoFn instance (one per bundle thread) of a worker shares one
// lexicon and one NER model instead of building its own.
var workers = struct {
	sync.Mutex
	m map[[32]byte]*pipeline.Pipeline
}{m: map[[32]byte]*pipeline.Pipeline{}}

// workerPipeline returns this process's pipeline for c, built on first use.
func workerPipeline(c Config) (*pipeline.Pipeline, error) {
	key, err := json.Marshal(struct {
		L, Dict []LexiconFile
		D       bool
		T       string
		N       bool
	}{c.Lexicons, c.Dictionaries, c.NoDefaultLexicon, c.Taxonomy, c.NER})
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(key)
	workers.Lock()
	defer workers.Unlock()
	if p := workers.m[sum]; p != nil {
		return p, nil
	}
	lex, err := c.lexicon()
	if err != nil {
		return nil, err
	}
	var finder tagger.NameFinder
	if c.NER { // the CLI's --ner on: prose's model, turntag's inference
		f := fastner.Finder{}
		if err := f.Warm(); err != nil {
			return nil, err
		}
		finder = f
	}
	p := pipeline.New(tagger.New(lex, finder))
	workers.m[sum] = p
	return p, nil
}

// Kinds are the kinds of failure, each with its counter failed_KIND and
// the kind field of its dead letter.
var Kinds = []string{KindUnsupported, KindTooLarge, KindRead, KindNotText, KindNoText, KindParse, KindInternal}

// The kinds of failure.
const (
	KindUnsupported = "unsupported" // a format turntag does not read (the CLI's "skipped")
	KindTooLarge    = "too_large"   // over --max-file-size
	KindRead        = "read"        // the filesystem could not open or read it
	KindNotText     = "not_text"    // binary, or not the format its name says
	KindNoText      = "no_text"     // empty, or only a header
	KindParse       = "parse"       // any other problem the reader or a writer reported
	KindInternal    = "internal"    // a bug in a stage, recovered
)

// kind classifies a failed Result.
func kind(res batch.Result) string {
	switch {
	case res.Skipped:
		return KindUnsupported
	case errors.Is(res.Err, transcript.ErrTooLarge):
		return KindTooLarge
	case errors.Is(res.Err, read.ErrNotText):
		return KindNotText
	case errors.Is(res.Err, transcript.ErrNoText):
		return KindNoText
	case errors.Is(res.Err, batch.ErrInternal):
		return KindInternal
	}
	return KindParse
}

// DeadLetter is one file that could not be tagged: a line of the failed
// output.
type DeadLetter struct {
	Source string `json:"source"`
	Path   string `json:"path"`
	Kind   string `json:"kind"`  // one of Kinds
	Error  string `json:"error"` // "source: reason", as the CLI prints it
}

var (
	filesCounter = beam.NewCounter("turntag", "files")
	turnsCounter = beam.NewCounter("turntag", "turns")
	bytesCounter = beam.NewCounter("turntag", "bytes")
)

// tagFn reads one file within the size bound and tags it with
// batch.TagBytes, emitting its turns, mentions and roll-up rendered in the
// output format, each keyed by source, or a dead letter.
type tagFn struct {
	Config Config

	p        *pipeline.Pipeline
	encoders []write.Encoder
}

// Setup gets the worker's shared pipeline, built by the first instance.
func (f *tagFn) Setup() error {
	p, err := workerPipeline(f.Config)
	if err != nil {
		return err
	}
	f.p, f.encoders = p, f.Config.encoders()
	return nil
}

// ProcessElement tags one file. A file that cannot be tagged is a dead
// letter, never an error: only a cancelled bundle returns one, to be retried.
func (f *tagFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, turns, mentions, docs, failed func(string, []byte)) error {
	source := Source(f.Config.Base, file.Metadata.Path)
	if hidden(source) || localFolder(file.Metadata.Path) {
		return nil
	}
	fail := func(err error, k string) error {
		beam.NewCounter("turntag", "failed_"+k).Inc(ctx, 1)
		b, jerr := json.Marshal(DeadLetter{Source: source, Path: file.Metadata.Path, Kind: k, Error: err.Error()})
		if jerr != nil {
			return jerr
		}
		failed(source, append(b, '\n'))
		return nil
	}
	if _, err := read.DetectFormat(source); err != nil { // not read at all, as in the CLI
		return fail(&transcript.Error{File: source, Err: err}, KindUnsupported)
	}
	if size := file.Metadata.Size; size > f.Config.MaxFileSize {
		return fail(batch.TooLarge(source, size, f.Config.MaxFileSize), KindTooLarge)
	}
	src, err := readFile(ctx, file, source, f.Config.MaxFileSize)
	if errors.Is(err, transcript.ErrTooLarge) { // it grew since it was listed
		return fail(err, KindTooLarge)
	} else if err != nil {
		return fail(err, KindRead)
	}
	res := batch.TagBytes(ctx, f.p, source, src, f.encoders)
	if res.Err != nil {
		if ctx.Err() != nil {
			return ctx.Err() // the bundle is being torn down: let the runner retry it
		}
		return fail(res.Err, kind(res))
	}
	for _, w := range res.Doc.Warnings {
		log.Warnf(ctx, "%s: %s", source, w)
	}
	filesCounter.Inc(ctx, 1)
	turnsCounter.Inc(ctx, int64(len(res.Doc.Turns)))
	bytesCounter.Inc(ctx, res.Bytes)
	turns(source, res.Encoded[0])
	mentions(source, res.Encoded[1])
	docs(source, res.Encoded[2])
	return nil
}

// localFolder reports a local path that is a folder: a glob's "*" matches
// folders too, and only object stores' folder markers end in "/".
func localFolder(p string) bool {
	if strings.Contains(p, "://") {
		return false
	}
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

// readFile reads a matched file through Beam's filesystem, uncompressed,
// within limit bytes.
func readFile(ctx context.Context, file fileio.ReadableFile, source string, limit int64) ([]byte, error) {
	fs, err := filesystem.New(ctx, file.Metadata.Path)
	if err != nil {
		return nil, &transcript.Error{File: source, Err: err}
	}
	defer fs.Close()
	r, err := fs.OpenRead(ctx, file.Metadata.Path)
	if err != nil {
		return nil, transcript.FileError(source, err)
	}
	defer r.Close()
	return batch.ReadLimited(source, r, limit)
}
