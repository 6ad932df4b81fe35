package eval

import (
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/tagger"
)

// PRF counts true positives, false positives and false negatives.
type PRF struct{ TP, FP, FN int }

// Precision is TP / (TP + FP), or 0 when nothing was predicted.
func (c PRF) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP / (TP + FN), or 0 when nothing was expected.
func (c PRF) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c PRF) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c *PRF) add(o PRF) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// EvalError is one disagreement with the gold, for --verbose.
type EvalError struct {
	Source  string
	Turn    int    // the tool's 1-based turn, 0 when the gold turn was not found
	Kind    string // "topic", "country", "organisation", "person", "speaker", "turn"
	Sign    string // "FP" (the tool said it, the gold does not) or "FN" (the gold has it, the tool missed it)
	Value   string
	Context string
}

// Eval compares tagged documents with gold turns. Topics are scored per
// taxonomy: a gold turn's topics are compared with the tool's tags of the
// gold turn's taxonomy only, so that a set labelled for one taxonomy
// says nothing about another.
type Eval struct {
	Topics    map[string]*PRF   // per topic label of the gold (labels without any count are left out of the report)
	Taxonomy  map[string]string // topic label -> its taxonomy
	Countries PRF
	Orgs      PRF
	People    PRF
	Addressed PRF // people addressed by name, apart from those talked about
	Speakers  struct{ Right, Total int }
	// GoldTurns counts gold turns; Unmatched those no tool turn matched;
	// Extra counts tool turns in gold-covered sources that no gold turn
	// matched (their tags count as false positives).
	GoldTurns, Unmatched, Extra int
	Errors                      []EvalError

	// Lexicon, when set, lets a predicted entity match a gold spelling
	// through any of its lexicon aliases ("King Abdullah II" is the gold's
	// "Abdullah II").
	Lexicon *lexicon.Lexicon

	gold map[string][]*GoldTurn // by source base name
	keys map[*GoldTurn]string   // folded snippet of each gold turn
	used map[*GoldTurn]bool
}

// NewEval returns an evaluation over the gold turns.
func NewEval(gold []GoldTurn) *Eval {
	e := &Eval{Topics: map[string]*PRF{}, Taxonomy: map[string]string{}, gold: map[string][]*GoldTurn{}, used: map[*GoldTurn]bool{}, keys: map[*GoldTurn]string{}}
	for i := range gold {
		g := &gold[i]
		e.gold[path.Base(g.Source)] = append(e.gold[path.Base(g.Source)], g)
		e.keys[g] = lexicon.FoldKey(g.Snippet)
		for _, t := range g.Topics {
			e.topic(t, g.taxonomy())
		}
	}
	return e
}

func (e *Eval) topic(label, taxonomy string) *PRF {
	if e.Topics[label] == nil {
		e.Topics[label] = &PRF{}
		e.Taxonomy[label] = taxonomy
	}
	return e.Topics[label]
}

// GoldTaxonomies returns the taxonomies the gold turns label, sorted.
func (e *Eval) GoldTaxonomies() []string {
	seen := map[string]bool{}
	for _, gs := range e.gold {
		for _, g := range gs {
			seen[g.taxonomy()] = true
		}
	}
	out := make([]string, 0, len(seen))
	for t := range seen {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// Covers reports whether the gold has turns for a source.
func (e *Eval) Covers(source string) bool { return len(e.gold[path.Base(source)]) > 0 }

// AddDocument compares every turn of a tagged document with the gold turns
// of its source, matched by the start of the turn's text, once per
// taxonomy the source's gold labels. A turn's entities are scored once,
// against the first gold turn matched that labels them.
func (e *Eval) AddDocument(doc *transcript.Document) {
	golds := e.gold[path.Base(doc.Source)]
	if len(golds) == 0 {
		return
	}
	e.GoldTurns += len(golds)
	// the taxonomies of the source's gold, in order, each with the fields
	// its lines label (for the tool turns no gold turn matches)
	var taxonomies []string
	fields := map[string]map[string]bool{}
	for _, g := range golds {
		tx := g.taxonomy()
		if fields[tx] == nil {
			taxonomies = append(taxonomies, tx)
			fields[tx] = map[string]bool{}
		}
		for _, f := range []string{"speaker", "countries", "organisations", "people", "addressed"} {
			if g.labelled(f) {
				fields[tx][f] = true
			}
		}
	}
	for i, t := range doc.Turns {
		text := doc.TurnText(t)
		key := lexicon.FoldKey(text)
		entities, extra := true, false
		for _, tx := range taxonomies {
			var g *GoldTurn
			for _, c := range golds {
				if !e.used[c] && c.taxonomy() == tx && strings.HasPrefix(key, e.keys[c]) {
					g = c
					break
				}
			}
			if g == nil {
				extra = true
				g = &GoldTurn{Taxonomy: tx, labels: fields[tx]}
			} else {
				e.used[g] = true
				if g.labelled("speaker") {
					e.Speakers.Total++
					if lexicon.FoldKey(g.Speaker) == lexicon.FoldKey(t.Speaker.Name) {
						e.Speakers.Right++
					} else {
						e.errorf(doc.Source, i+1, "speaker", "FN", fmt.Sprintf("%q, not %q", g.Speaker, t.Speaker.Name), text)
					}
				}
			}
			if e.compareTurn(doc.Source, i+1, text, t, g, entities) {
				entities = false
			}
		}
		if extra {
			e.Extra++
		}
	}
	for _, g := range golds {
		if !e.used[g] {
			e.used[g] = true
			e.Unmatched++
			if g.labelled("speaker") {
				e.Speakers.Total++
			}
			e.errorf(doc.Source, 0, "turn", "FN", "no turn starts with this text", g.Snippet)
			e.compareTurn(doc.Source, 0, g.Snippet, transcript.Turn{}, g, true)
		}
	}
}

// compareTurn counts one turn's topics of the gold turn's taxonomy, and
// when entities is set the entities the gold turn labels, against it. It
// reports whether it scored any entity field.
func (e *Eval) compareTurn(source string, n int, text string, t transcript.Turn, g *GoldTurn, entities bool) bool {
	tx := g.taxonomy()
	var topics []string
	for _, tag := range t.Tags {
		if tag.Taxonomy == tx || tag.Taxonomy == "" && tx == lexicon.DefaultTaxonomy {
			topics = append(topics, tag.Label)
		}
	}
	for _, d := range diffSets(topics, g.Topics) {
		e.topic(d.value, tx).add(d.prf)
		e.report(source, n, "topic", d, text)
	}
	if !entities {
		return false
	}
	var codes []string
	var orgs, people, addressed [][]string
	for _, m := range t.Mentions {
		switch {
		case m.Type == lexicon.Country:
			codes = append(codes, m.Code)
		case m.Type == lexicon.Organisation:
			orgs = append(orgs, e.spellings(m))
		case m.Type == lexicon.Person && m.Origin == tagger.FromAddress:
			addressed = append(addressed, e.spellings(m))
		case m.Type == lexicon.Person:
			people = append(people, e.spellings(m))
		}
	}
	scored := false
	if g.labelled("countries") {
		scored = true
		for _, d := range diffSets(codes, g.Countries) {
			e.Countries.add(d.prf)
			e.report(source, n, "country", d, text)
		}
	}
	if g.labelled("organisations") {
		scored = true
		for _, d := range diffSpellings(orgs, g.Organisations) {
			e.Orgs.add(d.prf)
			e.report(source, n, "organisation", d, text)
		}
	}
	if g.labelled("people") {
		scored = true
		for _, d := range diffSpellings(people, g.People) {
			e.People.add(d.prf)
			e.report(source, n, "person", d, text)
		}
	}
	if g.labelled("addressed") {
		scored = true
		for _, d := range diffSpellings(addressed, g.Addressed) {
			e.Addressed.add(d.prf)
			e.report(source, n, "addressed", d, text)
		}
	}
	return scored
}

type diff struct {
	value string
	prf   PRF
}

// diffSets compares predicted and gold values as sets.
func diffSets(pred, gold []string) []diff {
	p, g := set(pred), set(gold)
	var out []diff
	for v := range p {
		if g[v] {
			out = append(out, diff{v, PRF{TP: 1}})
		} else {
			out = append(out, diff{v, PRF{FP: 1}})
		}
	}
	for v := range g {
		if !p[v] {
			out = append(out, diff{v, PRF{FN: 1}})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].value < out[j].value })
	return out
}

// spellings returns a mention's canonical name first, then its lexicon
// aliases when the evaluation has the lexicon.
func (e *Eval) spellings(m tagger.Mention) []string {
	out := []string{m.Canonical}
	if e.Lexicon == nil || m.ID == "" {
		return out
	}
	if ent := e.Lexicon.Entry(m.ID); ent != nil {
		for _, a := range ent.Aliases {
			out = append(out, a.Text)
		}
	}
	return out
}

// diffSpellings compares predicted entities (canonical name first, then
// other spellings) with gold entities, each a list of accepted spellings;
// names compare case- and accent-insensitively.
func diffSpellings(pred [][]string, gold [][]string) []diff {
	var out []diff
	matched := make([]bool, len(gold))
	goldKeys := make([]map[string]bool, len(gold)) // folded accepted spellings of each gold entity
	for i, alts := range gold {
		goldKeys[i] = map[string]bool{}
		for _, a := range alts {
			goldKeys[i][lexicon.FoldKey(a)] = true
		}
	}
	seen := map[string]bool{}
	for _, names := range pred {
		p := names[0]
		k := lexicon.FoldKey(p)
		if seen[k] {
			continue
		}
		seen[k] = true
		nameKeys := make([]string, len(names))
		for j, n := range names {
			nameKeys[j] = lexicon.FoldKey(n)
		}
		hit := -1
		for i := range gold {
			for _, nk := range nameKeys {
				if goldKeys[i][nk] {
					hit = i
				}
			}
		}
		switch {
		case hit >= 0 && !matched[hit]:
			matched[hit] = true
			out = append(out, diff{p, PRF{TP: 1}})
		case hit >= 0: // a second name for an entity already counted
		default:
			out = append(out, diff{p, PRF{FP: 1}})
		}
	}
	for i, alts := range gold {
		if !matched[i] && len(alts) > 0 {
			out = append(out, diff{alts[0], PRF{FN: 1}})
		}
	}
	return out
}

func set(vs []string) map[string]bool {
	m := map[string]bool{}
	for _, v := range vs {
		if v != "" {
			m[v] = true
		}
	}
	return m
}

func (e *Eval) report(source string, n int, kind string, d diff, text string) {
	switch {
	case d.prf.FP > 0:
		e.errorf(source, n, kind, "FP", d.value, text)
	case d.prf.FN > 0:
		e.errorf(source, n, kind, "FN", d.value, text)
	}
}

func (e *Eval) errorf(source string, n int, kind, sign, value, text string) {
	ctx := strings.Join(strings.Fields(text), " ")
	if len(ctx) > 90 {
		ctx = ctx[:strings.LastIndexByte(ctx[:90], ' ')+1] + "…"
	}
	e.Errors = append(e.Errors, EvalError{Source: source, Turn: n, Kind: kind, Sign: sign, Value: value, Context: ctx})
}

// TopicsMicro sums the per-topic counts.
func (e *Eval) TopicsMicro() PRF {
	var c PRF
	for _, p := range e.Topics {
		c.add(*p)
	}
	return c
}

// TaxonomyMicro sums the per-topic counts of one taxonomy.
func (e *Eval) TaxonomyMicro(taxonomy string) PRF {
	var c PRF
	for l, p := range e.Topics {
		if e.Taxonomy[l] == taxonomy {
			c.add(*p)
		}
	}
	return c
}

// scoredTaxonomies returns the taxonomies with any topic count, sorted.
func (e *Eval) scoredTaxonomies() []string {
	seen := map[string]bool{}
	for l, c := range e.Topics {
		if c.TP+c.FP+c.FN > 0 {
			seen[e.Taxonomy[l]] = true
		}
	}
	out := make([]string, 0, len(seen))
	for t := range seen {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// EntitiesMicro sums countries, organisations and people.
func (e *Eval) EntitiesMicro() PRF {
	var c PRF
	c.add(e.Countries)
	c.add(e.Orgs)
	c.add(e.People)
	return c
}

// SpeakerAccuracy is the share of gold turns whose speaker the tool got right.
func (e *Eval) SpeakerAccuracy() float64 { return ratio(e.Speakers.Right, e.Speakers.Total) }

// WriteReport prints the quality table: per topic with its taxonomy, the
// micro average per taxonomy when there are several, and the entity
// types and speakers that the gold labels; verbose adds every error.
func (e *Eval) WriteReport(w io.Writer, verbose bool) {
	fmt.Fprintf(w, "gold turns %d, matched %d, unmatched %d, extra tool turns %d\n\n", e.GoldTurns, e.GoldTurns-e.Unmatched, e.Unmatched, e.Extra)
	fmt.Fprintf(w, "%-56s %9s %6s %6s %6s %5s %5s %5s\n", "", "precision", "recall", "F1", "", "TP", "FP", "FN")
	row := func(name string, c PRF) {
		fmt.Fprintf(w, "%-56s %9.3f %6.3f %6.3f %6s %5d %5d %5d\n", name, c.Precision(), c.Recall(), c.F1(), "", c.TP, c.FP, c.FN)
	}
	taxonomies := e.scoredTaxonomies()
	for _, tx := range taxonomies {
		labels := make([]string, 0, len(e.Topics))
		for l, c := range e.Topics {
			if c.TP+c.FP+c.FN > 0 && e.Taxonomy[l] == tx {
				labels = append(labels, l)
			}
		}
		sort.Strings(labels)
		for _, l := range labels {
			row("topic: "+l+" ("+tx+")", *e.Topics[l])
		}
		if len(taxonomies) > 1 {
			row("topics (micro, "+tx+")", e.TaxonomyMicro(tx))
		}
	}
	row("topics (micro)", e.TopicsMicro())
	entities := false
	for _, r := range []struct {
		name string
		c    PRF
	}{{"countries", e.Countries}, {"organisations", e.Orgs}, {"people", e.People}, {"addressed", e.Addressed}} {
		if r.c.TP+r.c.FP+r.c.FN > 0 {
			row(r.name, r.c)
			entities = true
		}
	}
	if entities {
		row("entities (micro)", e.EntitiesMicro())
	}
	if e.Speakers.Total > 0 {
		fmt.Fprintf(w, "%-56s %9.3f  (%d of %d)\n", "speaker accuracy", e.SpeakerAccuracy(), e.Speakers.Right, e.Speakers.Total)
	}
	if !verbose {
		return
	}
	fmt.Fprintln(w)
	for _, er := range e.Errors {
		fmt.Fprintf(w, "%s %s:%d %s %s | %s\n", er.Sign, er.Source, er.Turn, er.Kind, er.Value, er.Context)
	}
}

// Summary is the headline figures of an evaluation, as recorded in the
// repository's quality baseline.
type Summary struct {
	TopicsMicroF1   float64 `json:"topics_micro_f1"`
	EntitiesMicroF1 float64 `json:"entities_micro_f1"`
	CountriesF1     float64 `json:"countries_f1"`
	OrganisationsF1 float64 `json:"organisations_f1"`
	PeopleF1        float64 `json:"people_f1"`
	AddressedF1     float64 `json:"addressed_f1"`
	SpeakerAccuracy float64 `json:"speaker_accuracy"`
}

// Summary returns the headline figures.
func (e *Eval) Summary() Summary {
	return Summary{
		TopicsMicroF1: e.TopicsMicro().F1(), EntitiesMicroF1: e.EntitiesMicro().F1(),
		CountriesF1: e.Countries.F1(), OrganisationsF1: e.Orgs.F1(), PeopleF1: e.People.F1(), AddressedF1: e.Addressed.F1(),
		SpeakerAccuracy: e.SpeakerAccuracy(),
	}
}
