// Package pipeline is turntag's library façade: a Pipeline reads a
// transcript into a Document, resolves its speakers and has the tagger add
// mentions and tags to every turn, in that order.
//
//	bytes ─read─▶ Document{Turns with Labels} ─speakers─▶ Turn.Speaker ─tag─▶ Turn.Mentions, Turn.Tags ─write─▶ rows
//
// Each stage adds its layer and leaves earlier ones alone; spans are byte
// offsets into Document.Body. The stages live in subpackages: transcript
// (the model), read, speakers, write (sinks), batch (many files) and eval
// (gold and scoring).
//
// Imports: pipeline/transcript, pipeline/read, pipeline/speakers, tagger,
// lexicon. Never batch, write or eval, which import it.
package pipeline
