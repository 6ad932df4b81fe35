// Package report writes the analyst's review report of a tagged corpus:
// one self-contained HTML file (every script, style and datum inside, no
// network access) with an overview of topic shares and a topic × month
// timeline, a speaker × topic heatmap and the top entities per topic, a
// sortable documents table, a view of each document with its mentions
// highlighted in place and its topic chips with their evidence, filters by
// topic, speaker, country, date range and minimum score with live counts,
// and the codebook of the lexicon's topics.
//
// In: the records that pipeline/write renders (write.TurnRecord and
// write.MentionRecord, one document at a time, from tagged Documents or
// from JSON Lines written by `turntag tag`), and the lexicon for the
// codebook. Out: HTML on an io.Writer. Charts are drawn by Apache ECharts,
// vendored under assets/ with its licence; the page, its style and its
// script are the files in assets/, embedded with embed. The data is JSON,
// gzip-compressed and base64-encoded (the browser decompresses it with
// DecompressionStream), one block for the corpus and one per document,
// decoded when the document is opened, so that 5,000 documents stay
// quick to open.
//
// Imports: lexicon, tagger, pipeline/transcript, pipeline/write.
package report
