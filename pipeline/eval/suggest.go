package eval

import (
	"sort"
	"strconv"
	"strings"

	"github.com/turntag/turntag/pipeline/transcript"
)

// Suggestion is a name the lexicon does not know, counted over a corpus.
type Suggestion struct {
	Name    string // the name as found, whitespace normalised
	Class   string // the NER's class (PERSON, GPE, ORGANIZATION, ...)
	Count   int    // occurrences
	Docs    int    // documents it occurs in
	Example string // a stretch of text around its first occurrence
	Source  string // where the example comes from: "source:turn"
}

// Suggestions collects the unknown names of tagged documents.
type Suggestions struct {
	byKey map[string]*Suggestion
	docs  map[string]string // key -> last document counted
}

// NewSuggestions returns an empty collection.
func NewSuggestions() *Suggestions {
	return &Suggestions{byKey: map[string]*Suggestion{}, docs: map[string]string{}}
}

// Add counts the unknown names of every turn of a tagged document.
func (s *Suggestions) Add(doc *transcript.Document) {
	for i, t := range doc.Turns {
		text := doc.TurnText(t)
		for _, u := range t.Unknown {
			key := u.Class + "\x00" + strings.ToLower(u.Text)
			sg := s.byKey[key]
			if sg == nil {
				sg = &Suggestion{Name: u.Text, Class: u.Class, Example: snippet(text, u.Start, u.End, 60),
					Source: doc.Source + ":" + strconv.Itoa(i+1)}
				s.byKey[key] = sg
			}
			sg.Count++
			if s.docs[key] != doc.Source {
				s.docs[key] = doc.Source
				sg.Docs++
			}
		}
	}
}

// Ranked returns the suggestions by descending count, then name.
func (s *Suggestions) Ranked() []Suggestion {
	out := make([]Suggestion, 0, len(s.byKey))
	for _, sg := range s.byKey {
		out = append(out, *sg)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].Class < out[j].Class
	})
	return out
}

// snippet returns up to width bytes of text on each side of [start, end),
// cut at spaces, with ellipses where text was cut.
func snippet(text string, start, end, width int) string {
	lo, hi := start-width, end+width
	pre, post := "…", "…"
	if lo <= 0 {
		lo, pre = 0, ""
	} else if sp := strings.IndexByte(text[lo:start], ' '); sp >= 0 {
		lo += sp + 1
	}
	if hi >= len(text) {
		hi, post = len(text), ""
	} else if sp := strings.LastIndexByte(text[end:hi], ' '); sp >= 0 {
		hi = end + sp
	}
	return pre + strings.Join(strings.Fields(text[lo:hi]), " ") + post
}
