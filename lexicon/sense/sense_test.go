package sense

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/turntag/turntag/lexicon"
)

// turn is one paragraph of a test corpus with its line.
type turn struct {
	source string
	line   int
	text   string
}

// paragraphs reads the files matching the globs (under the repository's
// testdata) and splits them into paragraphs, each a turn, without the
// speaker label: the check needs turns, not the transcript reader.
func paragraphs(t *testing.T, globs ...string) []turn {
	t.Helper()
	var out []turn
	for _, g := range globs {
		files, err := filepath.Glob(filepath.Join("../../testdata", g))
		if err != nil || len(files) == 0 {
			t.Fatalf("no files for %s", g)
		}
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for i, p := range strings.Split(string(src), "\n") {
				if _, after, ok := strings.Cut(p, ": "); ok && strings.ToUpper(p[:len(p)-len(after)]) == p[:len(p)-len(after)] {
					p = after // "GOVERNOR: Good morning." without its label
				}
				if strings.TrimSpace(p) != "" {
					out = append(out, turn{f, i + 1, p})
				}
			}
		}
	}
	return out
}

func bankingLexicon(t *testing.T) *lexicon.Lexicon {
	t.Helper()
	lex, err := lexicon.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	if err := lex.AddFile("../../testdata/senses/banking.yaml"); err != nil {
		t.Fatal(err)
	}
	if err := lex.Compile(); err != nil {
		t.Fatal(err)
	}
	return lex
}

// TestBank runs the check over the synthetic corpus, where "bank" is a
// bank and a river bank, with the bundled transcripts as background for
// the word weights: "bank" is a suspect, split into money and river
// contexts, and the Banking cues with one sense are not.
func TestBank(t *testing.T) {
	lex := bankingLexicon(t)
	turns := paragraphs(t, "senses/corpus/*.txt", "transcripts/*.txt")
	ch := New(lex, Options{MinOccurrences: 5})
	for _, tn := range turns {
		ch.Add(tn.source, tn.line, tn.text)
	}
	res := ch.Suspects()
	var bank *Suspect
	for i, s := range res.Suspects {
		if s.Topic != nil && s.Topic.ID == "banking" {
			if s.Phrase.Text != "bank" {
				t.Errorf("cue %q of one sense is a suspect (split %.2f)", s.Phrase.Text, s.Split)
			}
			bank = &res.Suspects[i]
		}
	}
	if bank == nil {
		var buf bytes.Buffer
		WriteReport(&buf, res, 0)
		t.Fatalf("bank is not a suspect:\n%s", buf.String())
	}
	if bank.Split < 0.6 {
		t.Errorf("bank: split %.2f, want at least 0.6", bank.Split)
	}
	money, river := bank.Groups[0], bank.Groups[1]
	if slices.Contains(money.Words, "water") {
		money, river = river, money
	}
	if !slices.Contains(river.Words, "water") || !slices.Contains(money.Words, "deposits") {
		t.Errorf("groups do not separate river and money: %v | %v", money.Words, river.Words)
	}
	if river.Support != 0 || money.Support < 0.4 {
		t.Errorf("support: money %.2f, river %.2f; want the river's 0 and the money's at least 0.4", money.Support, river.Support)
	}
	for _, c := range river.Samples {
		if !strings.Contains(c.Text, "[bank]") || strings.Contains(c.Source, "central-bank") || strings.Contains(c.Source, "regulator") {
			t.Errorf("river sample %s:%d: %s", c.Source, c.Line, c.Text)
		}
	}
}

// TestSplitIgnoresOrder checks that the same turns added in another order
// give the same result.
func TestSplitIgnoresOrder(t *testing.T) {
	lex := bankingLexicon(t)
	turns := paragraphs(t, "senses/corpus/*.txt", "transcripts/*.txt")
	run := func(ts []turn) string {
		ch := New(lex, Options{MinOccurrences: 5})
		for _, tn := range ts {
			ch.Add(tn.source, tn.line, tn.text)
		}
		var sb strings.Builder
		for _, s := range ch.Suspects().Suspects {
			fmt.Fprintf(&sb, "%s %.2f %d/%d %v\n", s.Phrase.Text, s.Split, s.Groups[0].Size, s.Groups[1].Size, s.Groups[0].Words)
		}
		return sb.String()
	}
	forward := run(turns)
	slices.Reverse(turns)
	if backward := run(turns); backward != forward {
		t.Errorf("order changes the result:\n%s\nreversed:\n%s", forward, backward)
	}
}

// TestDisjointContexts: a cue used with two vocabularies that share no
// word splits between them with a split of 1; a cue used with one does
// not split.
func TestDisjointContexts(t *testing.T) {
	lex := lexicon.New()
	if err := lex.AddBytes("t.yaml", []byte("topics:\n  - id: t\n    label: T\n    cues: [crane, tractor]\n")); err != nil {
		t.Fatal(err)
	}
	if err := lex.Compile(); err != nil {
		t.Fatal(err)
	}
	ch := New(lex, Options{})
	birds := []string{"wetland", "feathers", "migrating", "marsh", "nesting", "wings"}
	sites := []string{"scaffold", "concrete", "lifting", "steel", "beams", "operator"}
	farm := []string{"field", "harvest", "plough", "soil", "barley", "diesel"}
	for i := 0; i < 16; i++ {
		w := func(ws []string) string { return ws[i%6] + " " + ws[(i+1)%6] + " " + ws[(i+3)%6] }
		ch.Add("birds.txt", i+1, "The "+w(birds)+" crane "+w(birds)+".")
		ch.Add("site.txt", i+1, "A "+w(sites)+" crane "+w(sites)+".")
		ch.Add("farm.txt", i+1, "Our "+w(farm)+" tractor "+w(farm)+".")
		ch.Add("other.txt", i+1, fmt.Sprintf("Unrelated words number %d about weather and trains.", i))
	}
	res := ch.Suspects()
	if len(res.Suspects) != 1 || res.Suspects[0].Phrase.Text != "crane" {
		t.Fatalf("suspects %+v, want crane alone", res.Suspects)
	}
	s := res.Suspects[0]
	if s.Split != 1 || s.Groups[0].Size != 16 || s.Groups[1].Size != 16 || s.Matches != 32 {
		t.Errorf("crane: split %.2f, groups %d and %d, %d matches; want 1, 16, 16, 32", s.Split, s.Groups[0].Size, s.Groups[1].Size, s.Matches)
	}
	if res.Judged != 2 || res.Turns != 64 {
		t.Errorf("judged %d cues over %d turns, want 2 over 64", res.Judged, res.Turns)
	}
}

func TestKWIC(t *testing.T) {
	text := "The river is expected to crest overnight. Water has already spilled over the east bank near the old mill, and residents of the low streets should leave now."
	start := strings.Index(text, "bank")
	got := kwic(text, start, start+4)
	want := "…to crest overnight. Water has already spilled over the east [bank] near the old mill, and residents of the low streets should…"
	if got != want {
		t.Errorf("kwic:\n got %s\nwant %s", got, want)
	}
	if got := kwic("The bank.", 4, 8); got != "The [bank]." {
		t.Errorf("short kwic: %s", got)
	}
}

func TestWriteReport(t *testing.T) {
	topic := &lexicon.Topic{ID: "banking", Label: "Banking"}
	res := Result{Turns: 54, Cues: 3, Judged: 2, Suspects: []Suspect{{
		Phrase: &lexicon.Phrase{Text: "bank", File: "banking.yaml", Line: 7}, Topic: topic, Matches: 36, Turns: 35, Judged: 34, Split: 0.77,
		Groups: [2]Group{
			{Size: 18, Support: 0.56, Words: []string{"deposits", "loans"}, Samples: []Context{{"a.txt", 3, "the [bank] lends"}}},
			{Size: 16, Words: []string{"water", "river"}, Samples: []Context{{"b.txt", 9, "the river [bank]"}}},
		},
	}}}
	var buf bytes.Buffer
	if err := WriteReport(&buf, res, 1); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"corpus check: 54 turns, 3 cues matched, 2 with enough contexts judged, 1 suspects\n",
		"split 0.77  cue \"bank\" of topic Banking (banking.yaml:7): 36 matches in 35 turns, 34 contexts judged\n",
		"  A 18, 56% with other Banking evidence: deposits, loans\n    a.txt:3: the [bank] lends\n",
		"  B 16, 0% with other Banking evidence: water, river\n    b.txt:9: the river [bank]\n",
	} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, buf.String())
		}
	}
}
