package lexicon

import (
	"fmt"

	"github.com/goccy/go-yaml/ast"
)

// maxExpanded caps the number of nodes a file may have once its aliases
// are expanded, so that a few nested aliases cannot make a small file decode
// into billions of values.
const maxExpanded = 1 << 20

// plainTree prepares a parsed file for the strict per-node decoders. It
// returns the tree with every YAML anchor (&name) replaced by the node it
// marks and every alias (*name) by the node of its anchor: the decoders
// decode one node at a time and so never see the anchors of the rest of
// the file. An aliased node keeps the line of its anchor. An alias whose
// anchor is not defined before it, or that sits inside its own anchor, and
// an empty list item ("-" alone, null, ~: no lexicon list holds one) and
// a YAML tag (!!str, !x) are *Errors with their line.
func plainTree(n ast.Node) (ast.Node, error) {
	r := &aliasResolver{anchors: map[string]ast.Node{}, sizes: map[ast.Node]int{}}
	out, size, err := r.resolve(n)
	if err != nil {
		return nil, err
	}
	if size > maxExpanded {
		return nil, &Error{Line: line(n), Err: fmt.Errorf("%w: aliases expand to more than %d values", ErrInvalid, maxExpanded)}
	}
	return out, nil
}

type aliasResolver struct {
	anchors map[string]ast.Node // name -> resolved node
	sizes   map[ast.Node]int    // resolved anchor node -> expanded size
}

// resolve resolves n in place where it can and returns the node to use in
// its stead with its size once expanded.
func (r *aliasResolver) resolve(n ast.Node) (ast.Node, int, error) {
	if n == nil {
		return nil, 0, nil
	}
	switch x := n.(type) {
	case *ast.AnchorNode:
		v, size, err := r.resolve(x.Value)
		if err != nil {
			return nil, 0, err
		}
		if v == nil { // "&a" with no value: a null
			v = ast.Null(x.GetToken())
		}
		r.anchors[x.Name.GetToken().Value] = v
		r.sizes[v] = size
		return v, size, nil
	case *ast.AliasNode:
		name := x.Value.GetToken().Value
		v, ok := r.anchors[name]
		if !ok {
			return nil, 0, &Error{Line: line(x), Err: fmt.Errorf("%w: alias *%s has no anchor &%s before it (or sits inside it); named contexts (contexts: and \"@id\" in near lists) share phrase lists without anchors", ErrInvalid, name, name)}
		}
		return v, r.sizes[v], nil
	case *ast.DocumentNode:
		v, size, err := r.resolve(x.Body)
		x.Body = v
		return x, size, err
	case *ast.TagNode:
		// The decoder has nothing to do with them, and trips on some.
		tag := ""
		if tk := x.GetToken(); tk != nil {
			tag = tk.Value
		}
		return nil, 0, &Error{Line: line(x), Err: fmt.Errorf("%w: YAML tags (%s) have no use in a lexicon file; quote a value to keep it a string", ErrInvalid, tag)}
	case *ast.MappingNode:
		total := 1
		for _, mv := range x.Values {
			_, size, err := r.resolve(mv)
			if err != nil {
				return nil, 0, err
			}
			if total += size; total > maxExpanded {
				return x, total, nil
			}
		}
		return x, total, nil
	case *ast.MappingValueNode:
		k, ks, err := r.resolve(x.Key)
		if err != nil {
			return nil, 0, err
		}
		if key, ok := k.(ast.MapKeyNode); ok {
			x.Key = key
		} else {
			return nil, 0, &Error{Line: line(x), Err: fmt.Errorf("%w: a mapping key cannot be an alias of a %s", ErrInvalid, k.Type())}
		}
		v, vs, err := r.resolve(x.Value)
		if err != nil {
			return nil, 0, err
		}
		if v == nil {
			v = ast.Null(x.Start)
		}
		x.Value = v
		return x, ks + vs + 1, nil
	case *ast.MappingKeyNode:
		v, size, err := r.resolve(x.Value)
		x.Value = v
		return x, size + 1, err
	case *ast.SequenceNode:
		total := 1
		for i, e := range x.Values {
			v, size, err := r.resolve(e)
			if err != nil {
				return nil, 0, err
			}
			if _, ok := v.(*ast.NullNode); ok || v == nil {
				return nil, 0, &Error{Line: itemLine(x, i), Err: fmt.Errorf("%w: empty list item (quote it, \"null\", to mean the word)", ErrInvalid)}
			}
			x.Values[i] = v
			if i < len(x.Entries) && x.Entries[i] != nil {
				x.Entries[i].Value = v
			}
			if total += size; total > maxExpanded {
				return x, total, nil
			}
		}
		return x, total, nil
	}
	return n, 1, nil
}

// itemLine is the line of item i of a sequence: its "-" when it has one.
func itemLine(seq *ast.SequenceNode, i int) int {
	if i < len(seq.Entries) && seq.Entries[i] != nil && seq.Entries[i].Start != nil && seq.Entries[i].Start.Position != nil {
		return seq.Entries[i].Start.Position.Line
	}
	if l := line(seq.Values[i]); l > 0 {
		return l
	}
	return line(seq)
}

// line is the 1-based line of a node's first token, or 0.
func line(n ast.Node) int {
	if n == nil {
		return 0
	}
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		return tk.Position.Line
	}
	return 0
}
