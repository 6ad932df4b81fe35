package pipeline

import (
	"context"
	"testing"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/tagger"
)

// TestUserWordLists: the word lists the stages use come from the lexicon,
// so a user file changes how labels are read and speakers resolved.
func TestUserWordLists(t *testing.T) {
	src := "RAPPORTEUR: We begin.\n\nDOCTOR SMITH: Thank you.\n\nMODERATOR: Next.\n"
	cases := []struct {
		name, user string
		want       []transcript.Speaker
	}{
		{"default", "", []transcript.Speaker{
			{Name: "Rapporteur"}, {Name: "Doctor Smith"}, {Role: "Moderator"}}},
		{"a new role label and honorific", "role_labels:\n  rapporteur: Rapporteur\nwords:\n  honorifics: [doctor]\n", []transcript.Speaker{
			{Role: "Rapporteur"}, {Name: "Julianne Smith"}, {Role: "Moderator"}}}, // "Smith" alone is the lexicon's

		{"a role label removed", "remove_words:\n  role_labels: [moderator]\n", []transcript.Speaker{
			{}, {Name: "Doctor Smith"}}}, // a lone capitalised word needs two other labels to be one
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lex, err := lexicon.LoadDefault()
			if err != nil {
				t.Fatal(err)
			}
			if c.user != "" {
				if err := lex.AddBytes("user.yaml", []byte(c.user)); err != nil {
					t.Fatal(err)
				}
			}
			if err := lex.Compile(); err != nil {
				t.Fatal(err)
			}
			doc, err := New(tagger.New(lex, nil)).Document(context.Background(), "t.txt", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Turns) != len(c.want) {
				t.Fatalf("%d turns, want %d", len(doc.Turns), len(c.want))
			}
			for i, tr := range doc.Turns {
				if tr.Speaker != c.want[i] {
					t.Errorf("turn %d: %+v, want %+v", i+1, tr.Speaker, c.want[i])
				}
			}
		})
	}
}
