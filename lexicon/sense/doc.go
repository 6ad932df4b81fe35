// Package sense finds the lexicon's topic cues that fire in very different
// contexts in a corpus: cues with a second, unrelated meaning ("bank" of a
// river and of interest rates) that need a context rule (near, not_near,
// not_before, not_after). It is a curation aid for `turntag lexicon check
// --corpus DIR`, not a validation: it ranks suspects for a person to read.
//
// In: a compiled *lexicon.Lexicon, then texts (a corpus's turns) one at a
// time through Checker.Add.
// Out: Checker.Suspects, the cues whose matches split into two groups with
// dissimilar contexts, ranked, each group with the words that mark it and
// sample contexts; WriteReport prints them.
//
// How a cue is judged, in short (Checker.Suspects has the details):
//  1. Each turn where a cue (a topic cue, or a capital that cues its
//     country's topics) matches gives one context: the words within Window
//     words of its matches, without function words (stopwords.txt) and the
//     cue's own words. A cue keeps at most Sample contexts, chosen by a
//     hash of where they are, so the same on every run.
//  2. A context is a unit vector of its words, each weighted by tf-idf over
//     the corpus's turns (rare words count more) and by how many of the
//     cue's contexts have it (the recurring vocabulary of a sense counts
//     more than a word two contexts share by chance); words in only one
//     context are dropped.
//  3. The contexts are the nodes of a graph whose edges are their cosine
//     similarities, cut in two: between the two largest connected parts
//     when both are big enough, else inside the largest where the
//     normalised cut is lowest (the spectral method: a sweep along the
//     graph's second eigenvector). Each side holds at least 15% of the
//     contexts, and at least 3.
//  4. The split compares that cut with the cut of the same words dealt out
//     at random to the contexts (what contexts this sparse give when the
//     cue has one sense): 1 − cut / random cut, in [0, 1]. 1 means the two
//     groups share no context words; near 0, no more than chance. Cues with
//     a split of at least MinSplit are suspects.
//
// A split finds contexts, not senses: two subjects a cue is used for
// ("sanctions" on Russia and on Iran) split too. The share of each group's
// turns with other evidence for the cue's topic helps tell them apart.
//
// The package imports lexicon and nothing else of turntag's.
package sense
