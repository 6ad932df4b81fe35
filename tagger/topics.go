package tagger

import (
	"cmp"
	"math"
	"slices"

	"github.com/turntag/turntag/lexicon"
)

// MinWeight is the cue weight a topic needs, each lexicon phrase counted
// once: one ordinary cue (weight 1), or two different weak ones (weight
// 0.5). A weak cue said again and again, or in two forms of one wildcard
// ("technology", "technologies" of technolog*), does not make a tag on its
// own.
const MinWeight = 1.0

// scorer turns the lexicon matches of a text into topic tags: every entity
// match whose entry carries topics (aliases, demonyms, capitals) and every
// cue phrase adds its weight to its topic (if the lexicon selects the
// topic's taxonomy), and a topic's weight also counts
// for its parent. A topic whose cues, each counted once, weigh under
// MinWeight is not tagged. Score = 1 - exp(-total weight), every match
// counted, rounded to 2 decimals. A Doc keeps one and reuses its buffers
// from turn to turn.
type scorer struct {
	accs   []topicAcc                  // the topics cued in the turn; past len, cleared ones whose buffers are reused
	chains map[string][]*lexicon.Topic // topic id -> the topics a cue of it counts for (see chain)
}

// topicAcc gathers the cues of one topic in a turn.
type topicAcc struct {
	topic   *lexicon.Topic
	cues    []Cue
	first   int
	phrases []*lexicon.Phrase // the lexicon phrases that fired, each once: "technology" and "technologies" are one cue technolog*
	gate    float64           // their weights, each counted once
}

func (s *scorer) score(lex *lexicon.Lexicon, text string, matches []lexicon.Match, home *lexicon.Entry) []Tag {
	s.accs = s.accs[:0]
	for k := range matches {
		m := &matches[k] // not a copy of each match
		switch {
		case m.Role == lexicon.RoleCue:
			s.add(lex, m.Topic.ID, m.Label(text), m.Phrase, weightOf(m.Phrase), m.Start)
		case m.Entry != nil && len(m.Entry.Topics) > 0:
			label := m.Label(text)
			atHome := home != nil && (m.Entry == home || m.Entry.Country == home.ID)
			for _, id := range m.Entry.Topics {
				w := weightOf(m.Phrase)
				if atHome && slices.Contains(home.Topics, id) {
					w = min(w, 0.5) // the home country's own topic, named at home: a weak cue (see Doc.SetHome)
				}
				s.add(lex, id, label, m.Phrase, w, m.Start)
			}
		}
	}
	accs := s.accs
	n, cues := 0, 0 // the tags, and their cues
	for k := range accs {
		if a := &accs[k]; a.gate >= MinWeight-1e-9 {
			n++
			cues += len(a.cues)
		}
	}
	tags := make([]Tag, 0, n) // no room for the topics that make no tag
	if n == 0 {
		return tags // most turns
	}
	var firstBuf [16]int
	first := firstBuf[:0]            // first[i]: where tags[i]'s topic was first cued
	evidence := make([]Cue, 0, cues) // the evidence of every tag, each its own part
	for k := range accs {
		a := &accs[k]
		total := 0.0
		for c := range a.cues {
			total += a.cues[c].Weight * float64(a.cues[c].Count)
		}
		if a.gate < MinWeight-1e-9 {
			continue // weak cues alone do not make a tag, nor one weak cue said again and again
		}
		slices.SortStableFunc(a.cues, func(a, b Cue) int {
			if a.Count != b.Count {
				return cmp.Compare(b.Count, a.Count)
			}
			return cmp.Compare(a.first, b.first)
		})
		start := len(evidence)
		evidence = append(evidence, a.cues...)
		tags = append(tags, Tag{ID: a.topic.ID, Label: a.topic.Label, Taxonomy: a.topic.Taxonomy, Evidence: evidence[start:len(evidence):len(evidence)],
			Score: math.Round((1-math.Exp(-total))*100) / 100})
		first = append(first, a.first)
	}
	// by descending score, then first cued; a stable insertion sort of
	// the few tags and their first positions together
	for i := 1; i < len(tags); i++ {
		for j := i; j > 0 && (tags[j].Score > tags[j-1].Score || tags[j].Score == tags[j-1].Score && first[j] < first[j-1]); j-- {
			tags[j], tags[j-1] = tags[j-1], tags[j]
			first[j], first[j-1] = first[j-1], first[j]
		}
	}
	return tags
}

// release empties s for the next document, keeping its buffers and its
// chains, which depend on the lexicon alone, but no cue's label, which may
// be the document's text.
func (s *scorer) release() {
	accs := s.accs[:cap(s.accs)]
	for i := range accs {
		a := &accs[i]
		clear(a.cues[:cap(a.cues)])
		clear(a.phrases[:cap(a.phrases)])
		a.topic = nil
	}
	s.accs = s.accs[:0]
}

// chain returns the topics that a cue of a topic counts for: the topic and
// its parents, at most 8, up to the first that the lexicon does not have
// or does not select. It is worked out once per scorer, which a Tagger's
// Docs pass on to each other with their buffers.
func (s *scorer) chain(lex *lexicon.Lexicon, topicID string) []*lexicon.Topic {
	if c, ok := s.chains[topicID]; ok {
		return c
	}
	var c []*lexicon.Topic
	for id, depth := topicID, 0; id != "" && depth < 8; depth++ {
		tp := lex.Topic(id)
		if tp == nil || !lex.Selected(tp) {
			break // an entity of another taxonomy's topic, not selected
		}
		c = append(c, tp)
		id = tp.Parent
	}
	if s.chains == nil {
		s.chains = map[string][]*lexicon.Topic{}
	}
	s.chains[topicID] = c
	return c
}

// add counts a cue of weight for a topic and its parents, at byte pos.
func (s *scorer) add(lex *lexicon.Lexicon, topicID, label string, phrase *lexicon.Phrase, weight float64, pos int) {
	for _, tp := range s.chain(lex, topicID) {
		k := 0
		for k < len(s.accs) && s.accs[k].topic != tp {
			k++
		}
		if k == len(s.accs) {
			if k < cap(s.accs) {
				s.accs = s.accs[:k+1]
				a := &s.accs[k]
				*a = topicAcc{topic: tp, first: pos, cues: a.cues[:0], phrases: a.phrases[:0]}
			} else {
				s.accs = append(s.accs, topicAcc{topic: tp, first: pos})
			}
		}
		a := &s.accs[k]
		c := 0
		for c < len(a.cues) && a.cues[c].Text != label {
			c++
		}
		if c == len(a.cues) {
			a.cues = append(a.cues, Cue{Text: label, Weight: weight, first: pos})
		}
		a.cues[c].Count++
		if !slices.Contains(a.phrases, phrase) {
			a.phrases = append(a.phrases, phrase)
			a.gate += weight
		}
	}
}

func weightOf(p *lexicon.Phrase) float64 {
	if p.Weight > 0 {
		return p.Weight
	}
	return 1
}
