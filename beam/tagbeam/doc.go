// Package tagbeam is turntag on Apache Beam: a pipeline that tags every
// file matching a glob on any filesystem Beam reads (local paths, gs://,
// s3://) with the same per-file function as `turntag tag`
// (batch.TagBytes), and writes sharded outputs in the CLI's formats.
//
//	glob ─match─▶ file ─reshuffle─▶ read (bounded) ─TagBytes─▶ turns, mentions, documents, failed
//	                                                                   │
//	                                     shard by source ─group─▶ one file per shard and output
//
// Each output is PREFIX-KIND-SSSSS-of-NNNNN.EXT, KIND being turns,
// mentions or documents (CSV with one header per shard, JSON Lines, or
// Parquet), and failed (JSON Lines, one shard): the dead letters, one per
// file that could not be tagged, with its kind and reason. A bad file
// never fails the job. The lexicon and the NER model are built once per
// worker process, not per element, and shared by its threads.
//
// Counters (namespace "turntag"): files, turns, bytes, and failed_KIND for
// each failure kind (see Kinds).
//
// Imports: lexicon, tagger, pipeline, pipeline/batch, pipeline/read,
// pipeline/transcript, pipeline/write, and Beam. The core module never
// imports this one.
package tagbeam
