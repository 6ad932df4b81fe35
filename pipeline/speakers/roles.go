package speakers

import (
	"strings"

	"github.com/turntag/turntag/internal/memo"
)

// maxRoles bounds how many cleaned roles an Index remembers.
const maxRoles = 1 << 14

// roles remember how the roles of the documents resolved so far were
// cleaned: "Moderator", "Questioner" and "The President" come back in
// document after document. Safe for concurrent use; a nil *roles
// remembers nothing.
type roles struct{ m *memo.Bounded[string, string] } // role -> cleanRole(role, w)

// newRoles returns an empty memory of roles.
func newRoles() *roles { return &roles{memo.New[string, string](maxRoles)} }

// clean returns cleanRole(role, w), remembered.
func (r *roles) clean(role string, w *words) string {
	if r == nil {
		return cleanRole(role, w)
	}
	if c, ok := r.m.Get(role); ok {
		return c
	}
	c := cleanRole(role, w)
	if !r.m.Full() {
		// kept as copies: a role may point into a document's text, which
		// the memory must not keep alive
		r.m.Put(strings.Clone(role), strings.Clone(c))
	}
	return c
}
