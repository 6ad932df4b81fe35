// Package lexicon owns turntag's gazetteer: the model of countries,
// organisations, people and topics with their aliases and cues, named
// context sets, the word lists the parser and the tagger read (WordLists,
// Words, RoleLabels, Months), the YAML loader with file:line errors,
// merging of user files over the embedded default, text normalisation and
// the phrase matcher.
//
// In: YAML files (embedded default data and user files; schema.json
// describes them for editors) and plain text.
// Out: a *Lexicon, and for a text the Matches of its phrases, each with byte
// offsets into that text and the entry and rule that produced it. A caller
// that matches a text with both the main matcher and the gazetteer readies
// a Text for it (Reset, or TokenizeFor, which tokenises it too), so that
// MatchText and MatchTextPlaces hash its words once; TokenizeFor also
// marks each token with the lexicon's tries where a match may start
// there, so that each walk passes over the other tokens in one read, and
// lists the capitalised words (Capitalised). A caller that keeps the
// tokens of many texts tokenises them with a Tokenizer, which cuts them
// from shared blocks.
//
// Files decode strictly, each section into its own type (CountryEntry,
// OrganisationEntry, PersonEntry, Topic, Context), which the loader
// converts to the resolved Entry; sections load in a fixed order
// (contexts, countries, organisations, people, topics, words), so that a
// file loads the same way every time. YAML anchors and aliases work;
// "@id" in a near, not_near, not_before or not_after list names a context,
// expanded when the lexicon is compiled.
//
// Topics belong to taxonomies (security, the default; agendas, the
// Comparative Agendas Project's major topics; or a user file's own):
// SelectTaxonomies chooses which a compiled lexicon matches and Selected
// reports, and each selected taxonomy's cues are matched in a pass of its
// own, so that one taxonomy never changes another's tags or the mentions.
//
// The default lexicon is data/*.yaml, embedded; LoadDefault and Default
// decode data/default.snapshot, the same lexicon already loaded, which go
// generate ./lexicon writes (internal/lexgen) and a test compares with the
// YAML. After editing the YAML, run go generate ./lexicon; lexicon check
// reads the YAML itself (LoadDefaultYAML).
//
// The package imports nothing of turntag's.
//
//go:generate go run ./internal/lexgen -out data/default.snapshot
package lexicon
