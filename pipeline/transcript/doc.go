// Package transcript is the model that flows through the pipeline: a
// Document with its metadata and Turns, each with its place in the text
// (Span, 1-based Line), its parsed Label, its resolved Speaker, and the
// Mentions and Tags the tagger added; and the Error type for a problem at
// a place in an input file.
//
// Layers, each written by one stage only: read writes the Document and each
// Turn's spans, Line, Label, Start and End; speakers writes Turn.Speaker;
// the tag stage writes Turn.Mentions, Tags and Unknown.
//
// Imports: tagger (for Mention and Tag) and lexicon (its Error type).
package transcript
