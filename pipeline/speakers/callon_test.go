package speakers

import (
	"regexp"
	"strings"
	"testing"

	"github.com/turntag/turntag/lexicon"
)

// callOnPattern is the regular expression caller runs by hand, built from
// the lexicon's word lists: the reference its test checks it against.
func callOnPattern(lex *lexicon.Lexicon) *regexp.Regexp {
	return regexp.MustCompile(`(?:\b(?:` + lex.WordPattern(lexicon.CallVerbs) + `)(?:\s+over)?\s+to\s+(?:the\s+line\s+of\s+)?|\b[Gg]o\s+ahead,\s+|\bquestion\s+(?:from|to)\s+|^(?:(?:` +
		lex.WordPattern(lexicon.CallLeadWords) + `),?\s+)?)` +
		`((?:[A-Z][\p{L}'’-]+)(?:\s+[A-Z][\p{L}'’-]+){0,2})` +
		`(?:\s+(?:` + lex.WordPattern(lexicon.OutletConnectors) + `)\s+((?:the\s+)?[A-Z][\p{L}.&'’-]*(?:\s+[A-Z][\p{L}.&'’-]*){0,4})|,\s+([A-Z][\p{L}.&'’-]*(?:\s+[A-Z][\p{L}.&'’-]*){0,4}))?` +
		`(?:,\s+(?:go\s+ahead|your\s+line\s+is\s+(?:now\s+)?open)\b|\s+to\s+start\b|\s*,\s+(?:and|please)\b|\s*[.?!]?\s*$)`)
}

var callSeeds = []string{
	"Let's go to Simon Lewis.", "Let's go to the line of Eunjung Cho, and I apologize if I mispronounced your name.",
	"Go ahead, Said.", "Shaun, go ahead.", "Let's take our final question from Owen Churchill.",
	"Jiha, your line is now open.", "Jiha, your line is open", "Yes, Peter?", "OK Simon.", "Okay, Simon Lewis of Reuters.",
	"Let's move over to Nick Wadhams with Bloomberg News, please.", "We'll turn to Lara Jakes of The New York Times.",
	"Let's go to the line of Matt Lee from the AP.", "Next question to Jennifer Hansler of CNN to start.",
	"Let's go to Said Arikat of Al-Quds.", "Let's go to Humeyra Pamuk from Reuters. ", "go to O’Brien.", "ago to Simon.",
	"Let's go  to  Simon\tLewis  of\nthe  U.S. News & World Report.  ", "Thank you.", "", "Said", "A B C D E F.",
	"Let's go to Simon Lewis of Reuters and then Matt.", "question from Ann-Marie D'Arcy-Smith, please go",
	"Yes, \u00a0Peter?", "Let's go to Zoë Zoëlle.", "Go ahead, Ümit.", "Let's go to Bad\xffName.", "Let's go to X.Y of A.B.C..",
	"Yeah Sure, Said to start", "And, Simon Lewis of the Wall Street Journal, and", "Go ahead,Said.",
	"First question goes to Lita Baldor, AP.", "Let's go to Simon, Reuters, please.", "Go ahead, Said, and then Matt.",
}

// TestCallerMatchesPattern checks caller against its regular expression.
func TestCallerMatchesPattern(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	c, re := newCaller(lex), callOnPattern(lex)
	for _, s := range callSeeds {
		checkCaller(t, c, re, s)
	}
}

func FuzzCaller(f *testing.F) {
	lex, err := lexicon.Default()
	if err != nil {
		f.Fatal(err)
	}
	c, re := newCaller(lex), callOnPattern(lex)
	for _, s := range callSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkCaller(t, c, re, s) })
}

func checkCaller(t *testing.T, c *caller, re *regexp.Regexp, s string) {
	t.Helper()
	name, outlet, ok := c.find(s)
	m := re.FindStringSubmatch(s)
	if ok != (m != nil) || m != nil && (name != m[1] || outlet != m[2]+m[3]) {
		t.Errorf("find(%q) = %q, %q, %v; the pattern gives %q", s, name, outlet, ok, m)
	}
}

// FuzzMayEndCall checks that when mayEndCall says no call can end in a
// text, find finds none in any of its trimmed ends up to the limit.
func FuzzMayEndCall(f *testing.F) {
	lex, err := lexicon.Default()
	if err != nil {
		f.Fatal(err)
	}
	c := newCaller(lex)
	for _, s := range callSeeds {
		f.Add(s, uint8(100))
		f.Add("We are done here.  "+s+" \u2003", uint8(40))
	}
	f.Fuzz(func(t *testing.T, text string, limit uint8) {
		if mayEndCall(text, int(limit)) {
			return
		}
		trimmed := strings.TrimSpace(text)
		for st := max(0, len(trimmed)-int(limit)); st <= len(trimmed); st++ {
			if name, outlet, ok := c.find(trimmed[st:]); ok {
				t.Fatalf("mayEndCall(%q, %d) is false, but find(%q) = %q, %q", text, limit, trimmed[st:], name, outlet)
			}
		}
	})
}

// TestMayEndCallOnTestdata checks on every turn of the testdata
// transcripts that when mayEndCall says no call can end there, the last
// sentence holds none.
func TestMayEndCallOnTestdata(t *testing.T) {
	s := &speakers{}
	c := newCaller(mustDefault(t))
	rejected := 0
	for _, doc := range testDocs(t) {
		for _, tr := range doc.Turns {
			text := doc.TurnText(tr)
			if mayEndCall(text, maxCallBytes) {
				continue
			}
			rejected++
			if tail, short := s.lastSentence(text, maxCallBytes); short {
				if name, _, ok := c.find(tail); ok {
					t.Errorf("mayEndCall(%q) is false, but the last sentence calls on %q", text, name)
				}
			}
		}
	}
	if rejected == 0 {
		t.Error("mayEndCall rejects no turn")
	}
}

func mustDefault(tb testing.TB) *lexicon.Lexicon {
	tb.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return lex
}

// FuzzHasStart checks hasStart against strings.Contains, seeded with
// the testdata turns' texts.
func FuzzHasStart(f *testing.F) {
	addTurnSeeds(f, "", "start", "to start", "xxxxxxxstart", "xxxxxxxxstart", "sstart", "ststart", "star", "xxxxxxxxxxxxstar", "stt start")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasStart(s), strings.Contains(s, "start"); got != want {
			t.Errorf("hasStart(%q) = %v, want %v", s, got, want)
		}
	})
}
