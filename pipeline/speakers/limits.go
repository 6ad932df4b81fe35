package speakers

import (
	"fmt"

	"github.com/turntag/turntag/pipeline/read"
	"github.com/turntag/turntag/pipeline/transcript"
)

// clampSpeakers cuts speaker names, roles and affiliations over
// read.MaxFieldBytes and returns one warning if it cut any.
func clampSpeakers(doc *transcript.Document) []string {
	cut := 0
	first := 0
	for i := range doc.Turns {
		sp := &doc.Turns[i].Speaker
		if len(sp.Name) <= read.MaxFieldBytes && len(sp.Role) <= read.MaxFieldBytes && len(sp.Affiliation) <= read.MaxFieldBytes {
			continue // nothing to cut: the common case, told without a list of the fields
		}
		for _, s := range []*string{&sp.Name, &sp.Role, &sp.Affiliation} {
			if len(*s) > read.MaxFieldBytes {
				if cut == 0 {
					first = doc.Turns[i].Line
				}
				*s = read.Clamp(*s)
				cut++
			}
		}
	}
	if cut == 0 {
		return nil
	}
	return []string{fmt.Sprintf("%d speaker names, roles or affiliations are over %d bytes and were cut (the first at line %d)", cut, read.MaxFieldBytes, first)}
}
