package tagbeam

import (
	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local" // local paths; a command adds gs://, s3://
)

// Outputs are the PCollection<string> of the files each output wrote.
type Outputs struct {
	Turns, Mentions, Documents, Failed beam.PCollection
}

// Build adds the tagging of o.Input to the pipeline of s: match the glob,
// spread the files over the workers, read and tag each, and write the
// turns, mentions and documents in o.Shards files each and the dead
// letters in one. Call o.Check first.
func Build(s beam.Scope, o Options) Outputs {
	cfg := o.config()
	s = s.Scope("turntag")
	matches := fileio.MatchFiles(s, o.Input, fileio.MatchEmptyAllow())
	// One glob expands to every file on one worker; without a reshuffle the
	// runner would fuse the tagging to that worker too.
	files := fileio.ReadMatches(s, beam.Reshuffle(s, matches), fileio.ReadUncompressed())
	turns, mentions, docs, failed := beam.ParDo4(s, &tagFn{Config: cfg}, files)
	out := func(kind string, shards int) Output {
		return Output{Kind: kind, Format: cfg.Format, Shards: shards, Prefix: o.Output}
	}
	dead := out("failed", 1)
	dead.Format = "jsonl"
	return Outputs{
		Turns:     writeShards(s, out("turns", o.shards()), turns),
		Mentions:  writeShards(s, out("mentions", o.shards()), mentions),
		Documents: writeShards(s, out("documents", o.shards()), docs),
		Failed:    writeShards(s, dead, failed),
	}
}
