package speakers

import (
	"strings"
	"sync"
	"sync/atomic"

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
// briefing after briefing. Safe for concurrent use.
type callees struct {
	m sync.Map // calleeKey -> callee
	n atomic.Int64
}

// get returns check(name, outlet), remembered for tg.
func (c *callees) get(tg *tagger.Tagger, name, outlet string, check func(name, outlet string) callee) callee {
	if c == nil {
		return check(name, outlet)
	}
	k := calleeKey{tg, name, outlet}
	if v, ok := c.m.Load(k); ok {
		return v.(callee)
	}
	v := check(name, outlet)
	if c.n.Load() < maxCallees {
		// kept as copies: the strings point into a document's text, which
		// a key must neither keep alive nor see reused
		k.name, k.outlet = strings.Clone(name), strings.Clone(outlet)
		stored := callee{strings.Clone(v.name), strings.Clone(v.outlet)}
		if _, loaded := c.m.LoadOrStore(k, stored); !loaded {
			c.n.Add(1)
		}
	}
	return v
}
