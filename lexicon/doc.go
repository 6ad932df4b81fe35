// Package lexicon owns turntag's gazetteer: the model of countries,
// organisations, people and topics with their aliases and cues, the YAML
// loader with file:line errors, merging of user files over the embedded
// default, text normalisation and the phrase matcher.
//
// In: YAML files (embedded default data and user files) and plain text.
// Out: a *Lexicon, and for a text the Matches of its phrases, each with byte
// offsets into that text and the entry and rule that produced it.
//
// The package imports nothing of turntag's.
package lexicon
