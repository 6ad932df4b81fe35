package lexicon

import (
	"strings"
	"testing"
)

// TestParentTopicChecks: a topic with subtopics but no cues of its own
// (a dictionary's nested category) is not a problem for check.
func TestParentTopicChecks(t *testing.T) {
	lex := New()
	src := "topics:\n  - id: health\n    label: Health\n    cues: []\n  - id: care\n    label: Care\n    parent: health\n    cues: [nurse*]\n  - id: empty\n    label: Empty\n"
	if err := lex.AddBytes("t.yaml", []byte(src)); err != nil {
		t.Fatal(err)
	}
	probs := lex.Check()
	if len(probs) != 1 || !strings.Contains(probs.Error(), `t.yaml:9: invalid lexicon: topic "empty" has no cues`) {
		t.Errorf("check: %v", probs)
	}
}
