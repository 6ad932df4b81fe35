package speakers

import (
	"strings"

	"github.com/turntag/turntag/internal/memo"
	"github.com/turntag/turntag/tagger"
)

// callee is a questioner a call names, as speakers.callee checks it: the
// name ("" when it is no person's) and the outlet.
type callee struct {
	name, outlet string
}

// calleeKey is a call's name and outlet as found, and the tagger whose
// lexicon checked them.
type calleeKey struct {
	tg           *tagger.Tagger
	name, outlet string
}

// maxCallees bounds how many calls an Index remembers.
const maxCallees = 1 << 14

// callees remember how the calls of the documents resolved so far were
// checked against the lexicon: moderators call on the same reporters in
// briefing after briefing. Safe for concurrent use; a nil *callees
// remembers nothing.
type callees struct {
	m *memo.Bounded[calleeKey, callee]
}

// newCallees returns an empty memory of calls.
func newCallees() *callees { return &callees{memo.New[calleeKey, callee](maxCallees)} }

// get returns check(name, outlet), remembered for tg.
func (c *callees) get(tg *tagger.Tagger, name, outlet string, check func(name, outlet string) callee) callee {
	if c == nil {
		return check(name, outlet)
	}
	k := calleeKey{tg, name, outlet}
	if v, ok := c.m.Get(k); ok {
		return v
	}
	v := check(name, outlet)
	if !c.m.Full() {
		// kept as copies: the strings point into a document's text, which
		// a key must neither keep alive nor see reused
		k.name, k.outlet = strings.Clone(name), strings.Clone(outlet)
		c.m.Put(k, callee{strings.Clone(v.name), strings.Clone(v.outlet)})
	}
	return v
}
