package dictionary

import (
	"errors"
	"fmt"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/turntag/turntag/lexicon"
)

// lexiconSections are the top-level keys of a turntag lexicon file, told
// apart from a dictionary's categories by their lists of mappings.
var lexiconSections = map[string]bool{
	"countries": true, "organisations": true, "people": true, "topics": true, "contexts": true,
}

// parseQuanteda reads a quanteda YAML dictionary:
//
//	economy:
//	  - inflation
//	  - interest rate*
//	health:
//	  care:
//	    - hospital*
//	  insurance: [medicaid, medicare]
//
// The top level is a mapping of category names. A category's value is a
// list of entries, a mapping of subcategories, or one entry; a list may
// also hold one-key mappings, which are subcategories beside the entries
// (as quanteda writes a key with both). Numbers and booleans are entries
// as written. Anchors, aliases and tags are reported: a dictionary has no
// use for them.
func parseQuanteda(b *builder, src []byte) []*Category {
	tree, err := parser.ParseBytes(src, 0)
	if err != nil {
		b.probs = append(b.probs, yamlError(b.file, err))
		return nil
	}
	var body ast.Node
	for _, doc := range tree.Docs {
		if doc == nil || doc.Body == nil {
			continue
		}
		if body != nil {
			b.errorf(lineOf(doc.Body), ErrInvalid, "a dictionary file holds one YAML document")
			return nil
		}
		body = doc.Body
	}
	pairs, ok := mapping(body)
	if !ok {
		b.errorf(lineOf(body), ErrInvalid, "a quanteda dictionary is a mapping of category names to lists of words (economy: [inflation, tax*])")
		return nil
	}
	for _, mv := range pairs {
		if lexiconSections[mv.Key.GetToken().Value] && isLexiconList(mv.Value) {
			b.errorf(lineOf(mv.Key), ErrFormat, "this is a turntag lexicon file, not a dictionary: give it with --lexicon")
			return nil
		}
	}
	var roots []*Category
	q := quanteda{b: b, roots: &roots}
	q.categories(pairs, nil)
	return roots
}

type quanteda struct {
	b     *builder
	roots *[]*Category
}

// categories adds a category for each key of a mapping, under parent.
func (q quanteda) categories(pairs []*ast.MappingValueNode, parent *Category) {
	seen := map[string]int{}
	for _, mv := range pairs {
		name, ok := scalar(mv.Key)
		if !ok || name == "" {
			q.b.errorf(lineOf(mv.Key), ErrInvalid, "a category name is a plain string")
			continue
		}
		if old, ok := seen[name]; ok {
			q.b.errorf(lineOf(mv.Key), ErrInvalid, "category %q is already a key of this mapping (line %d)", name, old)
			continue
		}
		seen[name] = lineOf(mv.Key)
		q.value(mv.Value, q.b.category(q.roots, parent, name, lineOf(mv.Key)))
	}
}

// value reads what a category key holds into the category.
func (q quanteda) value(n ast.Node, c *Category) {
	if s, ok := scalar(n); ok {
		q.b.entry(c, s, 1, lineOf(n))
		return
	}
	if pairs, ok := mapping(n); ok {
		q.categories(pairs, c)
		return
	}
	switch x := n.(type) {
	case nil, *ast.NullNode:
		// no words: finish reports it
	case *ast.SequenceNode:
		for _, item := range x.Values {
			if s, ok := scalar(item); ok {
				q.b.entry(c, s, 1, lineOf(item))
				continue
			}
			if pairs, ok := mapping(item); ok {
				q.categories(pairs, c)
				continue
			}
			q.b.try(c)
			q.unexpected(item, "a list item is a word, a phrase or a one-key mapping of a subcategory")
		}
	default:
		q.b.try(c)
		q.unexpected(n, "a category holds a list of words or a mapping of subcategories")
	}
}

func (q quanteda) unexpected(n ast.Node, want string) {
	switch n.(type) {
	case *ast.AnchorNode, *ast.AliasNode:
		q.b.errorf(lineOf(n), ErrInvalid, "YAML anchors and aliases are not read in dictionaries: write the words out")
	case *ast.TagNode:
		q.b.errorf(lineOf(n), ErrInvalid, "YAML tags (!!str, !x) are not read in dictionaries")
	case nil, *ast.NullNode:
		q.b.errorf(lineOf(n), ErrInvalid, "empty list item")
	default:
		q.b.errorf(lineOf(n), ErrInvalid, "%s", want)
	}
}

// mapping returns the key-value pairs of a mapping node.
func mapping(n ast.Node) ([]*ast.MappingValueNode, bool) {
	switch m := n.(type) {
	case *ast.MappingNode:
		return m.Values, true
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{m}, true
	}
	return nil, false
}

// scalar returns the text of a string, number or boolean node as written.
func scalar(n ast.Node) (string, bool) {
	switch x := n.(type) {
	case *ast.StringNode:
		return x.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return x.GetToken().Value, true
	}
	return "", false
}

// isLexiconList reports whether n is a list of mappings with an id, as the
// sections of a turntag lexicon file are.
func isLexiconList(n ast.Node) bool {
	seq, ok := n.(*ast.SequenceNode)
	if !ok || len(seq.Values) == 0 {
		return false
	}
	pairs, ok := mapping(seq.Values[0])
	if !ok {
		return false
	}
	for _, mv := range pairs {
		if mv.Key.GetToken().Value == "id" {
			return true
		}
	}
	return false
}

// lineOf is the 1-based line of a node's first token, or 0.
func lineOf(n ast.Node) int {
	if n == nil {
		return 0
	}
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		return tk.Position.Line
	}
	return 0
}

// yamlError turns a go-yaml syntax error into a *lexicon.Error with the
// line its token carries.
func yamlError(name string, err error) *lexicon.Error {
	var ye yaml.Error
	if errors.As(err, &ye) {
		line := 0
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			line = tk.Position.Line
		}
		return &lexicon.Error{File: name, Line: line, Err: fmt.Errorf("%w: %s", ErrInvalid, ye.GetMessage())}
	}
	return &lexicon.Error{File: name, Err: fmt.Errorf("%w: %v", ErrInvalid, err)}
}
