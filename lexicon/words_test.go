package lexicon

import (
	"slices"
	"strings"
	"testing"
)

// TestDefaultWordLists: every declared list, the role labels and the
// months have words in the default lexicon.
func TestDefaultWordLists(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, info := range WordLists() {
		t.Run(info.Name, func(t *testing.T) {
			if len(l.Words(info.Name)) == 0 || len(l.WordList(info.Name)) == 0 {
				t.Errorf("list %s is empty", info.Name)
			}
			if info.About == "" {
				t.Errorf("list %s has no description", info.Name)
			}
		})
	}
	if len(l.RoleLabels()) == 0 || len(l.Months()) != 24 {
		t.Errorf("%d role labels, %d months", len(l.RoleLabels()), len(l.Months()))
	}
	if !slices.IsSortedFunc(WordLists(), func(a, b WordListInfo) int { return strings.Compare(a.Name, b.Name) }) {
		t.Error("WordLists is not sorted")
	}
}

func TestWordListLookups(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, list, word string
		want             bool
	}{
		{"lower-cased list", Honorifics, "mr", true},
		{"stored lower", Honorifics, "Mr", false},
		{"dotted honorific", Honorifics, "h.e", true},
		{"case-sensitive list", KeepCaps, "NATO", true},
		{"case-sensitive miss", KeepCaps, "nato", false},
		{"separator keeps its spaces", HTMLTitleSeparators, " | ", true},
		{"separator without spaces", HTMLTitleSeparators, "|", false},
		{"yes is a word", Greetings, "yes", true},
		{"no is a word", Greetings, "no", true},
		{"curly apostrophe", FirstPerson, "i’m", true},
		{"union of both particle lists", NameParticles, "zu", true},
		{"the tagger's particles too", NameParticles, "bin", true},
		{"title by matching key", Titles, "secretary", true},
		{"unknown list", "no_such_list", "mr", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := l.Words(c.list)[c.word]; got != c.want {
				t.Errorf("Words(%s)[%q] = %v, want %v", c.list, c.word, got, c.want)
			}
		})
	}
	if got := l.RoleLabels()["the vice president"]; got != "Vice President" {
		t.Errorf("role label: %q", got)
	}
	if got := l.Months()["sept"]; got != 9 {
		t.Errorf("sept: %d", got)
	}
	if got := l.WordList(FrontMatterDateKeys); strings.Join(got, " ") != "date published publish_date pubdate" {
		t.Errorf("ordered list: %q", got)
	}
	if got := l.WordList(CallVerbs); strings.Join(got, " ") != "go goes move turn" {
		t.Errorf("sorted list: %q", got)
	}
	if l.Words("no_such_list") != nil || l.WordList("no_such_list") != nil {
		t.Error("an unknown list is not nil")
	}
}

// TestUserWords: a user file adds, removes and replaces words.
func TestUserWords(t *testing.T) {
	cases := []struct {
		name, src, list string
		has, hasNot     []string
		size            int // -1: do not check
	}{
		{"add", "words:\n  honorifics: [Prof, Rev]\n", Honorifics, []string{"prof", "rev", "mr"}, nil, -1},
		{"remove", "remove_words:\n  honorifics: [Dame, he]\n", Honorifics, []string{"mr"}, []string{"dame", "he"}, -1},
		{"replace", "replace_words: [honorifics]\nwords:\n  honorifics: [Mr]\n", Honorifics, []string{"mr"}, []string{"dr"}, 1},
		{"replace with nothing", "replace_words: [keep_caps]\n", KeepCaps, nil, []string{"NATO"}, 0},
		{"case-sensitive add", "words:\n  keep_caps: [OPEC]\n", KeepCaps, []string{"OPEC"}, []string{"opec"}, -1},
		{"older titles section", "titles: [Rapporteur]\n", Titles, []string{"rapporteur"}, nil, -1},
		{"remove a title by its key", "remove_words:\n  titles: [ACTING]\n", Titles, nil, []string{"acting"}, -1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, err := LoadDefault()
			if err != nil {
				t.Fatal(err)
			}
			if err := l.AddBytes("user.yaml", []byte(c.src)); err != nil {
				t.Fatal(err)
			}
			ws := l.Words(c.list)
			for _, w := range c.has {
				if !ws[w] {
					t.Errorf("%s lacks %q", c.list, w)
				}
			}
			for _, w := range c.hasNot {
				if ws[w] {
					t.Errorf("%s still has %q", c.list, w)
				}
			}
			if c.size >= 0 && (len(ws) != c.size || len(l.WordList(c.list)) != c.size) {
				t.Errorf("%s has %d words, want %d", c.list, len(ws), c.size)
			}
		})
	}
	l, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	user := "role_labels:\n  the rapporteur: Rapporteur\nremove_words:\n  role_labels: [the king]\n  months: [sept]\nmonths:\n  sept.: 9\n"
	if err := l.AddBytes("user.yaml", []byte(user)); err != nil {
		t.Fatal(err)
	}
	if l.RoleLabels()["the rapporteur"] != "Rapporteur" || l.RoleLabels()["the king"] != "" || l.Months()["sept."] != 9 || l.Months()["sept"] != 0 {
		t.Errorf("role labels and months: %v %v", l.RoleLabels(), l.Months())
	}
}

func TestWordErrors(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"unknown list", "words:\n  honorifics: [Prof]\n  honourifics: [Rev]\n", `u.yaml:3: invalid lexicon: no word list "honourifics"`},
		{"unknown list to remove", "remove_words:\n  particles: [de]\n", `u.yaml:2: invalid lexicon: no word list "particles"`},
		{"unknown list to replace", "replace_words:\n  - honorifics\n  - greeting\n", `u.yaml:3: invalid lexicon: no word list "greeting"`},
		{"list repeated", "words:\n  honorifics: [Prof]\n  honorifics: [Rev]\n", `u.yaml:3: invalid lexicon: mapping key "honorifics" already defined`},
		{"a word that is a mapping", "words:\n  honorifics:\n    - {a: b}\n", `u.yaml:3: invalid lexicon: honorifics: a word is a plain string`},
		{"one word, not a list", "words:\n  honorifics: Prof\n", `u.yaml:2: invalid lexicon: honorifics: want a list of words`},
		{"empty word", "words:\n  honorifics: ['  ']\n", `u.yaml:2: invalid lexicon: honorifics: empty word`},
		{"month out of range", "months:\n  brumaire: 13\n", `u.yaml:2: invalid lexicon: month "brumaire": want its number, 1 to 12`},
		{"month as a word", "months:\n  brumaire: fog\n", `u.yaml:2: invalid lexicon: month "brumaire"`},
		{"role label list", "role_labels:\n  the rapporteur: [Rapporteur]\n", `u.yaml:2: invalid lexicon: role label "the rapporteur"`},
		{"words not a mapping", "words: [honorifics]\n", `u.yaml:1: invalid lexicon: want a mapping`},
		{"older section of mappings", "titles:\n  - {a: b}\n", `u.yaml:2: invalid lexicon: a word is a plain string`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := New().AddBytes("u.yaml", []byte(c.src))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error containing %q", err, c.want)
			}
		})
	}
}
