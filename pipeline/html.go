package pipeline

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlDoc is what a page gives: metadata and its text with paragraphs.
type htmlDoc struct {
	title, date string
	text        string
}

// skipped elements hold no transcript text.
var skipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Nav: true, atom.Header: true, atom.Footer: true,
	atom.Aside: true, atom.Noscript: true, atom.Form: true, atom.Button: true, atom.Svg: true,
	atom.Template: true, atom.Iframe: true, atom.Select: true, atom.Menu: true, atom.Head: true,
}

// block elements end a paragraph.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Tr: true,
	atom.Table: true, atom.Blockquote: true, atom.Article: true, atom.Section: true, atom.Main: true,
	atom.Dd: true, atom.Dt: true, atom.Pre: true, atom.Figure: true, atom.Figcaption: true,
}

// readHTML extracts the title, a date and the text of a page's body:
// <article> or <main> when there is one, else <body>; scripts, navigation,
// headers and footers are dropped; each block element is a paragraph.
func readHTML(src string) (htmlDoc, error) {
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return htmlDoc{}, err
	}
	var d htmlDoc
	var body, main *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if d.title == "" {
					d.title = strings.Join(strings.Fields(textOf(n)), " ")
				}
			case atom.Meta:
				name := strings.ToLower(attr(n, "name") + attr(n, "property") + attr(n, "itemprop"))
				if d.date == "" && (strings.Contains(name, "date") || strings.Contains(name, "published_time")) {
					d.date = normalizeDate(attr(n, "content"))
				}
			case atom.Time:
				if d.date == "" {
					d.date = normalizeDate(attr(n, "datetime"))
				}
			case atom.Body:
				body = n
			case atom.Article, atom.Main:
				if main == nil {
					main = n
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	from := main
	if from == nil {
		from = body
	}
	if from == nil {
		from = root
	}
	var b bytes.Buffer
	writeText(&b, from)
	d.text = collapseBlankLines(b.String())
	return d, nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b bytes.Buffer
	var f func(*html.Node)
	f = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			f(c)
		}
	}
	f(n)
	return b.String()
}

// writeText writes the visible text under n, a blank line around each block.
func writeText(b *bytes.Buffer, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(strings.Join(strings.Fields(n.Data), " "))
		if strings.HasSuffix(n.Data, " ") || strings.HasSuffix(n.Data, "\n") {
			b.WriteString(" ")
		}
		if len(n.Data) > 0 && (n.Data[0] == ' ' || n.Data[0] == '\n') && b.Len() > 0 {
			// keep a space before text that started with one
			s := b.Bytes()
			if len(s) > 0 && s[len(s)-1] != ' ' && s[len(s)-1] != '\n' {
				txt := strings.Join(strings.Fields(n.Data), " ")
				b.Truncate(b.Len() - len(txt))
				b.WriteString(" " + txt)
			}
		}
		return
	case html.ElementNode:
		if skipAtoms[n.DataAtom] {
			return
		}
		if n.DataAtom == atom.Br {
			b.WriteString("\n")
			return
		}
	}
	block := n.Type == html.ElementNode && blockAtoms[n.DataAtom]
	if block {
		b.WriteString("\n\n")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		writeText(b, c)
	}
	if block {
		b.WriteString("\n\n")
	}
}

// collapseBlankLines trims each line and keeps at most one blank line in a
// row.
func collapseBlankLines(s string) string {
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
