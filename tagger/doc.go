// Package tagger resolves entities and scores topics in the text of one
// turn at a time: lexicon matches first, then the statistical NER's names
// for what the lexicon does not know, vetoed and trimmed by the lexicon and
// simple rules, and surnames resolved to people named in full earlier in
// the same document. Topic tags carry a score and the cues that fired.
//
// In: strings (turn texts, names). Out: Mentions with byte offsets into the
// text and Tags with evidence. It imports lexicon and internal/memo (the
// memory of lexicon people shared by documents), never pipeline.
package tagger
