package tagger

import (
	"slices"
	"sort"
	"strings"

	"github.com/turntag/turntag/lexicon"
)

// byTitle narrows a surname to the people who hold or held the title
// right before it: "Governor Abbott" is the governor, not the Australian
// prime minister; "Secretary Austin" the secretary. e is the person the
// surname at token i resolved to. It returns e when no title precedes,
// when the title is an honorific, or when no lexicon person with that
// surname carries the title; the one holder when e does not; nil when
// several do and e is not one of them.
func (d *Doc) byTitle(toks []lexicon.Token, i int, e *lexicon.Entry) *lexicon.Entry {
	k := i - 1
	if k > 0 && toks[k].Text == "." {
		k--
	}
	if k < 0 || !toks[k].Word || !d.t.lex.IsTitleToken(toks[k]) || d.t.honorifics[toks[k].Norm] {
		return e
	}
	title := toks[k].Norm
	var holders []*lexicon.Entry
	for _, p := range d.t.surnames[toks[i].Norm] {
		if d.t.holds(p, title) {
			holders = append(holders, p)
		}
	}
	switch {
	case len(holders) == 0:
		return e
	case e != nil && d.t.holds(e, title):
		return e
	case len(holders) == 1:
		return holders[0]
	}
	return nil
}

// holds reports whether a person's role or one of their offices has the
// folded title word in it.
func (t *Tagger) holds(e *lexicon.Entry, title string) bool {
	return slices.Contains(t.titleWords(e), title)
}

// titleWords returns the folded tokens of a person's role and of the
// titles of their offices, tokenised once per tagger.
func (t *Tagger) titleWords(e *lexicon.Entry) []string {
	if v, ok := t.titles.Load(e); ok {
		return v.([]string)
	}
	var words []string
	for _, tk := range lexicon.Tokenize(e.Role) {
		words = append(words, tk.Norm)
	}
	for _, o := range e.Offices {
		for _, tk := range lexicon.Tokenize(o.Title) {
			words = append(words, tk.Norm)
		}
	}
	t.titles.Store(e, words)
	return words
}

// surnameAt returns the token index of a one-word person match, or -1.
func surnameAt(toks []lexicon.Token, m lexicon.Match) int {
	i := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= m.Start })
	if i < len(toks) && toks[i].End == m.End && !strings.ContainsAny(m.Phrase.Text, " -") {
		return i
	}
	return -1
}
