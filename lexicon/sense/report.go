package sense

import (
	"fmt"
	"io"
	"strings"
)

// WriteReport prints the first top suspects (all when top is 0), each with
// its two groups: their size, how many of their turns have other evidence
// for the cue's topic, the words that mark them and sample contexts. For
// example:
//
//	split 0.94  cue "bank" of topic Banking (lexicon.yaml:12): 31 matches, 28 judged
//	  A 16, 88% with other Banking evidence: interest, rates, inflation, lending
//	    fed.txt:4: …the central [bank] raised interest rates…
//	  B 12, 0% with other Banking evidence: river, flood, water, erosion
//	    floods.txt:9: …the east [bank] of the river was under water…
func WriteReport(w io.Writer, r Result, top int) error {
	var sb strings.Builder
	fmt.Fprintf(&sb, "corpus check: %d turns, %d cues matched, %d with enough contexts judged, %d suspects", r.Turns, r.Cues, r.Judged, len(r.Suspects))
	shown := r.Suspects
	if top > 0 && len(shown) > top {
		shown = shown[:top]
		fmt.Fprintf(&sb, " (the first %d shown)", top)
	}
	sb.WriteString("\n")
	if len(shown) > 0 {
		sb.WriteString("Cues whose contexts split into two dissimilar groups (a curation aid: where a group is another\n" +
			"sense of the cue, give the cue a rule: near, not_near, not_before or not_after).\n")
	}
	for _, s := range shown {
		var what, topic string
		if s.Entry != nil {
			what, topic = fmt.Sprintf("capital %q of %s", s.Phrase.Text, s.Entry.Name), "topic"
		} else {
			what, topic = fmt.Sprintf("cue %q of topic %s", s.Phrase.Text, s.Topic.Label), s.Topic.Label
		}
		fmt.Fprintf(&sb, "\nsplit %.2f  %s (%s:%d): %d matches in %d turns, %d contexts judged\n", s.Split, what, s.Phrase.File, s.Phrase.Line, s.Matches, s.Turns, s.Judged)
		for g, grp := range s.Groups {
			fmt.Fprintf(&sb, "  %c %d, %.0f%% with other %s evidence: %s\n", 'A'+g, grp.Size, 100*grp.Support, topic, strings.Join(grp.Words, ", "))
			for _, c := range grp.Samples {
				fmt.Fprintf(&sb, "    %s:%d: %s\n", c.Source, c.Line, c.Text)
			}
		}
	}
	_, err := io.WriteString(w, sb.String())
	return err
}
