// Package speakers decides who spoke each turn of a Document: a label's
// name completed to the full name the byline, an earlier turn or the
// lexicon gives ("MR. SULLIVAN" is Jake Sullivan), a role-only label
// resolved to the holder of that office on the document's date in the
// country the document is set in ("THE PRESIDENT" at the White House in
// 2022 is Joe Biden), a questioner named when the moderator calls on them
// ("Go ahead, Said."), and one role per person throughout the document.
//
// In: a parsed Document (metadata, byline, labels, turn texts). Out:
// Turn.Speaker for every turn; nothing else is written.
//
// Imports: pipeline/transcript, pipeline/read (name rules), tagger (lexicon
// lookups and a name registry), lexicon, and internal/memo (the memory of
// roles and calls shared by documents).
package speakers
