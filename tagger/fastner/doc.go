// Package fastner is prose's named-entity recogniser made fast: the same
// tokeniser, averaged-perceptron part-of-speech tagger, maximum-entropy
// entity classifier and chunker as github.com/jdkato/prose/v2 (v2.0.0),
// over the same weights, with the same output, token for token, but with
// interned feature ids, flat weight arrays and per-call scratch space
// instead of a map of strings per token and label.
//
// In: a text. Out: its entities' texts and classes (Model.Names; Finder is
// the tagger.NameFinder of turntag's default mode), or, with Analyze, its
// tokens with their POS tags and IOB labels and its entities with their
// byte spans, which the tests compare with prose's.
//
// The weights live in data/model.bin, made from prose's model by
// internal/gen (go generate); data/NOTICE carries prose's licence. The
// model loads once, on first use, and is shared read-only.
//
// Identical means identical to what prose's NewDocument (segmentation off)
// returns, quirks included:
//   - prose's tokeniser caches the tokens of each whitespace-separated
//     span and hands the same *Token to every later occurrence of that
//     span (the text's last span aside), so the tag and label a repeated
//     word ends up with are those of its last occurrence, and the entity
//     classifier and chunker read those. fastner keeps a token identity
//     for the same effect.
//   - the POS tagger sums weights in map order; its weights are multiples
//     of 0.001, which fastner sums exactly as integers, so only an exact
//     tie between two tags, which prose breaks at random, can tell them
//     apart; fastner takes the first tag in prose's class order.
//   - where prose panics (a token whose lower-case form is longer in
//     bytes than itself and holds 's or 'll past its end), Analyze
//     returns ErrProsePanics.
//
//go:generate go run ./internal/gen -out data/model.bin
package fastner
