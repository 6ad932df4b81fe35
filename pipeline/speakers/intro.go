package speakers

import (
	"strings"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline/read"
)

// intro is how the turns before the current one introduce a person: the
// full name and the title words right before it.
type intro struct {
	name, title string
}

// maxIntroTurns bounds how many earlier turns a name is looked up in.
const maxIntroTurns = 400

// introduced looks a name up in the text of the turns before the current
// one and registers what it finds. A surname gives the full name it was
// introduced with ("Sullivan" in "National Security Advisor Jake
// Sullivan" gives "Jake Sullivan"); a full name gives the title before it
// ("National Security Advisor"). The first introduction wins; a name is
// looked up once per document.
func (s *speakers) introduced(name string) intro {
	if in, ok := s.intros[name]; ok {
		return in
	}
	want := lexicon.Tokenize(name)
	var in intro
	for j := max(0, s.turn-maxIntroTurns); j < s.turn && in.name == ""; j++ {
		in = s.introIn(s.doc.TurnText(s.doc.Turns[j]), s.turnTokens(j), want)
	}
	if s.intros == nil {
		s.intros = map[string]intro{}
	}
	s.intros[name] = in
	if in.name != "" && len(want) == 1 {
		s.reg.AddPerson(in.name)
	}
	return in
}

// turnTokens returns the tokens of turn j's text, made once per document.
func (s *speakers) turnTokens(j int) []lexicon.Token {
	if s.toks == nil {
		s.toks = make([][]lexicon.Token, len(s.doc.Turns))
	}
	if s.toks[j] == nil {
		s.toks[j] = lexicon.Tokenize(s.doc.TurnText(s.doc.Turns[j]))
	}
	return s.toks[j]
}

// introIn finds name (its tokens) in text (toks), capitalised as a name is, with
// a first name before it when name is one word, and the run of title words
// before that.
func (s *speakers) introIn(text string, toks, want []lexicon.Token) intro {
	for i := 0; i+len(want) <= len(toks); i++ {
		if !sameWords(toks[i:i+len(want)], want) || !toks[i].IsCapitalised() {
			continue
		}
		start, end := i, i+len(want)
		if len(want) == 1 {
			// a first name (and a middle initial) before the surname
			// joined by spaces only: "Mayor Nir- — Nirenberg" is a false start
			for start > 0 && start > i-3 && s.nameWord(toks[start-1]) && strings.TrimSpace(text[toks[start-1].End:toks[start].Start]) == "" {
				start--
			}
			if start == i {
				continue
			}
		}
		full := strings.Join(strings.Fields(text[toks[start].Start:toks[end-1].End]), " ")
		if !read.PlausibleName(full, s.lex) {
			continue
		}
		return intro{name: full, title: s.tg.TitleBefore(text, toks, start)}
	}
	return intro{}
}

// sameWords reports whether two token runs have the same folded words.
func sameWords(a, b []lexicon.Token) bool {
	for k := range b {
		if a[k].Norm != b[k].Norm {
			return false
		}
	}
	return true
}

// nameWord reports a capitalised word that is neither a title nor a
// common word, or an initial ("J", "J.").
func (s *speakers) nameWord(t lexicon.Token) bool {
	return t.Word && t.IsCapitalised() && !s.lex.IsTitleToken(t) && !s.lex.IsCommonToken(t)
}
