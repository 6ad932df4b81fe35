// Package write renders tagged Documents: one TurnRecord per turn and one
// MentionRecord per entity mention, written by the CSV, JSON Lines and
// Parquet sinks. Encoders are safe for concurrent use, so batch workers
// encode and a Writer only copies bytes, in input order.
//
// Imports: pipeline/transcript, tagger and lexicon.
package write
