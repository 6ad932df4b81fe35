// Package eval measures a pipeline against hand-labelled gold turns
// (precision, recall and F1 per topic and entity type, speaker accuracy)
// and ranks the names the NER found that the lexicon lacks, for curating
// it (suggest).
//
// Imports: pipeline/transcript, tagger and lexicon.
package eval
