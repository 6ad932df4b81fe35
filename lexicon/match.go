package lexicon

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Role says what a matched phrase is to its entry.
type Role int

// The roles of a phrase.
const (
	RoleAlias   Role = iota + 1 // a name of the entity: a mention
	RoleDemonym                 // a demonym of a country: a mention
	RoleCapital                 // a capital of a country: a topic cue, not a mention
	RoleCue                     // a topic cue phrase
)

// String names the role as explain prints it.
func (r Role) String() string {
	return [...]string{"", "alias", "demonym", "capital", "cue"}[r]
}

// IsMention reports whether a phrase of this role names its entity.
func (r Role) IsMention() bool { return r == RoleAlias || r == RoleDemonym }

// Match is one phrase found in a text.
type Match struct {
	Start, End int    // half-open byte span in the text
	Entry      *Entry // the entity for aliases, demonyms and capitals; nil for cues
	Topic      *Topic // the topic for cues; nil otherwise
	Role       Role
	Phrase     *Phrase // the lexicon phrase that fired
	cp         *compiled
}

// Rule says why the match fired, for explain: `alias "Lavrov"`, with the
// spelling variant, the rules and the phrase's file and line.
func (m Match) Rule() string {
	if m.cp == nil {
		return ""
	}
	m.cp.ruleOnce.Do(func() { m.cp.rule = describe(m.cp.role, m.cp.phrase, m.cp.variant) })
	return m.cp.rule
}

// Label is the phrase's evidence label: the lexicon text of the phrase, or
// for a wildcard phrase the matched words (in lower case when the phrase
// is).
func (m Match) Label(text string) string {
	if strings.HasSuffix(m.Phrase.Text, "*") {
		words := strings.Join(strings.Fields(text[m.Start:m.End]), " ")
		if lower(m.Phrase.Text) == m.Phrase.Text {
			return strings.ToLower(words) // "Terrorism" and "terrorism" count as one
		}
		return words // a name keeps its capitals: "Middle Eastern"
	}
	if m.Role == RoleCapital || m.Role == RoleCue {
		return m.Phrase.Text
	}
	return m.Entry.Name
}

// Match finds the lexicon's phrases in text: at each position the longest
// phrase whose case and context rules hold, left to right, without overlap.
// The lexicon must be compiled (Compile) first.
func (l *Lexicon) Match(text string) []Match {
	if len(text) <= 64 { // a name or a phrase: tokenised on the stack
		var buf [64/3 + 8]Token
		return l.MatchTokens(text, AppendTokens(buf[:0], text))
	}
	b, toks := borrowTokens(text) // MatchTokens keeps no token
	ms := l.MatchTokens(text, toks)
	returnTokens(b, toks)
	return ms
}

// MatchTokens is Match for a text already tokenised with Tokenize.
func (l *Lexicon) MatchTokens(text string, toks []Token) []Match {
	if l.compiled == nil || len(toks) == 0 {
		return nil
	}
	w := textWordsPool.Get().(*textWords)
	w.reset(toks)
	out := l.matchWords(text, toks, w, nil)
	textWordsPool.Put(w)
	return out
}

// Text is a text and its tokens made ready for a lexicon's matchers, so
// that MatchTokens and MatchPlaces on it hash the tokens' words once for
// both. The zero Text is ready for Reset; it is not safe for concurrent
// use.
type Text struct {
	text          string
	toks          []Token
	words, places textWords // places shares words' hashes (share)
	placesReady   bool
	low           []byte  // the tokenizer's buffer of lower-case forms, kept for the next text
	caps          []int32 // Capitalised
}

// Capitalised returns the indexes among x's tokens of the words that
// start with a capital letter, in text order: the tokens a search for
// names looks at. The slice is x's until the next Reset or Tokenize.
func (x *Text) Capitalised() []int32 { return x.caps }

// Reset readies x for text and its tokens (AppendTokens) and hashes their
// words. x keeps toks until the next Reset: do not change them.
func (x *Text) Reset(text string, toks []Token) {
	x.text, x.toks = text, toks
	x.words.reset(toks)
	x.placesReady = false
	x.caps = x.caps[:0]
	for i := range toks {
		if toks[i].Word && upperFirst(toks[i].Text) {
			x.caps = append(x.caps, int32(i))
		}
	}
}

// Tokenize tokenises text into toks as AppendTokens does and readies x for
// text and the tokens appended, as Reset does, in one pass: each word is
// hashed as it is made. It returns toks with the tokens appended; x keeps
// them until the next Reset or Tokenize: do not change them.
func (x *Text) Tokenize(toks []Token, text string) []Token {
	return x.tokenize(nil, toks, text)
}

// TokenizeFor is Tokenize for the matchers of l, which must be compiled:
// it also marks each token with the tries of l (its matcher's, its
// passes' and its gazetteer's) where a match may start there, so that
// MatchText and MatchTextPlaces with l pass over most tokens in one read.
// With another lexicon they match as after Tokenize.
func (x *Text) TokenizeFor(l *Lexicon, toks []Token, text string) []Token {
	return x.tokenize(l.marks, toks, text)
}

// tokenize is Tokenize, marking the tokens with sm when it is not nil.
func (x *Text) tokenize(sm *startMarks, toks []Token, text string) []Token {
	n := len(toks)
	w := &x.words
	t := tokenizer{hashes: w.hashes[:0], hash: true, low: x.low, chunk: 4 << 10, caps: x.caps[:0], base: n}
	if sm != nil {
		t.sm, t.marks = sm, w.marks[:0]
	}
	toks = t.appendTokens(toks, text)
	x.low, x.caps = t.low, t.caps
	w.hashes, w.marker = t.hashes, sm
	if sm != nil {
		w.marks = t.marks
	}
	x.text, x.toks = text, toks[n:]
	w.ids = slices.Grow(w.ids[:0], len(x.toks))[:len(x.toks)]
	w.vocab = nil
	w.bloomed = false
	x.placesReady = false
	return toks
}

// MatchText is MatchTokens on x's text and tokens.
func (l *Lexicon) MatchText(x *Text) []Match { return l.AppendMatchText(nil, x) }

// AppendMatchText is MatchText appending the matches to dst, so that a
// caller that keeps no match beyond the text can reuse a buffer from one
// text to the next. It returns dst unchanged when nothing matches.
func (l *Lexicon) AppendMatchText(dst []Match, x *Text) []Match {
	if l.compiled == nil || len(x.toks) == 0 {
		return dst
	}
	return l.matchWords(x.text, x.toks, &x.words, dst)
}

// share readies w for the tokens that v hashed, to number them in
// another vocab.
func (w *textWords) share(v *textWords) {
	n := len(v.hashes)
	w.ids = slices.Grow(w.ids[:0], n)[:n]
	w.vocab = nil
	w.hashes, w.bloomed = v.hashes, v.bloomed
	if v.bloomed { // most texts test no context: the filter is not made
		w.bloom = v.bloom
	}
	w.marks, w.marker = v.marks, v.marker
}

// textWords is what the matchers of one text share about its tokens: the
// hashes of their words (hashWord), hashed once for every matcher, a Bloom
// filter of them, and their word ids in the vocab of the lexicon's
// matcher, which its passes share, found when first needed.
type textWords struct {
	hashes  []uint64   // by token: hashWord of its Norm
	ids     []uint32   // by token, in vocab; unknownID until looked up (scan.id)
	vocab   *vocab     // of ids; nil when they are not set yet
	cands   []cand     // a buffer for matchWords
	out     []Match    // a buffer for matchWords' matches
	bloom   [64]uint64 // a Bloom filter of hashes (mayHave), once bloomed
	bloomed bool
	marks   []uint8     // by token: its startMarks, made by marker (TokenizeFor)
	marker  *startMarks // nil when the tokens are not marked
}

// textWordsPool holds textWords for reuse from one text to the next.
var textWordsPool = sync.Pool{New: func() any { return new(textWords) }}

// unknownID is the id of a token not looked up yet (scan.id).
const unknownID = ^uint32(0)

// unknownIDs is a block of unknownID, to fill ids with.
var unknownIDs = func() (b [512]uint32) {
	for i := range b {
		b[i] = unknownID
	}
	return b
}()

// reset readies w for a text of tokens toks: it hashes their words.
func (w *textWords) reset(toks []Token) {
	n := len(toks)
	w.ids = slices.Grow(w.ids[:0], n)[:n]
	w.vocab = nil
	w.hashes = slices.Grow(w.hashes[:0], n)[:n]
	for i := range toks {
		w.hashes[i] = hashToken(toks[i].Norm)
	}
	w.bloomed = false
	w.marker = nil
}

// matchWords is MatchTokens with the tokens' words w, appending the
// matches to dst.
func (l *Lexicon) matchWords(text string, toks []Token, w *textWords, dst []Match) []Match {
	m := l.compiled
	t := m.trie
	marks, bit := w.marksOf(t, len(toks))
	i := 0
	if marks != nil {
		if i = nextMarked(marks, 0, bit); i == len(toks) {
			return l.withPasses(text, toks, w, dst, len(dst)) // no phrase of t starts in the text
		}
	}
	if w.vocab != t.vocab {
		for ids := w.ids; len(ids) > 0; { // copied a block at a time, not written one by one
			ids = ids[copy(ids, unknownIDs[:]):]
		}
		w.vocab = t.vocab
	}
	s := &scan{text: text, toks: toks, words: w, vocab: t.vocab, names: &m.names}
	out := w.out[:0] // copied out at the end, at its size
	cands := w.cands[:0]
	rootPre := t.nodes[0].pre
	punct, lowerAny := m.punct, m.lowerAny
	ids, hashes := w.ids[:len(toks)], w.hashes[:len(toks)]
	startFilter, soloFilter, ascii := &t.startFilter, &t.soloFilter, &t.vocab.ascii
	kinds := t.kinds
	for i < len(toks) {
		if marks != nil {
			if i = nextMarked(marks, i, bit); i == len(toks) {
				break // no phrase of t starts at the rest (startMarks)
			}
		}
		tk := &toks[i]
		if !tk.Word && !punct {
			i++ // no phrase starts with punctuation
			continue
		}
		// (In the gazetteer) a word without a capital must be one that
		// starts a phrase so: tested once the word is known, since most
		// of those ("the") start none with the next word and need no
		// lookup to tell.
		lowerOnly := !lowerAny && !upperFirst(tk.Text)
		// May a phrase start here? The root has a child on the word, or a
		// wildcard prefix may start it. A word not yet looked up is looked
		// up only when t.startFilter says that it may start a phrase; when
		// the test is false, candidates finds nothing at i.
		id := ids[i]
		if id == unknownID {
			nm, h := tk.Norm, hashes[i]
			if len(nm) == 1 && nm[0] < utf8.RuneSelf {
				id = ascii[nm[0]] // punctuation mostly
				ids[i] = id
			} else if k := uint32(h) >> 16; startFilter[k/64]&(1<<(k%64)) == 0 {
				id = 0 // no phrase starts with the word: only a prefix may
			} else if soloFilter[k/64]&(1<<(k%64)) == 0 && (i+1 == len(toks) || !t.mayPair(h, hashes[i+1])) &&
				(rootPre == nil || !s.rootPrefix(t, i)) {
				// the word is not one of starts that are not bare, and if it
				// is a bare one, the next word goes on none of its phrases;
				// nor may a prefix start it ("the", "in" mostly)
				i++
				continue
			} else {
				id = t.vocab.lookup(nm, wordKey(nm), h)
				ids[i] = id
			}
		}
		if lowerOnly && !s.lowerFirst(t, i) {
			i++
			continue
		}
		if id == 0 {
			// only a wildcard prefix of the root may start here, as
			// candidates would find: the word is no start, and the
			// prefixes of one in the vocab are what rootPre holds
			if rootPre == nil || !tk.Word {
				i++
				continue
			}
			cands = t.rootPrefixCandidates(rootPre, tk.Norm, i+1, cands[:0])
		} else {
			kd := kinds[id]
			if kd&kindStart == 0 {
				i++
				continue
			}
			if kd&kindUpper != 0 && tk.Text == tk.Norm {
				i++ // every phrase on the word wants a capital: "the", "president"
				continue
			}
			if kd&kindBare != 0 && (i+1 == len(toks) || !t.mayFollow(t.root[id], hashes[i+1])) {
				i++ // the word starts a phrase only with words after it, and the next goes on none
				continue
			}
			cands = s.candidates(t, i, cands[:0])
		}
		if len(cands) == 0 {
			i++
			continue
		}
		if len(cands) > 1 {
			// longest first; among equals, load order
			slices.SortStableFunc(cands, func(a, b cand) int { return b.end - a.end })
		}
		end, first := 0, len(out)
		bestDist := -1
		var firstCP *compiled
		for _, c := range cands {
			if end > 0 && c.end != end {
				break
			}
			cp := m.phrases[c.id]
			if !cp.caseOK(toks[i:c.end]) || !s.rulesOK(cp, i, c.end) {
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
			// Two entities claim the same words ("King Abdullah" of Jordan
			// and of Saudi Arabia): the one whose context words stand
			// closest wins. Other topics' cues with the same words fire too.
			if cp.role != RoleCue && out[first].Role != RoleCue {
				if bestDist == -1 {
					bestDist = s.nearDistance(firstCP, i, c.end)
					if bestDist < 0 {
						bestDist = -2 // no context: any claim with context is closer
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
	w.cands = cands
	w.out = out
	n := len(dst)
	if len(out) > 0 { // dst stays nil when nothing matches: most texts and most passes
		if dst == nil {
			dst = make([]Match, 0, len(out)) // at its size, as a caller keeps it
		}
		dst = append(dst, out...)
	}
	return l.withPasses(text, toks, w, dst, n)
}

type cand struct{ id, end int }

// sameTopic reports whether a match at start already cues topic t.
func sameTopic(out []Match, t *Topic, start int) bool {
	for k := len(out) - 1; k >= 0 && out[k].Start == start; k-- {
		if out[k].Topic == t {
			return true
		}
	}
	return false
}

// candidates lists the phrases of trie t whose keys match the tokens from
// i on.
func (s *scan) candidates(t *trie, i int, out []cand) []cand {
	toks := s.toks
	n := int32(0)
	for j := i; j < len(toks); j++ {
		var id uint32 // 0: no phrase goes on with the word
		if n == 0 || t.mayFollow(n, s.words.hashes[j]) {
			id = s.id(j)
		}
		if n == 0 && id != 0 {
			if toks[j].Word && t.rootPreBits[id/64]&(1<<(id%64)) != 0 {
				for _, p := range t.rootPre[id] { // what prefixCandidates gives, found at freeze
					out = append(out, cand{p, j + 1})
				}
			}
		} else if pre := t.nodes[n].pre; pre != nil && toks[j].Word {
			out = pre.prefixCandidates(toks[j].Norm, j+1, out)
		}
		if id == 0 {
			break // no phrase goes on with this word
		}
		if n == 0 {
			n = t.root[id]
		} else {
			n = t.child(n, id)
		}
		if n == 0 {
			break
		}
		for _, p := range t.ends[t.nodes[n].endLo:t.nodes[n].endHi] {
			out = append(out, cand{int(p), j + 1})
		}
	}
	return out
}

// mayFollow reports whether a word of hash h (hashWord) may be the word
// of an edge of node n, not the root, of trie t: false means it is not.
func (t *trie) mayFollow(n int32, h uint64) bool {
	k := t.followBit(n, h)
	return t.followFilter[k/64]&(1<<(k%64)) != 0
}

// mayPair reports whether words of hashes h1 and h2 (hashWord) may be
// the first two words of a phrase of trie t whose first word is bare:
// false means they are not.
func (t *trie) mayPair(h1, h2 uint64) bool {
	k := t.pairBit(h1, h2)
	return t.pairFilter[k/64]&(1<<(k%64)) != 0
}

// pairBit is the bit of two words of hashes h1 and h2 in pairFilter.
func (t *trie) pairBit(h1, h2 uint64) uint64 {
	return (h2 ^ h1*0xbf58476d1ce4e5b9) * 0x9e3779b97f4a7c15 >> t.pairShift
}

// followBit is the bit of node n and a word of hash h in followFilter.
func (t *trie) followBit(n int32, h uint64) uint64 {
	return (h ^ uint64(n)<<32) * 0x9e3779b97f4a7c15 >> t.followShift
}

// prefixCandidates lists the phrases whose wildcard prefixes at node n
// start word w, ending at token end.
func (n *node) prefixCandidates(w string, end int, out []cand) []cand {
	if n.first2 != nil && n.mayPrefix(w) {
		if key := prefixKey(w); key != 0 && n.mayPrefixKey(key) {
			for _, p := range n.prefixes[key] {
				if strings.HasPrefix(w, p.pre) {
					out = append(out, cand{p.id, end})
				}
			}
		}
	}
	for _, p := range n.short {
		if strings.HasPrefix(w, p.pre) {
			out = append(out, cand{p.id, end})
		}
	}
	return out
}

// rootPrefix reports whether a wildcard prefix of the root of trie t may
// start token i.
func (s *scan) rootPrefix(t *trie, i int) bool {
	pre := t.nodes[0].pre
	if pre == nil || !s.toks[i].Word {
		return false
	}
	return rootPrefixMay(pre, s.toks[i].Norm)
}

// id returns token j's word id, looking it up on first use.
func (s *scan) id(j int) uint32 {
	id := s.words.ids[j]
	if id == unknownID {
		if w := s.toks[j].Norm; len(w) == 1 && w[0] < utf8.RuneSelf {
			id = s.vocab.ascii[w[0]]
		} else {
			id = s.vocab.lookup(w, wordKey(w), s.words.hashes[j])
		}
		s.words.ids[j] = id
	}
	return id
}

// mayHave reports whether the text may have a word of hash h (hashWord):
// false means it has not. No word is looked up; the Bloom filter of the
// text's hashes is made on first use and shared by the passes.
func (s *scan) mayHave(h uint64) bool {
	w := s.words
	if !w.bloomed { // made on first use: most texts test no context
		w.bloom = [len(w.bloom)]uint64{}
		for _, h := range w.hashes {
			k := bloomBit(h)
			w.bloom[k/64] |= 1 << (k % 64)
		}
		w.bloomed = true
	}
	k := bloomBit(h)
	return w.bloom[k/64]&(1<<(k%64)) != 0
}

// bloomBit is the bit of a word's hash in textWords.bloom.
func bloomBit(h uint64) uint { return uint(h>>32) % (64 * uint(len(textWords{}.bloom))) }

// hashNorm is hashWord of w.
func hashNorm(w string) uint64 { return hashWord(w, wordKey(w)) }

// lowerFirst reports whether token i is the first word of a phrase of
// trie t that may start without a capital, looking the word up only when
// t.lowerFirstFilter says that it may be one.
func (s *scan) lowerFirst(t *trie, i int) bool {
	if k := uint32(s.words.hashes[i]) >> 16; t.lowerFirstFilter[k/64]&(1<<(k%64)) == 0 {
		return false
	}
	return t.lowerFirst[s.id(i)]
}

// upperFirst is startsUpper without decoding an ASCII letter.
func upperFirst(s string) bool {
	if s != "" && s[0] < utf8.RuneSelf {
		return s[0]-'A' <= 'Z'-'A'
	}
	return startsUpper(s)
}

// startsUpper reports whether s starts with an upper-case letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// caseOK checks the phrase's case rule against the text tokens.
func (cp *compiled) caseOK(toks []Token) bool {
	if cp.mode == caseAny {
		return true
	}
	for k, t := range toks {
		if cp.mode == caseAuto && cp.lowerToks[k] {
			continue // a lowercase word matches in any case
		}
		want, got := cp.toks[k], t.Text
		if k == len(toks)-1 && cp.prefix {
			if !strings.HasPrefix(got, want) && (cp.mode != caseAuto || !strings.HasPrefix(got, cp.upperToks[k])) {
				return false
			}
		} else if got != want && (cp.mode != caseAuto || got != cp.upperToks[k]) {
			return false
		}
	}
	return true
}

// scan holds one text's tokens and caches where context phrases occur.
type scan struct {
	text      string
	toks      []Token
	words     *textWords // the tokens' word ids in vocab (id, has)
	vocab     *vocab
	names     *nameWords
	matchedTo int              // token index where the last match found so far ends
	occ       map[string][]int // context key -> token indexes where it starts
	lower     map[string]bool  // word -> the text has it in lower case (writtenLower)
}

func (s *scan) rulesOK(cp *compiled, start, end int) bool {
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

// inName reports whether the words [start, end), where cp matched, stand
// inside a longer proper name: the test of a phrase with not_in_name. They
// do when they are capitalised as written and
//   - the word right before them is a name word ("Lisa Monaco", "Michael
//     Jordan", "SK Innovation", "Micron Technology"), or
//   - the word right after them is a name word and the lexicon writes cp
//     with a capital ("Chad Wolf", "Jordan Peterson"). A lowercase cue
//     does not look after itself: a name that ends in a common word is a
//     company's ("Micron Technology"), but one that starts with it names
//     what a law, fund or body is about ("the Innovation Bill").
//
// A name word is a capitalised word (or an acronym) joined to the phrase
// by spaces only, not by a hyphen or dash ("Israel-Jordan" is two names),
// that is not a title ("Jordan King Abdullah"), a common word ("New",
// "Valley", "Government") or an organisation word ("Council", "Fund"), and
//   - before the phrase: not part of a match already found ("US Jordan
//     talks"), nor the first word of a sentence that the text also writes
//     in lower case ("Did Jordan agree? We did."), since the first word of
//     a sentence is capitalised whatever it is;
//   - after the phrase: not after a phrase that follows a capitalised word
//     and a title connector: that names the country of an office, then
//     its holder ("President of Kenya William Ruto").
//
// So "Monaco's", "in Monaco, Prince Albert", "the Jordan Valley",
// "Georgia and Moldova" and "European innovation" are not in a name.
// Capitals tell nothing in text written all in capitals or in title case,
// so the test is false when the phrase is in ALL CAPS, or when the six
// words on either side of it, five at least, have none in lower case
// ("Biden Visits Monaco Casino And Greets Prince"). It allocates at most
// once per text, for the cache of writtenLower.
func (s *scan) inName(cp *compiled, start, end int) bool {
	allUpper := true
	for _, t := range s.toks[start:end] {
		if !t.Word {
			continue
		}
		if !t.IsCapitalised() {
			return false // "European innovation": a name is capitalised
		}
		allUpper = allUpper && noLower(t.Text)
	}
	if allUpper || !s.nameBefore(start) && !(cp.capital && s.nameAfter(start, end)) {
		return false
	}
	return !s.titleCase(start, end)
}

// noLower reports whether s has no lowercase letter: for a capitalised
// word, that it is in capitals. Unlike Token.IsUpper it does not allocate.
func noLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// nameBefore reports whether the word before token start is a name word
// (see inName).
func (s *scan) nameBefore(start int) bool {
	k := start - 1
	if k < 0 || s.matchedTo == start || !s.nameWord(k) || !s.joined(k, start) {
		return false
	}
	if SentenceStart(s.toks, k) && s.writtenLower(s.toks[k].Norm) {
		return false
	}
	return true
}

// nameAfter reports whether the word after [start, end) is a name word
// (see inName).
func (s *scan) nameAfter(start, end int) bool {
	if end >= len(s.toks) || !s.nameWord(end) || !s.joined(end-1, end) {
		return false
	}
	// "President of Kenya William Ruto": a title's country, then its holder
	if start >= 2 && s.names.connectors[s.toks[start-1].Norm] && s.toks[start-2].IsCapitalised() {
		return false
	}
	return true
}

// nameWord reports whether token k is a capitalised word that is not a
// title, a common word or an organisation word.
func (s *scan) nameWord(k int) bool {
	t := s.toks[k]
	n := s.names
	return t.Word && t.IsCapitalised() && !n.titles[t.Norm] && !n.common[t.Norm] && !n.orgWords[t.Norm]
}

// joined reports whether tokens a and b = a+1 stand side by side with
// only spaces between them: no hyphen or dash.
func (s *scan) joined(a, b int) bool {
	for _, r := range s.text[s.toks[a].End:s.toks[b].Start] {
		if isDash(r) {
			return false
		}
	}
	return true
}

// writtenLower reports whether the text has the word norm in lower case,
// looking once per text and word.
func (s *scan) writtenLower(norm string) bool {
	if found, ok := s.lower[norm]; ok {
		return found
	}
	found := false
	for _, t := range s.toks {
		if t.Norm == norm && t.Text == norm {
			found = true
			break
		}
	}
	if s.lower == nil {
		s.lower = map[string]bool{}
	}
	s.lower[norm] = found
	return found
}

// titleCase reports whether [start, end) stands in title case or capitals:
// the six words on either side, five at least, have none in lower case.
func (s *scan) titleCase(start, end int) bool {
	const side, least = 6, 5
	seen := 0
	look := func(k int) bool { // false on a word in lower case
		t := s.toks[k]
		if !t.Word {
			return true
		}
		r, _ := utf8.DecodeRuneInString(t.Text)
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			seen++
		}
		return true
	}
	words := 0
	for k := start - 1; k >= 0 && words < side; k-- {
		if s.toks[k].Word {
			words++
		}
		if !look(k) {
			return false
		}
	}
	words = 0
	for k := end; k < len(s.toks) && words < side; k++ {
		if s.toks[k].Word {
			words++
		}
		if !look(k) {
			return false
		}
	}
	return seen >= least
}

// at reports whether the context phrase occurs at token i.
func (s *scan) at(p *compiled, i int) bool {
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
	return p.caseOK(s.toks[i : i+len(p.toks)])
}

// nearAny reports whether any of the phrases occurs within window words of
// [start, end), or anywhere in the text when window is 0. The phrase itself
// does not count.
func (s *scan) nearAny(ps []*compiled, window, start, end int) bool {
	if s.occ == nil {
		s.occ = map[string][]int{}
	}
	lo, hi := s.toks[start].Index-window, s.toks[end-1].Index+window
	for _, p := range ps {
		if !(p.prefix && len(p.norm) == 1) && !s.mayHave(p.hash0) {
			continue // not in the text: most of a long list
		}
		pos := s.positions(p)
		if len(pos) == 0 {
			continue
		}
		if window == 0 {
			// positions are sorted: is any outside the phrase itself?
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

// nearDistance returns how many words separate [start, end) from the
// closest occurrence of one of the phrase's near phrases, or -1 when it has
// none.
func (s *scan) nearDistance(cp *compiled, start, end int) int {
	if len(cp.near) == 0 {
		return -1
	}
	if s.occ == nil {
		s.occ = map[string][]int{}
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

// positions returns the token indexes where a context phrase starts, found
// once per text.
func (s *scan) positions(p *compiled) []int {
	pos, ok := s.occ[p.key]
	if !ok {
		pos = []int{}
		if p.prefix && len(p.norm) == 1 {
			for i := range s.toks {
				if s.at(p, i) {
					pos = append(pos, i)
				}
			}
		} else {
			// the hashes first: a read of eight bytes a token, not of
			// the token and its Norm
			first, h0 := p.norm[0], p.hash0
			for i, h := range s.words.hashes[:len(s.toks)] {
				if h == h0 && s.toks[i].Norm == first && s.at(p, i) {
					pos = append(pos, i)
				}
			}
		}
		s.occ[p.key] = pos
	}
	return pos
}

// describe renders a compiled phrase's rule for explain.
func describe(role Role, p *Phrase, variant string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %q", role, p.Text)
	if variant != "" {
		fmt.Fprintf(&b, " (spelling %q)", variant)
	}
	if p.Case != "" && p.Case != "auto" {
		fmt.Fprintf(&b, ", case %s", p.Case)
	}
	list := func(name string, v []string) {
		if len(v) > 0 {
			fmt.Fprintf(&b, ", %s [%s]", name, strings.Join(v, ", "))
		}
	}
	list("near", p.Near)
	list("not near", p.NotNear)
	if p.Window > 0 && len(p.Near)+len(p.NotNear) > 0 {
		fmt.Fprintf(&b, " within %d words", p.Window)
	}
	list("not before", p.NotBefore)
	list("not after", p.NotAfter)
	if p.NotInName {
		b.WriteString(", not in a name")
	}
	fmt.Fprintf(&b, " (%s:%d)", p.File, p.Line)
	return b.String()
}
