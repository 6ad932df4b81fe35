package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/turntag/turntag/pipeline/transcript"
)

// CorpusOptions says what GenerateCorpus writes.
type CorpusOptions struct {
	Dir     string                 // folder to write into (created)
	Bytes   int64                  // stop once this many bytes are written
	Seed    uint64                 // the same seed gives the same corpus
	Samples []*transcript.Document // parsed transcripts whose turns and speakers are reused
}

// corpusPool is what generated transcripts are made of.
type corpusPool struct {
	turns    []string // turn texts
	speakers []transcript.Speaker
	outlets  []string
}

// GenerateCorpus writes a reproducible corpus of realistic transcripts in
// the styles turntag reads (NATO text, briefing text with ALL-CAPS labels
// and Q lines, markdown with front matter, SubRip and WebVTT subtitles),
// made from the turns and speakers of the samples. It returns the number of
// files and bytes written.
func GenerateCorpus(o CorpusOptions) (int, int64, error) {
	pool := corpusPool{}
	seen := map[string]bool{}
	for _, d := range o.Samples {
		for _, t := range d.Turns {
			if txt := d.TurnText(t); len(txt) > 40 {
				pool.turns = append(pool.turns, txt)
			}
			if sp := t.Speaker; sp.Name != "" && !seen[sp.Name] {
				seen[sp.Name] = true
				pool.speakers = append(pool.speakers, sp)
			}
			if a := t.Speaker.Affiliation; a != "" && !seen["@"+a] {
				seen["@"+a] = true
				pool.outlets = append(pool.outlets, a)
			}
		}
	}
	if len(pool.turns) == 0 || len(pool.speakers) == 0 {
		return 0, 0, fmt.Errorf("corpus: the samples have no turns or no named speakers")
	}
	if len(pool.outlets) == 0 {
		pool.outlets = []string{"Reuters"}
	}
	if err := os.MkdirAll(o.Dir, 0o755); err != nil {
		return 0, 0, err
	}
	rng := rand.New(rand.NewPCG(o.Seed, 0x7475726e746167))
	var total int64
	n := 0
	for total < o.Bytes {
		style := []string{"nato", "briefing", "briefing", "md", "srt", "vtt"}[rng.IntN(6)]
		body, ext := pool.document(rng, style, n)
		name := filepath.Join(o.Dir, fmt.Sprintf("%03d", n/1000), fmt.Sprintf("%s-%05d.%s", style, n, ext))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return n, total, err
		}
		if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
			return n, total, err
		}
		total += int64(len(body))
		n++
	}
	return n, total, nil
}

// document writes one transcript of 10 to 60 turns in a style.
func (p corpusPool) document(rng *rand.Rand, style string, n int) (string, string) {
	host := p.speakers[rng.IntN(len(p.speakers))]
	date := fmt.Sprintf("%d %s %d", 1+rng.IntN(28), []string{"January", "March", "May", "July", "September", "November"}[rng.IntN(6)], 2015+rng.IntN(10))
	turns := 10 + rng.IntN(50)
	var b strings.Builder
	text := func() string { return p.turns[rng.IntN(len(p.turns))] }
	reporter := func() (string, string) {
		first := []string{"Anna", "Marc", "Sofia", "Tomas", "Leila", "Kenji", "Olga", "Pedro", "Ines", "Jonas"}[rng.IntN(10)]
		last := []string{"Berg", "Dubois", "Kowalski", "Rossi", "Haddad", "Sato", "Ivanova", "Silva", "Novak", "Larsen"}[rng.IntN(10)]
		return first + " " + last, p.outlets[rng.IntN(len(p.outlets))]
	}
	caps := strings.ToUpper(lastWord(host.Name))
	switch style {
	case "nato":
		fmt.Fprintf(&b, "Press conference\n\nby %s %s following the meeting\n\n  • %s -\n\n(As delivered)\n\n%s\n\n", host.Role, host.Name, date, text())
		for i := 1; i < turns; i++ {
			if i%2 == 1 {
				name, outlet := reporter()
				fmt.Fprintf(&b, "%s (%s): %s\n\n", name, outlet, text())
			} else {
				fmt.Fprintf(&b, "%s %s: %s\n\n", host.Role, host.Name, text())
			}
		}
		return b.String(), "txt"
	case "briefing", "md":
		if style == "md" {
			fmt.Fprintf(&b, "---\ntitle: \"Press Briefing by %s %s\"\ndate: %s\n---\n\n", host.Role, host.Name, date)
		} else {
			fmt.Fprintf(&b, "Press Briefing by %s %s, %s\n\n", host.Role, host.Name, date)
		}
		for i := 0; i < turns; i++ {
			if i%2 == 1 {
				fmt.Fprintf(&b, "Q    %s\n\n", text())
			} else {
				fmt.Fprintf(&b, "MR. %s:  %s\n\n", caps, text())
			}
		}
		return b.String(), map[string]string{"briefing": "txt", "md": "md"}[style]
	}
	if style == "vtt" {
		b.WriteString("WEBVTT\n\n")
	}
	sec := 0
	for i := 0; i < turns; i++ {
		speaker := host.Name
		if i%2 == 1 {
			speaker = "Journalist"
		}
		words := strings.Fields(text())
		for c, k := 0, 0; k < len(words); c++ {
			end := min(len(words), k+12)
			line := strings.Join(words[k:end], " ")
			if style == "vtt" {
				fmt.Fprintf(&b, "%s --> %s\n<v %s>%s\n\n", stamp(sec, "."), stamp(sec+4, "."), speaker, line)
			} else {
				if c == 0 {
					line = speaker + ": " + line
				}
				fmt.Fprintf(&b, "%d\n%s --> %s\n%s\n\n", n*100000+sec, stamp(sec, ","), stamp(sec+4, ","), line)
			}
			sec += 4
			k = end
		}
	}
	return b.String(), style
}

func stamp(sec int, sep string) string {
	return fmt.Sprintf("%02d:%02d:%02d%s000", sec/3600, sec/60%60, sec%60, sep)
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return s
	}
	return f[len(f)-1]
}
