package read

import (
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// contentRootByCounting is contentRoot as it was, counting the text of
// the article body and of the region in full: the reference for the one
// that reuses the region's count and stops counting the body at half.
func (h *htmlWords) contentRootByCounting(root *html.Node, m *pageMeta) *html.Node {
	region := m.body
	if region == nil {
		region = root
	}
	for _, n := range m.mains {
		if h.visibleTextLenRef(n, 1) > 0 {
			region = n
			break
		}
	}
	if region == m.body || region == root {
		best := 0
		for i, n := range m.articles {
			if i == maxCandidates {
				break
			}
			if l := h.visibleTextLenRef(n, -1); l > best {
				region, best = n, l
			}
		}
	}
	inner := h.articleBodyRef(region)
	if inner != nil && inner != region && 2*h.visibleTextLenRef(inner, -1) >= h.visibleTextLenRef(region, -1) {
		return inner
	}
	return region
}

// checkContentRoot checks contentRoot against contentRootByCounting, and
// anyAttrToken against attrTokens on every element.
func checkContentRoot(t *testing.T, src string) {
	t.Helper()
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return
	}
	h := &testReader(t).lex.html
	m := h.collectMeta(root)
	if got, want := (&treeReader{h: h}).contentRoot(root, m), h.contentRootByCounting(root, m); got != want {
		t.Fatalf("contentRoot of %q is %v, want %v", src, got, want)
	}
	walkHTML(root, func(n *html.Node) bool {
		for _, a := range n.Attr {
			var got []string
			anyAttrToken(n, a.Key, func(tok string) bool { got = append(got, tok); return false })
			if want := attrTokens(n, a.Key); !slices.Equal(got, want) {
				t.Fatalf("tokens of %s=%q: %q, want %q", a.Key, a.Val, got, want)
			}
		}
		return true
	}, nil)
}

var contentRootSeeds = []string{
	`<article><p>short</p></article><article><div class="entry-content"><p>long long text</p></div><p>x</p></article>`,
	`<main><div itemprop="articleBody">a</div><p>bcd</p></main>`, `<main><div itemprop="articleBody">ab</div><p>cd</p></main>`,
	`<main><div itemprop="articleBody">abc</div><p>de</p></main>`, `<body><div class="Entry-Content  x">t</div></body>`,
	`<main><div itemprop="articleBody"></div></main>`, `<p class="HIDDEN md:block">x</p><p class="İtem K\u00a0hidden">y</p>`,
}

func TestContentRootSameAsByCounting(t *testing.T) {
	pages := contentRootSeeds
	for _, p := range realPages(t) {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, string(src))
	}
	for _, src := range pages {
		checkContentRoot(t, src)
	}
}

func FuzzContentRoot(f *testing.F) {
	for _, s := range contentRootSeeds {
		f.Add(s)
	}
	f.Fuzz(checkContentRoot)
}

// nonSpaceCountByByte is nonSpaceCount as it was, a byte or a character at
// a time: the reference for the one that counts eight ASCII bytes at once.
func nonSpaceCountByByte(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if !asciiSpace(c) {
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			n++
		}
		i += size
	}
	return n
}

func checkCounts(t *testing.T, s string) {
	t.Helper()
	if got, want := nonSpaceCount(s), nonSpaceCountByByte(s); got != want {
		t.Fatalf("nonSpaceCount(%q) = %d, want %d", s, got, want)
	}
}

var countSeeds = []string{"", "Vladimir Putin: Good afternoon.", "a\tb\nc\vd\fe\rf g\x00h\x08i\x0ej\x1f\x7f~!", "Здравствуйте, коллеги!\u00a0\u2003 x", "12345678 abcdefgh\t\t\t\t\t\t\t\t"}

func TestCountsSameAsByByte(t *testing.T) {
	for _, s := range countSeeds {
		checkCounts(t, s)
	}
	for c := 0; c < 128; c++ { // every ASCII byte at every place of a word
		for at := 0; at < 8; at++ {
			for _, fill := range []byte{' ', 'a', '\t', '\r', 0x7f, 0x08, 0x0e, '!'} {
				w := []byte(strings.Repeat(string(fill), 8))
				w[at] = byte(c)
				checkCounts(t, string(w)+string(w))
			}
		}
	}
}

func FuzzCounts(f *testing.F) {
	for _, s := range countSeeds {
		f.Add(s)
	}
	f.Fuzz(checkCounts)
}

// collapseBlankLinesBySplitting is collapseBlankLines as it was, splitting
// the text into a list of lines: the reference for the one that writes
// each line as it goes.
func collapseBlankLinesBySplitting(s string) string {
	var out []string
	blank := true
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			if !blank {
				out = append(out, "")
			}
			blank = true
			continue
		}
		out = append(out, l)
		blank = false
	}
	return strings.TrimSpace(strings.Join(out, "\n")) + "\n"
}

var collapseSeeds = []string{"", "\n", "a", "a\n", "\n\na\n\n\nb\n \n", " a \n\u00a0\n b\u2003\n\n", "a\n\n", "\u0085a\u0085\n\n\u2028"}

func FuzzCollapseBlankLines(f *testing.F) {
	for _, s := range collapseSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapseBlankLines(s), collapseBlankLinesBySplitting(s); got != want {
			t.Fatalf("collapseBlankLines(%q) = %q, want %q", s, got, want)
		}
	})
}

// checkSingleSpaced checks singleSpaced against strings.Fields joined.
func checkSingleSpaced(t *testing.T, s string) {
	t.Helper()
	if got, want := singleSpaced(s), strings.Join(strings.Fields(s), " "); got != want {
		t.Fatalf("singleSpaced(%q) = %q, want %q", s, got, want)
	}
}

var singleSpacedSeeds = []string{"", " ", "a", " a", "a ", "a b", "a  b", "a\tb", "a\u00a0b", "a\u0085b", "a\u2009b", "a\u200bb",
	"President of Russia", "Vladimir Putin’s visit", "Press Briefing \n by", "\xffa b", "a \xff"}

func TestSingleSpaced(t *testing.T) {
	for _, s := range singleSpacedSeeds {
		checkSingleSpaced(t, s)
	}
}

func FuzzSingleSpaced(f *testing.F) {
	for _, s := range singleSpacedSeeds {
		f.Add(s)
	}
	f.Fuzz(checkSingleSpaced)
}
