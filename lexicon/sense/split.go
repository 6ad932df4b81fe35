package sense

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
	"sort"

	"github.com/turntag/turntag/lexicon"
)

// Suspect is a cue whose contexts split into two dissimilar groups.
type Suspect struct {
	Phrase  *lexicon.Phrase
	Topic   *lexicon.Topic // the topic of a topic cue; nil for a capital
	Entry   *lexicon.Entry // the country of a capital; nil for a topic cue
	Matches int            // matches in the corpus
	Turns   int            // turns with a match: one context each
	Judged  int            // contexts in the two groups (the others share no word with them)
	Split   float64        // 1 − the groups' normalised cut / that of shuffled contexts, in [0, 1]: 1 when they share no context words
	Groups  [2]Group       // the larger group first
}

// Group is one side of a suspect's split.
type Group struct {
	Size    int       // contexts in the group
	Support float64   // share of them whose turn has other evidence for the cue's topic, in [0, 1]
	Words   []string  // the context words that mark the group against the other, strongest first
	Samples []Context // the group's most typical contexts, most typical first
}

// Result is what Suspects found.
type Result struct {
	Turns    int       // texts added
	Cues     int       // cues that matched at least once
	Judged   int       // cues with enough contexts to be judged
	Suspects []Suspect // cues with a split of at least MinSplit, highest split first
}

// Suspects judges every cue with at least MinOccurrences contexts and
// returns those whose split is at least MinSplit, highest first (then by
// matches, then by text). For each cue:
//
//   - The context words are those in at least two of the cue's contexts
//     and not in every turn; a context is a unit vector of them weighted by
//     (1 + ln tf) × ln(turns / df) × ln(1 + the cue's contexts with the
//     word), df being the corpus turns with the word.
//   - The graph joins two contexts by their cosine similarity; contexts
//     sharing nothing with any other are left out.
//   - If the two largest connected components each hold at least
//     minGroup contexts, they are the groups (a cut of 0). Otherwise the
//     largest component is ordered by its second eigenvector of
//     D^-½ S D^-½ (power iteration), and of the cuts along that order that
//     leave minGroup contexts on each side, the one with the lowest
//     normalised cut, cut × (1/vol A + 1/vol B), makes the groups.
//   - The same is done on five copies of the contexts with their words
//     shuffled among them; split = 1 − cut / mean shuffled cut, in [0, 1].
func (c *Checker) Suspects() Result {
	res := Result{Turns: int(c.turns), Cues: len(c.cues)}
	for _, cu := range c.cues { // any order: each cue is judged alone, and the result is sorted
		if len(cu.sample) < c.opt.MinOccurrences {
			continue
		}
		s, ok := c.judge(cu)
		if !ok {
			continue
		}
		res.Judged++
		if s.Split >= c.opt.MinSplit {
			res.Suspects = append(res.Suspects, s)
		}
	}
	sort.Slice(res.Suspects, func(i, j int) bool {
		a, b := res.Suspects[i], res.Suspects[j]
		if a.Split != b.Split {
			return a.Split > b.Split
		}
		if a.Matches != b.Matches {
			return a.Matches > b.Matches
		}
		if a.Phrase.Text != b.Phrase.Text {
			return a.Phrase.Text < b.Phrase.Text
		}
		return a.Phrase.Line < b.Phrase.Line
	})
	return res
}

// vec is a sparse unit vector: word ids ascending.
type vec struct {
	ids []int32
	w   []float64
}

func dot(a, b vec) float64 {
	s := 0.0
	for i, j := 0, 0; i < len(a.ids) && j < len(b.ids); {
		switch {
		case a.ids[i] < b.ids[j]:
			i++
		case a.ids[i] > b.ids[j]:
			j++
		default:
			s += a.w[i] * b.w[j]
			i++
			j++
		}
	}
	return s
}

// nulls is how many shuffled copies of a cue's contexts its split is
// compared with.
const nulls = 5

// judge splits one cue's contexts; ok is false when too few contexts share
// words to judge it.
func (c *Checker) judge(cu *cue) (Suspect, bool) {
	occ := append([]*occurrence(nil), cu.sample...)
	// an order that depends on where the contexts are, not on the heap
	sort.Slice(occ, func(i, j int) bool {
		a, b := occ[i].ctx, occ[j].ctx
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Text < b.Text
	})
	// context words: in at least two contexts, and not in every turn
	inCtx := map[int32]int{}
	for _, o := range occ {
		seen := map[int32]bool{}
		for _, id := range o.words {
			if !seen[id] {
				seen[id] = true
				inCtx[id]++
			}
		}
	}
	var words [][]int32
	var kept []*occurrence
	for _, o := range occ {
		var ws []int32
		for _, id := range o.words {
			if inCtx[id] >= 2 && c.df[id] < c.turns {
				ws = append(ws, id)
			}
		}
		if len(ws) > 0 {
			words = append(words, ws)
			kept = append(kept, o)
		}
	}
	g := c.graph(words, inCtx)
	sides, ncut, ok := bisect(g, c.opt.MinOccurrences)
	if !ok {
		return Suspect{}, false
	}
	// the same words dealt out at random to contexts of the same sizes:
	// what a split of contexts this sparse gives when the cue has one sense
	rng := rand.New(rand.NewPCG(uint64(len(words)), 1))
	null, runs := 0.0, 0
	for r := 0; r < nulls; r++ {
		if _, nc, ok := bisect(c.graph(shuffle(words, rng), inCtx), 1); ok {
			null += nc
			runs++
		}
	}
	split := 1.0
	if ncut > 0 {
		split = 0
		if runs > 0 && null > 0 {
			split = 1 - ncut/(null/float64(runs))
		}
	}
	s := Suspect{Phrase: cu.phrase, Topic: cu.topic, Entry: cu.entry, Matches: cu.n, Turns: cu.turns, Judged: len(sides[0]) + len(sides[1]),
		Split: math.Round(math.Max(0, math.Min(1, split))*100) / 100}
	for k, side := range sides {
		s.Groups[k] = c.group(side, sides[1-k], g.sim, g.vecs, kept)
	}
	return s, true
}

// bisect splits a graph in two, the larger side first, and returns the
// normalised cut between the sides; ok is false when fewer than min
// contexts could be judged. When the two largest connected components
// both have at least minGroup contexts, they are the sides (a cut of 0);
// otherwise the largest component is split along its Fiedler order. The
// contexts of the other components are left out.
func bisect(g graph, min int) (sides [2][]int, ncut float64, ok bool) {
	comps := components(g)
	if len(comps) == 0 {
		return sides, 0, false
	}
	if len(comps) > 1 && len(comps[1]) >= minGroup(len(comps[0])+len(comps[1])) && len(comps[0])+len(comps[1]) >= min {
		return [2][]int{comps[0], comps[1]}, 0, true
	}
	nodes := comps[0]
	if len(nodes) < max(min, 2*minGroup(len(nodes))) {
		return sides, 0, false
	}
	order := fiedlerOrder(g, nodes)
	a, ncut := sweep(g, order, minGroup(len(nodes)))
	if a == 0 {
		return sides, 0, false
	}
	sides = [2][]int{order[:a], order[a:]}
	if len(sides[1]) > len(sides[0]) {
		sides[0], sides[1] = sides[1], sides[0]
	}
	return sides, ncut, true
}

// components returns the connected components of the graph's nodes,
// largest first (then by first node).
func components(g graph) [][]int {
	seen := make([]bool, len(g.sim))
	var out [][]int
	for _, start := range g.nodes {
		if seen[start] {
			continue
		}
		seen[start] = true
		comp := []int{start}
		for k := 0; k < len(comp); k++ {
			for j, v := range g.sim[comp[k]] {
				if v > 0 && !seen[j] {
					seen[j] = true
					comp = append(comp, j)
				}
			}
		}
		sort.Ints(comp)
		out = append(out, comp)
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// minGroup is the fewest contexts a side of a split may hold: 15% of
// them, at least 3. Smaller groups are too often a few contexts that share
// a word by chance.
func minGroup(n int) int { return max(3, (n*15+99)/100) }

// graph is the similarity graph of a cue's contexts.
type graph struct {
	vecs  []vec
	sim   [][]float64 // cosine similarities; 0 on the diagonal
	deg   []float64   // row sums of sim
	nodes []int       // the contexts that share words with another
	start []float64   // a start for the power iteration, in [-0.5, 0.5), from each context's words
}

// graph weights each context's words by (1 + ln tf) × idf × ln(1 + the
// cue's contexts with the word) into a unit vector and joins the contexts
// by their cosine similarities. The last factor favours the words that
// recur around the cue (the vocabulary of each of its senses) over words
// that two contexts share by chance.
func (c *Checker) graph(words [][]int32, inCtx map[int32]int) graph {
	g := graph{vecs: make([]vec, len(words))}
	for k, ws := range words {
		tf := map[int32]int{}
		for _, id := range ws {
			tf[id]++
		}
		v := vec{}
		for id := range tf {
			v.ids = append(v.ids, id)
		}
		sort.Slice(v.ids, func(i, j int) bool { return v.ids[i] < v.ids[j] })
		norm := 0.0
		for _, id := range v.ids {
			w := (1 + math.Log(float64(tf[id]))) * math.Log(float64(c.turns)/float64(c.df[id])) * math.Log(1+float64(inCtx[id]))
			v.w = append(v.w, w)
			norm += w * w
		}
		norm = math.Sqrt(norm)
		for i := range v.w {
			v.w[i] /= norm
		}
		g.vecs[k] = v
		h := fnv.New64a()
		for _, id := range v.ids {
			h.Write([]byte{byte(id), byte(id >> 8), byte(id >> 16), byte(id >> 24)})
		}
		g.start = append(g.start, float64(h.Sum64()%1024)/1024-0.5)
	}
	n := len(words)
	g.sim = make([][]float64, n)
	g.deg = make([]float64, n)
	for i := range g.sim {
		g.sim[i] = make([]float64, n)
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			s := dot(g.vecs[i], g.vecs[j])
			g.sim[i][j], g.sim[j][i] = s, s
			g.deg[i] += s
			g.deg[j] += s
		}
	}
	for i := range g.deg {
		if g.deg[i] > 0 {
			g.nodes = append(g.nodes, i)
		}
	}
	return g
}

// shuffle deals the words of all contexts out at random to contexts of the
// same sizes.
func shuffle(words [][]int32, rng *rand.Rand) [][]int32 {
	var all []int32
	for _, ws := range words {
		all = append(all, ws...)
	}
	rng.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	out := make([][]int32, len(words))
	for k, ws := range words {
		out[k], all = all[:len(ws)], all[len(ws):]
	}
	return out
}

// fiedlerOrder returns the nodes sorted by the second eigenvector of the
// normalised similarity matrix D^-½ S D^-½, by power iteration on it plus
// the identity (so that no eigenvalue is negative) with the first
// eigenvector, D^½ 1, projected out.
func fiedlerOrder(g graph, nodes []int) []int {
	sim, deg := g.sim, g.deg
	n := len(nodes)
	sq := make([]float64, n)
	u := make([]float64, n) // the first eigenvector, normalised
	un := 0.0
	for k, i := range nodes {
		sq[k] = math.Sqrt(deg[i])
		u[k] = sq[k]
		un += deg[i]
	}
	un = math.Sqrt(un)
	for k := range u {
		u[k] /= un
	}
	x := make([]float64, n)
	for k, i := range nodes {
		x[k] = g.start[i] // from the context's words: the same whatever the order of the contexts
	}
	// the matrix's non-zero entries, row by row
	type edge struct {
		l int
		w float64
	}
	rows := make([][]edge, n)
	for k, i := range nodes {
		for l, j := range nodes {
			if v := sim[i][j]; v != 0 {
				rows[k] = append(rows[k], edge{l, v / (sq[k] * sq[l])})
			}
		}
	}
	y := make([]float64, n)
	for iter := 0; iter < 200; iter++ {
		for k := range rows {
			s := x[k]
			for _, e := range rows[k] {
				s += e.w * x[e.l]
			}
			y[k] = s
		}
		p, norm := 0.0, 0.0
		for k := range y {
			p += u[k] * y[k]
		}
		for k := range y {
			y[k] -= p * u[k]
			norm += y[k] * y[k]
		}
		if norm == 0 {
			break
		}
		norm = math.Sqrt(norm)
		moved := 0.0
		for k := range y {
			v := y[k] / norm
			moved += (v - x[k]) * (v - x[k])
			x[k] = v
		}
		if moved < 1e-12 {
			break // converged
		}
	}
	type kv struct {
		node int
		v    float64
	}
	byV := make([]kv, n)
	for k, i := range nodes {
		byV[k] = kv{i, x[k] / sq[k]}
	}
	sort.SliceStable(byV, func(a, b int) bool { return byV[a].v < byV[b].v })
	out := make([]int, n)
	for k := range byV {
		out[k] = byV[k].node
	}
	return out
}

// sweep returns the cut along order, A = order[:a], with the lowest
// normalised cut among those leaving at least minGroup nodes on each side.
func sweep(g graph, order []int, minGroup int) (int, float64) {
	sim, deg := g.sim, g.deg
	vol := 0.0
	for _, i := range order {
		vol += deg[i]
	}
	in := make([]float64, len(sim)) // node -> its similarity to the nodes in A
	cut, volA := 0.0, 0.0
	best, bestCut := 0, math.Inf(1)
	for a := 1; a < len(order); a++ {
		v := order[a-1]
		cut += deg[v] - 2*in[v]
		volA += deg[v]
		for _, j := range order {
			in[j] += sim[v][j]
		}
		if a < minGroup || len(order)-a < minGroup {
			continue
		}
		volB := vol - volA
		if volA <= 0 || volB <= 0 {
			continue
		}
		if nc := cut * (1/volA + 1/volB); nc < bestCut {
			best, bestCut = a, nc
		}
	}
	return best, bestCut
}

// group describes one side of a split against the other.
func (c *Checker) group(side, other []int, sim [][]float64, vecs []vec, occ []*occurrence) Group {
	g := Group{Size: len(side)}
	mean := func(nodes []int) map[int32]float64 {
		m := map[int32]float64{}
		for _, i := range nodes {
			for k, id := range vecs[i].ids {
				m[id] += vecs[i].w[k] / float64(len(nodes))
			}
		}
		return m
	}
	mine, theirs := mean(side), mean(other)
	type ws struct {
		id int32
		w  float64
	}
	var words []ws
	for id, w := range mine {
		if d := w - theirs[id]; d > 0 {
			words = append(words, ws{id, d})
		}
	}
	sort.Slice(words, func(i, j int) bool {
		if words[i].w != words[j].w {
			return words[i].w > words[j].w
		}
		return c.words[words[i].id] < c.words[words[j].id]
	})
	for k := 0; k < len(words) && k < 8; k++ {
		g.Words = append(g.Words, c.words[words[k].id])
	}
	type central struct {
		node int
		s    float64
	}
	cs := make([]central, len(side))
	supported := 0
	for k, i := range side {
		cs[k].node = i
		for _, j := range side {
			cs[k].s += sim[i][j]
		}
		if occ[i].support {
			supported++
		}
	}
	g.Support = float64(supported) / float64(len(side))
	sort.SliceStable(cs, func(a, b int) bool { return cs[a].s > cs[b].s })
	for k := 0; k < len(cs) && k < 2; k++ {
		g.Samples = append(g.Samples, occ[cs[k].node].ctx)
	}
	return g
}
