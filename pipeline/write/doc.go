// Package write renders tagged Documents: one TurnRecord per turn, one
// MentionRecord per entity mention and one DocumentRecord per document
// (the roll-up of its turns), written by the CSV, JSON Lines and Parquet
// sinks. Record, Mentions and Summarize are the one place that builds the
// values; CSV flattens them, JSON Lines writes them as they are, and
// Parquet writes typed rows made from them (ParquetTurn, ParquetMention,
// ParquetDocument: dates as DATE, times as TIME, missing values null).
// Encoders are safe for concurrent use, so batch workers encode and a
// Writer only copies bytes, in input order.
//
// Imports: pipeline/transcript, tagger and lexicon.
package write
