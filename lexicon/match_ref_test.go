package lexicon

import (
	"slices"
	"sort"
	"strings"
	"testing"
)

// BenchmarkMatchRealReference is BenchmarkMatchReal with the reference
// tokeniser and matcher, to compare on the same machine and run.
func BenchmarkMatchRealReference(b *testing.B) {
	benchMatchReal(b, refAppendTokens, refMatchTokens, refMatchPlaces)
}

// refMatchTokens is MatchTokens as it was before the matcher numbered
// words: it walks the trie by each token's Norm and compares context
// phrases by string. It also stands in for the passes' MatchTokens. The
// differential tests check that MatchTokens gives the same matches.
func refMatchTokens(l *Lexicon, text string, toks []Token) []Match {
	m := l.compiled
	if m == nil {
		return nil
	}
	s := &refScan{scan: scan{text: text, toks: toks, names: &m.names}}
	out := make([]Match, 0, len(toks)/16+1)
	var cands []cand
	for i := 0; i < len(toks); {
		if !toks[i].Word && !m.punct || !m.lowerAny && !startsUpper(toks[i].Text) && !m.lowerFirst[toks[i].Norm] {
			i++
			continue
		}
		cands = refCandidates(m, toks, i, cands[:0])
		if len(cands) == 0 {
			i++
			continue
		}
		if len(cands) > 1 {
			sort.SliceStable(cands, func(a, b int) bool { return cands[a].end > cands[b].end })
		}
		end, first := 0, len(out)
		bestDist := -1
		var firstCP *compiled
		for _, c := range cands {
			if end > 0 && c.end != end {
				break
			}
			cp := m.phrases[c.id]
			if !refCaseOK(cp, toks[i:c.end]) || !s.rulesOK(cp, i, c.end) {
				continue
			}
			match := Match{
				Start: toks[i].Start, End: toks[c.end-1].End,
				Entry: cp.entry, Topic: cp.topic, Role: cp.role, Phrase: cp.phrase, cp: cp,
			}
			if end == 0 {
				end, firstCP = c.end, cp
				out = append(out, match)
				continue
			}
			if cp.role != RoleCue && out[first].Role != RoleCue {
				if bestDist == -1 {
					bestDist = s.nearDistance(firstCP, i, c.end)
					if bestDist < 0 {
						bestDist = -2
					}
				}
				if d := s.nearDistance(cp, i, c.end); d >= 0 && (bestDist < 0 || d < bestDist) {
					out[first], firstCP, bestDist = match, cp, d
				}
				continue
			}
			if cp.role == RoleCue && !sameTopic(out, cp.topic, toks[i].Start) {
				out = append(out, match)
			}
		}
		if end > 0 {
			i, s.matchedTo = end, end
		} else {
			i++
		}
	}
	if len(l.passes) == 0 && !l.dropMainCues {
		return out
	}
	if l.dropMainCues {
		out = slices.DeleteFunc(out, func(m Match) bool { return m.Role == RoleCue })
	}
	n := len(out)
	for _, p := range l.passes {
		out = append(out, refMatchTokens(p, text, toks)...)
	}
	if len(out) > n {
		sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	}
	return out
}

// refCandidates is the old matcher.candidates, on the string-keyed trie.
func refCandidates(m *matcher, toks []Token, i int, out []cand) []cand {
	n := m.root
	for j := i; j < len(toks) && n != nil; j++ {
		if toks[j].Word {
			w := toks[j].Norm
			if n.first2 != nil && n.mayPrefix(w) {
				for _, p := range n.prefixes[prefixKey(w)] {
					if strings.HasPrefix(w, p.pre) {
						out = append(out, cand{p.id, j + 1})
					}
				}
			}
			for _, p := range n.short {
				if strings.HasPrefix(w, p.pre) {
					out = append(out, cand{p.id, j + 1})
				}
			}
		}
		n = n.next[toks[j].Norm]
		if n != nil {
			for _, id := range n.ends {
				out = append(out, cand{id, j + 1})
			}
		}
	}
	return out
}

// refScan is scan with the old string comparisons of context phrases.
type refScan struct {
	scan
}

func (s *refScan) rulesOK(cp *compiled, start, end int) bool {
	for _, p := range cp.notBefore {
		if s.at(p, end) {
			return false
		}
	}
	for _, p := range cp.notAfter {
		if k := start - len(p.toks); k >= 0 && s.at(p, k) {
			return false
		}
	}
	if cp.notInName && s.inName(cp, start, end) {
		return false
	}
	if len(cp.near) > 0 && !s.nearAny(cp.near, cp.phrase.Window, start, end) {
		return false
	}
	if len(cp.notNear) > 0 && s.nearAny(cp.notNear, cp.phrase.Window, start, end) {
		return false
	}
	return true
}

func (s *refScan) at(p *compiled, i int) bool {
	if i+len(p.toks) > len(s.toks) {
		return false
	}
	for k, w := range p.norm {
		t := s.toks[i+k]
		if k == len(p.norm)-1 && p.prefix {
			if !strings.HasPrefix(t.Norm, w) {
				return false
			}
		} else if t.Norm != w {
			return false
		}
	}
	return refCaseOK(p, s.toks[i:i+len(p.toks)])
}

func (s *refScan) nearAny(ps []*compiled, window, start, end int) bool {
	lo, hi := s.toks[start].Index-window, s.toks[end-1].Index+window
	for _, p := range ps {
		pos := s.positions(p)
		if len(pos) == 0 {
			continue
		}
		if window == 0 {
			if pos[0] < start || pos[len(pos)-1] >= end {
				return true
			}
			continue
		}
		k := sort.Search(len(pos), func(k int) bool { return s.toks[pos[k]].Index >= lo })
		for ; k < len(pos) && s.toks[pos[k]].Index <= hi; k++ {
			if pos[k] < start || pos[k] >= end {
				return true
			}
		}
	}
	return false
}

func (s *refScan) nearDistance(cp *compiled, start, end int) int {
	if len(cp.near) == 0 {
		return -1
	}
	best := -1
	lo, hi := s.toks[start].Index, s.toks[end-1].Index
	for _, p := range cp.near {
		for _, i := range s.positions(p) {
			if i >= start && i < end {
				continue
			}
			d := s.toks[i].Index - hi
			if i < start {
				d = lo - s.toks[i].Index
			}
			if best < 0 || d < best {
				best = d
			}
		}
	}
	return best
}

func (s *refScan) positions(p *compiled) []int {
	if s.occ == nil {
		s.occ = map[string][]int{}
	}
	pos, ok := s.occ[p.key]
	if !ok {
		pos = []int{}
		for i := range s.toks {
			if s.toks[i].Norm == p.norm[0] || p.prefix && len(p.norm) == 1 {
				if s.at(p, i) {
					pos = append(pos, i)
				}
			}
		}
		s.occ[p.key] = pos
	}
	return pos
}

// refMatchPlaces is MatchPlaces with refMatchTokens.
func refMatchPlaces(l *Lexicon, text string, toks []Token, covered []bool) []Match {
	if l.places.compiled == nil || len(l.places.Entries) == 0 {
		return nil
	}
	taken := func(k int) bool { return covered != nil && covered[k] }
	anyTaken := func(i, j int) bool {
		for k := i; k < j; k++ {
			if taken(k) {
				return true
			}
		}
		return false
	}
	var out []Match
	var dropped [][2]int
	for _, m := range refMatchTokens(l.places, text, toks) {
		i, j := tokenRange(toks, m)
		if anyTaken(i, j) {
			dropped = append(dropped, [2]int{i, j})
			continue
		}
		out = append(out, m)
	}
	if len(dropped) == 0 {
		return out
	}
	free := make([]bool, len(toks))
	for k := range toks {
		free[k] = !taken(k)
	}
	for _, m := range out {
		i, j := tokenRange(toks, m)
		for k := i; k < j; k++ {
			free[k] = false
		}
	}
	for _, d := range dropped {
		for k := d[0]; k < d[1]; k++ {
			if !free[k] {
				continue
			}
			a, b := k, k
			for a > 0 && free[a-1] {
				a--
			}
			for b < len(toks) && free[b] {
				b++
			}
			for _, m := range refMatchTokens(l.places, text, toks[a:b]) {
				out = append(out, m)
				i, j := tokenRange(toks, m)
				for x := i; x < j; x++ {
					free[x] = false
				}
			}
			for x := a; x < b; x++ {
				free[x] = false
			}
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}

// refCaseOK is the old compiled.caseOK, which folded the phrase's case on
// every call.
func refCaseOK(cp *compiled, toks []Token) bool {
	if cp.mode == caseAny {
		return true
	}
	for k, t := range toks {
		want := cp.toks[k]
		last := k == len(toks)-1 && cp.prefix
		if !refTokenCaseOK(cp.mode, want, t.Text, last) {
			return false
		}
	}
	return true
}

func refTokenCaseOK(mode caseMode, want, got string, prefix bool) bool {
	eq := func(a, b string) bool {
		if prefix {
			return strings.HasPrefix(a, b)
		}
		return a == b
	}
	switch mode {
	case caseExact:
		return eq(got, want)
	case caseAuto:
		if lower(want) == want {
			return true
		}
		return eq(got, want) || eq(got, strings.ToUpper(want))
	}
	return true
}
