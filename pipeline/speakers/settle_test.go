package speakers

import (
	"strings"
	"testing"

	"github.com/turntag/turntag/lexicon"
)

// lastSentenceRef is lastSentence as it was before only the end of a long
// paragraph was tokenised: the whole paragraph is. It is the reference
// lastSentence is checked against.
func lastSentenceRef(text string) string {
	text = strings.TrimSpace(text)
	if i := strings.LastIndex(text, "\n\n"); i >= 0 {
		text = text[i+2:]
	}
	toks := lexicon.Tokenize(text)
	start := 0
	for i := 1; i < len(toks); i++ {
		if toks[i].Word && lexicon.SentenceStart(toks, i) {
			start = toks[i].Start
		}
	}
	return text[start:]
}

// checkLastSentence checks lastSentence on text against the reference.
func checkLastSentence(t *testing.T, s *speakers, text string, limit int) {
	t.Helper()
	got, short := s.lastSentence(text, limit)
	ref := lastSentenceRef(text)
	if short != (len(ref) <= limit) || short && got != ref {
		t.Errorf("lastSentence(%q, %d) = %q, %v; the reference gives %q", text, limit, got, short, ref)
	}
}

// TestLastSentenceMatchesRef reads the last sentence of every turn of the
// testdata transcripts with lastSentence and with the reference.
func TestLastSentenceMatchesRef(t *testing.T) {
	s := &speakers{}
	for _, doc := range testDocs(t) {
		for _, tr := range doc.Turns {
			for _, limit := range []int{maxCallBytes, 0, 20, 60} {
				checkLastSentence(t, s, doc.TurnText(tr), limit)
			}
		}
	}
}

func FuzzLastSentence(f *testing.F) {
	for _, doc := range testDocs(f)[:6] {
		for i, tr := range doc.Turns {
			if i%7 == 0 {
				f.Add(doc.TurnText(tr), uint16(maxCallBytes))
				f.Add(doc.TurnText(tr), uint16(30))
			}
		}
	}
	f.Add(`He said "Yes." "Go ahead, Said."`, uint16(4))
	f.Add(`Thank you. Next is J. Smith of U.S. News. Go to “Simon”.`, uint16(10))
	f.Add("We said so. — Thanks. Let's go to Simon.", uint16(12))
	f.Add("Okay: \"(Yes)\" — Go ahead, Said", uint16(8))
	s := &speakers{}
	f.Fuzz(func(t *testing.T, text string, limit uint16) {
		checkLastSentence(t, s, text, int(limit%512))
	})
}

// namedRef is named as it was before a head that cannot hold the first
// name was passed over: the reference named is checked against.
func (s *speakers) namedRef(text, first string) string {
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

// TestNamedMatchesRef completes each capitalised word of the start of
// every testdata turn with named and with the reference.
func TestNamedMatchesRef(t *testing.T) {
	for _, doc := range testDocs(t) {
		s := newTestSpeakers(t, doc)
		for _, tr := range doc.Turns {
			text := doc.TurnText(tr)
			firsts := []string{"Said", "Tara", "Zoë"}
			for _, tk := range lexicon.Tokenize(text[:min(len(text), 100)]) {
				if tk.Word && tk.IsCapitalised() {
					firsts = append(firsts, text[tk.Start:tk.End])
				}
			}
			for _, first := range firsts {
				if got, ref := s.named(text, first), s.namedRef(text, first); got != ref {
					t.Errorf("named(%q, %q) = %q, the reference gives %q", text, first, got, ref)
				}
			}
		}
	}
}

func FuzzNamed(f *testing.F) {
	for _, seed := range [][2]string{
		{"Tara Copp, AP.", "Tara"}, {"Eunjung Cho with the Voice of America", "Eunjung"}, {"Hi, it's Tara Copp.", "Tara"},
		{"Thank you. Zoë Zoëlle from Le Monde.", "Zoë"}, {"Thanks, Saïd Arikat, Al-Quds.", "Said"}, {"Said", "Said"},
		{"Tara’s question. Tara\tCopp, with AP", "Tara"}, {"Taras Taras, Tara Copp of", "Tara"},
	} {
		f.Add(seed[0], seed[1])
	}
	s := newTestSpeakers(f, nil)
	f.Fuzz(func(t *testing.T, text, first string) {
		if got, ref := s.named(text, first), s.namedRef(text, first); got != ref {
			t.Errorf("named(%q, %q) = %q, the reference gives %q", text, first, got, ref)
		}
	})
}

// FuzzLastStop checks lastStop against strings.LastIndexAny, seeded with
// the testdata turns' texts.
func FuzzLastStop(f *testing.F) {
	addTurnSeeds(f, "", ".", "a.b?c", "xxxxxxx.", "xxxxxxxx.", ".xxxxxxxx", "Mr. Kirby: yes!? ok", "\x2e\x2f\x2d\x3a\x3b\x21\x20\x3f\x40")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := lastStop(s), strings.LastIndexAny(s, ".?!:"); got != want {
			t.Errorf("lastStop(%q) = %d, want %d", s, got, want)
		}
	})
}

// FuzzLastBlankLine checks lastBlankLine against strings.LastIndex,
// seeded with the testdata turns' texts.
func FuzzLastBlankLine(f *testing.F) {
	addTurnSeeds(f, "", "\n", "\n\n", "a\n\nb", "xxxxxxxx\n\n", "\n\nxxxxxxxxx", "xxxxxxx\n\nxxxxxxxx\nx", "\n\n\n", "x\n\n\nxxxxxxxxxxxxxxxx\n")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := lastBlankLine(s), strings.LastIndex(s, "\n\n"); got != want {
			t.Errorf("lastBlankLine(%q) = %d, want %d", s, got, want)
		}
	})
}
