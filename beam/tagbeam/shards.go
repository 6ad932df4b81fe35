package tagbeam

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/parquet-go/parquet-go"

	"github.com/turntag/turntag/pipeline/write"
)

func init() {
	register.DoFn3x0[string, []byte, func(int, []byte)](&shardFn{})
	register.DoFn2x0[[]byte, func(int, []byte)](&emptyShardsFn{})
	register.DoFn3x2[context.Context, int, func(*[]byte) bool, string, error](&writeShardFn{})
	register.Emitter2[int, []byte]()
	register.Emitter1[string]()
	register.Iter1[[]byte]()
}

// Output is one kind of output file.
type Output struct {
	Kind   string // turns, mentions, documents or failed
	Format string // csv, jsonl or parquet
	Shards int
	Prefix string // the run's --output
}

// Name returns the file name of shard i (from 0):
// PREFIX-KIND-SSSSS-of-NNNNN.EXT.
func (o Output) Name(i int) string {
	return fmt.Sprintf("%s-%s-%05d-of-%05d.%s", o.Prefix, o.Kind, i, o.Shards, o.Format)
}

// header is the CSV header of the output's format, nil for the others.
func (o Output) header() []byte {
	if o.Format != "csv" {
		return nil
	}
	switch o.Kind {
	case "turns":
		return write.CSVEncoder{}.Header()
	case "mentions":
		return write.CSVEncoder{Mentions: true}.Header()
	case "documents":
		return write.DocumentCSVEncoder{}.Header()
	}
	return nil
}

// writeShards writes a PCollection<KV<string, []byte>> of rendered rows
// keyed by source into o.Shards files, a document's rows all in one shard
// (chosen by a hash of the source). Every shard is written, with its header
// alone when no document fell in it, so that an output is always complete.
// It returns the PCollection<string> of the files written.
func writeShards(s beam.Scope, o Output, rows beam.PCollection) beam.PCollection {
	s = s.Scope("write " + o.Kind)
	keyed := beam.ParDo(s, &shardFn{Shards: o.Shards}, rows)
	empty := beam.ParDo(s, &emptyShardsFn{Shards: o.Shards}, beam.Impulse(s))
	grouped := beam.GroupByKey(s, beam.Flatten(s, keyed, empty))
	return beam.ParDo(s, &writeShardFn{Output: o}, grouped)
}

// shardFn keys a document's rows by their shard.
type shardFn struct{ Shards int }

func (f *shardFn) ProcessElement(source string, rows []byte, emit func(int, []byte)) {
	h := fnv.New32a()
	h.Write([]byte(source))
	emit(int(h.Sum32()%uint32(f.Shards)), rows)
}

// emptyShardsFn emits nothing for every shard, so that each one is written.
type emptyShardsFn struct{ Shards int }

func (f *emptyShardsFn) ProcessElement(_ []byte, emit func(int, []byte)) {
	for i := 0; i < f.Shards; i++ {
		emit(i, nil)
	}
}

// writeShardFn writes one shard's file through Beam's filesystem: the
// header, then each document's rows as rendered, or for Parquet the rows
// decoded from JSON Lines and written as the CLI's Parquet writer does. A
// retried shard overwrites the file whole.
type writeShardFn struct{ Output Output }

func (f *writeShardFn) ProcessElement(ctx context.Context, shard int, rows func(*[]byte) bool) (string, error) {
	name := f.Output.Name(shard)
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return "", err
	}
	defer fs.Close()
	w, err := fs.OpenWrite(ctx, name)
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	buf := bufio.NewWriterSize(w, 1<<20)
	if f.Output.Format == "parquet" {
		err = f.parquet(buf, rows)
	} else {
		err = copyRows(buf, f.Output.header(), rows)
	}
	if err == nil {
		err = buf.Flush()
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	return name, nil
}

func copyRows(w io.Writer, header []byte, rows func(*[]byte) bool) error {
	if _, err := w.Write(header); err != nil {
		return err
	}
	var b []byte
	for rows(&b) {
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

func (f *writeShardFn) parquet(w io.Writer, rows func(*[]byte) bool) error {
	switch f.Output.Kind {
	case "turns":
		return writeParquet(w, rows, (*write.TurnRecord).Parquet)
	case "mentions":
		return writeParquet(w, rows, (*write.MentionRecord).Parquet)
	case "documents":
		return writeParquet(w, rows, (*write.DocumentRecord).Parquet)
	}
	return fmt.Errorf("no Parquet schema for %s", f.Output.Kind)
}

// writeParquet writes the records R that rows hold as JSON Lines into one
// Parquet file of the CLI's typed rows P, a document's rows at a time.
func writeParquet[R, P any](w io.Writer, rows func(*[]byte) bool, typed func(*R) P) error {
	pw := parquet.NewGenericWriter[P](w)
	var b []byte
	for rows(&b) {
		var recs []P
		dec := json.NewDecoder(bytes.NewReader(b))
		for dec.More() {
			var r R
			if err := dec.Decode(&r); err != nil {
				return err
			}
			recs = append(recs, typed(&r))
		}
		if len(recs) == 0 {
			continue
		}
		if _, err := pw.Write(recs); err != nil {
			return err
		}
	}
	return pw.Close()
}
