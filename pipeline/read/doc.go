// Package read turns the bytes of one transcript into a Document: it
// decodes the text (UTF-8, UTF-16, Windows-1252), reads the format (plain
// text, markdown with front matter, HTML, .docx, WebVTT and SubRip),
// renders it as plain text line for line, and finds the metadata (title,
// date, URL), the byline's people, and the turns with their labels split
// into role, title, name and affiliation.
//
// In: a file name and its bytes, and the lexicon as vocabulary (titles,
// common words and the parser's word lists). Out: a *transcript.Document
// whose turns tile the body, or a *transcript.Error naming the file.
// Nothing here resolves a speaker or tags a text.
//
// Imports: pipeline/transcript, lexicon, and internal/memo (the memory of
// label heads and header lines shared by documents).
package read
