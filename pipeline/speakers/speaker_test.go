package speakers_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/tagger"
)

// TestSpeakers resolves labels against the header, the lexicon and the
// people named in earlier turns.
func TestSpeakers(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	p := pipeline.New(tagger.New(lex, nil))
	cases := []struct {
		name, src string
		want      []who
	}{
		{"briefing", "Press Briefing by Press Secretary Jen Psaki, March 3, 2022\n\nMS. PSAKI: With us is National Security Advisor Jake Sullivan.\n\nMR. SULLIVAN: Thanks, Jen.\n\nQ    Jake, on Russia?\n",
			[]who{{"Jen Psaki", "Press Secretary", ""}, {"Jake Sullivan", "National Security Advisor", ""}, {"", "Questioner", ""}}},
		{"nato", "Press conference\n\nby NATO Secretary General Jens Stoltenberg\n\nGood afternoon.\n\nActing NATO Spokesperson Dylan White: Thanks.\n\nDan Michaels (Wall Street Journal): A question.\n\nNATO Secretary General Jens Stoltenberg: An answer.\n",
			[]who{{"Jens Stoltenberg", "NATO Secretary General", ""}, {"Dylan White", "Acting NATO Spokesperson", ""}, {"Dan Michaels", "", "Wall Street Journal"}, {"Jens Stoltenberg", "NATO Secretary General", ""}}},
		{"the president from the title", "---\ntitle: Remarks by President Biden and Prime Minister Sunak\n---\nTHE PRESIDENT: Hello.\n\nPRIME MINISTER SUNAK: Thank you.\n\nMODERATOR: Next.\n",
			[]who{{"Joe Biden", "President", ""}, {"Rishi Sunak", "Prime Minister", ""}, {"", "Moderator", ""}}},
		{"role in parentheses", "Oana Lungescu (NATO Spokesperson): Welcome.\n\nTeri Schultz (Deutsche Welle): Thanks.\n",
			[]who{{"Oana Lungescu", "NATO Spokesperson", ""}, {"Teri Schultz", "", "Deutsche Welle"}}},
		{"holder in parentheses", "The Prime Minister (Rishi Sunak): Thank you.\n\nMr Speaker (Lindsay Hoyle): Order.\n\nDan Michaels (Wall Street Journal): A question.\n",
			[]who{{"Rishi Sunak", "Prime Minister", ""}, {"Lindsay Hoyle", "Speaker", ""}, {"Dan Michaels", "", "Wall Street Journal"}}},
		{"questioners called on", "Department Press Briefing\nJalina Porter, Principal Deputy Spokesperson\n\nMS PORTER: Good afternoon. Let's go to the line of Eunjung Cho, and I apologize if I mispronounced your name.\n\nQUESTION: Thank you, Jalina.\n\nMS PORTER: Thanks. Let's go to Simon Lewis.\n\nOPERATOR: Your line is open.\n\nQUESTION: Hi, can you hear me?\n\nMS PORTER: Yes, I can hear you.\n\nQUESTION: On Iran, then.\n\nMS PORTER: Go ahead, Said.\n\nQUESTION: Yes.\n\nMS PORTER: That concludes today's briefing.\n\nQUESTION: One more?\n",
			[]who{{"Jalina Porter", "Principal Deputy Spokesperson", ""}, {"Eunjung Cho", "Questioner", ""}, {"Jalina Porter", "Principal Deputy Spokesperson", ""}, {"", "Operator", ""},
				{"Simon Lewis", "Questioner", ""}, {"Jalina Porter", "Principal Deputy Spokesperson", ""}, {"Simon Lewis", "Questioner", ""}, {"Jalina Porter", "Principal Deputy Spokesperson", ""},
				{"Said", "Questioner", ""}, {"Jalina Porter", "Principal Deputy Spokesperson", ""}, {"", "Questioner", ""}}},
		{"no-break spaces, hyphened surname and a one-word role among labels", "---\ntitle: \"Press Gaggle by Press Secretary Karine Jean-Pierre En\\_Route Queens, NY\"\ndate: '2024-03-28'\n---\n\u00a0\nMS. JEAN-PIERRE:\u00a0 All right.\n\n\u00a0 \u00a0 Q\u00a0 \u00a0Thank you.\n\nAIDE:\u00a0 Thank you, guys.\n\nMS. JEAN-PIERRE: Bye.\n",
			[]who{{"Karine Jean-Pierre", "Press Secretary", ""}, {"", "Questioner", ""}, {"", "Aide", ""}, {"Karine Jean-Pierre", "Press Secretary", ""}}},
		{"the office holder on the date", "---\ntitle: Remarks at a Briefing\ndate: '2022-03-03'\nsource_url: https://bidenwhitehouse.archives.gov/briefing-room/x/\n---\n\nTHE PRESIDENT: Hello.\n\nMS. PSAKI: Thanks.\n",
			[]who{{"Joe Biden", "President", ""}, {"Jen Psaki", "Press Secretary", ""}}},
		{"a byline with middle initials, a suffix and titles joined by of", "Secretary of Defense Lloyd J. Austin III and Chairman of the Joint Chiefs of Staff Gen. Mark A. Milley Hold a Press Conference\n\nSECRETARY OF DEFENSE LLOYD J. AUSTIN III: Good afternoon.\n\nSTAFF: First question.\n\nQ: Thank you.\n\nSEC. AUSTIN: An answer.\n\nGEN. MILLEY: I would add this.\n",
			[]who{{"Lloyd Austin", "Secretary of Defense", ""}, {"", "Staff", ""}, {"", "Questioner", ""}, {"Lloyd Austin", "Secretary of Defense", ""}, {"Mark Milley", "Chairman of the Joint Chiefs of Staff Gen.", ""}}},
		{"questioners named by their outlet", "Foreign Ministry Spokesperson Mao Ning's Regular Press Conference on March 1, 2024\n\nMao Ning: Good afternoon.\n\nAFP: On the Philippines?\n\nMao Ning: We have said it.\n\nBloomberg: Will the Premier travel?\n\nCCTV: And the talks?\n",
			[]who{{"Mao Ning", "Foreign Ministry Spokesperson", ""}, {"", "Questioner", "Agence France-Presse"}, {"Mao Ning", "Foreign Ministry Spokesperson", ""}, {"", "Questioner", "Bloomberg"}, {"", "Questioner", "CCTV"}}},
		{"a hearing's labels", "NOMINATION HEARING\n\n    The Chairman. The committee will come to order.\n    Senator Menendez. Thank you, Mr. Chairman.\n    Mr. BLINKEN. Thank you.\n    Senator Rubio. On Taiwan?\n",
			[]who{{"", "Chairman", ""}, {"Bob Menendez", "Senator", ""}, {"Antony Blinken", "", ""}, {"Marco Rubio", "Senator", ""}}},
		{"a role after a comma in capitals, and numbered speakers of a diarisation tool", "CHRISTIANE AMANPOUR, CNN CHIEF INTERNATIONAL ANCHOR: Hello.\n\nDMYTRO KULEBA, UKRAINIAN FOREIGN MINISTER: Thank you.\n\nAMANPOUR: And?\n\n[SPEAKER_00]: Welcome.\n\n[SPEAKER_01]: Thanks.\n\nFBI OFFICIAL: Good afternoon.\n",
			[]who{{"Christiane Amanpour", "CNN Chief International Anchor", ""}, {"Dmytro Kuleba", "Ukrainian Foreign Minister", ""}, {"Christiane Amanpour", "CNN Chief International Anchor", ""}, {"", "SPEAKER_00", ""}, {"", "SPEAKER_01", ""}, {"", "FBI Official", ""}}},
		{"a gerund in a title is no name", "---\ntitle: Background Press Call by a Senior Administration Official Previewing the Trip\n---\nSENIOR ADMINISTRATION OFFICIAL: Thanks.\n\nQ Why?\n",
			[]who{{"", "Senior administration official", ""}, {"", "Questioner", ""}}},
		{"answers in an interview are the interviewee's", "Interview with Foreign Minister Annalena Baerbock\n\nQ. Minister, on Ukraine?\n\nA. Russia must withdraw.\n\nQ. And China?\n\nA. A partner and a rival.\n",
			[]who{{"", "Questioner", ""}, {"Annalena Baerbock", "Foreign Minister", ""}, {"", "Questioner", ""}, {"Annalena Baerbock", "Foreign Minister", ""}}},
		{"a false start is no first name", "Remarks by the Mayor\n\nTHE PRESIDENT: And Mayor Nir- — Nirenberg has been a leader.\n\nMAYOR NIRENBERG: Thank you.\n",
			[]who{{"", "President", ""}, {"Nirenberg", "Mayor", ""}}},
		{"surname label after full name", "Interview with Estonian Prime Minister Kaja Kallas\n\nInterviewer: Hello.\n\nKaja Kallas: Hello.\n\nInterviewer: And?\n\nKallas: Yes.\n",
			[]who{{"", "Interviewer", ""}, {"Kaja Kallas", "Estonian Prime Minister", ""}, {"", "Interviewer", ""}, {"Kaja Kallas", "Estonian Prime Minister", ""}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := p.Document(context.Background(), "t.md", []byte(c.src))
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Turns) != len(c.want) {
				t.Fatalf("%d turns, want %d:\n%s", len(doc.Turns), len(c.want), describe(doc))
			}
			for i, tr := range doc.Turns {
				if got := (who{tr.Speaker.Name, tr.Speaker.Role, tr.Speaker.Affiliation}); got != c.want[i] {
					t.Errorf("turn %d: %+v, want %+v", i+1, got, c.want[i])
				}
			}
		})
	}
}

// describe lists a document's turns with their labels, for failures.
func describe(d *transcript.Document) string {
	var b strings.Builder
	for i, t := range d.Turns {
		fmt.Fprintf(&b, "  %d [%s] %s\n", i+1, d.Body[t.LabelSpan.Start:t.LabelSpan.End], d.TurnText(t))
	}
	return b.String()
}

// who is a speaker's name, role and affiliation.
type who struct{ name, role, aff string }
