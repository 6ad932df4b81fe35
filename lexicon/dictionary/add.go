package dictionary

import (
	"fmt"
	"strings"

	"github.com/turntag/turntag/lexicon"
)

// AddFile reads a dictionary file and adds its categories to lex as
// topics (see Add).
func AddFile(lex *lexicon.Lexicon, name string) error {
	d, err := ReadFile(name)
	if err != nil {
		return err
	}
	return d.AddTo(lex)
}

// Add reads a dictionary already in memory and adds its categories to lex
// as topics (see AddTo).
func Add(lex *lexicon.Lexicon, name string, src []byte) error {
	d, err := Read(name, src)
	if err != nil {
		return err
	}
	return d.AddTo(lex)
}

// AddTo adds the dictionary's categories to lex as topics, through the
// same loader as a --lexicon file (the dictionary's YAML), and points the
// topics and cues at the dictionary's own lines, so that explain and check
// cite them. A category whose label another topic already shows (in any
// case: "health" beside the agendas' "Health") is labelled with the
// dictionary's name in front ("policy.health"), since labels are unique.
// Topics of a dictionary with the same name already in lex (two files with
// one base name) are an error (ErrClash): a dictionary adds topics, it
// never extends one. Compile lex afterwards.
func (d *Dictionary) AddTo(lex *lexicon.Lexicon) error {
	prefix := "dict-" + d.Name + "-"
	for _, t := range lex.Topics {
		if strings.HasPrefix(t.ID, prefix) {
			return &lexicon.Error{File: d.File, Err: fmt.Errorf("%w: the topics of a dictionary named %q (%s*) are already loaded from %s: rename one of the files",
				ErrClash, d.Name, prefix, t.File)}
		}
	}
	d.Unclash(lex)
	topics := d.Topics()
	if err := lex.AddBytes(d.File, d.YAML()); err != nil {
		return &lexicon.Error{File: d.File, Err: fmt.Errorf("the dictionary's converted YAML does not load (please report it): %w", err)}
	}
	for _, t := range topics {
		lt := lex.Topic(t.ID)
		if lt == nil {
			continue
		}
		lt.Line = t.Line
		for i := range lt.Cues {
			if i < len(t.Cues) && lt.Cues[i].Text == t.Cues[i].Text {
				lt.Cues[i].Line = t.Cues[i].Line
			}
		}
	}
	return nil
}

// Unclash puts the dictionary's name in front of every category label
// that a topic of lex already shows, in any case ("health" beside the
// agendas' "Health" becomes "policy.health"), so that the labels stay
// unique once the dictionary is added to lex.
func (d *Dictionary) Unclash(lex *lexicon.Lexicon) {
	taken := map[string]bool{}
	for _, t := range lex.Topics {
		taken[strings.ToLower(t.Label)] = true
	}
	d.Walk(func(c *Category) {
		if taken[strings.ToLower(c.Label)] {
			c.Label = d.Name + "." + c.Label
		}
	})
}
