package lexicon

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// DefaultTaxonomy is the taxonomy of a topic that names none, and the one
// a lexicon tags until SelectTaxonomies says otherwise: the foreign and
// security topics of topics.yaml.
const DefaultTaxonomy = "security"

// AllTaxonomies is the --taxonomy value that selects every taxonomy.
const AllTaxonomies = "all"

// taxonomyName is the shape of a taxonomy name: a lowercase slug.
var taxonomyName = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// Taxonomies returns the names of the lexicon's taxonomies, each with at
// least one topic: DefaultTaxonomy first when it has one, then the others
// in alphabetical order.
func (l *Lexicon) Taxonomies() []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range l.Topics {
		if name := t.taxonomy(); !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if (out[i] == DefaultTaxonomy) != (out[j] == DefaultTaxonomy) {
			return out[i] == DefaultTaxonomy
		}
		return out[i] < out[j]
	})
	return out
}

// taxonomy returns the topic's taxonomy, DefaultTaxonomy when it names
// none (a Topic built in Go rather than loaded).
func (t *Topic) taxonomy() string {
	if t.Taxonomy == "" {
		return DefaultTaxonomy
	}
	return t.Taxonomy
}

// ParseTaxonomies reads a selection of taxonomies as the --taxonomy flag
// writes it: one name ("agendas"), several joined by commas
// ("security,agendas"), or "all". It returns the names in Taxonomies
// order; "" gives nil, the default selection. An unknown name is an error
// that lists the known ones.
func (l *Lexicon) ParseTaxonomies(spec string) ([]string, error) {
	spec = strings.TrimSpace(spec)
	if spec == "" {
		return nil, nil
	}
	known := l.Taxonomies()
	if spec == AllTaxonomies {
		return known, nil
	}
	want := map[string]bool{}
	for _, name := range strings.Split(spec, ",") {
		name = strings.TrimSpace(name)
		if !slices.Contains(known, name) {
			return nil, fmt.Errorf("unknown taxonomy %q (the lexicon has %s, or all)", name, strings.Join(known, ", "))
		}
		want[name] = true
	}
	var out []string
	for _, name := range known {
		if want[name] {
			out = append(out, name)
		}
	}
	return out, nil
}

// SelectTaxonomies sets the taxonomies whose topics the lexicon tags: after
// the next Compile, only their cues match and only their topics are
// Selected. nil selects the default: DefaultTaxonomy, or every taxonomy
// when no topic is in DefaultTaxonomy. Unknown names are an error.
//
// Taxonomies are matched apart, so that selecting one never changes what
// another gives: the main matcher holds the entities and the cues of one
// taxonomy (DefaultTaxonomy when the lexicon has it), and the cues of each
// other selected taxonomy are matched in a pass of their own, whose cue
// matches are added to the main ones. Mentions come from the main matcher
// alone, so they are the same whatever the selection.
func (l *Lexicon) SelectTaxonomies(names []string) error {
	known := l.Taxonomies()
	for _, n := range names {
		if !slices.Contains(known, n) {
			return fmt.Errorf("unknown taxonomy %q (the lexicon has %s)", n, strings.Join(known, ", "))
		}
	}
	l.taxonomies = slices.Clone(names)
	l.compiled, l.passes, l.selected, l.marks = nil, nil, nil, nil
	return nil
}

// SelectedTaxonomies returns the taxonomies the lexicon tags, in
// Taxonomies order.
func (l *Lexicon) SelectedTaxonomies() []string {
	known := l.Taxonomies()
	if l.taxonomies == nil {
		if slices.Contains(known, DefaultTaxonomy) {
			return []string{DefaultTaxonomy}
		}
		return known
	}
	return slices.DeleteFunc(known, func(n string) bool { return !slices.Contains(l.taxonomies, n) })
}

// Selected reports whether the topic is in a selected taxonomy: the
// tagger scores only those.
func (l *Lexicon) Selected(t *Topic) bool {
	if l.selected != nil {
		return l.selected[t.taxonomy()]
	}
	return slices.Contains(l.SelectedTaxonomies(), t.taxonomy()) // not compiled yet
}

// mainTaxonomy is the taxonomy whose cues the main matcher holds with the
// entities: DefaultTaxonomy when a topic is in it, else the first.
func (l *Lexicon) mainTaxonomy() string {
	if ts := l.Taxonomies(); len(ts) > 0 {
		return ts[0]
	}
	return DefaultTaxonomy
}

// mainTopics returns the topics that Compile puts in the main matcher.
func (l *Lexicon) mainTopics() []*Topic {
	main := l.mainTaxonomy()
	return slices.DeleteFunc(slices.Clone(l.Topics), func(t *Topic) bool { return t.taxonomy() != main })
}

// compilePasses notes the selection and compiles one cue-only lexicon per
// selected taxonomy other than the main one; Compile calls it last.
func (l *Lexicon) compilePasses() error {
	l.passes = nil
	main := l.mainTaxonomy()
	l.selected = map[string]bool{}
	for _, name := range l.SelectedTaxonomies() {
		l.selected[name] = true
	}
	l.dropMainCues = !l.selected[main]
	var probs Problems
	for _, name := range l.SelectedTaxonomies() {
		if name == main {
			continue
		}
		p := New()
		p.Contexts, p.contextByID = l.Contexts, l.contextByID
		for _, t := range l.Topics {
			if t.taxonomy() == name {
				p.Topics = append(p.Topics, t)
				p.topicByID[t.ID] = t
			}
		}
		if err := p.compile(); err != nil { // Compile freezes it with the main matcher
			var ps Problems
			if errors.As(err, &ps) {
				probs = append(probs, ps...)
			} else {
				probs = append(probs, &Error{Err: err})
			}
			continue
		}
		l.passes = append(l.passes, p)
	}
	if len(probs) > 0 {
		l.compiled = nil
		probs.sort()
		return probs
	}
	return nil
}

// withPasses completes the main matcher's matches of a text: it drops the
// cues of the main taxonomy when it is not selected and adds the cue
// matches of each other selected taxonomy, keeping the matches in text
// order (at one start, the main matcher's first).
//
// w holds the tokens' word ids in the main matcher's vocab, which Compile
// gives the passes too. The matches of the text are out[n0:]; what
// comes before is the caller's (AppendMatchText).
func (l *Lexicon) withPasses(text string, toks []Token, w *textWords, out []Match, n0 int) []Match {
	if len(l.passes) == 0 && !l.dropMainCues {
		return out
	}
	if l.dropMainCues {
		out = out[:n0+len(slices.DeleteFunc(out[n0:], func(m Match) bool { return m.Role == RoleCue }))]
	}
	n := len(out)
	for _, p := range l.passes {
		if p.compiled.trie.vocab == l.compiled.trie.vocab {
			out = p.matchWords(text, toks, w, out)
		} else {
			out = append(out, p.MatchTokens(text, toks)...)
		}
	}
	if len(out) > n {
		slices.SortStableFunc(out[n0:], func(a, b Match) int { return a.Start - b.Start })
	}
	return out
}

// checkTaxonomies reports taxonomy names of the wrong shape, a label used
// by two topics (labels are what the CSV shows: they must say which topic,
// and so which taxonomy, they are) and a parent in another taxonomy.
func checkTaxonomies(l *Lexicon, add func(string, int, error)) {
	labels := map[string]*Topic{}
	for _, t := range l.Topics {
		name := t.taxonomy()
		if !taxonomyName.MatchString(name) || name == AllTaxonomies {
			add(t.File, t.Line, fmt.Errorf("%w: topic %q: taxonomy %q is not a lowercase name (letters, digits, hyphens) other than %q", ErrInvalid, t.ID, name, AllTaxonomies))
		}
		if t.Label != "" {
			k := foldKey(t.Label)
			if o, ok := labels[k]; ok {
				add(t.File, t.Line, fmt.Errorf("%w: topic %q has the label %q of topic %q (%s:%d): labels are unique across taxonomies", ErrDuplicate, t.ID, t.Label, o.ID, o.File, o.Line))
			} else {
				labels[k] = t
			}
		}
		if p := l.Topic(t.Parent); p != nil && p.taxonomy() != name {
			add(t.File, t.Line, fmt.Errorf("%w: topic %q (%s) has parent %q in another taxonomy (%s)", ErrInvalid, t.ID, name, p.ID, p.taxonomy()))
		}
	}
}
