package read

// The tree reading as it was before each element's skip decision was
// cached and the metadata walk judged an element's attributes in one go:
// the reference for the differential tests of readTree.

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readTreeRef: reads the title, date, lead and text of a page's tree; size is
// the page's size in bytes.
func (h *htmlWords) readTreeRef(root *html.Node, size int) htmlDoc {
	m := h.collectMetaRef(root)
	from := h.contentRootRef(root, m)
	d := htmlDoc{
		title: m.pageTitle(),
		date:  m.date,
		lead:  m.leadTextRef(),
		text:  h.renderTextRef(from, size), // the text is shorter than its page
	}
	return d
}

// contentRootRef: returns the element whose text is the page's content: the
// first <main> with text, else the <article> with the most text, else
// <body>; then, inside it, the element marked as the article's body when
// that holds at least half of the text.
func (h *htmlWords) contentRootRef(root *html.Node, m *pageMeta) *html.Node {
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
	regionLen := -1 // region's visible text, once counted
	if region == m.body || region == root {
		best := 0
		for i, n := range m.articles {
			if i == maxCandidates {
				break
			}
			if l := h.visibleTextLenRef(n, -1); l > best {
				region, best, regionLen = n, l, l
			}
		}
	}
	inner := h.articleBodyRef(region)
	if inner == nil || inner == region {
		return region
	}
	if regionLen < 0 {
		regionLen = h.visibleTextLenRef(region, -1)
	}
	// inner holds at least half of the text: counting stops there
	if half := (regionLen + 1) / 2; half == 0 || h.visibleTextLenRef(inner, half) >= half {
		return inner
	}
	return region
}

// articleBodyRef: returns the first element under region (region included)
// marked as an article's body, or nil.
func (h *htmlWords) articleBodyRef(region *html.Node) *html.Node {
	var found *html.Node
	walkHTML(region, func(n *html.Node) bool {
		if found != nil || (n != region && h.skipHTMLNode(n)) {
			return false
		}
		if n.Type == html.ElementNode && h.isArticleBody(n) {
			found = n
			return false
		}
		return true
	}, nil)
	return found
}

// visibleTextLenRef: counts the visible non-space characters under n, skipping
// what renderText leaves out; it stops counting at limit when limit > 0. n
// itself is skipped when it is hidden or a widget.
func (h *htmlWords) visibleTextLenRef(n *html.Node, limit int) int {
	count := 0
	walkHTML(n, func(c *html.Node) bool {
		if limit > 0 && count >= limit {
			return false
		}
		if h.skipHTMLNode(c) {
			return false
		}
		if c.Type == html.TextNode {
			count += nonSpaceCount(c.Data)
		}
		return true
	}, nil)
	return count
}

// collectMetaRef: walks the whole page once and gathers its title candidates,
// site names, description, date and the elements that may hold its content.
func (h *htmlWords) collectMetaRef(root *html.Node) *pageMeta {
	m := &pageMeta{h: h, dateRank: rankNone}
	walkHTML(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode || n.Namespace != "" {
			return n.Type == html.DocumentNode
		}
		if hasAttrToken(n, "itemprop", "datepublished") {
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
		if m.summary == nil && n.DataAtom != atom.Meta && h.isSummary(n) {
			m.summary = n
		}
		return true
	}, nil)
	return m
}

// leadTextRef: returns the page's summary: the visible text of the element
// marked as the entry's summary, else the meta description.
func (m *pageMeta) leadTextRef() string {
	if m.summary != nil {
		if s := singleSpaced(m.h.renderTextRef(m.summary, 0)); s != "" {
			return s
		}
	}
	return m.description
}

// renderTextRef: returns the visible text under n: one paragraph per block
// element, paragraphs separated by a blank line, a newline for each <br>,
// white space collapsed to single spaces and bold labels joined to their
// text. size is the room to make for the text at the start, in bytes: a
// hint, not a limit.
func (h *htmlWords) renderTextRef(n *html.Node, size int) string {
	w := &textWriter{label: -1}
	w.out = make([]byte, 0, size)
	walkHTML(n, func(c *html.Node) bool {
		if c != n && h.skipHTMLNode(c) {
			return false
		}
		w.enter(c)
		return true
	}, w.leave)
	w.endParagraph()
	return collapseBlankLines(string(w.out))
}

// isSummary reports whether n is marked as its entry's summary.
func (h *htmlWords) isSummary(n *html.Node) bool {
	return hasAttrToken(n, "class", "entry-summary") || hasAttrToken(n, "class", "p-summary") ||
		hasAttrToken(n, "itemprop", "description")
}

// textRunByByte is textRun as it was, a byte at a time: the reference for
// the one that takes eight bytes at once.
func textRunByByte(s string, i int) int {
	j := i
	for j < len(s) {
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

// joinLabel is appendJoinedLabel as it was, on strings: it joins a line's leading bold text head to the rest of the line
// so that a label reads "Name: text": no space before the colon, whether it
// is inside the bold text or just after it, and exactly one space after it.
// A colon followed by a character other than a space ("10:30") is left as
// it is, and so is a head that is not followed by a colon.
func joinLabel(head, rest string) string {
	name := strings.TrimRight(head, " ")
	tail := strings.TrimLeft(rest, " ")
	switch {
	case strings.HasSuffix(name, ":"):
		if tail == "" {
			return name
		}
		return name + " " + tail
	case strings.HasPrefix(tail, ":"):
		after := tail[1:]
		if after != "" && after[0] != ' ' {
			return head + rest
		}
		if after = strings.TrimLeft(after, " "); after == "" {
			return name + ":"
		}
		return name + ": " + after
	}
	return head + rest
}

// skipAtoms, the reference for skipAtom, are elements whose content is never page text: code, head
// matter, navigation, forms and widgets, and media with their captions and
// fallback text.
var skipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Nav: true, atom.Header: true, atom.Footer: true,
	atom.Aside: true, atom.Noscript: true, atom.Form: true, atom.Button: true, atom.Svg: true,
	atom.Template: true, atom.Iframe: true, atom.Select: true, atom.Menu: true, atom.Head: true,
	atom.Title: true, atom.Img: true, atom.Picture: true, atom.Video: true, atom.Audio: true,
	atom.Figure: true, atom.Figcaption: true, atom.Object: true, atom.Embed: true,
	atom.Canvas: true, atom.Map: true, atom.Textarea: true, atom.Input: true, atom.Dialog: true,
}

// mediaAtoms, the reference for mediaAtom, are media elements: a block that holds one as a child holds a
// photo or video with its caption.
var mediaAtoms = map[atom.Atom]bool{
	atom.Figure: true, atom.Picture: true, atom.Video: true, atom.Audio: true, atom.Iframe: true,
}

// blockAtoms, the reference for blockAtom, are elements that end a paragraph.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Tr: true,
	atom.Table: true, atom.Blockquote: true, atom.Article: true, atom.Section: true, atom.Main: true,
	atom.Dd: true, atom.Dt: true, atom.Dl: true, atom.Pre: true, atom.Address: true, atom.Center: true, atom.Details: true,
	atom.Summary: true, atom.Fieldset: true, atom.Legend: true, atom.Hr: true, atom.Caption: true,
	atom.Body: true, atom.Html: true, atom.Hgroup: true, atom.Tbody: true, atom.Thead: true,
	atom.Tfoot: true,
}

// chromeClassByFields is chromeClass as it was, splitting the class name
// into a list: the reference for the one that splits it in place.
func (h *htmlWords) chromeClassByFields(c string) bool {
	for _, p := range h.modifierPrefixes {
		if strings.HasPrefix(c, p) {
			return false
		}
	}
	if c == "caption" || strings.HasSuffix(c, "-caption") || strings.HasSuffix(c, "_caption") ||
		strings.HasSuffix(c, "caption-text") {
		return true // a photo's caption ("wp-caption", "slider_caption")
	}
	for _, part := range strings.FieldsFunc(c, func(r rune) bool { return r == '-' || r == '_' }) {
		if h.chromeWords[part] {
			return true
		}
	}
	return false
}
