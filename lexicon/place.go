package lexicon

import (
	"slices"
	"sort"
)

// PlaceKinds are the kinds a place entry may have, as written in a file's
// places section:
//
//	state     a state or territory of a federation (Texas, Bavaria, Queensland)
//	province  a province, oblast, krai or republic (Ontario, Primorye, Kursk Region)
//	region    a region within or across countries (Midwest, Central America, Scotland)
//	city      a city or town that is not a country's capital (Las Vegas, Shanghai)
//	district  a part of a city or county (Brooklyn, Cook County)
//	island    an island that is not a country (Long Island, Sanibel Island)
//	landmark  a named site, park, monument or memorial (Ground Zero, Grand Canyon)
//	building  a building or room (Oval Office, Rose Garden, Mar-a-Lago)
//	street    a street or square (Wall Street, Pennsylvania Avenue)
//	water     a sea, lake, river or bay (Lake Huron, Rio Grande)
//	mountain  a mountain or range (Rocky Mountains)
//	event     a holiday, observance or named event (Black History Month, State of the Union)
//	law       a law, bill or programme (Build Back Better, Inflation Reduction Act)
//	title     a form of address (Madam Vice President, Your Excellency)
//	other     anything else that is never a person or an organisation
var PlaceKinds = []string{"state", "province", "region", "city", "district", "island", "landmark",
	"building", "street", "water", "mountain", "event", "law", "title", "other"}

// compilePlaces builds the gazetteer's matcher from the place entries. A
// phrase that cannot compile is left out and the rest still match; Check
// reports it. The loader calls it after each file that has places or
// contexts, so the lexicon is ready whether or not Compile follows.
func (l *Lexicon) compilePlaces() {
	m := &matcher{root: &node{}}
	x := newContextExpander(l) // the contexts are the whole lexicon's
	ctxs := map[string]*compiled{}
	for _, e := range l.places.Entries {
		for _, p := range implicitAliases(e) {
			m.add(p, e, nil, RoleAlias, x, ctxs)
		}
		for i := range e.Aliases {
			m.add(&e.Aliases[i], e, nil, RoleAlias, x, ctxs)
		}
	}
	m.freeze(newVocab(m))
	l.places.compiled = m
}

// MatchPlaces finds the gazetteer's places in a text already tokenised
// with Tokenize, on the tokens that covered leaves free: a place gives way
// to everything else. Pass as covered the tokens of the matches of
// MatchTokens on the same tokens (and of anything else the caller has
// resolved); nil means none. Each match has Role RoleAlias and an Entry of
// Type Place: it covers its words but names no country, organisation or
// person, and cues no topic.
//
// Places are matched over the whole text, so their context rules see it
// all, then a place that overlaps a covered token is dropped and the free
// tokens it held are matched again on their own ("New York Times Square":
// the newspaper takes "New York Times", so "Times Square" cannot match,
// but a shorter place inside the free words still may).
func (l *Lexicon) MatchPlaces(text string, toks []Token, covered []bool) []Match {
	if l.places.compiled == nil || len(l.places.Entries) == 0 {
		return nil
	}
	return l.matchPlaces(text, toks, covered, l.places.MatchTokens(text, toks))
}

// MatchTextPlaces is MatchPlaces on x's text and tokens.
func (l *Lexicon) MatchTextPlaces(x *Text, covered []bool) []Match {
	return l.AppendMatchTextPlaces(nil, x, covered)
}

// AppendMatchTextPlaces is MatchTextPlaces appending the places to dst,
// so that a caller that keeps no match beyond the text can reuse a buffer
// from one text to the next.
func (l *Lexicon) AppendMatchTextPlaces(dst []Match, x *Text, covered []bool) []Match {
	if l.places.compiled == nil || len(l.places.Entries) == 0 || len(x.toks) == 0 {
		return dst
	}
	if marks, bit := x.words.marksOf(l.places.compiled.trie, len(x.toks)); marks != nil && nextMarked(marks, 0, bit) == len(x.toks) {
		return dst // no place starts in the text (startMarks): most turns
	}
	if !x.placesReady {
		x.places.share(&x.words)
		x.placesReady = true
	}
	n := len(dst)
	ms := l.places.matchWords(x.text, x.toks, &x.places, dst)
	if n == 0 {
		return l.matchPlaces(x.text, x.toks, covered, ms) // filtered in place, in dst when it has room
	}
	return append(ms[:n], l.matchPlaces(x.text, x.toks, covered, ms[n:])...)
}

// matchPlaces is MatchPlaces given the gazetteer's matches on the whole
// text, ms, a slice of its own that it filters in place.
func (l *Lexicon) matchPlaces(text string, toks []Token, covered []bool, ms []Match) []Match {
	taken := func(k int) bool { return covered != nil && covered[k] }
	anyTaken := func(i, j int) bool {
		for k := i; k < j; k++ {
			if taken(k) {
				return true
			}
		}
		return false
	}
	out := ms[:0]        // ms[k] is read before out[k] is written
	var dropped [][2]int // token ranges of places that overlapped covered tokens
	for _, m := range ms {
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
		// the run of free tokens around each free token of the dropped place
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
			for _, m := range l.places.MatchTokens(text, toks[a:b]) {
				out = append(out, m)
				i, j := tokenRange(toks, m)
				for x := i; x < j; x++ {
					free[x] = false
				}
			}
			for x := a; x < b; x++ {
				free[x] = false // matched or not, done
			}
		}
	}
	if len(out) == 0 {
		return nil // as when nothing matched
	}
	slices.SortStableFunc(out, func(a, b Match) int { return a.Start - b.Start })
	return out
}

// tokenRange returns the half-open token range [i, j) of a match.
func tokenRange(toks []Token, m Match) (int, int) {
	i := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= m.Start })
	j := i
	for j < len(toks) && toks[j].End <= m.End {
		j++
	}
	return i, j
}
