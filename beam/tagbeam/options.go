package tagbeam

import (
	"context"
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/turntag/turntag/lexicon/assemble"
	"github.com/turntag/turntag/pipeline/batch"
	"github.com/turntag/turntag/pipeline/limited"
	"github.com/turntag/turntag/pipeline/transcript"
)

// Options configure a run. Input and Output are paths on any filesystem
// Beam has registered (a local path, gs://bucket/..., s3://bucket/...).
type Options struct {
	Input  string // glob of the files to tag; a source is the path after the glob's fixed folder
	Output string // prefix of the output files: PREFIX-turns-00000-of-00004.csv, …
	Format string // csv (default), jsonl or parquet
	Shards int    // files per output (turns, mentions, documents); 0 means DefaultShards

	Lexicons         []LexiconFile // user lexicon files, merged over the default in order
	Dictionaries     []LexiconFile // dictionaries whose categories become topics, after the lexicons
	NoDefaultLexicon bool          // start from an empty lexicon
	Taxonomy         string        // the taxonomies to tag, as the CLI's --taxonomy; "" is the default
	NER              bool          // statistical name recognition for names the lexicon lacks
	MaxFileSize      int64         // bytes; 0 means batch.DefaultMaxFileSize
	RawCells         bool          // CSV: keep cells that start with =, +, -, @, tab or CR as they are
}

// DefaultShards is the number of files per output when Options.Shards is 0.
const DefaultShards = 4

// LexiconFile is a user lexicon or dictionary file, read where the job is
// launched and shipped to the workers with the job, so that a worker needs
// no access to the launcher's files.
type LexiconFile struct {
	Name string // as given, for file:line errors
	Data []byte
}

// ReadLexicon reads a lexicon or dictionary file of at most assemble.MaxFile
// bytes, as the CLI bounds them, from any filesystem Beam has registered.
func ReadLexicon(ctx context.Context, name string) (LexiconFile, error) {
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return LexiconFile{}, err
	}
	defer fs.Close()
	r, err := fs.OpenRead(ctx, name)
	if err != nil {
		return LexiconFile{}, transcript.FileError(name, err)
	}
	defer r.Close()
	data, err := limited.Read(r, assemble.MaxFile)
	if err != nil {
		return LexiconFile{}, transcript.FileError(name, err)
	}
	return LexiconFile{Name: name, Data: data}, nil
}

// Check reports bad options, and a lexicon that does not load (as
// file:line), before anything is submitted.
func (o Options) Check() error {
	if o.Input == "" {
		return fmt.Errorf("--input GLOB is required")
	}
	if o.Output == "" {
		return fmt.Errorf("--output PREFIX is required")
	}
	switch o.Format {
	case "", "csv", "jsonl", "parquet":
	default:
		return fmt.Errorf("--format takes csv, jsonl or parquet, not %q", o.Format)
	}
	for _, p := range []string{o.Input, o.Output} {
		fs, err := filesystem.New(context.Background(), p)
		if err != nil {
			return err
		}
		fs.Close()
	}
	if o.Shards < 0 {
		return fmt.Errorf("--shards takes a positive number, not %d", o.Shards)
	}
	_, err := o.config().lexicon()
	var te *assemble.TaxonomyError
	if errors.As(err, &te) {
		return fmt.Errorf("--taxonomy: %w", err)
	}
	return err
}

// config is what the tagging step needs on a worker.
func (o Options) config() Config {
	limit := o.MaxFileSize
	if limit <= 0 {
		limit = batch.DefaultMaxFileSize
	}
	format := o.Format
	if format == "" {
		format = "csv"
	}
	return Config{
		Lexicons: o.Lexicons, Dictionaries: o.Dictionaries, NoDefaultLexicon: o.NoDefaultLexicon, Taxonomy: o.Taxonomy, NER: o.NER,
		Format: format, RawCells: o.RawCells, MaxFileSize: limit, Base: GlobBase(o.Input),
	}
}

func (o Options) shards() int {
	if o.Shards <= 0 {
		return DefaultShards
	}
	return o.Shards
}

// GlobBase returns the fixed folder of a glob: everything up to the last
// "/" before its first wildcard (*, ? or [), or up to the last "/" when it
// has none. A file's source is its path with this prefix cut, as the CLI
// reports a file relative to the folder given:
// "gs://b/archive/*/*.txt" has base "gs://b/archive/", so
// "gs://b/archive/2024/a.txt" has source "2024/a.txt".
func GlobBase(glob string) string {
	fixed := glob
	if i := strings.IndexAny(glob, "*?["); i >= 0 {
		fixed = glob[:i]
	}
	if i := strings.LastIndex(fixed, "/"); i >= 0 {
		return fixed[:i+1]
	}
	return ""
}

// Source returns the name a file is reported by: its path relative to
// base, with "/" separators. A local path is compared cleaned, so that a
// glob "./x/*" and a match "x/a.txt" give "a.txt".
func Source(base, p string) string {
	if !strings.Contains(p, "://") {
		if rel, err := filepath.Rel(filepath.Clean(base+"."), filepath.Clean(p)); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	} else if rel, ok := strings.CutPrefix(p, base); ok && rel != "" {
		return rel
	}
	return path.Base(p)
}

// hidden reports whether a source has a file or folder whose name starts
// with ".": the CLI skips those when it walks a folder, and so does this.
func hidden(source string) bool {
	for _, part := range strings.Split(source, "/") {
		if strings.HasPrefix(part, ".") && part != "." && part != ".." {
			return true
		}
	}
	return false
}
