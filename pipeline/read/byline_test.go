package read

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// splitSegmentsAsWas is splitSegments as it was, with a list for each run
// and strings.FieldsFunc and strings.Fields: the reference for the one
// that cuts the runs from one list.
func splitSegmentsAsWas(text string, lex *vocab) []segment {
	var out []segment
	for _, part := range strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ';' || r == '|' || r == '–' || r == '—' }) {
		seg := segment{text: strings.TrimSpace(part), byRun: -1}
		var run []string
		joined := 0 // the length of run when ofRole last joined a word to it
		flush := func() {
			if len(run) > 0 {
				seg.runs = append(seg.runs, run)
				run, joined = nil, 0
			}
		}
		words := strings.Fields(part)
		for j, w := range words {
			w = trimQuotes(w)
			r, _ := utf8.DecodeRuneInString(w)
			switch {
			case w == "":
				flush()
			case unicode.IsUpper(r):
				if seg.byRun < 0 && len(run) == 0 && j > 0 && strings.EqualFold(words[j-1], "by") {
					seg.byRun = len(seg.runs)
				}
				if base, ok := possessive(w); ok {
					run = append(run, base) // "Spokesperson Mao Ning's Regular Press Conference"
					flush()
					continue
				}
				run = append(run, w)
			case atLower(lex.particles, w) && len(run) > 0 && j+1 < len(words) && startsUpper(words[j+1]) && !atLower(lex.connectors, w):
				run = append(run, w)
			case ofRole(words, j, run, joined, lex):
				run = append(run, w) // "Chairman of the Joint Chiefs of Staff Gen. Mark A. Milley"
				joined = len(run)
			default:
				flush()
			}
		}
		flush()
		out = append(out, seg)
	}
	return out
}

// checkSplitSegments checks splitSegments against splitSegmentsAsWas, with
// lists of its own and with the lists of a line read before, small and
// large, and appendFields against strings.Fields.
func checkSplitSegments(t *testing.T, lex *vocab, text string) {
	t.Helper()
	want := splitSegmentsAsWas(text, lex)
	if got := splitSegments(text, lex, nil); !reflect.DeepEqual(got, want) {
		t.Fatalf("splitSegments(%q) = %+v, as was %+v", text, got, want)
	}
	for _, before := range []string{"Jen Psaki", "Remarks by President Biden and Vice President Harris, the Secretary of State Antony Blinken; by Jen Psaki, Press Secretary"} {
		var sc segmentScratch
		splitSegments(before, lex, &sc)
		if got := splitSegments(text, lex, &sc); !reflect.DeepEqual(got, want) {
			t.Fatalf("splitSegments(%q) after %q = %+v, as was %+v", text, before, got, want)
		}
		sc.put()
	}
	if got, want := appendFields(nil, text), strings.Fields(text); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
		t.Fatalf("appendFields(%q) = %q, want %q", text, got, want)
	}
}

// bylineSeeds are titles and header lines of the kinds bylinePeople reads.
var bylineSeeds = []string{
	"", ",", " , ;", "by", "Press Briefing by Press Secretary Jen Psaki, March 3, 2022",
	"Matthew Miller, Department Spokesperson", "by Christine Lagarde, President of the ECB",
	"Remarks by President Biden on the March Jobs Numbers | The White House",
	"Spokesperson Mao Ning’s Regular Press Conference — May 5, 2023",
	"Chairman of the Joint Chiefs of Staff Gen. Mark A. Milley – Secretary of Defense Lloyd J. Austin III",
	"“President” Biden’s (Remarks) [sic] de la Cruz; van der Berg\u00a0Jr.", "a\u2009b\u0085c\u00a0 d\xe2\x80 \xe2\x80\x93\xe2\x80\x94e",
	"Prince George’s County, Maryland", "Background Press Call by Senior Administration Officials on the President’s Trip",
}

// TestSplitSegmentsSameAsWas checks splitSegments against
// splitSegmentsAsWas on bylineSeeds and on the titles and header lines
// of the real transcripts of testdata.
func TestSplitSegmentsSameAsWas(t *testing.T) {
	r := testReader(t)
	lines := append([]string{}, bylineSeeds...)
	paths, _ := filepath.Glob("../../testdata/real/*/*.*")
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := r.Parse(filepath.Base(p), src)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(append(lines, doc.Title), headerLines(doc)...)
	}
	for _, l := range lines {
		checkSplitSegments(t, r.lex, l)
	}
}

// FuzzSplitSegments checks splitSegments against splitSegmentsAsWas.
func FuzzSplitSegments(f *testing.F) {
	for _, s := range bylineSeeds {
		f.Add(s)
	}
	r := testReader(f)
	f.Fuzz(func(t *testing.T, s string) { checkSplitSegments(t, r.lex, s) })
}
