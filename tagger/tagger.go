package tagger

import (
	"sort"

	"github.com/turntag/turntag/lexicon"
)

// Tagger tags texts with a compiled lexicon and an optional NameFinder. It
// is safe for concurrent use; per-document state lives in a Doc.
type Tagger struct {
	lex *lexicon.Lexicon
	ner NameFinder // nil: lexicon only
}

// New returns a tagger over a compiled lexicon; ner may be nil to run on the
// lexicon alone.
func New(lex *lexicon.Lexicon, ner NameFinder) *Tagger {
	return &Tagger{lex: lex, ner: ner}
}

// Lexicon returns the tagger's lexicon.
func (t *Tagger) Lexicon() *lexicon.Lexicon { return t.lex }

// Result is what Tag finds in one text.
type Result struct {
	Mentions []Mention // in text order
	Tags     []Tag     // by descending score
	Matches  []lexicon.Match
	Unknown  []Unknown // NER names that no lexicon entry covers, after vetoes
}

// Unknown is a name found by the NER that the lexicon does not know.
type Unknown struct {
	Start, End int    // byte span in the text
	Text       string // the name, trimmed of titles
	Label      string // the NER's label
	Kept       bool   // it became a mention (person or organisation)
}

// Tag finds the entities named in text and scores its topics. Names
// resolve against the document: people named in full earlier (speakers
// included) resolve later surnames.
func (d *Doc) Tag(text string) (Result, error) {
	d.toks = lexicon.AppendTokens(d.toks[:0], text)
	toks := d.toks
	matches := d.t.lex.MatchTokens(text, toks)
	if cap(d.covered) < len(toks) {
		d.covered = make([]bool, len(toks))
	}
	covered := d.covered[:len(toks)]
	clear(covered)
	markCovered(toks, covered, matches)

	var res Result
	res.Matches = matches
	for _, m := range matches {
		if !m.Role.IsMention() {
			continue
		}
		e := m.Entry
		mn := Mention{Start: m.Start, End: m.End, Text: text[m.Start:m.End], Type: e.Type,
			Canonical: e.Name, ID: e.ID, Origin: FromLexicon, Rule: m.Rule}
		if e.Type == lexicon.Country {
			mn.Code = e.ISO3
		}
		if e.Type == lexicon.Person {
			d.addPerson(e.Name, e.ID)
		}
		res.Mentions = append(res.Mentions, mn)
	}
	res.Mentions = append(res.Mentions, d.knownPeople(text, toks, covered)...)
	if d.t.ner != nil {
		var names []Name
		if input := d.nerInput(text, toks, covered); input != "" {
			var err error
			if names, err = d.t.ner.Names(input); err != nil {
				return res, err
			}
		}
		ms, unknown := d.vet(text, toks, covered, names)
		res.Mentions = append(res.Mentions, ms...)
		res.Unknown = unknown
	}
	sort.SliceStable(res.Mentions, func(i, j int) bool { return res.Mentions[i].Start < res.Mentions[j].Start })
	d.noteRoles(text, toks, res.Mentions)
	res.Tags = d.t.score(text, matches)
	return res, nil
}

// markCovered marks the tokens inside lexicon matches.
func markCovered(toks []lexicon.Token, covered []bool, matches []lexicon.Match) {
	j := 0
	for _, m := range matches {
		for j < len(toks) && toks[j].Start < m.Start {
			j++
		}
		for k := j; k < len(toks) && toks[k].End <= m.End; k++ {
			covered[k] = true
		}
	}
}
