package read

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// readHTMLByTree is readHTML with every page's tree from html.Parse: the
// reference for the one that builds the tree itself when it can.
func (h *htmlWords) readHTMLByTree(src string) htmlDoc {
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return h.readHTMLFlat(src)
	}
	return h.readTree(root, len(src))
}

// readAttrs returns the attributes of as that readAttr names, in order.
func readAttrs(as []html.Attribute) []html.Attribute {
	var out []html.Attribute
	for _, a := range as {
		if readAttr(a.Key) {
			out = append(out, a)
		}
	}
	return out
}

// treeDiff describes the first difference between the tree parseSimple
// built and the one html.Parse built, or returns "". The doctype, the
// text of comments and the attributes readAttr does not name are not
// compared.
func treeDiff(got, want *html.Node) string {
	var path []string
	var diff func(g, w *html.Node) string
	diff = func(g, w *html.Node) string {
		if g.Type != w.Type || g.Data != w.Data && g.Type != html.CommentNode || g.DataAtom != w.DataAtom || g.Namespace != w.Namespace {
			return fmt.Sprintf("%s: node %d %q, want %d %q", strings.Join(path, "/"), g.Type, g.Data, w.Type, w.Data)
		}
		wantAttr := readAttrs(w.Attr)
		if len(g.Attr) != len(wantAttr) {
			return fmt.Sprintf("%s/%s: attributes %q, want %q", strings.Join(path, "/"), g.Data, g.Attr, wantAttr)
		}
		for _, a := range wantAttr {
			if attr(g, a.Key) != a.Val || !hasAttr(g, a.Key) {
				return fmt.Sprintf("%s/%s: attributes %q, want %q", strings.Join(path, "/"), g.Data, g.Attr, w.Attr)
			}
		}
		path = append(path, g.Data)
		defer func() { path = path[:len(path)-1] }()
		gc, wc := g.FirstChild, w.FirstChild
		for {
			for wc != nil && wc.Type == html.DoctypeNode {
				wc = wc.NextSibling
			}
			if gc == nil || wc == nil {
				break
			}
			if gc.Parent != g {
				return strings.Join(path, "/") + ": bad parent"
			}
			if d := diff(gc, wc); d != "" {
				return d
			}
			gc, wc = gc.NextSibling, wc.NextSibling
		}
		if gc != nil || wc != nil {
			return fmt.Sprintf("%s: children differ at %v, want %v", strings.Join(path, "/"), gc, wc)
		}
		return ""
	}
	return diff(got, want)
}

// checkSimple checks that readHTML reads src as readHTMLByTree does and,
// when parseSimple vouches for src, that its tree is html.Parse's. It
// reports whether parseSimple vouched for src.
func checkSimple(t *testing.T, h *htmlWords, src string) bool {
	t.Helper()
	root, ok := parseSimple(src)
	if ok {
		want, err := html.Parse(strings.NewReader(src))
		if err != nil {
			t.Fatalf("parseSimple read a page html.Parse refuses (%v): %q", err, src)
		}
		if d := treeDiff(root, want); d != "" {
			t.Fatalf("tree of %q: %s", src, d)
		}
	}
	got, err := h.readHTML(src)
	if err != nil {
		t.Fatal(err)
	}
	if want := h.readHTMLByTree(src); got != want {
		t.Fatalf("readHTML(%q) = %+v, want %+v", src, got, want)
	}
	return ok
}

// simpleSeeds are pages that parseSimple must read as html.Parse does, or
// leave to it: implied and misnested elements, raw text, references,
// comments and the markup around the head and the body.
var simpleSeeds = []string{
	``, `text`, `<`, `a<`, `a</`, `a<!`, `<p>a</p`, `<p a="b`, `<p a=`, `<!-->x`, `<!--->x`, `<!---->x`,
	`<!-- a --!> b -->c`, `<!doctype html><title>T &amp; U</title><p>x`, `<!DOCTYPE>x`, `<?xml ?><p>x`, `</>x`, `</ x>y`,
	`<html lang=en><head><meta name="date" content="2024-03-21"></head><body class="x"><p>a</p></body></html>`,
	"\n <!-- c --> <html> <!-- d --> <head> <title>t</title> </head> <!-- e --> <body> <p>a</p> </body> <!-- f --> </html> \n <!-- g --> ",
	`<p>a<div>b</div>c</p>`, `<p><span>a<div>b</div></span>`, `<p><b>a<div>b</div></b>`, `<b><i>x</b>y</i>`, `<b><p>x</b>y</p>`,
	`<a href="x">a<a href="y">b</a></a>`, `<ul><li>a<li>b<ul><li>c</ul><li>d</ul>`, `<dl><dt>a<dd>b<dt>c</dl>`, `<div><li>a<div><li>b</div></div>`,
	`<h1>a<h2>b</h2>c</h1>`, `<h1>a</h2>b`, `<p>a</p></p>b`, `x</p>y`, `<span>a</div>b</span>`, `<div><span>a</div>b`, `<x-a><span>b</x-a>c`,
	`<button>a<button>b</button></button>`, `<form><form>x</form></form>`, `<form><div></form>x</div>`, `<div><form></div><p>x</form>y`,
	`<pre>
a</pre>`, "<pre>\r\nb</pre>", `<pre>&#13;
c</pre>`, `<pre><!---->
d</pre>`, `<listing>
e</listing>`, "<textarea>\nf</textarea>", `<textarea>&lt;g&gt;</textarea>`,
	`<script>if (a < b) { x = "</scr" + "ipt>"; }</script><p>x`, `<script><!-- document.write("<script></script>") --></script>x`,
	`<style>p { color: red }</STYLE >x`, `<title>a<b>c</title>`, `<title>a`, `<iframe>a<b>c</iframe>d`, `<noscript><p>a</p></noscript>b`, `<xmp><b>a</xmp>`,
	`<p title='a"b' data-x=c"d e = f /g>x</p>`, `<p CLASS="A" class="b" Id=c>x</p>`, `<p a=b/>x</p>`, `<br/><img src=a.png / alt=x>`,
	`<a href="?a=1&b=2&amp;c=3&copy=4&copy;&ampx;&lang=en&notin;&notit;">x</a>`, `<p>&amp &ampx &notit; &#x41; &#65 &#0; &bogus;</p>`,
	`<meta content="a&amp;b"><p data-x='&semi;&semi'>x</p>`,
	`<table><tr><td>a</td></tr></table>`, `<p><table>x</table>`, `<svg><title>t</title></svg><p>x`, `<math><mi>x</mi></math>`,
	`<select><option>a</select>`, `<template><p>a</template>`, `<object><p>x</object>`, `<ruby>a<rt>b</ruby>`, `<image src=x>`,
	`<body><body class=x>a`, `<html><html lang=x>`, `<frameset></frameset>`, `</br>`, `<p>a</br>b`, `a</head>b`, `<head></head><head>x`,
	`<head><meta charset=utf-8></head><link rel=x><script>y</script><body>z`, `<head><p>x</p></head>`, `</body>x`, `</html><p>x`,
	`<body>a</body>b`, `<body>a</body> <!--c--> </html> <p>d`, `<body>a</body></html>x`, `</html>`, "</body>\n", `<div>a</body>b`,
	`<nobr>a<nobr>b`, `<b><b><b><b>x</b></b></b></b>y`, `<b class=x><b class=x><b class=x><b class=x>y</b>z`, `<hr><p>a<hr>b`, `<p><button><p>x</button>y`,
	`<p>a<search>b</search>`, `<details><summary>s</summary>d</details>`, "<P\nCLASS=x>a</P\n>", `<p	a=b>c`, `<font color=red>x</font><tt>y</tt>`,
	`<em>a</em></em><strong>b</strong></b>`, `<div>a<!-- x -->b</div>`, `<p>a&#x3c;b&gt;</p>`, `<p id=a id=b>x</p>`, `<p ="x">y`,
	`<main><div itemprop="articleBody"><p><strong>MS PORTER:</strong> a<br>b</p></div></main>`,
	`<article><div class="entry-content"><p><b>Vladimir Putin</b>: text <a><b>x</b><span class="hidden">y</span></a></p></div></article>`,
	strings.Repeat("<div>", 600) + "deep", strings.Repeat("<span>", 510) + "deep", "<p>" + strings.Repeat("a&amp;b</x> ", 1000),
	"<p " + strings.Repeat("a b c d e f g h i j k l m n o p q r s t u v w x y z ", 5) + "class=x>y", "<p" + strings.Repeat(" A=1", 200) + ">y",
	"<pre>" + strings.Repeat("\n</x>", 3) + "a</pre>", "</html> " + strings.Repeat("<!--c--> \n", 100) + "x",
}

func TestParseSimpleSameAsParse(t *testing.T) {
	h := &testReader(t).lex.html
	for i, src := range simpleSeeds {
		t.Run(fmt.Sprint(i), func(t *testing.T) { checkSimple(t, h, src) })
	}
}

// TestParseSimpleRealPages checks that parseSimple reads every real page
// of testdata, and reads it as html.Parse does. TURNTAG_HTML_PAGES may name
// more folders of pages, separated by the list separator.
func TestParseSimpleRealPages(t *testing.T) {
	h := &testReader(t).lex.html
	pages := realPages(t)
	for _, dir := range filepath.SplitList(os.Getenv("TURNTAG_HTML_PAGES")) {
		more, err := filepath.Glob(filepath.Join(dir, "*.html"))
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, more...)
	}
	fast := 0
	for _, p := range pages {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if checkSimple(t, h, string(src)) {
			fast++
		} else {
			t.Errorf("%s: read by html.Parse", p)
		}
	}
	t.Logf("%d of %d pages read without html.Parse", fast, len(pages))
}

func FuzzParseSimple(f *testing.F) {
	for _, s := range simpleSeeds {
		f.Add(s)
	}
	for _, dir := range []string{"kremlin", "state"} {
		pages, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "real", dir, "*.html"))
		for _, p := range pages {
			if src, err := os.ReadFile(p); err == nil {
				f.Add(string(src))
			}
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		checkSimple(t, &testReader(t).lex.html, src)
	})
}

// markupPieces are the tags, text and comments TestParseSimpleRandomPages
// builds pages from.
var markupPieces = []string{
	"<p>", "</p>", "<div>", "</div>", "<b>", "</b>", "<i>", "</i>", "<strong>", "</strong>", "<a href=x>", "</a>",
	"<span>", "</span>", "<ul>", "</ul>", "<ol>", "</ol>", "<li>", "</li>", "<dl>", "<dd>", "</dd>", "<dt>", "</dt>",
	"<h1>", "</h1>", "<h2>", "</h2>", "<form>", "</form>", "<button>", "</button>", "<pre>", "</pre>", "<br>", "<hr>",
	"<img src=x>", "<input>", "</input>", "<title>t</title>", "<script>s</script>", "<style>s</style>", "<textarea>\nt</textarea>",
	"<noscript>n</noscript>", "<iframe>f</iframe>", "<meta name=date content=2024-03-21>", "<link rel=x>", "<head>", "</head>",
	"<body>", "</body>", "<html>", "</html>", "<!--c-->", "<!doctype html>", "text", " ", "\n", "&amp;", "<main>", "</main>",
	"<article>", "</article>", "<section>", "</section>", "<nav>", "</nav>", "<em>", "</em>", "<font>", "</font>", "<nobr>",
	"</nobr>", "<x-y>", "</x-y>", "<o:p>", "</o:p>", "<listing>", "</listing>", "<xmp>x</xmp>", "<address>", "</address>",
	"<table>", "<td>", "<select>", "<svg>", "<template>", "<object>", "</br>", "<blockquote>", "</blockquote>", "<source>", "</source>",
	"<div class=hidden>", "<p itemprop=articleBody>", "<time datetime=2024-01-02>", "</time>", "<figure>", "</figure>",
}

// TestParseSimpleRandomPages checks parseSimple against html.Parse on
// pages made of random runs of common tags, misnested and unclosed, which
// reach the tree builder's rules more often than mutated bytes do.
func TestParseSimpleRandomPages(t *testing.T) {
	h := &testReader(t).lex.html
	r := rand.New(rand.NewPCG(1, 2))
	fast := 0
	const pages = 4000
	for range pages {
		var b strings.Builder
		for range 1 + r.IntN(24) {
			b.WriteString(markupPieces[r.IntN(len(markupPieces))])
		}
		if checkSimple(t, h, b.String()) {
			fast++
		}
	}
	t.Logf("%d of %d pages read without html.Parse", fast, pages)
}

// TestReaderReadsReadAttrsAlone checks the list readAttr keeps: the reader
// reads every page of treePages and simpleSeeds from html.Parse's tree as
// it does from the same tree with only the attributes readAttr names.
func TestReaderReadsReadAttrsAlone(t *testing.T) {
	h := &testReader(t).lex.html
	for i, src := range append(treePages(t), simpleSeeds...) {
		full, err := html.Parse(strings.NewReader(src))
		if err != nil {
			continue // read token by token, attributes and all
		}
		kept, _ := html.Parse(strings.NewReader(src))
		walkHTML(kept, func(n *html.Node) bool {
			n.Attr = readAttrs(n.Attr)
			return true
		}, nil)
		if got, want := h.readTree(kept, len(src)), h.readTree(full, len(src)); got != want {
			t.Errorf("page %d read with readAttr's attributes alone as %+v, want %+v", i, got, want)
		}
	}
}

// attrCall is a call of the reader's attribute helpers with the name of an
// attribute written out.
var attrCall = regexp.MustCompile(`\b(?:attr|hasAttr|attrTokens|hasAttrToken|anyAttrToken)\(\w+, "([^"]*)"`)

// TestReadAttrNamesEveryAttrRead checks that every attribute name the
// reader's code passes to attr, hasAttr and the token helpers is one that
// readAttr names, so that a new one is not read from trees that lack it;
// the names readMeta tries in a loop are checked apart.
func TestReadAttrNamesEveryAttrRead(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	names := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range attrCall.FindAllStringSubmatch(string(src), -1) {
			names++
			if !readAttr(m[1]) {
				t.Errorf("%s reads the attribute %q, which readAttr does not name", f, m[1])
			}
		}
	}
	if names < 15 {
		t.Errorf("found %d attribute names read, want at least 15", names)
	}
	for _, key := range []string{"name", "property"} { // readMeta's
		if !readAttr(key) {
			t.Errorf("readMeta reads the attribute %q, which readAttr does not name", key)
		}
	}
}
