package tagger

import (
	"math"
	"sort"

	"github.com/turntag/turntag/lexicon"
)

// MinWeight is the total cue weight a topic needs: one ordinary cue (weight
// 1), or two weak ones (weight 0.5).
const MinWeight = 1.0

// score turns the lexicon matches of a text into topic tags: every entity
// match whose entry carries topics (aliases, demonyms, capitals) and every
// cue phrase adds its weight to its topic, and a topic's weight also counts
// for its parent. A topic whose total weight is under MinWeight is not
// tagged. Score = 1 - exp(-total weight), rounded to 2 decimals.
func (t *Tagger) score(text string, matches []lexicon.Match) []Tag {
	type acc struct {
		topic *lexicon.Topic
		cues  map[string]*Cue
		first int
	}
	byTopic := map[string]*acc{}
	var order []string
	add := func(topicID, label string, weight float64, pos int) {
		for depth := 0; topicID != "" && depth < 8; depth++ {
			tp := t.lex.Topic(topicID)
			if tp == nil {
				return
			}
			a := byTopic[topicID]
			if a == nil {
				a = &acc{topic: tp, cues: map[string]*Cue{}, first: pos}
				byTopic[topicID] = a
				order = append(order, topicID)
			}
			c := a.cues[label]
			if c == nil {
				c = &Cue{Label: label, Weight: weight, first: pos}
				a.cues[label] = c
			}
			c.Count++
			topicID = tp.Parent
		}
	}
	for _, m := range matches {
		label := m.Label(text)
		switch {
		case m.Role == lexicon.RoleCue:
			add(m.Topic.ID, label, weightOf(m.Phrase), m.Start)
		case m.Entry != nil:
			for _, id := range m.Entry.Topics {
				add(id, label, weightOf(m.Phrase), m.Start)
			}
		}
	}
	tags := make([]Tag, 0, len(order))
	for _, id := range order {
		a := byTopic[id]
		tag := Tag{ID: id, Label: a.topic.Label}
		total := 0.0
		for _, c := range a.cues {
			tag.Evidence = append(tag.Evidence, *c)
			total += c.Weight * float64(c.Count)
		}
		sort.Slice(tag.Evidence, func(i, j int) bool {
			x, y := tag.Evidence[i], tag.Evidence[j]
			if x.Count != y.Count {
				return x.Count > y.Count
			}
			return x.first < y.first
		})
		if total < MinWeight-1e-9 {
			continue // weak cues alone do not make a tag
		}
		tag.Score = math.Round((1-math.Exp(-total))*100) / 100
		tags = append(tags, tag)
	}
	sort.SliceStable(tags, func(i, j int) bool {
		if tags[i].Score != tags[j].Score {
			return tags[i].Score > tags[j].Score
		}
		return byTopic[tags[i].ID].first < byTopic[tags[j].ID].first
	})
	return tags
}

func weightOf(p *lexicon.Phrase) float64 {
	if p.Weight > 0 {
		return p.Weight
	}
	return 1
}
