// Package dictionary imports the dictionaries analysts already keep as
// turntag topics: quanteda YAML dictionaries (nested mappings of word
// lists), LIWC-style .dic files, WordStat .cat files and Lexicoder .lc3
// files. Each category becomes a topic; a nested category becomes a topic
// whose parent is the topic of the category it sits in, so that its
// matches count for the parent too, as quanteda's levels do.
//
// In: a file's name and bytes. The format is detected from the content,
// never from the extension (Detect). Read parses and validates it and
// reports every problem as file:line (*lexicon.Error, several as
// lexicon.Problems).
// Out: a Dictionary, whose Topics are turntag topics and whose YAML is the
// equivalent turntag lexicon file (what `turntag lexicon convert` writes),
// and Add, which merges a dictionary into a lexicon as topics.
//
// Ids are namespaced per dictionary: a category at path health > care of
// policy.yml is the topic dict-policy-health-care. Labels are the category
// names as written, nested ones joined with a dot as quanteda names them
// ("health.care"). Entries match in any case, as in quanteda (they are
// lower-cased); a * at the end of an entry's last word matches any word
// starting so ("immigra*"), which is turntag's own prefix glob; a * anywhere
// else and the one-character ? have no turntag equivalent and are
// reported, never silently dropped.
//
// The package imports lexicon and nothing else of turntag's.
package dictionary
