package report

import (
	"sort"
	"strconv"
	"strings"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/tagger"
)

// FiredCues is how many of the cues that fired for a topic in the corpus
// the codebook lists, the ones that fired in most turns.
const FiredCues = 25

// codebookData tells the reader what a tag means: each topic's cues with
// their rules, the entities that count for it, and the cues that fired in
// this corpus.
type codebookData struct {
	Lexicon   bool                `json:"lexicon"`    // a lexicon was given: the cues and rules are known
	MinWeight float64             `json:"min_weight"` // the cue weight a topic needs
	Topics    []codeTopic         `json:"topics"`     // parallel to summary.Topics
	Contexts  map[string][]string `json:"contexts"`   // the named contexts the cues refer to ("@id"), with their phrases
}

// codeTopic is one topic of the codebook.
type codeTopic struct {
	Parent   string              `json:"parent"` // the parent topic's label, if any
	Where    string              `json:"where"`  // file:line of the topic in the lexicon
	Cues     []codeCue           `json:"cues"`
	Entities map[string][]string `json:"entities"` // country, organisation, person -> names, sorted
	Fired    []cueCount          `json:"fired"`    // the cues that fired in the corpus, by turns
}

// codeCue is a cue phrase and the rules that decide when it fires.
type codeCue struct {
	Text   string   `json:"text"`
	Weight float64  `json:"weight"`
	Rules  []string `json:"rules"` // "only near: migration, migrants", "case: exact (only as written)", …
}

// codebook builds the codebook of the report's topics.
func (b *Builder) codebook() codebookData {
	cb := codebookData{Lexicon: b.opts.Lexicon != nil, MinWeight: tagger.MinWeight, Contexts: map[string][]string{}}
	cb.Topics = make([]codeTopic, len(b.sum.Topics))
	for i := range cb.Topics {
		cb.Topics[i] = codeTopic{Cues: []codeCue{}, Entities: map[string][]string{}, Fired: b.firedCues(i)}
	}
	lex := b.opts.Lexicon
	if lex == nil {
		return cb
	}
	for i, ti := range b.sum.Topics {
		t := lex.Topic(ti.ID)
		if t == nil {
			continue
		}
		ct := &cb.Topics[i]
		if p := lex.Topic(t.Parent); p != nil {
			ct.Parent = p.Label
		}
		ct.Where = t.File + ":" + strconv.Itoa(t.Line)
		for _, c := range t.Cues {
			ct.Cues = append(ct.Cues, codeCue{Text: c.Text, Weight: weight(c), Rules: rules(c)})
			for _, ref := range refs(c) {
				if ctx := lex.Context(ref); ctx != nil {
					cb.Contexts[ref] = ctx.Phrases
				}
			}
		}
	}
	for _, e := range lex.Entries {
		for _, id := range e.Topics {
			t := lex.Topic(id)
			if t == nil {
				continue
			}
			k, ok := b.topics.m[t.Label]
			if !ok {
				continue
			}
			typ := e.Type.String()
			cb.Topics[k].Entities[typ] = append(cb.Topics[k].Entities[typ], e.Name)
		}
	}
	for _, ct := range cb.Topics {
		for _, names := range ct.Entities {
			sort.Strings(names)
		}
	}
	return cb
}

// firedCues returns the FiredCues cues of topic k that fired in most
// turns.
func (b *Builder) firedCues(k int) []cueCount {
	out := []cueCount{}
	for _, c := range b.fired[k] {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Turns != out[j].Turns {
			return out[i].Turns > out[j].Turns
		}
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Cue < out[j].Cue
	})
	if len(out) > FiredCues {
		out = out[:FiredCues]
	}
	return out
}

// weight is a cue's weight in the topic score.
func weight(p lexicon.Phrase) float64 {
	if p.Weight > 0 {
		return p.Weight
	}
	return 1
}

// rules describes a cue's matching rules in words.
func rules(p lexicon.Phrase) []string {
	out := []string{}
	list := func(what string, items []string) {
		if len(items) == 0 {
			return
		}
		s := what + ": " + strings.Join(items, ", ")
		if p.Window > 0 && strings.Contains(what, "near") {
			s += " (within " + strconv.Itoa(p.Window) + " words)"
		}
		out = append(out, s)
	}
	list("only near", p.Near)
	list("never near", p.NotNear)
	list("not before", p.NotBefore)
	list("not after", p.NotAfter)
	switch p.Case {
	case "exact":
		out = append(out, "case: exact (only as written)")
	case "any":
		out = append(out, "case: any")
	}
	if strings.HasSuffix(p.Text, "*") {
		out = append(out, "any word starting so")
	}
	if w := weight(p); w != 1 {
		out = append(out, "weight "+strconv.FormatFloat(w, 'g', -1, 64)+" (a weak cue: it needs another)")
	}
	return out
}

// refs returns the named contexts a cue's rules refer to, without "@".
func refs(p lexicon.Phrase) []string {
	var out []string
	for _, l := range [][]string{p.Near, p.NotNear, p.NotBefore, p.NotAfter} {
		for _, s := range l {
			if id, ok := strings.CutPrefix(s, lexicon.ContextRef); ok {
				out = append(out, id)
			}
		}
	}
	return out
}
