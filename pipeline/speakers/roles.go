package speakers

import (
	"strings"
	"sync"
)

// maxRoles bounds how many cleaned roles an Index remembers.
const maxRoles = 1 << 14

// roles remember how the roles of the documents resolved so far were
// cleaned: "Moderator", "Questioner" and "The President" come back in
// document after document. Safe for concurrent use.
type roles struct {
	mu sync.RWMutex
	m  map[string]string // role -> cleanRole(role, w)
}

// clean returns cleanRole(role, w), remembered.
func (r *roles) clean(role string, w *words) string {
	r.mu.RLock()
	c, ok := r.m[role]
	r.mu.RUnlock()
	if ok {
		return c
	}
	c = cleanRole(role, w)
	r.mu.Lock()
	if len(r.m) < maxRoles {
		if r.m == nil {
			r.m = map[string]string{}
		}
		// kept as copies: a role may point into a document's text, which
		// the memory must not keep alive
		r.m[strings.Clone(role)] = strings.Clone(c)
	}
	r.mu.Unlock()
	return c
}
