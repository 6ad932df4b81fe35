package read

import (
	"bytes"
	"math/bits"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlDoc is what a page gives: metadata and its text with paragraphs.
type htmlDoc struct {
	title, date string
	// lead is the page's summary (a lead paragraph marked as the entry's
	// summary, else the meta description); it is not part of text.
	lead string
	text string
}

// readHTML extracts the title, a date, a lead and the text of a page. The
// text comes from the page's content: the first <main>, else the <article>
// with the most text, else <body>; inside it, an element marked as the
// article's body (itemprop="articleBody", class "entry-content", …) when it
// holds most of the text. Hidden elements, navigation, widgets, media and
// their captions are left out. Each block element is a paragraph, paragraphs
// are separated by a blank line, <br> breaks a line, and a bold speaker label
// at the start of a line comes out as "Name: text". A page nested deeper than
// the tree parser allows is read token by token instead.
//
// The page's tree comes from parseSimple when it can vouch for the page's
// markup (most pages), else from html.Parse.
//
// What it returns keeps no node of the tree: parseSimple builds it in a
// pooled parser's memory, which the next page writes over.
func (h *htmlWords) readHTML(src string) (htmlDoc, error) {
	p := simpleParsers.Get().(*simpleParser)
	defer p.release()
	root, ok := p.parse(src)
	if !ok {
		var err error
		if root, err = html.Parse(strings.NewReader(src)); err != nil {
			// The tree parser refuses pages nested too deep; read those flat.
			return h.readHTMLFlat(src), nil
		}
	}
	return h.readTree(root, len(src)), nil
}

// readTree reads the title, date, lead and text of a page's tree; size is
// the page's size in bytes.
func (h *htmlWords) readTree(root *html.Node, size int) htmlDoc {
	r := &treeReader{h: h}
	m := h.collectMeta(root)
	from := r.contentRoot(root, m)
	d := htmlDoc{
		title: m.pageTitle(),
		date:  m.date,
		lead:  m.leadText(r),
		text:  r.renderText(from, size), // the text is shorter than its page
	}
	if r.skip != nil && len(r.skip) <= maxPooledNodes {
		clear(r.skip)
		skipSets.Put(r.skip)
	}
	return d
}

// skipSets keeps the sets of treeReader.skip, emptied, for the next page.
var skipSets = sync.Pool{New: func() any { return make(map[*html.Node]bool, 64) }}

// treeReader reads one page's tree. The walks over its content (counting
// the text of the candidate regions, finding the article's body, rendering
// the text) meet the same elements several times: an element with
// attributes is judged once, by the first of them, and the others take the
// answer it kept.
type treeReader struct {
	h    *htmlWords
	skip map[*html.Node]bool // skipHTMLNode of the elements judged so far
}

// skipNode is h.skipHTMLNode(n), judged once for an element with
// attributes.
func (r *treeReader) skipNode(n *html.Node) bool {
	if n.Type != html.ElementNode || len(n.Attr) == 0 {
		return r.h.skipHTMLNode(n) // cheap without attributes
	}
	if s, ok := r.skip[n]; ok {
		return s
	}
	if r.skip == nil {
		r.skip = skipSets.Get().(map[*html.Node]bool)
	}
	s := r.h.skipHTMLNode(n)
	r.skip[n] = s
	return s
}

// voidAtoms are elements that have no end tag.
var voidAtoms = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true,
	atom.Param: true, atom.Source: true, atom.Track: true, atom.Wbr: true,
}

// readHTMLFlat reads a page token by token, for pages the tree parser
// refuses: the same rules for text, hidden elements, widgets, titles and
// dates, without choosing the content region or looking at an element's
// children. A skipped element is skipped up to its end tag.
func (h *htmlWords) readHTMLFlat(src string) htmlDoc {
	z := html.NewTokenizer(strings.NewReader(src))
	m := &pageMeta{h: h, dateRank: rankNone}
	w := &textWriter{label: -1}
	var title strings.Builder
	skip, skipName, inTitle := 0, "", false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		n := &html.Node{Type: html.ElementNode, Data: tok.Data, DataAtom: tok.DataAtom, Attr: tok.Attr}
		open := tt == html.StartTagToken && !voidAtoms[tok.DataAtom]
		switch {
		case tt == html.TextToken && inTitle:
			title.WriteString(tok.Data)
		case skip > 0:
			if open && tok.Data == skipName {
				skip++
			} else if tt == html.EndTagToken && tok.Data == skipName {
				skip--
			}
		case tt == html.TextToken:
			w.text(tok.Data)
		case tok.DataAtom == atom.Title:
			inTitle = open
		case tt == html.EndTagToken:
			w.leave(n)
		case tt != html.StartTagToken && tt != html.SelfClosingTagToken:
		case tok.DataAtom == atom.Meta:
			m.readMeta(n)
		case tok.DataAtom == atom.Head || tok.DataAtom == atom.Html:
		case h.skipHTMLNode(n):
			if open {
				skip, skipName = 1, tok.Data
			}
		default:
			if tok.DataAtom == atom.Time {
				m.offerDate(attr(n, "datetime"), rankTime)
			}
			w.enter(n)
			if !open {
				w.leave(n)
			}
		}
	}
	w.endParagraph()
	m.titleTag = singleSpaced(title.String())
	return htmlDoc{title: m.pageTitle(), date: m.date, lead: m.description,
		text: collapseBlankLines(string(w.out))}
}

// walkHTML visits the nodes under root in document order without recursion,
// so that deeply nested pages cannot exhaust the stack. enter is called on
// each node; when it returns true the node's children are visited and then
// leave is called on it (leave may be nil).
func walkHTML(root *html.Node, enter func(*html.Node) bool, leave func(*html.Node)) {
	done := func(n *html.Node) {
		if leave != nil {
			leave(n)
		}
	}
	n := root
	for {
		if enter(n) {
			if n.FirstChild != nil {
				n = n.FirstChild
				continue
			}
			done(n)
		}
		for n != root && n.NextSibling == nil {
			n = n.Parent
			done(n)
		}
		if n == root {
			return
		}
		n = n.NextSibling
	}
}

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// hasAttr reports whether n carries the attribute key, whatever its value.
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}

// attrTokens returns the lower-cased tokens of n's attribute key (a class
// list, an itemprop list, a rel list).
func attrTokens(n *html.Node, key string) []string {
	return strings.Fields(strings.ToLower(attr(n, key)))
}

// hasAttrToken reports whether the token list of n's attribute key holds
// tok, which is lower case.
func hasAttrToken(n *html.Node, key, tok string) bool {
	return anyAttrToken(n, key, func(t string) bool { return t == tok })
}

// anyAttrToken reports whether fn is true of one of the tokens of n's
// attribute key, as attrTokens gives them, and stops at the first. An
// attribute in ASCII is split and lower-cased in place, without a list,
// and a token is copied only when it has capitals.
func anyAttrToken(n *html.Node, key string, fn func(tok string) bool) bool {
	v := attr(n, key)
	if !isASCII(v) {
		for _, t := range attrTokens(n, key) {
			if fn(t) {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(v); {
		for i < len(v) && asciiSpace(v[i]) {
			i++
		}
		j := i
		for j < len(v) && !asciiSpace(v[j]) {
			j++
		}
		if j > i && fn(asciiLower(v[i:j])) {
			return true
		}
		i = j
	}
	return false
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// asciiLower returns s, which is ASCII, in lower case, copying it only
// when it has capitals.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// textOf returns the text of every text node under n, joined as it is.
func textOf(n *html.Node) string {
	var b strings.Builder
	walkHTML(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		return true
	}, nil)
	return b.String()
}

// singleSpaced collapses every run of white space in s to one space and
// trims it.
func singleSpaced(s string) string {
	if isSingleSpaced(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isSingleSpaced reports whether singleSpaced(s) is s: no white space but
// single ASCII spaces between other characters.
func isSingleSpaced(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			i += size
			continue
		}
		if asciiSpace(c) && (c != ' ' || i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			return false
		}
		i++
	}
	return true
}

// --- What is not text ---

// skipAtom reports whether a is an element whose content is never page
// text: code, head matter, navigation, forms and widgets, and media with
// their captions and fallback text. (A switch, not a map: it is asked of
// every element.)
func skipAtom(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Nav, atom.Header, atom.Footer, atom.Aside, atom.Noscript,
		atom.Form, atom.Button, atom.Svg, atom.Template, atom.Iframe, atom.Select, atom.Menu,
		atom.Head, atom.Title, atom.Img, atom.Picture, atom.Video, atom.Audio, atom.Figure,
		atom.Figcaption, atom.Object, atom.Embed, atom.Canvas, atom.Map, atom.Textarea, atom.Input,
		atom.Dialog:
		return true
	}
	return false
}

// mediaAtom reports whether a is a media element: a block that holds one
// as a child holds a photo or video with its caption.
func mediaAtom(a atom.Atom) bool {
	switch a {
	case atom.Figure, atom.Picture, atom.Video, atom.Audio, atom.Iframe:
		return true
	}
	return false
}

// skipHTMLNode reports whether n and everything under it is not text a
// reader of the page's content sees.
func (h *htmlWords) skipHTMLNode(n *html.Node) bool {
	switch n.Type {
	case html.ElementNode:
		if n.Namespace != "" || skipAtom(n.DataAtom) {
			return true
		}
		return h.isHidden(n) || h.isChrome(n) || h.isMediaBox(n)
	case html.CommentNode, html.DoctypeNode:
		return true
	}
	return false
}

// isHidden reports whether n is hidden: the hidden attribute,
// aria-hidden="true", an inline style with display:none or
// visibility:hidden, or a hiding class.
func (h *htmlWords) isHidden(n *html.Node) bool {
	if hasAttr(n, "hidden") || strings.EqualFold(strings.TrimSpace(attr(n, "aria-hidden")), "true") {
		return true
	}
	if style := attr(n, "style"); style != "" {
		s := strings.ToLower(strings.Join(strings.Fields(style), ""))
		if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") ||
			strings.Contains(s, "visibility:collapse") {
			return true
		}
	}
	return anyAttrToken(n, "class", func(c string) bool { return h.hiddenClasses[c] }) &&
		!shownAtSomeWidth(attrTokens(n, "class"))
}

// responsiveShow matches the utility classes that show an element from some
// screen width on: Tailwind's "md:block", Bootstrap's "d-md-flex".
var responsiveShow = regexp.MustCompile(`^(?:[a-z0-9-]+:(?:inline-)?(?:block|flex|grid|inline|table|contents)|d-(?:sm|md|lg|xl|xxl)-(?:inline-)?(?:block|flex|grid|inline|table))$`)

// shownAtSomeWidth reports whether a class list that hides an element also
// shows it on wider screens ("hidden md:block"): a reader on a desktop sees
// it.
func shownAtSomeWidth(classes []string) bool {
	for _, c := range classes {
		if responsiveShow.MatchString(c) {
			return true
		}
	}
	return false
}

// isChrome reports whether n is a page widget: a landmark or widget role, a
// rel="tag" link, or a class name made of a chrome word.
func (h *htmlWords) isChrome(n *html.Node) bool {
	if atLower(h.chromeRoles, strings.TrimSpace(attr(n, "role"))) {
		return true
	}
	if n.DataAtom == atom.A && hasAttrToken(n, "rel", "tag") {
		return true
	}
	return anyAttrToken(n, "class", h.chromeClass)
}

// chromeClass reports whether the class name c marks a widget: it names a
// caption, or, split at "-" and "_", has a part that is a chrome word;
// unless c starts with a modifier prefix.
func (h *htmlWords) chromeClass(c string) bool {
	for _, p := range h.modifierPrefixes {
		if strings.HasPrefix(c, p) {
			return false
		}
	}
	if c == "caption" || strings.HasSuffix(c, "-caption") || strings.HasSuffix(c, "_caption") ||
		strings.HasSuffix(c, "caption-text") {
		return true // a photo's caption ("wp-caption", "slider_caption")
	}
	for i := 0; i < len(c); { // the parts between '-' and '_', without a list
		j := i
		for j < len(c) && c[j] != '-' && c[j] != '_' {
			j++
		}
		if j > i && h.chromeWords[c[i:j]] {
			return true
		}
		i = j + 1
	}
	return false
}

// isMediaBox reports whether n is a div that wraps a figure, picture,
// video, audio or iframe child and has no paragraph child: a photo or video
// with its caption, not text.
func (h *htmlWords) isMediaBox(n *html.Node) bool {
	if n.DataAtom != atom.Div {
		return false
	}
	media := false
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.P {
			return false
		}
		media = media || mediaAtom(c.DataAtom)
	}
	return media
}

// --- Where the text is ---

// maxCandidates bounds how many <article> elements are measured when
// choosing the page's content, so that pathological pages stay linear.
const maxCandidates = 64

// contentRoot returns the element whose text is the page's content: the
// first <main> with text, else the <article> with the most text, else
// <body>; then, inside it, the element marked as the article's body when
// that holds at least half of the text.
func (r *treeReader) contentRoot(root *html.Node, m *pageMeta) *html.Node {
	region := m.body
	if region == nil {
		region = root
	}
	for _, n := range m.mains {
		if r.visibleTextLen(n, 1) > 0 {
			region = n
			break
		}
	}
	if region == m.body || region == root {
		if len(m.articles) == 1 {
			// the only candidate is the region when it has any text
			if r.visibleTextLen(m.articles[0], 1) > 0 {
				region = m.articles[0]
			}
		} else {
			best := 0
			for i, n := range m.articles {
				if i == maxCandidates {
					break
				}
				if l := r.visibleTextLen(n, -1); l > best {
					region, best = n, l
				}
			}
		}
	}
	inner := r.articleBody(region)
	if inner == nil || inner == region {
		return region
	}
	if r.skipNode(region) {
		return inner // the region has no visible text: inner holds half of it
	}
	// inner holds at least half of the region's text when it holds at least
	// as much as the rest: counting stops there
	rest := r.visibleTextOutside(region, inner)
	if rest == 0 || r.visibleTextLen(inner, rest) >= rest {
		return inner
	}
	return region
}

// articleBody returns the first element under region (region included)
// marked as an article's body, or nil.
func (r *treeReader) articleBody(region *html.Node) *html.Node {
	var found *html.Node
	walkHTML(region, func(n *html.Node) bool {
		if found != nil || (n != region && r.skipNode(n)) {
			return false
		}
		if n.Type == html.ElementNode && r.h.isArticleBody(n) {
			found = n
			return false
		}
		return true
	}, nil)
	return found
}

// isArticleBody reports whether n is marked as an article's body.
func (h *htmlWords) isArticleBody(n *html.Node) bool {
	if hasAttrToken(n, "itemprop", "articlebody") {
		return true
	}
	return anyAttrToken(n, "class", func(c string) bool { return h.bodyClasses[c] })
}

// visibleTextLen counts the visible non-space characters under n, skipping
// what renderText leaves out; it stops counting at limit when limit > 0. n
// itself is skipped when it is hidden or a widget.
func (r *treeReader) visibleTextLen(n *html.Node, limit int) int {
	return r.visibleTextBut(n, nil, limit)
}

// visibleTextOutside counts the visible non-space characters under region,
// which is visible, that are not under inner, as visibleTextLen does.
func (r *treeReader) visibleTextOutside(region, inner *html.Node) int {
	return r.visibleTextBut(region, inner, 0)
}

// visibleTextBut is visibleTextLen leaving out what is under except (nil
// for nothing).
func (r *treeReader) visibleTextBut(n, except *html.Node, limit int) int {
	count := 0
	walkHTML(n, func(c *html.Node) bool {
		if limit > 0 && count >= limit {
			return false
		}
		if c == except || r.skipNode(c) {
			return false
		}
		if c.Type == html.TextNode {
			count += nonSpaceCount(c.Data)
		}
		return true
	}, nil)
	return count
}

// nonSpaceCount counts the characters of s that are not white space; a
// byte that is not UTF-8 counts as one.
func nonSpaceCount(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			if x := load8(s, i); x&hiBits == 0 { // eight ASCII bytes
				n += 8 - bits.OnesCount64(asciiSpaces8(x))
				i += 8
				continue
			}
		}
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

// asciiSpaces8 returns the high bit of each of the eight ASCII bytes of x
// that is white space to asciiSpace: ' ', or '\t' to '\r'.
func asciiSpaces8(x uint64) uint64 {
	sp := x ^ 0x20*loBits // ' ' becomes zero
	blank := ^((sp&(0x7f*loBits) + 0x7f*loBits) | sp) & hiBits
	// with each high bit set, subtracting 9 borrows from no other byte:
	// '\t' to '\r' become 0x80 to 0x84, lower bytes lose the high bit
	v := x | hiBits - 9*loBits
	below5 := ^(v&(0x7f*loBits) + 0x7b*loBits) & hiBits
	return blank | v&below5&hiBits
}

// asciiSpace reports the ASCII characters unicode.IsSpace reports.
func asciiSpace(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\v', '\f', '\r':
		return true
	}
	return false
}

// --- Metadata ---

// pageMeta is what one pass over the page collects besides the text.
type pageMeta struct {
	h                     *htmlWords
	titleTag, ogTitle, h1 string
	siteNames             []string
	description           string
	summary               *html.Node // the entry's summary element, if any
	date                  string
	dateRank              int // rank of date's source; lower is better
	dateTexts             int // elements whose text was read for a date
	body                  *html.Node
	mains, articles       []*html.Node
}

// Ranks of the sources of a page's date, best first.
const (
	rankMeta      = iota // a publication-date meta in the head
	rankPublished        // itemprop="datePublished", or datePublished in JSON-LD
	rankTime             // a <time> element
	rankOtherMeta        // another meta whose name has "date" in it
	rankNone
)

// jsonLDDate finds datePublished in a JSON-LD script.
var jsonLDDate = regexp.MustCompile(`"datePublished"\s*:\s*"([^"]{4,40})"`)

// collectMeta walks the whole page once and gathers its title candidates,
// site names, description, date and the elements that may hold its content.
func (h *htmlWords) collectMeta(root *html.Node) *pageMeta {
	m := &pageMeta{h: h, dateRank: rankNone}
	walkHTML(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode || n.Namespace != "" {
			return n.Type == html.DocumentNode
		}
		// the itemprop tokens are read once for a date and a summary
		published, description := false, false
		if len(n.Attr) > 0 {
			anyAttrToken(n, "itemprop", func(t string) bool {
				published = published || t == "datepublished"
				description = description || t == "description"
				return published && description
			})
		}
		if published {
			m.offerDateOf(n, rankPublished)
		}
		switch n.DataAtom {
		case atom.Title:
			if m.titleTag == "" {
				m.titleTag = singleSpaced(textOf(n))
			}
		case atom.Meta:
			m.readMeta(n)
		case atom.Script:
			if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
				if s := jsonLDDate.FindStringSubmatch(textOf(n)); s != nil {
					m.offerDate(s[1], rankPublished)
				}
			}
			return false
		case atom.Time:
			m.offerDateOf(n, rankTime)
		case atom.H1:
			if m.h1 == "" && !h.isHidden(n) {
				m.h1 = singleSpaced(textOf(n))
			}
		case atom.Body:
			if m.body == nil {
				m.body = n
			}
		case atom.Main:
			m.mains = append(m.mains, n)
		case atom.Article:
			m.articles = append(m.articles, n)
		}
		if m.summary == nil && n.DataAtom != atom.Meta && len(n.Attr) > 0 && (description || h.isSummaryClass(n)) {
			m.summary = n
		}
		return true
	}, nil)
	return m
}

// readMeta takes the title, site name, description or date a <meta> gives.
func (m *pageMeta) readMeta(n *html.Node) {
	content := attr(n, "content")
	for _, key := range []string{"name", "property"} {
		k := strings.ToLower(strings.TrimSpace(attr(n, key)))
		switch {
		case k == "":
		case k == "og:title" || k == "twitter:title":
			if m.ogTitle == "" {
				m.ogTitle = singleSpaced(content)
			}
		case m.h.siteNameMetas[k]:
			if s := singleSpaced(content); s != "" {
				m.siteNames = append(m.siteNames, s)
			}
		case k == "description" || k == "og:description":
			if m.description == "" {
				m.description = singleSpaced(content)
			}
		case m.h.publishedMetas[k]:
			m.offerDate(content, rankMeta)
		case strings.Contains(k, "date") && !strings.Contains(k, "modif") &&
			!strings.Contains(k, "updat") && !strings.Contains(k, "expir"):
			m.offerDate(content, rankOtherMeta)
		}
	}
}

// offerDate keeps v as the page's date when it reads as a date and comes
// from a better source than the date kept so far (the first one wins among
// sources of the same rank).
func (m *pageMeta) offerDate(v string, rank int) {
	if rank >= m.dateRank {
		return
	}
	if d := m.h.months.normalize(v); d != "" {
		m.date, m.dateRank = d, rank
	}
}

// maxDateTexts bounds how many elements' text is read for a date, so that
// pages with many nested dated elements stay linear.
const maxDateTexts = 16

// offerDateOf offers the date an element gives in its datetime or content
// attribute, else in its text.
func (m *pageMeta) offerDateOf(n *html.Node, rank int) {
	if rank >= m.dateRank {
		return
	}
	v := attr(n, "datetime")
	if v == "" {
		v = attr(n, "content")
	}
	if v != "" {
		m.offerDate(v, rank)
		return
	}
	if m.dateTexts < maxDateTexts {
		m.dateTexts++
		m.offerDate(textOf(n), rank)
	}
}

// isSummaryClass reports whether n's class marks it as its entry's
// summary; itemprop="description" marks it too.
func (h *htmlWords) isSummaryClass(n *html.Node) bool {
	return anyAttrToken(n, "class", func(c string) bool { return c == "entry-summary" || c == "p-summary" })
}

// leadText returns the page's summary: the visible text of the element
// marked as the entry's summary, else the meta description.
func (m *pageMeta) leadText(r *treeReader) string {
	if m.summary != nil {
		if s := singleSpaced(r.renderText(m.summary, 0)); s != "" {
			return s
		}
	}
	return m.description
}

// pageTitle returns the page's title: the <title> without the site's name,
// else og:title, else the first <h1>.
func (m *pageMeta) pageTitle() string {
	for _, t := range []string{m.titleTag, m.ogTitle, m.h1} {
		t = m.stripSiteName(t)
		if t != "" && !m.isSiteName(t) {
			return t
		}
	}
	return m.titleTag
}

// stripSiteName removes the site's name from the end or the start of a
// title when a separator sets it apart and it is clearly a site name.
func (m *pageMeta) stripSiteName(t string) string {
	t = singleSpaced(t)
	last, lastSep := -1, ""
	first, firstSep := len(t), ""
	for _, sep := range m.h.titleSeparators {
		if i := strings.LastIndex(t, sep); i > last {
			last, lastSep = i, sep
		}
		if i := strings.Index(t, sep); i >= 0 && i < first {
			first, firstSep = i, sep
		}
	}
	if last > 0 {
		head, site := t[:last], t[last+len(lastSep):]
		if m.siteSuffix(head, site) {
			return strings.TrimSpace(head)
		}
	}
	if firstSep != "" && first > 0 {
		site, rest := t[:first], t[first+len(firstSep):]
		if m.isSiteName(site) {
			return strings.TrimSpace(rest)
		}
	}
	return t
}

// siteSuffix reports whether site, the part of a title after the last
// separator, is the site's name rather than part of the title: it is one of
// the page's site names, a domain or an institution's name; or head alone is
// the page's og:title or <h1>.
func (m *pageMeta) siteSuffix(head, site string) bool {
	if !strings.ContainsFunc(head, unicode.IsLetter) {
		return false
	}
	if m.isSiteName(site) || domainNameRe.MatchString(site) {
		return true
	}
	for _, t := range []string{m.ogTitle, m.h1} {
		if t != "" && strings.EqualFold(singleSpaced(head), t) {
			return true
		}
	}
	return m.h.institutionName(site)
}

// institutionName reports whether s reads as the name of an institution or
// a news site: at most eight words, no digits, every word longer than three
// letters capitalised ("United States Department of State", "President of
// Russia"), and one of them a site word.
func (h *htmlWords) institutionName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 8 || strings.ContainsFunc(s, unicode.IsDigit) {
		return false
	}
	site := false
	for _, w := range words {
		w = strings.Trim(w, ".,’'")
		r, _ := utf8.DecodeRuneInString(w)
		if utf8.RuneCountInString(w) > 3 && !unicode.IsUpper(r) {
			return false
		}
		site = site || atLower(h.siteWords, w)
	}
	return site
}

// domainNameRe matches a bare host name such as "en.kremlin.ru".
var domainNameRe = regexp.MustCompile(`^(?i)[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$`)

// isSiteName reports whether s is one of the site names the page declares.
func (m *pageMeta) isSiteName(s string) bool {
	s = singleSpaced(s)
	for _, n := range m.siteNames {
		if strings.EqualFold(s, n) {
			return true
		}
	}
	return false
}

// --- Text ---

// blockAtom reports whether a is an element that ends a paragraph.
func blockAtom(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li,
		atom.Ul, atom.Ol, atom.Tr, atom.Table, atom.Blockquote, atom.Article, atom.Section,
		atom.Main, atom.Dd, atom.Dt, atom.Dl, atom.Pre, atom.Address, atom.Center, atom.Details,
		atom.Summary, atom.Fieldset, atom.Legend, atom.Hr, atom.Caption, atom.Body, atom.Html,
		atom.Hgroup, atom.Tbody, atom.Thead, atom.Tfoot:
		return true
	}
	return false
}

// renderText returns the visible text under n: one paragraph per block
// element, paragraphs separated by a blank line, a newline for each <br>,
// white space collapsed to single spaces and bold labels joined to their
// text. size is the room to make for the text at the start, in bytes: a
// hint, not a limit.
func (r *treeReader) renderText(n *html.Node, size int) string {
	w := textWriters.Get().(*textWriter)
	*w = textWriter{out: w.out[:0], para: w.para[:0], scratch: w.scratch[:0], label: -1}
	if cap(w.out) < size {
		w.out = make([]byte, 0, size)
	}
	walkHTML(n, func(c *html.Node) bool {
		if c != n && r.skipNode(c) {
			return false
		}
		w.enter(c)
		return true
	}, w.leave)
	w.endParagraph()
	// the text is copied out of the writer's buffer before it goes back
	var text string
	if out := unsafe.String(unsafe.SliceData(w.out), len(w.out)); collapsed(out) {
		w.out = append(w.out, '\n')
		text = string(w.out) // collapseBlankLines(out), without looking again
	} else {
		text = collapseBlankLines(out)
	}
	if cap(w.out)+cap(w.para)+cap(w.scratch) <= maxPooledText {
		textWriters.Put(w)
	}
	return text
}

// textWriters keeps the writers of renderText with their buffers, so that
// a page's text is built without allocating room for it anew.
var textWriters = sync.Pool{New: func() any { return new(textWriter) }}

// maxPooledText is the most room, in bytes, that a writer keeps in
// textWriters: a huge page's buffers are left to the collector.
const maxPooledText = 4 << 20

// textWriter builds paragraphs from the nodes of a page in document order.
type textWriter struct {
	out     []byte // finished paragraphs, separated by blank lines
	para    []byte // the paragraph being built
	scratch []byte // room to join a label to its line
	space   bool   // a space is due before the next visible character
	bold    int    // depth of open <b> and <strong> elements
	pre     int    // depth of open <pre> elements
	line    int    // offset in para where the current line starts
	label   int    // offset in para where the line's leading bold text ends, or -1
	plain   bool   // the current line has visible text outside bold
}

// enter handles the start of a node: text, a line break, the start of a
// block, a bold run or a table cell.
func (w *textWriter) enter(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
	default:
		return
	}
	switch {
	case n.DataAtom == atom.Br:
		w.lineBreak()
	case blockAtom(n.DataAtom):
		w.endParagraph()
	case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
		w.space = true
	case n.DataAtom == atom.Q:
		w.text("“")
	}
	switch n.DataAtom {
	case atom.B, atom.Strong:
		w.bold++
	case atom.Pre:
		w.pre++
	}
}

// leave handles the end of an element.
func (w *textWriter) leave(n *html.Node) {
	if n.Type != html.ElementNode {
		return
	}
	switch n.DataAtom {
	case atom.B, atom.Strong:
		w.bold = max(w.bold-1, 0)
	case atom.Pre:
		w.pre = max(w.pre-1, 0)
	case atom.Td, atom.Th:
		w.space = true
	case atom.Q:
		w.text("”")
	}
	if blockAtom(n.DataAtom) {
		w.endParagraph()
	}
}

// text adds the characters of a text node: white space becomes one space
// between visible characters (a newline inside <pre> breaks the line), and
// invisible format characters are dropped. A run of printable ASCII words
// is added at once.
func (w *textWriter) text(s string) {
	for i := 0; i < len(s); {
		if j := textRun(s, i); j > i {
			w.visible(s[i:j])
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n' && w.pre > 0:
			w.lineBreak()
		case unicode.IsSpace(r):
			w.space = true
		case isInvisible(r):
		case r == utf8.RuneError && size == 1:
			w.visible("\uFFFD") // a byte that is not UTF-8
		default:
			w.visible(s[i : i+size])
		}
		i += size
	}
}

// textRun returns the end of the run of printable ASCII words joined by
// single spaces that starts at s[i] ("Good afternoon, colleagues."), or
// i when there is none: visible adds such a run as it is, as it would add
// its words one by one.
func textRun(s string, i int) int {
	j := i
	for j < len(s) {
		// past the run's first character s[j-1] is visible, so eight
		// printable bytes join the run when no two spaces meet and the
		// last is not one, or is followed by a visible character
		if j > i && j+8 <= len(s) {
			if x := load8(s, j); printable8(x) {
				sp := x ^ 0x20*loBits // ' ' becomes zero
				sp = ^((sp&(0x7f*loBits) + 0x7f*loBits) | sp) & hiBits
				if sp&(sp<<8) == 0 {
					if sp>>63 == 0 {
						j += 8
						continue
					}
					if j+8 < len(s) && s[j+8] > ' ' && s[j+8] < 0x7f {
						j += 9
						continue
					}
				}
			}
		}
		if c := s[j]; c > ' ' && c < 0x7f {
			j++
		} else if c == ' ' && j > i && j+1 < len(s) && s[j+1] > ' ' && s[j+1] < 0x7f {
			j += 2
		} else {
			break
		}
	}
	return j
}

// visible adds visible characters (none of them white space), after the
// space due if any, and keeps track of where the line's leading bold text
// ends.
func (w *textWriter) visible(s string) {
	if w.space && len(w.para) > w.line {
		w.para = append(w.para, ' ')
	}
	w.space = false
	w.para = append(w.para, s...)
	switch {
	case w.bold == 0:
		w.plain = true
	case !w.plain:
		w.label = len(w.para)
	}
}

// lineBreak ends the current line inside the paragraph.
func (w *textWriter) lineBreak() {
	w.endLine()
	w.para = append(w.para, '\n')
	w.line = len(w.para)
	w.space = false
}

// endLine joins a bold label at the start of the current line to its text.
func (w *textWriter) endLine() {
	if w.label > w.line {
		w.scratch = appendJoinedLabel(w.scratch[:0], w.para[w.line:w.label], w.para[w.label:])
		w.para = append(w.para[:w.line], w.scratch...)
	}
	w.label, w.plain = -1, false
}

// endParagraph closes the current paragraph, if it has text.
func (w *textWriter) endParagraph() {
	w.endLine()
	if len(bytes.TrimSpace(w.para)) > 0 {
		if len(w.out) > 0 {
			w.out = append(w.out, "\n\n"...)
		}
		w.out = append(w.out, w.para...)
	}
	w.para, w.line, w.space = w.para[:0], 0, false
}

// appendJoinedLabel appends to dst a line's leading bold text head joined
// to the rest of the line so that a label reads "Name: text": no space
// before the colon, whether it is inside the bold text or just after it,
// and exactly one space after it. A colon followed by a character other
// than a space ("10:30") is left as it is, and so is a head that is not
// followed by a colon.
func appendJoinedLabel(dst, head, rest []byte) []byte {
	name := bytes.TrimRight(head, " ")
	tail := bytes.TrimLeft(rest, " ")
	switch {
	case len(name) > 0 && name[len(name)-1] == ':':
		dst = append(dst, name...)
		if len(tail) == 0 {
			return dst
		}
		return append(append(dst, ' '), tail...)
	case len(tail) > 0 && tail[0] == ':':
		after := tail[1:]
		if len(after) > 0 && after[0] != ' ' {
			return append(append(dst, head...), rest...)
		}
		dst = append(dst, name...)
		if after = bytes.TrimLeft(after, " "); len(after) == 0 {
			return append(dst, ':')
		}
		return append(append(dst, ": "...), after...)
	}
	return append(append(dst, head...), rest...)
}

// collapsed reports whether collapseBlankLines(s) is s and a newline: s is
// not empty, no line starts or ends with white space, and blank lines come
// one at a time, neither first nor last. A page's text mostly is.
func collapsed(s string) bool {
	blank := true // the line before was blank, or there was none
	for off := 0; off <= len(s); {
		end := lineEnd(s, off)
		l := s[off:end]
		off = end + 1
		if l == "" {
			if blank || end == len(s) {
				return false
			}
			blank = true
			continue
		}
		blank = false
		if c := l[0]; c < utf8.RuneSelf && asciiSpace(c) || c >= utf8.RuneSelf && startsWithSpace(l) {
			return false
		}
		if c := l[len(l)-1]; c < utf8.RuneSelf && asciiSpace(c) || c >= utf8.RuneSelf && endsWithSpace(l) {
			return false
		}
	}
	return true
}

// startsWithSpace reports whether s starts with a white space character.
func startsWithSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// endsWithSpace reports whether s ends with a white space character.
func endsWithSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsSpace(r)
}

// collapseBlankLines trims each line and keeps at most one blank line in a
// row, with none at the start or the end, and ends the text with a newline.
func collapseBlankLines(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 1)
	blank := false // a blank line is due before the next line of text
	for off := 0; off <= len(s); {
		end := lineEnd(s, off)
		l := strings.TrimSpace(s[off:end])
		off = end + 1
		if l == "" {
			blank = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
			if blank {
				b.WriteByte('\n')
			}
		}
		b.WriteString(l)
		blank = false
	}
	b.WriteByte('\n')
	return b.String()
}
