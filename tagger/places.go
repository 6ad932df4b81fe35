package tagger

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/turntag/turntag/lexicon"
)

// places matches the lexicon's gazetteer (places and named events) on the
// tokens nothing else has taken, and marks their tokens covered: a place is
// never a mention, but the NER input and the NER vetoes treat its words as
// known, so "Texas Governor Greg Abbott" gives at most the person "Greg
// Abbott" and "Las Vegas" is never a person. A one-word place that is part
// of a person's name here is left free (see placeIsName). It returns the
// place matches in text order.
func (d *Doc) places(text string, toks []lexicon.Token, covered []bool) []lexicon.Match {
	ms := d.t.lex.AppendMatchTextPlaces(d.placeMs[:0], &d.text, covered) // d.text holds text and toks
	if len(ms) == 0 {
		return nil
	}
	d.placeMs = ms // no place outlives the turn: withPlaces copies them
	if cap(d.spans) < len(ms) {
		d.spans = make([][2]int, len(ms))
	}
	spans := d.spans[:len(ms)]
	if cap(d.taken) < len(toks) {
		d.taken = make([]bool, len(toks))
	}
	taken := d.taken[:len(toks)] // covered, or inside a place
	copy(taken, covered)
	for n, m := range ms {
		i := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= m.Start })
		j := i
		for j < len(toks) && toks[j].End <= m.End {
			taken[j] = true
			j++
		}
		spans[n] = [2]int{i, j}
	}
	out := ms[:0]
	for n, m := range ms {
		i, j := spans[n][0], spans[n][1]
		if j-i == 1 && d.placeIsName(toks, taken, i) {
			continue
		}
		for k := i; k < j; k++ {
			covered[k] = true
		}
		out = append(out, m)
	}
	return out
}

// placeIsName reports whether the one-word place at token i is part of a
// person's name here: followed by a capitalised word that is neither
// known, common, a title nor a plural, and ends the name ("Virginia Foxx",
// "Austin Tice", but not "Houston Astros", "Texas Governor" or "Ohio Mike
// DeWine"); preceded by one inside a sentence ("Whitney Houston"); after a
// title ("Secretary Austin"); the surname of a person named earlier in the
// document; or the first name of one, used to address them ("Thanks,
// Austin."). taken marks the tokens of lexicon matches and places.
func (d *Doc) placeIsName(toks []lexicon.Token, taken []bool, i int) bool {
	lex := d.t.lex
	t := toks[i]
	if !t.IsCapitalised() || allUpper(&t) {
		return false
	}
	nameWord := func(k int) bool {
		w := toks[k]
		return w.Word && w.IsCapitalised() && !taken[k] && !allUpper(&w) &&
			!lex.IsCommonToken(w) && !lex.IsTitleToken(w)
	}
	if n := i + 1; n < len(toks) && nameWord(n) && !strings.HasSuffix(toks[n].Norm, "s") &&
		(n+1 == len(toks) || !nameWord(n+1)) {
		return true
	}
	if p := i - 1; p >= 0 && nameWord(p) && !lexicon.SentenceStart(toks, p) {
		return true
	}
	if afterTitle(lex, toks, i) || d.surnames[t.Norm] != nil {
		return true // "Secretary Austin", "Mr. Richmond"; "Richmond" once Cedric Richmond is named
	}
	if d.firstName(t.Norm) != nil {
		before := i == 0 || toks[i-1].Text == "," || lexicon.SentenceStart(toks, i)
		after := i+1 == len(toks) || strings.Contains(",.?!", toks[i+1].Text)
		return before && after
	}
	return false
}

// vetoPlaces applies the gazetteer to the NER's names before vet, which
// sees the places' tokens as covered. So a name whose capitalised words
// are all in places ("Las Vegas", "Capitol Hill", "Madam Vice President")
// is dropped by vet, as is a person's name with a place inside it. A
// person's name that starts or ends with a place loses it here, with the
// titles and lower-case words beside it ("Texas Governor Greg Abbott" and
// "Governor of Texas Greg Abbott" give "Greg Abbott", "Abbott of Texas"
// gives "Abbott"), and vet accepts or drops the rest like any name. An
// organisation's name that starts or ends with a place is left whole:
// organisation spans are never truncated, so vet sees its place words as
// free and the organisation rules judge it whole ("Texas Department of
// Public Safety"). Names keep their order and count, so vet locates each
// where this did. It returns the names and the coverage vet is to use.
func (d *Doc) vetoPlaces(text string, toks []lexicon.Token, covered []bool, places []lexicon.Match, names []Name) ([]Name, []bool) {
	if len(places) == 0 {
		return names, covered
	}
	placed := make([]bool, len(toks))
	for _, m := range places {
		for k := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= m.Start }); k < len(toks) && toks[k].End <= m.End; k++ {
			placed[k] = true
		}
	}
	lex := d.t.lex
	// skip reports whether token k may go with a place at a name's edge
	skip := func(k int) bool {
		t := toks[k]
		return placed[k] || !t.Word || !t.IsCapitalised() || lex.IsTitleToken(t)
	}
	out := slices.Clone(names)
	vetCovered, cloned := covered, false
	cursor := 0
	for n, nm := range names {
		i, j := locate(toks, lexicon.Tokenize(nm.Text), cursor)
		if i < 0 {
			continue
		}
		cursor = i + 1
		words, inPlace := 0, 0
		for k := i; k < j; k++ {
			if toks[k].Word && toks[k].IsCapitalised() && !lex.IsTitleToken(toks[k]) {
				words++
				if placed[k] {
					inPlace++
				}
			}
		}
		if inPlace == 0 || inPlace == words {
			continue // no place, or wholly one: vet drops it
		}
		if nm.Class != "PERSON" {
			if nm.Class == "ORGANIZATION" || nm.Class == "ORG" {
				if !cloned {
					vetCovered, cloned = slices.Clone(covered), true
				}
				for k := i; k < j; k++ {
					if placed[k] {
						vetCovered[k] = false
					}
				}
			}
			continue
		}
		// from each end, past the last place among the words that may go
		// with it, and the titles or connectors between it and the name
		a, b := i, j
		for k := i; k < j && skip(k); k++ {
			if placed[k] {
				a = k + 1
			}
		}
		for a > i && a < j && skip(a) {
			a++
		}
		for k := j - 1; k >= a && skip(k); k-- {
			if placed[k] {
				b = k
			}
		}
		for b < j && b > a && skip(b-1) {
			b--
		}
		if a < b && !slices.Contains(placed[a:b], true) {
			out[n].Text = text[toks[a].Start:toks[b-1].End]
		} // else a place inside: vet drops it
	}
	return out, vetCovered
}

// withPlaces returns the lexicon matches and the place matches in text
// order, for Result.Matches.
func withPlaces(matches, places []lexicon.Match) []lexicon.Match {
	if len(places) == 0 {
		return matches
	}
	out := append(append(make([]lexicon.Match, 0, len(matches)+len(places)), matches...), places...)
	slices.SortStableFunc(out, func(a, b lexicon.Match) int { return cmp.Compare(a.Start, b.Start) })
	return out
}
