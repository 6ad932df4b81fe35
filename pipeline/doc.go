// Package pipeline is turntag's library API: it reads transcripts into
// Documents of speaker Turns, resolves speakers, has the tagger add Mentions
// and Tags to each turn, and writes the rows.
//
// Flow: bytes -> Decode -> Parse (header, front matter, labels) -> Document
// with Turns -> Pipeline.Tag (speakers, mentions, tags) -> WriteCSV rows.
// Each stage adds its layer and leaves earlier ones alone; spans are byte
// offsets into Document.Body.
package pipeline
