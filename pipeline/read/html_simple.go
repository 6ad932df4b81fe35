package read

import (
	"strings"
	"sync"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parseSimple builds the tree html.Parse builds for src, for pages whose
// markup it can vouch for, and reports whether it could. It tokenizes src
// itself, with html's tokenizer rules, and builds the tree with the rules
// of the HTML5 insertion modes that keep elements in source order: end
// tags that close the current element or implied elements (a <p> closed
// by a block, an <li> by the next <li>, an unclosed <span> by its <div>),
// the implied html, head and body elements, and the text a page puts
// around them. It gives up, returning false, on anything that makes the
// tree builder move or reorder nodes or read tokens another way: tables,
// forms inside forms, <template>, <select>, ruby, SVG and MathML, a
// formatting element (<b>, <a>, …) closed or left open out of order, a
// second <html> or <body>, bogus comments, a tag cut off by the end of the
// page, NUL bytes, and pages nested deeper than html.Parse allows. A page
// it gives up on is read by html.Parse.
//
// Its tree differs from html.Parse's in what no reader of the page looks
// at: the doctype has no node, a comment's node has no text, and an
// element keeps only the attributes readAttr names. For every element and
// every attribute the reader reads, the tree is html.Parse's.
func parseSimple(src string) (*html.Node, bool) {
	return new(simpleParser).parse(src)
}

// parse is parseSimple with p's memory: p is made ready for the page
// first, and its nodes and attributes are those of its last page, written
// over. The tree it returns is in p's memory until p.release.
func (p *simpleParser) parse(src string) (*html.Node, bool) {
	if strings.IndexByte(src, 0) >= 0 {
		return nil, false
	}
	if strings.IndexByte(src, '\r') >= 0 {
		// the tokenizer reads "\r\n" and a lone "\r" as "\n" in text,
		// attribute values and comments, and as white space in tags
		src = strings.ReplaceAll(src, "\r\n", "\n")
		src = strings.ReplaceAll(src, "\r", "\n")
	}
	p.src = src
	p.doc = p.node(html.DocumentNode)
	if p.stack == nil {
		p.stack = make([]*html.Node, 0, 32)
	}
	for {
		t, ok := p.next()
		if !ok {
			return nil, false
		}
		if t.kind == tokEOF {
			break
		}
		if !p.process(&t) {
			return nil, false
		}
		if len(p.stack) > maxSimpleDepth {
			return nil, false
		}
	}
	p.finish()
	p.flushText()
	return p.doc, true
}

// simpleParsers keeps parsers with the memory of their last page's tree,
// for the next page to build its tree in without allocating it anew.
var simpleParsers = sync.Pool{New: func() any { return new(simpleParser) }}

// maxPooledNodes is the most nodes a parser in simpleParsers keeps room
// for: the memory of a huge page's tree is left to the collector.
const maxPooledNodes = 1 << 15

// release forgets the page p read, whose tree must no longer be used,
// and returns p to simpleParsers. The nodes and attributes it wrote are
// cleared, ready for the next page and holding no pointer into this one.
func (p *simpleParser) release() {
	for _, b := range p.nodeBlocks[:p.nodeUsed] {
		clear(b)
	}
	for _, b := range p.attrBlocks[:p.attrUsed] {
		clear(b)
	}
	clear(p.stack)
	clear(p.scratch)
	*p = simpleParser{
		nodeBlocks: p.nodeBlocks, attrBlocks: p.attrBlocks,
		stack: p.stack[:0], scratch: p.scratch[:0], joined: p.joined[:0],
	}
	if len(p.nodeBlocks)*nodeBlock <= maxPooledNodes && len(p.attrBlocks)*attrBlock <= maxPooledNodes && cap(p.joined) <= maxPooledText {
		simpleParsers.Put(p)
	}
}

// maxSimpleDepth bounds the stack of open elements: html.Parse refuses a
// page nested deeper than 512 elements, and such a page is read flat.
const maxSimpleDepth = 500

// Insertion modes of the HTML5 tree builder that parseSimple follows.
const (
	modeInitial = iota
	modeBeforeHTML
	modeBeforeHead
	modeInHead
	modeAfterHead
	modeInBody
	modeAfterBody
	modeAfterAfterBody
)

// Kinds of token.
const (
	tokEOF = iota
	tokText
	tokStart
	tokEnd
	tokComment
	tokDoctype
)

// simpleToken is a token of the page: text (decoded), a start tag with
// its attributes, an end tag, a comment or a doctype.
type simpleToken struct {
	kind int
	data string // the text, or the tag's lower-case name
	atom atom.Atom
	attr []html.Attribute
}

// simpleParser is parseSimple's state: the page, where the tokenizer is,
// the tree and the stack of open elements.
type simpleParser struct {
	src              string
	pos              int
	mode             int
	doc              *html.Node
	root, head, body *html.Node // the html, head and body elements
	form             *html.Node // the form element pointer
	stack            []*html.Node
	nodes            []html.Node      // nodes are taken from here, a block at a time
	attrs            []html.Attribute // and attributes
	nodeBlocks       [][]html.Node    // the blocks of nodes, kept for the next page
	attrBlocks       [][]html.Attribute
	nodeUsed         int // how many of nodeBlocks this page has taken
	attrUsed         int
	scratch          []html.Attribute // the attributes of the tag being read
	joining          *html.Node       // the text node whose pieces are in joined
	joined           []byte
}

// Sizes of the blocks nodes and attributes are taken from.
const (
	nodeBlock = 256
	attrBlock = 256
)

// node returns a new node of type typ.
func (p *simpleParser) node(typ html.NodeType) *html.Node {
	if len(p.nodes) == cap(p.nodes) {
		if p.nodeUsed == len(p.nodeBlocks) {
			p.nodeBlocks = append(p.nodeBlocks, make([]html.Node, nodeBlock))
		}
		p.nodes = p.nodeBlocks[p.nodeUsed][:0]
		p.nodeUsed++
	}
	p.nodes = p.nodes[:len(p.nodes)+1]
	n := &p.nodes[len(p.nodes)-1]
	n.Type = typ
	return n
}

// appendChild adds c as the last child of n.
func appendChild(n, c *html.Node) {
	c.Parent = n
	if last := n.LastChild; last != nil {
		last.NextSibling = c
		c.PrevSibling = last
	} else {
		n.FirstChild = c
	}
	n.LastChild = c
}

// top returns the current node, the innermost open element.
func (p *simpleParser) top() *html.Node {
	if len(p.stack) == 0 {
		return p.doc
	}
	return p.stack[len(p.stack)-1]
}

// addText adds text to n, to its last child when that is text.
func (p *simpleParser) addText(n *html.Node, text string) {
	if text == "" {
		return
	}
	if last := n.LastChild; last != nil && last.Type == html.TextNode {
		// text that ignored tags split is joined in a buffer, so that a
		// page of many such pieces is not copied again for each
		if last != p.joining {
			p.flushText()
			p.joined = append(p.joined[:0], last.Data...)
			p.joining = last
		}
		p.joined = append(p.joined, text...)
		return
	}
	t := p.node(html.TextNode)
	t.Data = text
	appendChild(n, t)
}

// flushText sets the text of the node whose pieces are being joined.
func (p *simpleParser) flushText() {
	if p.joining != nil {
		p.joining.Data = string(p.joined)
		p.joining = nil
	}
}

// comment adds a comment node to n.
func (p *simpleParser) comment(n *html.Node) {
	appendChild(n, p.node(html.CommentNode))
}

// element adds the element of the start tag t to parent. An element that
// has no end tag is left closed; one whose content is raw text gets that
// text and is closed at its end tag; any other is pushed on the stack.
func (p *simpleParser) element(parent *html.Node, t *simpleToken) (*html.Node, bool) {
	n := p.node(html.ElementNode)
	n.DataAtom, n.Data, n.Attr = t.atom, t.data, t.attr
	appendChild(parent, n)
	switch {
	case voidAtoms[t.atom] || t.atom == atom.Basefont || t.atom == atom.Bgsound || t.atom == atom.Keygen:
		return n, true
	case rawTextTag(t.data):
		return n, p.rawText(n)
	}
	p.stack = append(p.stack, n)
	return n, true
}

// implied adds an element that no tag opened, and pushes it.
func (p *simpleParser) implied(parent *html.Node, a atom.Atom) *html.Node {
	n, _ := p.element(parent, &simpleToken{kind: tokStart, data: a.String(), atom: a})
	return n
}

// whitespace is what the tree builder counts as white space between
// elements.
const whitespace = " \t\r\n\f"

// process adds the token t to the tree, in the current insertion mode,
// and reports false when the page needs html.Parse.
func (p *simpleParser) process(t *simpleToken) bool {
	for {
		switch p.mode {
		case modeInitial:
			switch t.kind {
			case tokText:
				if t.data = strings.TrimLeft(t.data, whitespace); t.data == "" {
					return true
				}
			case tokComment:
				p.comment(p.doc)
				return true
			case tokDoctype:
				p.mode = modeBeforeHTML
				return true
			}
			p.mode = modeBeforeHTML
		case modeBeforeHTML:
			switch t.kind {
			case tokText:
				if t.data = strings.TrimLeft(t.data, whitespace); t.data == "" {
					return true
				}
			case tokComment:
				p.comment(p.doc)
				return true
			case tokDoctype:
				return true
			case tokStart:
				if t.atom == atom.Html {
					p.root, _ = p.element(p.doc, t)
					p.mode = modeBeforeHead
					return true
				}
			case tokEnd:
				switch t.atom {
				case atom.Head, atom.Body, atom.Html:
				case atom.Br:
					return false
				default:
					return true
				}
			}
			p.root = p.implied(p.doc, atom.Html)
			p.mode = modeBeforeHead
		case modeBeforeHead:
			switch t.kind {
			case tokText:
				if t.data = strings.TrimLeft(t.data, whitespace); t.data == "" {
					return true
				}
			case tokComment:
				p.comment(p.top())
				return true
			case tokDoctype:
				return true
			case tokStart:
				switch t.atom {
				case atom.Head:
					p.head, _ = p.element(p.top(), t)
					p.mode = modeInHead
					return true
				case atom.Html:
					return false
				}
			case tokEnd:
				switch t.atom {
				case atom.Head, atom.Body, atom.Html:
				case atom.Br:
					return false
				default:
					return true
				}
			}
			p.head = p.implied(p.top(), atom.Head)
			p.mode = modeInHead
		case modeInHead, modeAfterHead:
			if done, ok := p.inHead(t); done {
				return ok
			}
		case modeInBody:
			return p.inBody(t)
		case modeAfterBody, modeAfterAfterBody:
			switch t.kind {
			case tokText:
				if strings.TrimLeft(t.data, whitespace) == "" {
					return p.inBody(t)
				}
			case tokStart:
				if t.atom == atom.Html {
					return false
				}
			case tokEnd:
				if t.atom == atom.Html && p.mode == modeAfterBody {
					p.mode = modeAfterAfterBody
					return true
				}
			case tokComment:
				if p.mode == modeAfterBody {
					p.comment(p.root)
				} else {
					p.comment(p.doc)
				}
				return true
			case tokDoctype:
				if p.mode == modeAfterAfterBody {
					return true
				}
			}
			p.mode = modeInBody
		}
	}
}

// headElement reports whether a is an element that belongs in the head.
func headElement(a atom.Atom) bool {
	switch a {
	case atom.Base, atom.Basefont, atom.Bgsound, atom.Link, atom.Meta, atom.Noframes,
		atom.Script, atom.Style, atom.Title, atom.Noscript:
		return true
	}
	return false
}

// inHead handles t in the modes "in head" and "after head". It reports
// whether t is done with, and if so whether the page can still be read.
func (p *simpleParser) inHead(t *simpleToken) (done, ok bool) {
	after := p.mode == modeAfterHead
	switch t.kind {
	case tokText:
		s := strings.TrimLeft(t.data, whitespace)
		p.addText(p.top(), t.data[:len(t.data)-len(s)])
		if t.data = s; s == "" {
			return true, true
		}
	case tokComment:
		p.comment(p.top())
		return true, true
	case tokDoctype:
		return true, true
	case tokStart:
		switch {
		case t.atom == atom.Html || t.atom == atom.Template || t.atom == atom.Frameset:
			return true, false
		case t.atom == atom.Head:
			return true, true
		case t.atom == atom.Body && after:
			p.body, _ = p.element(p.top(), t)
			p.mode = modeInBody
			return true, true
		case headElement(t.atom) && (t.atom != atom.Noscript || !after):
			// after the head, head elements still go into it
			_, ok := p.element(p.head, t)
			return true, ok
		}
	case tokEnd:
		switch t.atom {
		case atom.Head:
			if !after {
				p.stack = p.stack[:len(p.stack)-1]
				p.mode = modeAfterHead
				return true, true
			}
			return true, true
		case atom.Body, atom.Html:
		case atom.Br, atom.Template:
			return true, false
		default:
			return true, true
		}
	}
	if !after {
		p.stack = p.stack[:len(p.stack)-1] // the head
		p.mode = modeAfterHead
		return false, true
	}
	p.body = p.implied(p.top(), atom.Body)
	p.mode = modeInBody
	return false, true
}

// finish completes the tree at the end of the page as html.Parse does:
// a page always has html, head and body elements.
func (p *simpleParser) finish() {
	if p.root == nil {
		p.root = p.implied(p.doc, atom.Html)
	}
	if p.head == nil {
		p.head = p.implied(p.root, atom.Head)
		p.mode = modeInHead
	}
	if p.mode == modeInHead {
		p.stack = p.stack[:len(p.stack)-1]
	}
	if p.body == nil {
		p.body = p.implied(p.root, atom.Body)
	}
}

// formatting reports whether a is a formatting element, which the tree
// builder reopens when it is closed out of order.
func formatting(a atom.Atom) bool {
	switch a {
	case atom.A, atom.B, atom.Big, atom.Code, atom.Em, atom.Font, atom.I, atom.Nobr,
		atom.S, atom.Small, atom.Strike, atom.Strong, atom.Tt, atom.U:
		return true
	}
	return false
}

// special reports whether n is one of the elements html's tree builder
// calls special, which stop the search for an element to close.
func special(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Address, atom.Applet, atom.Area, atom.Article, atom.Aside, atom.Base,
		atom.Basefont, atom.Bgsound, atom.Blockquote, atom.Body, atom.Br, atom.Button,
		atom.Caption, atom.Center, atom.Col, atom.Colgroup, atom.Dd, atom.Details, atom.Dir,
		atom.Div, atom.Dl, atom.Dt, atom.Embed, atom.Fieldset, atom.Figcaption, atom.Figure,
		atom.Footer, atom.Form, atom.Frame, atom.Frameset, atom.H1, atom.H2, atom.H3, atom.H4,
		atom.H5, atom.H6, atom.Head, atom.Header, atom.Hgroup, atom.Hr, atom.Html, atom.Iframe,
		atom.Img, atom.Input, atom.Keygen, atom.Li, atom.Link, atom.Listing, atom.Main,
		atom.Marquee, atom.Menu, atom.Meta, atom.Nav, atom.Noembed, atom.Noframes,
		atom.Noscript, atom.Object, atom.Ol, atom.P, atom.Param, atom.Plaintext, atom.Pre,
		atom.Script, atom.Section, atom.Select, atom.Source, atom.Style, atom.Summary,
		atom.Table, atom.Tbody, atom.Td, atom.Template, atom.Textarea, atom.Tfoot, atom.Th,
		atom.Thead, atom.Title, atom.Tr, atom.Track, atom.Ul, atom.Wbr, atom.Xmp:
		return true
	}
	return false
}

// Scopes of the tree builder's "has an element in scope" tests.
const (
	scopeDefault = iota
	scopeButton
	scopeListItem
)

// inScope returns the index on the stack of the innermost open element
// that is one of as and is in scope, or -1.
func (p *simpleParser) inScope(scope int, as ...atom.Atom) int {
	for i := len(p.stack) - 1; i >= 0; i-- {
		a := p.stack[i].DataAtom
		for _, t := range as {
			if a == t {
				return i
			}
		}
		switch a {
		case atom.Html, atom.Applet, atom.Caption, atom.Table, atom.Td, atom.Th,
			atom.Marquee, atom.Object, atom.Template:
			return -1
		case atom.Button:
			if scope == scopeButton {
				return -1
			}
		case atom.Ol, atom.Ul:
			if scope == scopeListItem {
				return -1
			}
		}
	}
	return -1
}

// popTo closes the elements from the current node down to stack[i],
// included. It reports false when one of them is a formatting element:
// the tree builder would open it again.
func (p *simpleParser) popTo(i int) bool {
	for _, n := range p.stack[i:] {
		if formatting(n.DataAtom) {
			return false
		}
	}
	p.stack = p.stack[:i]
	return true
}

// closeP closes a <p> in button scope, as a block's start tag does.
func (p *simpleParser) closeP() bool {
	if i := p.inScope(scopeButton, atom.P); i >= 0 {
		return p.popTo(i)
	}
	return true
}

// inBody handles t in the mode "in body".
func (p *simpleParser) inBody(t *simpleToken) bool {
	switch t.kind {
	case tokText:
		d := t.data
		if n := p.top(); (n.DataAtom == atom.Pre || n.DataAtom == atom.Listing) && n.FirstChild == nil {
			d = strings.TrimPrefix(d, "\r")
			d = strings.TrimPrefix(d, "\n")
		}
		p.addText(p.top(), d)
		return true
	case tokComment:
		p.comment(p.top())
		return true
	case tokDoctype:
		return true
	case tokStart:
		return p.startTag(t)
	case tokEnd:
		return p.endTag(t)
	}
	return false
}

// startTag handles a start tag in the mode "in body".
func (p *simpleParser) startTag(t *simpleToken) bool {
	switch t.atom {
	case atom.Html, atom.Body, atom.Frameset, atom.Template, atom.Plaintext, atom.Image,
		atom.Select, atom.Option, atom.Optgroup, atom.Rb, atom.Rtc, atom.Rp, atom.Rt,
		atom.Math, atom.Svg, atom.Applet, atom.Marquee, atom.Object, atom.Table,
		atom.Caption, atom.Col, atom.Colgroup, atom.Frame, atom.Head, atom.Tbody, atom.Td,
		atom.Tfoot, atom.Th, atom.Thead, atom.Tr:
		return false
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Center, atom.Details,
		atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Fieldset, atom.Figcaption, atom.Figure,
		atom.Footer, atom.Header, atom.Hgroup, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P,
		atom.Search, atom.Section, atom.Summary, atom.Ul, atom.Pre, atom.Listing, atom.Xmp:
		if !p.closeP() {
			return false
		}
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		if !p.closeP() {
			return false
		}
		switch p.top().DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			p.stack = p.stack[:len(p.stack)-1]
		}
	case atom.Form:
		if p.form != nil || !p.closeP() {
			return false
		}
		n, ok := p.element(p.top(), t)
		p.form = n
		return ok
	case atom.Li, atom.Dd, atom.Dt:
		for i := len(p.stack) - 1; i >= 0; i-- {
			n := p.stack[i]
			if n.DataAtom == t.atom || t.atom != atom.Li && (n.DataAtom == atom.Dd || n.DataAtom == atom.Dt) {
				if !p.popTo(i) {
					return false
				}
				break
			}
			if n.DataAtom != atom.Address && n.DataAtom != atom.Div && n.DataAtom != atom.P && special(n) {
				break
			}
		}
		if !p.closeP() {
			return false
		}
	case atom.Button:
		if i := p.inScope(scopeDefault, atom.Button); i >= 0 && !p.popTo(i) {
			return false
		}
	case atom.A:
		for _, n := range p.stack {
			if n.DataAtom == atom.A {
				return false
			}
		}
	case atom.Nobr:
		if p.inScope(scopeDefault, atom.Nobr) >= 0 {
			return false
		}
	case atom.Hr:
		if !p.closeP() {
			return false
		}
	}
	_, ok := p.element(p.top(), t)
	return ok
}

// endTag handles an end tag in the mode "in body".
func (p *simpleParser) endTag(t *simpleToken) bool {
	switch t.atom {
	case atom.Body, atom.Html:
		if p.inScope(scopeDefault, atom.Body) >= 0 {
			p.mode = modeAfterBody
			if t.atom == atom.Html {
				p.mode = modeAfterAfterBody
			}
		}
		return true
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Button, atom.Center,
		atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Fieldset, atom.Figcaption,
		atom.Figure, atom.Footer, atom.Header, atom.Hgroup, atom.Listing, atom.Main, atom.Menu,
		atom.Nav, atom.Ol, atom.Pre, atom.Search, atom.Section, atom.Summary, atom.Ul, atom.Dd, atom.Dt:
		if i := p.inScope(scopeDefault, t.atom); i >= 0 {
			return p.popTo(i)
		}
		return true
	case atom.Form:
		n := p.form
		p.form = nil
		i := p.inScope(scopeDefault, atom.Form)
		if n == nil || i < 0 || p.stack[i] != n {
			return true
		}
		for top := len(p.stack) - 1; top > i; top-- {
			switch p.stack[top].DataAtom {
			case atom.Dd, atom.Dt, atom.Li, atom.P:
			default:
				return false // the form would be taken out from under open elements
			}
		}
		p.stack = p.stack[:i]
		return true
	case atom.P:
		i := p.inScope(scopeButton, atom.P)
		if i < 0 {
			p.implied(p.top(), atom.P) // an empty paragraph
			p.stack = p.stack[:len(p.stack)-1]
			return true
		}
		return p.popTo(i)
	case atom.Li:
		if i := p.inScope(scopeListItem, atom.Li); i >= 0 {
			return p.popTo(i)
		}
		return true
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		if i := p.inScope(scopeDefault, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6); i >= 0 {
			return p.popTo(i)
		}
		return true
	case atom.Applet, atom.Marquee, atom.Object, atom.Br, atom.Template, atom.Select:
		return false
	}
	if formatting(t.atom) {
		for i := len(p.stack) - 1; i >= 0; i-- {
			if p.stack[i].DataAtom == t.atom {
				if i != len(p.stack)-1 {
					return false // the adoption agency would move nodes
				}
				p.stack = p.stack[:i]
				return true
			}
		}
	}
	for i := len(p.stack) - 1; i >= 0; i-- {
		n := p.stack[i]
		if n.DataAtom == t.atom && (t.atom != 0 || n.Data == t.data) {
			return p.popTo(i)
		}
		if special(n) {
			return true
		}
	}
	return true
}
