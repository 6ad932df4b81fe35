package tagger

import (
	"bufio"
	"flag"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unsafe"

	"github.com/turntag/turntag/lexicon"
)

var _ = flag.Bool("update", false, "rewrite golden files (none in this package)")

func defaultLexicon(t testing.TB) *lexicon.Lexicon {
	t.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	return lex
}

// TestTopicCases checks every sentence of testdata/topic-cases.tsv: "+"
// lines must get the topic, "-" lines must not.
func TestTopicCases(t *testing.T) {
	tg := New(defaultLexicon(t), nil)
	f, err := os.Open("testdata/topic-cases.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		parts := strings.SplitN(sc.Text(), "\t", 3)
		if len(parts) != 3 {
			continue
		}
		n++
		id, sign, text := parts[0], parts[1], parts[2]
		res, err := tg.NewDoc().Tag(text)
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, tag := range res.Tags {
			if tag.ID == id {
				got = true
			}
		}
		if got != (sign == "+") {
			t.Errorf("%s %s %q: tags %s", id, sign, text, describeTags(res.Tags))
		}
	}
	if n < 40 {
		t.Fatalf("only %d topic cases", n)
	}
}

func describeTags(tags []Tag) string {
	var parts []string
	for _, tg := range tags {
		var ev []string
		for _, c := range tg.Evidence {
			ev = append(ev, c.Text)
		}
		parts = append(parts, tg.ID+"("+strings.Join(ev, ",")+")")
	}
	return "[" + strings.Join(parts, " ") + "]"
}

// stubNER returns fixed names, as prose might.
type stubNER []Name

func (s stubNER) Names(string) ([]Name, error) { return s, nil }

func TestVetoes(t *testing.T) {
	lex := defaultLexicon(t)
	cases := []struct {
		name   string
		text   string
		ner    []Name
		people []string
		orgs   []string
	}{
		{"lexicon wins over a wrong PERSON label", "NATO will remain an Alliance.", []Name{{"NATO", "PERSON"}}, nil, []string{"NATO"}},
		{"common words are no person", "Allies agreed. Border Control is national.", []Name{{"Allies", "PERSON"}, {"Border Control", "PERSON"}}, nil, nil},
		{"titles are trimmed", "Acting NATO Spokesperson Dylan White said so.", []Name{{"NATO Spokesperson Dylan White", "PERSON"}}, []string{"Dylan White"}, []string{"NATO"}},
		{"single unknown word is no person", "Johnsen asked.", []Name{{"Johnsen", "PERSON"}}, nil, nil},
		{"acronym is no person", "XQZ asked.", []Name{{"XQZ", "PERSON"}}, nil, nil},
		{"a name before an organisation word is no person", "Karim Haddad with Al-Mashriq TV asked.", []Name{{"Al-Mashriq", "PERSON"}}, nil, nil},
		{"a name does not run over a full stop", "It happened on Christmas Day. Do you know more?", []Name{{"Christmas Day. Do", "PERSON"}}, nil, nil},
		{"org needs an organisation word", "Foreign Ministers met the Baltic Maritime Agency.", []Name{{"Foreign Ministers", "ORGANIZATION"}, {"Baltic Maritime Agency", "ORGANIZATION"}}, nil, []string{"Baltic Maritime Agency"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := New(lex, stubNER(c.ner)).NewDoc().Tag(c.text)
			if err != nil {
				t.Fatal(err)
			}
			people, orgs := names(res.Mentions, lexicon.Person), names(res.Mentions, lexicon.Organisation)
			if strings.Join(people, ";") != strings.Join(c.people, ";") || strings.Join(orgs, ";") != strings.Join(c.orgs, ";") {
				t.Errorf("people %q orgs %q, want %q %q", people, orgs, c.people, c.orgs)
			}
		})
	}
}

func names(ms []Mention, typ lexicon.Type) []string {
	var out []string
	for _, m := range ms {
		if m.Type == typ {
			out = append(out, m.Canonical)
		}
	}
	return out
}

func TestSurnameResolvesToEarlierFullName(t *testing.T) {
	tg := New(defaultLexicon(t), nil)
	d := tg.NewDoc()
	d.AddPerson("Alf Johnsen")
	res, err := d.Tag("As Mr. Johnsen said, and Johnsen repeated.")
	if err != nil {
		t.Fatal(err)
	}
	got := names(res.Mentions, lexicon.Person)
	if strings.Join(got, ";") != "Alf Johnsen;Alf Johnsen" {
		t.Errorf("people %q", got)
	}
	if res.Mentions[0].Origin != FromSpeaker {
		t.Errorf("origin %s, want speaker", res.Mentions[0].Origin)
	}
	// a sentence-initial common surname without a title is not resolved
	d.AddPerson("Dylan White")
	res, _ = d.Tag("White smoke rose.")
	if got := names(res.Mentions, lexicon.Person); len(got) != 0 {
		t.Errorf("White smoke: people %q", got)
	}
}

func TestTagEvidenceAndScore(t *testing.T) {
	tg := New(defaultLexicon(t), nil)
	res, err := tg.NewDoc().Tag("Ukraine and Ukrainian pilots, Ukraine again, and Kyiv. China too.")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Tags) < 2 || res.Tags[0].Label != "Ukraine" {
		t.Fatalf("tags %s", describeTags(res.Tags))
	}
	u := res.Tags[0]
	if u.Evidence[0].Text != "Ukraine" || u.Evidence[0].Count != 3 || u.Score != 0.98 {
		t.Errorf("Ukraine evidence %+v score %v", u.Evidence, u.Score)
	}
}

// TestProseConcurrent calls the shared prose model from several goroutines;
// run with -race.
func TestProseConcurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the prose model")
	}
	var wg sync.WaitGroup
	texts := []string{"Jens Stoltenberg met Dmytro Kuleba in Brussels.", "Natalia Drozdiak from Bloomberg asked about Finland."}
	want := make([]string, len(texts))
	for i, s := range texts {
		ns, err := Prose{}.Names(s)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = render(ns)
	}
	for g := 0; g < 4; g++ {
		for i, s := range texts {
			wg.Add(1)
			go func() {
				defer wg.Done()
				ns, err := Prose{}.Names(s)
				if err != nil || render(ns) != want[i] {
					t.Errorf("concurrent Names(%q) = %s, %v; want %s", s, render(ns), err, want[i])
				}
			}()
		}
	}
	wg.Wait()
}

func render(ns []Name) string {
	var parts []string
	for _, n := range ns {
		parts = append(parts, n.Class+":"+n.Text)
	}
	return strings.Join(parts, ";")
}

func TestRoleFromIntroduction(t *testing.T) {
	tg := New(defaultLexicon(t), nil)
	d := tg.NewDoc()
	if _, err := d.Tag("Okay, National Security Advisor Jake Sullivan is here, and so is the High Representative and Vice-President Josep Borrell."); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"Jake Sullivan": "National Security Advisor", "Josep Borrell": "High Representative and Vice-President"} {
		if got := d.Role(name); got != want {
			t.Errorf("Role(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestCountryOrFirstName(t *testing.T) {
	tg := New(defaultLexicon(t), nil)
	d := tg.NewDoc()
	res, err := d.Tag("Jordan Halloran, Al Jazeera. Is Jordan worried about Iran and Israel?")
	if err != nil {
		t.Fatal(err)
	}
	var countries []string
	for _, m := range res.Mentions {
		if m.Type == lexicon.Country {
			countries = append(countries, m.Text)
		}
	}
	if strings.Join(countries, ",") != "Jordan,Iran,Israel" {
		t.Errorf("countries %q: want the second Jordan only", countries)
	}
	d.AddPerson("Jordan Halloran")
	res, _ = d.Tag("Thanks, Jordan. Israel has the right to defend itself.")
	if got := names(res.Mentions, lexicon.Person); strings.Join(got, ",") != "Jordan Halloran" {
		t.Errorf("people %q", got)
	}
	res, _ = tg.NewDoc().Tag("Russia's Africa Corps moved into Mali.")
	found := false
	for _, m := range res.Mentions {
		found = found || m.Code == "RUS"
	}
	if !found {
		t.Errorf("Russia inside Russia's Africa Corps not found: %+v", res.Mentions)
	}
}

func TestChunks(t *testing.T) {
	s := strings.Repeat("Jens Stoltenberg met Dmytro Kuleba. ", 1000)
	parts := chunks(s, 1000)
	total := 0
	for _, p := range parts {
		if len(p) > 1000 {
			t.Fatalf("chunk of %d bytes", len(p))
		}
		total += len(strings.Fields(p))
	}
	if total != len(strings.Fields(s)) {
		t.Errorf("words lost: %d of %d", total, len(strings.Fields(s)))
	}
	if got := chunks("short", 1000); len(got) != 1 || got[0] != "short" {
		t.Errorf("chunks(short) = %q", got)
	}
	if got := chunks(strings.Repeat("x", 2500), 1000); len(got) != 3 {
		t.Errorf("no spaces: %d chunks", len(got))
	}
}

func TestTitleAndSurname(t *testing.T) {
	tg := New(defaultLexicon(t), nil)
	res, err := tg.NewDoc().Tag("He spoke with Chairman Brown throughout the evening, and I said so.")
	if err != nil {
		t.Fatal(err)
	}
	if got := names(res.Mentions, lexicon.Person); strings.Join(got, ";") != "Charles Q. Brown Jr." {
		t.Errorf("people %q", got)
	}
	if tg.surname("King Juan Carlos I") != "carlos" || tg.surname("Xi Jinping") != "jinping" || tg.surname("Wang Yi") != "" {
		t.Errorf("surname: %q %q %q", tg.surname("King Juan Carlos I"), tg.surname("Xi Jinping"), tg.surname("Wang Yi"))
	}
}

func TestNicknameResolvesToEarlierFullName(t *testing.T) {
	d := New(defaultLexicon(t), nil).NewDoc()
	d.AddPerson("Matthew Miller")
	res, err := d.Tag("Thanks, Matt. On Rafah, what is the latest?")
	if err != nil {
		t.Fatal(err)
	}
	if got := names(res.Mentions, lexicon.Person); strings.Join(got, ";") != "Matthew Miller" {
		t.Errorf("people %q", got)
	}
	res, _ = d.Tag("Matt Damon starred in it.") // a different person: not resolved
	for _, m := range res.Mentions {
		if m.Canonical == "Matthew Miller" {
			t.Errorf("Matt Damon resolved to Matthew Miller")
		}
	}
}

// TestWeakCueNeedsAnother: a weak cue makes a tag only with another cue,
// not with itself said again; the score counts every occurrence.
func TestWeakCueNeedsAnother(t *testing.T) {
	lex := lexicon.New()
	user := `topics:
  - id: widgets
    label: Widgets
    cues:
      - widget law
      - text: gadget
        weight: 0.5
      - text: sprocket
        weight: 0.5
      - text: cogwheel*
        weight: 0.5
`
	if err := lex.AddBytes("user.yaml", []byte(user)); err != nil {
		t.Fatal(err)
	}
	if err := lex.Compile(); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text  string
		score float64 // 0: no tag
	}{
		{"A gadget, a gadget and a gadget.", 0},
		{"A gadget and a sprocket.", 0.63},
		{"A gadget, a gadget and a sprocket.", 0.78},
		{"The widget law.", 0.63},
		{"A cogwheel and cogwheels.", 0}, // two forms of one weak wildcard cue are one cue
		{"A cogwheel and a gadget.", 0.63},
	}
	for _, c := range cases {
		res, err := New(lex, nil).NewDoc().Tag(c.text)
		if err != nil {
			t.Fatal(err)
		}
		got := 0.0
		if len(res.Tags) > 0 {
			got = res.Tags[0].Score
		}
		if got != c.score {
			t.Errorf("%q: score %v, want %v (%s)", c.text, got, c.score, describeTags(res.Tags))
		}
	}
}

// TestHomeCountryIsWeak: a document set in a country names it, and its own
// institutions, as where it is: for the country's own topic they are weak
// cues; other topics they cue keep their weight.
func TestHomeCountryIsWeak(t *testing.T) {
	lex := defaultLexicon(t)
	text := "Russia's small businesses grew, and Russia's banks lent more."
	for _, c := range []struct {
		home string
		want bool
	}{{"", true}, {"rus", false}, {"usa", true}} {
		d := New(lex, nil).NewDoc()
		d.SetHome(c.home)
		res, err := d.Tag(text)
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, tag := range res.Tags {
			got = got || tag.Label == "Russia"
		}
		if got != c.want {
			t.Errorf("home %q: Russia tagged %v, want %v (%s)", c.home, got, c.want, describeTags(res.Tags))
		}
	}
	d := New(lex, nil).NewDoc()
	d.SetHome("rus")
	if res, _ := d.Tag("Russia's troops shelled Kharkiv in Ukraine."); !hasTag(res.Tags, "Ukraine") {
		t.Errorf("at home, other topics still count: %s", describeTags(res.Tags))
	}
}

func hasTag(tags []Tag, label string) bool {
	for _, t := range tags {
		if t.Label == label {
			return true
		}
	}
	return false
}

// TestReleaseReuse tags the same turns with fresh Docs and with Docs that
// take the buffers of released ones, long turns after short and short
// after long: the results are the same.
func TestReleaseReuse(t *testing.T) {
	tg := New(defaultLexicon(t), nil)
	turns := []string{
		"Thank you, Jake. On Ukraine, President Zelenskyy met NATO's Secretary General in Brussels and Kyiv.",
		strings.Repeat("The sanctions on Russia and the talks with China on Taiwan go on. ", 40),
		"Go ahead, Mary.",
		"Secretary Blinken spoke with Foreign Minister Wang Yi about the South China Sea and the Houthis in the Red Sea.",
	}
	fresh := func(text string) Result {
		res, err := New(tg.Lexicon(), nil).NewDoc().Tag(text)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	for round := 0; round < 3; round++ {
		for _, text := range turns {
			d := tg.NewDoc()
			got, err := d.Tag(text)
			if err != nil {
				t.Fatal(err)
			}
			want := fresh(text)
			if !reflect.DeepEqual(got.Mentions, want.Mentions) || !reflect.DeepEqual(got.Tags, want.Tags) {
				t.Errorf("round %d, %.30q: a reused Doc tags differently\n got %+v\nwant %+v", round, text, got.Mentions, want.Mentions)
			}
			d.Release()
			for _, m := range got.Mentions { // what Tag returned stays valid after Release
				if m.Text != text[m.Start:m.End] {
					t.Errorf("after Release: mention %q at %d-%d", m.Text, m.Start, m.End)
				}
			}
		}
	}
}

// TestReleaseNames checks that a Doc made from a released one's buffers
// starts with the Tagger's name filter, without the people the released
// Doc added.
func TestReleaseNames(t *testing.T) {
	tg := New(defaultLexicon(t), nil)
	d := tg.NewDoc()
	d.AddPerson("Zebulon Quarternight")
	if !d.names.has("quarternight") {
		t.Fatal("the Doc's filter lacks the surname it added")
	}
	d.Release()
	if d = tg.NewDoc(); *d.names != tg.names {
		t.Error("a Doc made after Release does not start with the Tagger's name filter")
	}
}

// TestReleaseHoldsNoText tags a long turn and then short ones, in one Doc
// and over several Docs, and checks that a released Doc's buffers point
// into no text: Release clears what any turn used, not only the last.
func TestReleaseHoldsNoText(t *testing.T) {
	tg := New(defaultLexicon(t), nil)
	long := strings.Repeat("President Zelenskyy and Secretary Blinken spoke about Russia and China. ", 60)
	for round := 0; round < 3; round++ {
		d := tg.NewDoc()
		b := d.buffers
		for _, text := range []string{"Go ahead, Mary.", long, "Thank you, Jake, on Ukraine."} {
			if _, err := d.Tag(text); err != nil {
				t.Fatal(err)
			}
		}
		d.Release()
		for i, tok := range b.toks[:cap(b.toks)] {
			if tok != (lexicon.Token{}) {
				t.Fatalf("round %d: token %d of %d still set after Release: %+v", round, i, cap(b.toks), tok)
			}
		}
		for i, m := range b.mentions[:cap(b.mentions)] {
			if m != (Mention{}) {
				t.Fatalf("round %d: mention %d of %d still set after Release: %+v", round, i, cap(b.mentions), m)
			}
		}
		for _, a := range b.scorer.accs[:cap(b.scorer.accs)] {
			for _, c := range a.cues[:cap(a.cues)] {
				if c.Text != "" {
					t.Fatalf("round %d: a cue %q still set after Release", round, c.Text)
				}
			}
		}
	}
}

// TestReleaseReuseDocuments tags the testdata's documents one after
// another with Docs that take the buffers, and the maps of people, of
// released ones, from four goroutines at once on one Tagger (run with
// -race), and with a fresh Tagger for each document: every turn's result
// is the same, and a released Doc's maps are empty.
func TestReleaseReuseDocuments(t *testing.T) {
	lex := defaultLexicon(t)
	docs := diffTexts(t)
	people := []string{"Karine Jean-Pierre", "Matthew Miller", "John Kirby", "Jordan Halloran"}
	tagDoc := func(tg *Tagger, turns []string, alone bool) []Result {
		d := tg.NewDoc()
		for _, p := range people {
			d.AddPerson(p)
		}
		var out []Result
		for _, text := range turns {
			res, err := d.Tag(text)
			if err != nil {
				t.Error(err)
			}
			out = append(out, res)
		}
		b := d.buffers
		d.Release()
		if alone && len(b.known)+len(b.roles)+len(b.byFirst)+len(b.surnames)+len(b.lexPeople)+len(b.surnameOf) != 0 { // else another Doc may have them now
			t.Error("a released Doc's maps are not empty")
		}
		return out
	}
	want := make([][]Result, len(docs))
	for i, turns := range docs {
		want[i] = tagDoc(New(lex, nil), turns, true)
	}
	tg := New(lex, nil)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range docs {
				k := (i + g) % len(docs)
				if got := tagDoc(tg, docs[k], false); !reflect.DeepEqual(got, want[k]) {
					t.Errorf("document %d, after others in the same Tagger: the results differ from a fresh Tagger's", k)
				}
			}
		}()
	}
	wg.Wait()
}

// TestNestedKeepsNoText tags an organisation's name in a text read from a
// buffer: the countries the Tagger remembers inside the name must not
// point into that buffer, which would keep the document alive, and after
// the buffer is written over the next document must get them as written.
func TestNestedKeepsNoText(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	tg := New(lex, nil)
	const text, org = "Russia's Africa Corps moved into Mali.", "Russia's Africa Corps"
	buf := []byte(text)
	if _, err := tg.NewDoc().Tag(unsafe.String(&buf[0], len(buf))); err != nil {
		t.Fatal(err)
	}
	inner, ok := tg.nested.Get(org)
	if !ok || len(inner) == 0 {
		t.Fatalf("no countries remembered inside %q", org)
	}
	lo, hi := uintptr(unsafe.Pointer(&buf[0])), uintptr(unsafe.Pointer(&buf[0]))+uintptr(len(buf))
	for _, m := range inner {
		if p := uintptr(unsafe.Pointer(unsafe.StringData(m.Text))); p >= lo && p < hi {
			t.Errorf("the remembered %q points into the document", m.Text)
		}
	}
	copy(buf, strings.Repeat("x", len(buf)))
	res, err := tg.NewDoc().Tag(text)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := New(lex, nil).NewDoc().Tag(text) // remembers nothing
	if !reflect.DeepEqual(res.Mentions, want.Mentions) {
		t.Errorf("after the first text was written over:\n%+v\nwant\n%+v", res.Mentions, want.Mentions)
	}
}
