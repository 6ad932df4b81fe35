package read

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// checkTree checks that readTree reads the tree of src as readTreeRef
// does, for the tree of html.Parse and, when it vouches for src, for
// parseSimple's.
func checkTree(t *testing.T, h *htmlWords, src string) {
	t.Helper()
	roots := []*html.Node{}
	if root, err := html.Parse(strings.NewReader(src)); err == nil {
		roots = append(roots, root)
	}
	if root, ok := parseSimple(src); ok {
		roots = append(roots, root)
	}
	for _, root := range roots {
		if got, want := h.readTree(root, len(src)), h.readTreeRef(root, len(src)); got != want {
			t.Fatalf("readTree(%q) = %+v, want %+v", src, got, want)
		}
	}
}

// treeSeeds are pages whose reading turns on the skip decisions, the
// content region and the metadata.
var treeSeeds = []string{
	`<html><head><title>T | Site</title><meta property="og:site_name" content="Site"><meta name="description" content="D"></head><body><h1 class="x">H</h1><p>a</p></body></html>`,
	`<main><div itemprop="articleBody" class="entry-summary">a <b>Q:</b> b</div><p hidden>bcd</p></main>`,
	`<article class="post"><p>short</p></article><article><div class="entry-content"><p>long long text</p></div><aside><article>x y z w v</article></aside></article>`,
	`<body><div class="hidden md:block">shown</div><div class="nav-menu">menu</div><div style="display: NONE">no</div><div><figure>f</figure><span>c</span></div></body>`,
	`<body><span itemprop="datePublished description" class="p-summary">12 March 2024</span><time datetime="2024-03-12">x</time><a rel="Tag" href="/">t</a><div role="navigation">n</div></body>`,
	`<body><p CLASS="hidden" Role="navigation" class="x">a</p><div role=" Navigation " rel="tag" hidden="false" style="x" style="display:none">b</div><a rel="x TAG" class="menu-x">c</a><span style="Visibility : Hidden">d</span><p class="hidden lg:block">e</p><div><video></video></div></body>`,
	`<body><p class="İtem K\u00a0hidden" aria-hidden=" TRUE ">y</p><script type="application/ld+json">{"datePublished": "2020-01-02"}</script><q>q</q><pre>a
b</pre><table><tr><td>1</td><th>2</th></tr></table></body>`,
}

// treePages returns the seeds and the real pages of testdata.
func treePages(t testing.TB) []string {
	pages := append([]string{}, treeSeeds...)
	pages = append(pages, contentRootSeeds...)
	for _, dir := range []string{"kremlin", "state", "whitehouse"} {
		fs, _ := filepath.Glob("../../testdata/real/" + dir + "/*.html")
		for _, p := range fs {
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			pages = append(pages, string(src))
		}
	}
	return pages
}

func TestReadTreeSameAsRef(t *testing.T) {
	h := &testReader(t).lex.html
	for _, src := range treePages(t) {
		checkTree(t, h, src)
	}
}

func FuzzReadTree(f *testing.F) {
	for _, src := range treePages(f) {
		f.Add(src)
	}
	h := &testReader(f).lex.html
	f.Fuzz(func(t *testing.T, src string) {
		checkTree(t, h, src)
	})
}

func checkTextRun(t *testing.T, s string) {
	t.Helper()
	for i := range len(s) + 1 {
		if got, want := textRun(s, i), textRunByByte(s, i); got != want {
			t.Fatalf("textRun(%q, %d) = %d, want %d", s, i, got, want)
		}
	}
}

var textRunSeeds = []string{"", "Good afternoon, colleagues.", "a  b", "abcdefg  hijklmnop q", "abcdefgh ijklmnop\tqrs", "Vladimir Putin:\u00a0Good afternoon, everyone here.\x7f~", "a b c d e f g h i j k l m n o p "}

func TestTextRunSameAsByByte(t *testing.T) {
	for _, s := range textRunSeeds {
		checkTextRun(t, s)
	}
	for c := 0; c < 256; c++ { // every byte at every place of two words
		for at := 0; at < 17; at++ {
			for _, fill := range []string{"abcdefghijklmnopq", "ab cd ef gh ij kl", "a bcdefgh ijklmno "} {
				w := []byte(fill)
				w[at] = byte(c)
				checkTextRun(t, "x"+string(w)+" y")
			}
		}
	}
}

func FuzzTextRun(f *testing.F) {
	for _, s := range textRunSeeds {
		f.Add(s)
	}
	f.Fuzz(checkTextRun)
}

func checkJoinLabel(t *testing.T, head, rest string) {
	t.Helper()
	if got, want := string(appendJoinedLabel([]byte("x"), []byte(head), []byte(rest))), "x"+joinLabel(head, rest); got != want {
		t.Fatalf("appendJoinedLabel(%q, %q) = %q, want %q", head, rest, got, want)
	}
}

var joinLabelSeeds = [][2]string{{"Putin:", " Good"}, {"Putin: ", ""}, {"Putin", ": Good"}, {"Putin ", " :  Good"}, {"Putin", ":"}, {"At", ":30"}, {"Putin", " said"}, {"", ":"}, {" ", " "}}

func TestJoinLabelSameAsByStrings(t *testing.T) {
	for _, s := range joinLabelSeeds {
		checkJoinLabel(t, s[0], s[1])
	}
}

func FuzzJoinLabel(f *testing.F) {
	for _, s := range joinLabelSeeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(checkJoinLabel)
}

// TestAtomSwitchesSameAsMaps checks skipAtom, mediaAtom and blockAtom
// against the maps they replace, on every atom.
func TestAtomSwitchesSameAsMaps(t *testing.T) {
	atoms := 0
	for off := 0; off < 1<<16; off++ {
		for l := 1; l < 32; l++ {
			a := atom.Atom(off<<8 | l)
			name := a.String()
			if name == "" || atom.Lookup([]byte(name)) != a {
				continue
			}
			atoms++
			for _, c := range []struct {
				name string
				got  bool
				want bool
			}{{"skipAtom", skipAtom(a), skipAtoms[a]}, {"mediaAtom", mediaAtom(a), mediaAtoms[a]}, {"blockAtom", blockAtom(a), blockAtoms[a]}} {
				if c.got != c.want {
					t.Errorf("%s(%s) = %v, want %v", c.name, name, c.got, c.want)
				}
			}
		}
	}
	if atoms < 100 {
		t.Fatalf("found only %d atoms", atoms)
	}
}

var chromeClassSeeds = []string{"", "-", "nav", "site-nav", "nav_bar", "--menu--", "wp-caption", "is-menu", "a\xff-menu", "меню-nav", "_", "share__button"}

func checkChromeClass(t *testing.T, h *htmlWords, c string) {
	t.Helper()
	if got, want := h.chromeClass(c), h.chromeClassByFields(c); got != want {
		t.Fatalf("chromeClass(%q) = %v, want %v", c, got, want)
	}
}

func TestChromeClassSameAsByFields(t *testing.T) {
	h := &testReader(t).lex.html
	for _, c := range chromeClassSeeds {
		checkChromeClass(t, h, c)
	}
	for w := range h.chromeWords {
		for _, c := range []string{w, "x-" + w, w + "_x", "-" + w + "-", "x" + w} {
			checkChromeClass(t, h, c)
		}
	}
}

func FuzzChromeClass(f *testing.F) {
	for _, c := range chromeClassSeeds {
		f.Add(c)
	}
	h := &testReader(f).lex.html
	f.Fuzz(func(t *testing.T, c string) { checkChromeClass(t, h, c) })
}

// checkCollapsed checks that collapseBlankLines leaves a text collapsed
// reports as it is, with a newline, and that its results are collapsed.
func checkCollapsed(t *testing.T, s string) {
	t.Helper()
	c := collapseBlankLines(s)
	if collapsed(s) && c != s+"\n" {
		t.Fatalf("collapsed(%q), but collapseBlankLines gives %q", s, c)
	}
	if c != "\n" && !collapsed(strings.TrimSuffix(c, "\n")) {
		t.Fatalf("collapseBlankLines(%q) = %q is not collapsed", s, c)
	}
}

var collapsedSeeds = []string{"", "a", "a\nb", "a\n\nb", "a\n\n\nb", "\na", "a\n", " a", "a ", "a\u00a0", "\u2003a", "a\n \nb", "\xffa\xff", "Ы\n\nЫ", "a\u0085", "\u0085"}

func TestCollapsed(t *testing.T) {
	for _, s := range append(collapsedSeeds, collapseSeeds...) {
		checkCollapsed(t, s)
	}
}

func FuzzCollapsed(f *testing.F) {
	for _, s := range append(collapsedSeeds, collapseSeeds...) {
		f.Add(s)
	}
	f.Fuzz(checkCollapsed)
}
