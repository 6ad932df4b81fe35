package fastner_test

import (
	"strings"
	"testing"

	"github.com/turntag/turntag/tagger/fastner"
)

// TestEdgeCases compares prose and fastner on texts made to reach every
// branch of prose's tokeniser, tagger and features.
func TestEdgeCases(t *testing.T) {
	m, err := fastner.Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		"empty":          "",
		"spaces":         "   \n\t  ",
		"one word":       "Obama",
		"repeated words": "Biden met Putin. Putin met Biden. Biden said Putin and Putin said Biden in Washington",
		"repeated last":  "the the the the",
		"quotes":         "“Hello,” said Mr. Smith. ‘Yes’ — and it’s &rsquo;done&rsquo; in the U.S.",
		"contractions":   "They'll say he's right, they're wrong, I'm sure, don't and won't. 'sa 's 'll n't",
		"upper contr":    "THEY'LL HE'S DON'T O'NEILL McDONALD'S",
		"prefixes":       "$100 (see [this] \"quoted\" $ ( [ \"",
		"suffixes":       "Well) done!? Yes;: maybe... 'quoted' end,",
		"emoticons":      "I am happy :) :-) (-: :P xD ¯\\(ツ)/¯ (╯°□°）╯︵┻━┻ o_O 8-D",
		"abbreviations":  "U.S. U.K. e.g. i.e. Mr. Mrs. Dr. St. Jr. a.b.c. Ab.",
		"links":          "see www.example.com and https://nato.int/news, or p.m. and a.m. foo.bar.baz",
		"emails":         "mail press@whitehouse.gov or @POTUS or a@b",
		"traces":         "0 * *T* *-1 *EXP*-2 *?* 00 *a",
		"keep":           "-LRB- -RRB- -NONE- -ABC- -abc-",
		"dash":           "well - yes -- no - -",
		"numbers":        "1 2.5 1e5 0x1p-2 inf Infinity NaN nan -inf +3 3D 1_000 1e999 .5 5. 2024 -123 +123 1990s 10-year 24/7 2nd",
		"years":          "In 2024 and 1990, then 0123 and +123 and -123 and 12345",
		"hyphens":        "well-known co-operation -prefix re-elect U.S.-led",
		"non-ascii":      "Zelenskyy met Erdoğan in Kyiv; Müller, Ångström, İstanbul, ΑΘΗΝΑ, Ⅻ, ﬁne, straße, ΣΊΣΥΦΟΣ",
		"titlecase":      "O'Brien McCain DeSantis iPhone eBay NATO Nato nATO A.B ǅemal",
		"long word":      "Pneumonoultramicroscopicsilicovolcanoconiosis and Supercalifragilisticexpialidocious",
		"nbsp":           "MS.\u00a0PSAKI:\u00a0\u00a0Thank you, Jen.\u00a0 Go ahead.",
		"invalid utf8":   "caf\xe9 \xff\xfe Obama\x80 Ber\xc3lin",
		"cd after label": "President Biden 2 and Prime Minister Sunak 10 Downing Street on June 8 2023",
		"all caps":       "THE PRESIDENT: WE WILL MEET PRESIDENT ZELENSKYY IN KYIV NEXT WEEK WITH NATO.",
		"tabs lines":     "Jake Sullivan\tsaid\nthat\r\nthe United\u2028Nations\u0085agreed",
		"nel":            "a\u0085b\u00a0c\u2003d",
		"very long word": "Mr. " + strings.Repeat("Ab", 700) + " met " + strings.Repeat("x", 1030) + ".",
	}
	for name, text := range cases {
		t.Run(name, func(t *testing.T) { compare(t, m, text) })
	}
}

// TestProsePanics checks that fastner reports the texts prose's tokeniser
// panics on.
func TestProsePanics(t *testing.T) {
	m, err := fastner.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"ȺȺȺȺ's", "\xff\xff\xff\xff'll"} {
		_, panicked := proseRun(text)
		_, err := m.Analyze(text)
		if panicked == nil || err != fastner.ErrProsePanics {
			t.Errorf("%q: prose panics: %v; fastner: %v", text, panicked, err)
		}
	}
}
