package read

import (
	"flag"
	"strings"
	"sync"
	"testing"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline/transcript"
)

var update = flag.Bool("update", false, "rewrite golden files")

// marked strips the ¶ marks from src and returns the text and the byte
// offsets where they stood: each marks the start of a turn (its label, or
// its text when it has none).
func marked(src string) (string, []int) {
	var b strings.Builder
	var at []int
	for _, part := range strings.SplitAfter(src, "¶") {
		if strings.HasSuffix(part, "¶") {
			b.WriteString(strings.TrimSuffix(part, "¶"))
			at = append(at, b.Len())
			continue
		}
		b.WriteString(part)
	}
	return b.String(), at
}

func turnStarts(d *transcript.Document) []int {
	var out []int
	for _, t := range d.Turns {
		if t.LabelSpan != (transcript.Span{}) {
			out = append(out, t.LabelSpan.Start)
		} else {
			out = append(out, t.Text.Start)
		}
	}
	return out
}

func TestParseTurns(t *testing.T) {
	cases := []struct {
		name, src string
	}{
		{"opening then labels", "Press conference\n\nby NATO Secretary General Jens Stoltenberg\n\n(As delivered)\n\n¶Good afternoon.\nMore.\n\n¶Acting NATO Spokesperson Dylan White: Thanks.\n\n¶Dan Michaels (Wall Street Journal): A question.\n"},
		{"caps labels and Q", "Press Briefing by Press Secretary Jen Psaki, March 3, 2022\nJames S. Brady Press Briefing Room\n12:42 P.M. EST\n\n¶MS. PSAKI: Hi, everyone.\n\n¶Q    Jen, on Russia?\n\n¶MS. PSAKI: Sure.\n\n¶Q: And China?\n\n¶THE PRESIDENT: Thank you.\n"},
		{"colon in prose is not a label", "¶MODERATOR: Welcome.\nNote: this is prose.\nAt 3:15 p.m.: the President leaves.\nWashington: also prose.\n¶Q    Next?\n"},
		{"no labels at all is one turn", "¶We met today. Note: nothing else.\nThe end.\n"},
		{"label alone on its line", "¶MODERATOR:\nWelcome to the briefing.\n¶QUESTION:\nThank you.\n"},
		{"single-word label needs support", "Interview with Prime Minister Kaja Kallas\n\n¶Interviewer: Hello.\n¶Kaja Kallas: Hello.\n¶Interviewer: And?\n¶Kallas: Look: it matters.\nThe point is this: we act.\n"},
		{"markdown labels", "---\ntitle: Remarks\ndate: 2023-06-08\n---\n\n¶PRESIDENT BIDEN:  Hello.\n\n¶Q Question here?\n"},
		{"a narrative lead is not a turn", "Meeting with Andrei Kostin\n\nThe meeting covered state support for small business.\n\n¶Vladimir Putin: Mr Kostin, welcome.\n\n¶Andrei Kostin: Thank you, Mr President.\n"},
		{"an opening statement is a turn", "Remarks\n\n¶We met today with our allies.\n\n¶MODERATOR: Questions.\n\n¶Q: One?\n"},
		{"misspelt roles", "¶MODERATOR: Hi.\n¶OPERTATOR: Your line is open.\n¶MOERATOR: Next.\n¶AUDIENE: (Applause.)\n"},
		{"indented labels, Q with one space, a lone capitalised role", "¶MS. PSAKI: Hi.\n\n¶     Q How are you?\n\n¶MR. KIRBY: Fine.\n¶AIDE: Thank you, guys.\n\n¶Q — one more?\nQ fever is not a label.\n"},
		{"state department labels", "Department Press Briefing – October 16, 2023\nMatthew Miller, Department Spokesperson\nWashington, D.C.\n2:07 p.m. EDT\n\n¶MR MILLER: Good afternoon.\n¶QUESTION: Thanks, Matt.\n¶MR MILLER: Go ahead.\n"},
		{"lowercase start is prose", "¶MODERATOR: Hi.\nin Kyiv: nothing.\nfollowing: no.\n"},
		{"timestamped labels", "¶[00:00:05] MODERATOR: Welcome.\n¶00:01:10 Jane Doe (Reuters): Thanks.\n¶Speaker 2 (01:15): Yes.\nAt 12:30 we stop.\n"},
		{"outlet after a comma", "¶CHRISTIANE AMANPOUR, CNN: Minister, welcome.\n¶Dmytro Kuleba: Thank you.\n¶Jane Doe, Reuters: And?\nThank you, Mr. President: no label.\n"},
		{"greeting without a full stop is speech", "Press conference\n\nby Foreign Minister Jane Doe\n\n¶Good afternoon everyone\nWe met today.\n¶MODERATOR: Questions.\n"},
		{"plain names as labels", "Meeting with Foreign Minister Sergei Lavrov\n\n¶Vladimir Putin: Let us begin.\n\n¶Sergei Lavrov: Thank you.\n\n¶V.Putin: And?\nKey Points: no label.\nNext Steps: none.\n"},
		{"label with a time after it", "¶Joe Biden: (00:00)\nThank you.\n¶Speaker 1: (00:45)\nA question.\n"},
		{"speech without punctuation is not a title", "¶so today we are going to talk about the budget and what it means\nand more of it\n"},
		{"urls and times are not labels", "¶MODERATOR: See https://example.org now.\n10:30: we start.\n"},
		{"a weak label once needs labels in its style", "¶THE PRESIDENT: Prices rose.\nBack to Wall Street: Wall Street estimated more.\n\n¶Q Why?\n\n¶THE PRESIDENT: Because.\nGreatest Generation: you served.\n"},
		{"a weak label in the style of the others", "¶Vladimir Putin: Good afternoon.\n¶Rose Gottemoeller Again: Thank you.\n¶Sergei Lavrov: Yes.\n"},
		{"news outlets as labels", "Foreign Ministry Spokesperson Mao Ning's Regular Press Conference\n\n¶Mao Ning: Good afternoon.\n\n¶AFP: On the Philippines?\n\n¶Mao Ning: We have said it.\n\n¶Bloomberg: Will the Premier travel?\n\n¶Mao Ning: Nothing to share.\n"},
		{"an outlet alone is prose", "¶Reuters: the report said more.\nAnd more.\n"},
		{"a speaker and a time on a line of their own", "Interview with the Minister\n\n¶Jane Smith  0:03\nGood morning, Minister.\n\n¶Dmytro Kuleba  0:09\nGood morning.\n\n¶Speaker 3 [01:15]\nA question.\n"},
		{"one heading with a time is no label", "Press Conference 10:30\n\n¶MODERATOR: Welcome.\n\n¶Q: Thanks.\n"},
		{"hearing labels end in a full stop", "NOMINATION HEARING\n\n    The committee met at 2:05 p.m.\n\n¶    The Chairman. The committee will come to order.\n    Senator Menendez.\n¶    Senator Menendez. Thank you, Mr. Chairman.\n¶    Mr. BLINKEN. Thank you. Mr. Smith. Yes.\n¶    The CHAIRMAN. Thank you.\n"},
		{"a hearing that opens with a label", "HEARING ON CHINA POLICY\n\n¶    The CHAIRMAN. Good morning. Today we\nexamine China.\n¶    Senator MENENDEZ. Thank you.\n"},
		{"full stops after a title among colon labels are prose", "¶THE PRESIDENT: Thank you.\nMr. President. Thank you, I said.\n\n¶Q Mr. President?\n\n¶THE PRESIDENT: Yes.\nMr. President. Again.\nSenator Smith. He said so.\nSenator Jones. She did.\n"},
		{"Q. and A. in an interview", "Interview with the Minister\n\n¶Q. Minister, how do you see it?\n\n¶A. Russia must withdraw.\n\n¶Q. And China?\n\n¶A. A partner.\n"},
		{"A. alone is prose", "¶MODERATOR: Hello.\nA. Smith and B. Jones wrote it.\nA. Smith again.\n"},
		{"unnamed participants", "¶Vladimir Putin: It is a tank.\n¶Remark: An all-purpose tank.\n¶Reply: Yes.\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src, want := marked(c.src)
			doc, err := testReader(t).ParseText("t.txt", src)
			if err != nil {
				t.Fatal(err)
			}
			got := turnStarts(doc)
			if !equalInts(got, want) {
				t.Errorf("turn starts %v, want %v\n%s", got, want, describeTurns(doc))
			}
			checkTiling(t, doc)
		})
	}
}

func describeTurns(d *transcript.Document) string {
	var b strings.Builder
	for i, t := range d.Turns {
		b.WriteString(strings.Repeat(" ", 2))
		b.WriteString(string(rune('0' + i%10)))
		b.WriteString(" [" + d.Body[t.LabelSpan.Start:t.LabelSpan.End] + "] " + d.TurnText(t) + "\n")
	}
	return b.String()
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// checkTiling checks that header, skipped lines, labels and texts cover the
// body in order, with nothing but white space between them.
func checkTiling(t *testing.T, d *transcript.Document) {
	t.Helper()
	var spans []transcript.Span
	if d.Header.End > 0 {
		spans = append(spans, d.Header)
	}
	spans = append(spans, d.Skipped...)
	for _, tr := range d.Turns {
		if tr.LabelSpan != (transcript.Span{}) {
			spans = append(spans, tr.LabelSpan)
		}
		if tr.Text.Len() > 0 {
			spans = append(spans, tr.Text)
		}
	}
	sortSpans(spans)
	pos := 0
	for _, s := range spans {
		if s.Start < pos {
			t.Fatalf("span %v overlaps what came before (up to %d)", s, pos)
		}
		if gap := d.Body[pos:s.Start]; strings.TrimSpace(gap) != "" {
			t.Fatalf("text %q at %d belongs to no turn", gap, pos)
		}
		pos = s.End
	}
	if rest := d.Body[pos:]; strings.TrimSpace(rest) != "" {
		t.Fatalf("trailing text %q belongs to no turn", rest)
	}
}

func sortSpans(s []transcript.Span) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].Start < s[j-1].Start; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func TestParseMetadata(t *testing.T) {
	cases := []struct {
		name, src, title, date string
	}{
		{"nato", "Press conference\n\nby NATO Secretary General Jens Stoltenberg following the meeting\n\n  • 28 Nov. 2023 -\n  • |\n  • Last updated: 28 Nov. 2023 18:18\n\n(As delivered)\n\nGood afternoon.\n",
			"Press conference by NATO Secretary General Jens Stoltenberg following the meeting", "2023-11-28"},
		{"briefing", "Press Briefing by Press Secretary Jen Psaki, March 3, 2022\n12:42 P.M. EST\nMS. PSAKI: Hi.\n", "Press Briefing by Press Secretary Jen Psaki, March 3, 2022", "2022-03-03"},
		{"front matter", "---\ntitle: \"Remarks: a title with a colon\"\ndate: 2023-06-08\nurl: https://example.org/x\n---\nTHE PRESIDENT: Hi.\n", "Remarks: a title with a colon", "2023-06-08"},
		{"month first", "Pentagon Briefing\nJan. 12, 2024\n\nGEN. RYDER: Hi.\n", "Pentagon Briefing", "2024-01-12"},
		{"no date", "MODERATOR: Hello.\n", "", ""},
		{"invalid date", "Briefing\n31 February 2024\n\nMODERATOR: Hi.\n", "Briefing", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := testReader(t).ParseText("t.md", c.src)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Title != c.title || doc.Date != c.date {
				t.Errorf("title %q date %q, want %q %q", doc.Title, doc.Date, c.title, c.date)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	_, err := testReader(t).ParseText("bad.md", "---\ntitle: [unclosed\n---\nText.\n")
	if err == nil || !strings.HasPrefix(err.Error(), "bad.md:") {
		t.Errorf("bad front matter: got %v, want an error naming bad.md and its line", err)
	}
	_, err = testReader(t).ParseText("open.md", "---\ntitle: x\nText.\n")
	if err == nil || !strings.Contains(err.Error(), "open.md:1") {
		t.Errorf("unclosed front matter: got %v", err)
	}
	if _, err := testReader(t).Parse("bin.txt", []byte("abc\x00\x01\x02")); err == nil || !strings.Contains(err.Error(), "not a text file") {
		t.Errorf("binary: got %v", err)
	}
}

func TestDecode(t *testing.T) {
	utf16 := []byte{0xFF, 0xFE, 'H', 0, 'i', 0, '\r', 0, '\n', 0}
	cases := []struct {
		name string
		src  []byte
		want string
		warn int
	}{
		{"bom", []byte("\xEF\xBB\xBFHello\r\nthere\r"), "Hello\nthere\n", 0},
		{"utf16", utf16, "Hi\n", 0},
		{"invalid", []byte("caf\xc3\xa9 and caf\xe9 ok"), "café and caf\uFFFD ok", 1},
		{"windows-1252", []byte("caf\xe9 \x96 the Minister\x92s \x93NATO\x94"), "café – the Minister’s “NATO”", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, warns, err := Decode(c.src)
			if err != nil || got != c.want || len(warns) != c.warn {
				t.Errorf("Decode = %q, %v, %v; want %q with %d warnings", got, warns, err, c.want, c.warn)
			}
		})
	}
}

func TestMarkdownHeadingBetweenTurns(t *testing.T) {
	src := "---\ntitle: x\n---\n\n## Opening statements\n\nPRESIDENT BIDEN:  Hello.\n\nPRIME MINISTER SUNAK:  Thank you.\n\n## Questions and answers\n\nMore from Sunak.\n\nQ  Yes?\n"
	doc, err := testReader(t).ParseText("x.md", src)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tr := range doc.Turns {
		got = append(got, doc.TurnText(tr))
	}
	want := []string{"Hello.", "Thank you.", "More from Sunak.", "Yes?"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("turns %q, want %q", got, want)
	}
	checkTiling(t, doc)
}

func TestSubtitles(t *testing.T) {
	vtt := "WEBVTT\n\nNOTE a comment\n\n1\n00:00:01.000 --> 00:00:02.500 align:start\n<v.loud Anna Berg>We met <i>today</i>.\n\n00:01.000 --> 00:02.000\n<v Anna Berg>Then &amp; now.</v>\n\n00:00:03.000 --> 00:00:04.000\n<v Interviewer>Thanks.\n"
	doc, err := parseSubtitles("a.vtt", vtt, true, testReader(t).lex)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Turns) != 2 {
		t.Fatalf("%d turns, want 2", len(doc.Turns))
	}
	first := doc.Turns[0]
	if doc.TurnText(first) != "We met today. Then & now." || first.Label.Words != "Anna Berg" || first.Start != "00:00:01.000" || first.End != "00:00:02.000" {
		t.Errorf("turn 1: %q %+v %s-%s", doc.TurnText(first), first.Label, first.Start, first.End)
	}
	srt := "1\n00:00:01,000 --> 00:00:02,000\nJosep Borrell: Good afternoon.\n\n2\n00:00:02,5 --> 00:00:04,000\nWe support Ukraine.\n\n3\n00:00:04,000 --> 00:00:05,000\n- Journalist: A question.\n"
	doc, err = parseSubtitles("a.srt", srt, false, testReader(t).lex)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Turns) != 2 || doc.TurnText(doc.Turns[0]) != "Good afternoon. We support Ukraine." || doc.Turns[1].Label.Role != "Journalist" {
		t.Errorf("srt turns: %s", describeTurns(doc))
	}
	if doc.Turns[0].End != "00:00:04.000" {
		t.Errorf("end %s", doc.Turns[0].End)
	}
	captions := "1\n00:00:01,000 --> 00:00:04,000\n>> GOOD EVENING. TONIGHT,\nUKRAINE.\n\n2\n00:00:04,500 --> 00:00:07,000\n>> SECRETARY BLINKEN: WE WILL\nSTAND WITH UKRAINE. >> THANK YOU.\n"
	doc, err = parseSubtitles("c.srt", captions, false, testReader(t).lex)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Turns) != 3 || doc.Turns[0].Label.Role != "Unidentified speaker" || doc.Turns[1].Label.Words != "SECRETARY BLINKEN" ||
		doc.TurnText(doc.Turns[1]) != "WE WILL STAND WITH UKRAINE." || doc.Turns[2].Label.Role != "Unidentified speaker" || doc.Turns[2].Start != "00:00:04.500" {
		t.Errorf("caption turns: %s", describeTurns(doc))
	}
	if _, err := parseSubtitles("b.vtt", "00:00:01.000 --> 00:00:02.000\nx\n", true, testReader(t).lex); err == nil {
		t.Error("a .vtt without WEBVTT parsed")
	}
}

func TestFooterIsNotSpeech(t *testing.T) {
	src := "MS. PSAKI: Thanks, everyone.\n\nEND\n1:45 P.M. EST\n"
	doc, err := testReader(t).ParseText("t.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Turns) != 1 || doc.TurnText(doc.Turns[0]) != "Thanks, everyone." || len(doc.Skipped) != 2 {
		t.Errorf("turns:\n%s skipped %v", describeTurns(doc), doc.Skipped)
	}
	checkTiling(t, doc)
	doc, _ = testReader(t).ParseText("t.txt", "MR MILLER: Go ahead.\n\n(The briefing was concluded at 3:04 p.m.)\n")
	if doc.TurnText(doc.Turns[0]) != "Go ahead." {
		t.Errorf("turn %q", doc.TurnText(doc.Turns[0]))
	}
}

func TestFindDate(t *testing.T) {
	for in, want := range map[string]string{
		"28 Nov. 2023 -":                   "2023-11-28",
		"Monday, March 3, 2022":            "2022-03-03",
		"Jan. 12, 2024":                    "2024-01-12",
		"1st June 2024":                    "2024-06-01",
		"2023/11/28":                       "2023-11-28",
		"Berlin, 28.11.2023":               "2023-11-28",
		"03/04/2023":                       "",
		"31 February 2024":                 "",
		"at 12:42 P.M. EST":                "",
		"Sept. 9, 2021 and 10 Oct. 2021":   "2021-09-09",
		"Last updated: 28 Nov. 2023 18:18": "2023-11-28",
	} {
		if got := testReader(t).lex.months.find(in); got != want {
			t.Errorf("findDate(%q) = %q, want %q", in, got, want)
		}
	}
}

// testReader returns a Reader with the default lexicon, built once.
func testReader(t testing.TB) *Reader {
	t.Helper()
	r, err := defaultReader()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

var defaultReader = sync.OnceValues(func() (*Reader, error) {
	lex, err := lexicon.Default()
	if err != nil {
		return nil, err
	}
	return New(lex), nil
})

func TestLabelParts(t *testing.T) {
	cases := []struct{ src, role, title, name string }{
		{"PRESIDENT VON DER LEYEN: Thank you.\nTHE PRESIDENT: Yes.\n", "", "President", "Von Der Leyen"},
		{"Minister of Foreign Affairs of Ukraine Dmytro Kuleba: Thank you.\nTHE PRESIDENT: Yes.\n", "", "Minister of Foreign Affairs of Ukraine", "Dmytro Kuleba"},
		{"Vladimir Putin: It is a tank.\nRemark: An all-purpose tank.\n", "", "", "Vladimir Putin"},
		{"Remark: An all-purpose tank.\nVladimir Putin: It is.\n", "Unidentified speaker", "", ""},
		{"Comment: Let us meet more often!\nVladimir Putin: Yes.\n", "Unidentified speaker", "", ""},
		{"Head of the Federal Taxation Service Mikhail Mishustin: Thank you.\nVladimir Putin: Yes.\n", "", "Head of the Federal Taxation Service", "Mikhail Mishustin"},
		{"SENIOR ADMINISTRATION OFFICIAL ONE: Thanks.\nSENIOR ADMINISTRATION OFFICIAL TWO: Yes.\n", "Senior administration official one", "", ""},
		{"MODERATOR #2: Next.\nQ Why?\n", "Moderator 2", "", ""},
		{"SENIOR ADMINISTRATION OFFICAL: Thanks.\nQ Why?\n", "Senior administration official", "", ""},
	}
	for _, c := range cases {
		doc, err := testReader(t).ParseText("t.txt", c.src)
		if err != nil {
			t.Fatal(err)
		}
		l := doc.Turns[0].Label
		if l.Role != c.role || l.Title != c.title || l.Name != c.name {
			t.Errorf("%q: role %q, title %q, name %q; want %q, %q, %q", c.src, l.Role, l.Title, l.Name, c.role, c.title, c.name)
		}
	}
}

// TestLabelEndingInConnector reads a label whose last word is a connector
// ("on"): it once cut past its own words (a panic, the file lost). Whether
// such a head is a label at all, it has no name.
func TestLabelEndingInConnector(t *testing.T) {
	for _, head := range []string{"B ON", "MINISTER OF", "Representative of"} {
		doc, err := testReader(t).ParseText("t.txt", "000\n"+head+": Thank you.\nQ Why?\n")
		if err != nil {
			t.Fatalf("%q: %v", head, err)
		}
		for _, turn := range doc.Turns {
			if turn.Label.Name != "" {
				t.Errorf("%q: a name %q", head, turn.Label.Name)
			}
		}
	}
}
