package speakers

import (
	"strings"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline/read"
	"github.com/turntag/turntag/pipeline/transcript"
)

// settle makes a document's speakers consistent once every turn has one:
// a surname alone becomes the full name the document gives that person
// elsewhere, each person keeps one role throughout (the byline's, else the
// fullest one a label or introduction gave), and a questioner whom the
// previous turn calls on ("Go ahead, Said.", "Let's go to Simon Lewis of
// Reuters.") is named, with the outlet when it is said.
func (s *speakers) settle(doc *transcript.Document) {
	full := map[string]string{} // folded surname -> the one full name that ends with it
	for _, name := range s.names(doc) {
		ws := nameWords(name, s.ppl.suffixes)
		if len(ws) < 2 {
			continue
		}
		last := ws[len(ws)-1]
		if prev, ok := full[last]; ok && prev != name {
			full[last] = "" // two people share the surname
			continue
		}
		full[last] = name
	}
	for i := range doc.Turns {
		sp := &doc.Turns[i].Speaker
		if ws := strings.Fields(sp.Name); len(ws) == 1 {
			if f := full[lexicon.FoldKey(ws[0])]; f != "" {
				sp.Name = f
			}
		}
		sp.Role = s.cleanRole(sp.Role)
	}
	roles := map[string]string{}
	for _, b := range doc.Byline {
		if b.Name != "" && s.cleanRole(b.Role) != "" && roles[b.Name] == "" {
			roles[b.Name] = s.cleanRole(b.Role)
		}
	}
	for _, t := range doc.Turns {
		sp := t.Speaker
		if sp.Name == "" || sp.Role == "" || s.w.partRoles[sp.Role] {
			continue
		}
		if r := roles[sp.Name]; r == "" || len(sp.Role) > len(r) && containsAll(roleWords(sp.Role), roleWords(r)) && !s.fromByline(doc, sp.Name) {
			roles[sp.Name] = sp.Role // "Press Secretary" over "Secretary"
		}
	}
	for i := range doc.Turns {
		sp := &doc.Turns[i].Speaker
		if r := roles[sp.Name]; r != "" && sp.Name != "" && !s.w.partRoles[sp.Role] {
			sp.Role = r
		}
	}
	for i := 1; i < len(doc.Turns); i++ {
		t := &doc.Turns[i]
		if !t.Label.Question || t.Speaker.Name != "" {
			continue
		}
		// the operator may open the line between the call and the question
		for j := i - 1; j >= 0 && j >= i-2; j-- {
			if name, outlet := s.calledOn(j); name != "" {
				t.Speaker.Name = s.named(doc.TurnText(*t), name)
				if t.Speaker.Affiliation == "" {
					t.Speaker.Affiliation = outlet
				}
				break
			}
			if doc.Turns[j].Speaker.Role != "Operator" {
				break
			}
		}
		if t.Speaker.Name == "" && i >= 2 && s.stillAsking(doc, i) {
			t.Speaker = doc.Turns[i-2].Speaker
		}
	}
}

// names lists the byline's and the speakers' names, byline first.
func (s *speakers) names(doc *transcript.Document) []string {
	var out []string
	for _, b := range doc.Byline {
		out = append(out, b.Name)
	}
	for _, t := range doc.Turns {
		out = append(out, t.Speaker.Name)
	}
	return out
}

// fromByline reports whether the byline names the person with a role.
func (s *speakers) fromByline(doc *transcript.Document, name string) bool {
	for _, b := range doc.Byline {
		if b.Name == name && b.Role != "" {
			return true
		}
	}
	return false
}

// cleanRole drops honorifics and repeated words from a role ("MR." is no
// role, "Admiral — Admiral" is "Admiral") and trims stray punctuation.
func (s *speakers) cleanRole(role string) string {
	role = read.CleanText(role)
	var kept []string
	seen := map[string]bool{}
	for _, w := range strings.Fields(role) {
		bare := strings.ToLower(strings.Trim(w, ".,;:—–-"))
		if bare == "" || s.w.honorifics[bare] || seen[bare] && !s.w.connectors[bare] {
			continue
		}
		seen[bare] = true
		kept = append(kept, strings.Trim(w, ",;:—–"))
	}
	return strings.Join(kept, " ")
}

// lastSentence returns the last sentence of the last paragraph of text.
// It tokenises the paragraph into a buffer kept from call to call.
func (s *speakers) lastSentence(text string) string {
	text = strings.TrimSpace(text)
	if i := strings.LastIndex(text, "\n\n"); i >= 0 {
		text = text[i+2:]
	}
	toks := lexicon.AppendTokens(s.sentence[:0], text)
	s.sentence = toks
	start := 0
	for i := 1; i < len(toks); i++ {
		if toks[i].Word && lexicon.SentenceStart(toks, i) {
			start = toks[i].Start
		}
	}
	return text[start:]
}

// calledOn returns the questioner turn j ends by calling on, with the
// outlet when it is said, or "".
func (s *speakers) calledOn(j int) (name, outlet string) {
	tail := s.lastSentence(s.doc.TurnText(s.doc.Turns[j]))
	if len(tail) > 300 {
		return "", ""
	}
	name, outlet, ok := s.w.callOn.find(tail)
	if !ok {
		return "", ""
	}
	name = strings.TrimSpace(name)
	if !read.PlausibleName(name, s.lex) || s.lex.IsCommon(name) {
		return "", ""
	}
	for _, w := range strings.Fields(name) {
		if s.w.honorifics[strings.ToLower(strings.Trim(w, "."))] || s.w.notLabel[strings.ToLower(w)] {
			return "", ""
		}
	}
	if _, _, ok := s.tg.Entity(name, lexicon.Country); ok {
		return "", ""
	}
	if _, _, ok := s.tg.Entity(name, lexicon.Organisation); ok {
		return "", ""
	}
	if c, _, ok := s.reg.Person(name); ok && len(strings.Fields(name)) >= 2 {
		name = c
	}
	outlet = strings.TrimPrefix(strings.TrimSpace(outlet), "the ")
	if strings.Count(outlet, ".") == 1 {
		outlet = strings.TrimSuffix(outlet, ".") // "NPR." ends the sentence
	}
	if outlet != "" {
		if c, _, ok := s.tg.Entity(outlet, lexicon.Organisation); ok {
			outlet = c
		}
	}
	return name, outlet
}

// named returns the full name a questioner called on by first name gives
// at the start of their turn ("Tara Copp, AP.", "Eunjung Cho with the Voice
// of America", "Hi, it's Tara Copp."), else first.
func (s *speakers) named(text, first string) string {
	if len(strings.Fields(first)) != 1 {
		return first
	}
	head := text
	if len(head) > 100 {
		head = head[:100]
	}
	for _, m := range s.w.selfIntro.FindAllStringSubmatch(head, -1) {
		if m[1] == first {
			return first + " " + m[2]
		}
	}
	toks := lexicon.Tokenize(head)
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Text == first && s.nameWord(toks[i+1]) && toks[i+1].Start == toks[i].End+1 {
			return first + " " + toks[i+1].Text
		}
	}
	return first
}

// stillAsking reports whether questioner turn i continues the exchange of
// the named questioner two turns before, across a short reply that only
// answers the line check or invites the follow-up: "Yes, I can hear you.",
// "Go ahead.", "Let's take your second one."
func (s *speakers) stillAsking(doc *transcript.Document, i int) bool {
	prev, asker := doc.Turns[i-1], doc.Turns[i-2]
	if !asker.Label.Question || asker.Speaker.Name == "" || prev.Label.Question {
		return false
	}
	text := strings.ToLower(doc.TurnText(prev))
	if len(strings.Fields(text)) > 25 {
		return false
	}
	for _, cue := range s.w.followUp {
		if strings.Contains(text, cue) {
			return true
		}
	}
	return false
}
