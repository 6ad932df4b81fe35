package limited

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// ErrYAMLExpansion marks YAML whose aliases would expand it past a bound:
// a few hundred bytes of nested anchors and aliases ("billion laughs")
// decode to gigabytes.
var ErrYAMLExpansion = errors.New("YAML aliases expand too far")

// YAMLExpansion checks that src, once every alias is replaced by what its
// anchor names, holds at most max nodes (scalars, mappings, sequences and
// their entries). It parses src without expanding anything; YAML that does
// not parse passes, for the decoder to report with its line. The error
// wraps ErrYAMLExpansion.
func YAMLExpansion(src []byte, max int64) error {
	if bytes.IndexByte(src, '&') < 0 {
		return nil // no anchor, so no alias can expand
	}
	f, err := parser.ParseBytes(src, 0)
	if err != nil {
		return nil
	}
	c := expansion{anchors: map[string]int64{}, max: max}
	var total int64
	for _, doc := range f.Docs {
		total += c.size(doc)
		if total > max {
			return fmt.Errorf("%w: over %d nodes once its aliases are expanded", ErrYAMLExpansion, max)
		}
	}
	return nil
}

// expansion counts nodes with aliases expanded, remembering the size of
// each anchor in document order as the decoder does.
type expansion struct {
	anchors map[string]int64
	max     int64
}

// size is n's node count with aliases expanded, saturated just past max.
func (c *expansion) size(n ast.Node) int64 {
	if n == nil {
		return 0
	}
	sum := func(s, add int64) int64 { return min(s+add, c.max+1) }
	switch n := n.(type) {
	case *ast.DocumentNode:
		return c.size(n.Body)
	case *ast.AnchorNode:
		s := c.size(n.Value)
		if n.Name != nil {
			c.anchors[n.Name.GetToken().Value] = s
		}
		return s
	case *ast.AliasNode:
		if n.Value == nil {
			return 1
		}
		return max(1, c.anchors[n.Value.GetToken().Value])
	case *ast.TagNode:
		return c.size(n.Value)
	case *ast.MappingNode:
		s := int64(1)
		for _, v := range n.Values {
			s = sum(s, c.size(v))
		}
		return s
	case *ast.MappingValueNode:
		return sum(sum(1, c.size(n.Key)), c.size(n.Value))
	case *ast.SequenceNode:
		s := int64(1)
		for _, v := range n.Values {
			s = sum(s, c.size(v))
		}
		return s
	}
	return 1
}
