package write

import (
	"bytes"
	"encoding/json"

	"github.com/turntag/turntag/pipeline/transcript"
)

// JSONLEncoder renders one JSON object per line: a TurnRecord for each
// turn, or a MentionRecord for each mention with Mentions set.
type JSONLEncoder struct {
	Mentions bool
}

// Header returns nothing: JSON Lines has no header.
func (j JSONLEncoder) Header() []byte { return nil }

// Encode renders the document's turns (or mentions).
func (j JSONLEncoder) Encode(doc *transcript.Document) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for n := 1; n <= len(doc.Turns); n++ {
		if j.Mentions {
			for _, m := range Mentions(doc, n) {
				if err := enc.Encode(m); err != nil {
					return nil, err
				}
			}
			continue
		}
		if err := enc.Encode(Record(doc, n)); err != nil {
			return nil, err
		}
	}
	return b.Bytes(), nil
}
