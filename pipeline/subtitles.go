package pipeline

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// cue is one subtitle cue.
type cue struct {
	start, end string // HH:MM:SS.mmm
	speaker    string // from <v Name> or a "Name:" prefix; empty when the cue has none
	text       string
	line       int // 1-based line of the cue's timing line
}

var (
	timingRe = regexp.MustCompile(`^\s*((?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*((?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3})`)
	voiceRe  = regexp.MustCompile(`<v(?:\.[^ >]*)?\s+([^>]+)>`)
	tagRe    = regexp.MustCompile(`</?[a-zA-Z][^>]*>|&lt;|&gt;|&amp;|&nbsp;`)
)

// parseSubtitles reads WebVTT or SubRip text into a document: consecutive
// cues of one speaker merge into one turn; a cue without a speaker
// continues the turn before it. The body is the turn texts separated by
// blank lines; turns carry their first cue's start and last cue's end time.
func parseSubtitles(source, text string, vtt bool, isTitle func(string) bool) (*Document, error) {
	if vtt && !strings.HasPrefix(strings.TrimLeft(text, " \n"), "WEBVTT") {
		return nil, &ParseError{File: source, Line: 1, Err: errors.New("not a WebVTT file: it does not start with WEBVTT")}
	}
	cues, err := readCues(text, vtt, isTitle)
	if err != nil {
		return nil, &ParseError{File: source, Err: err}
	}
	if len(cues) == 0 {
		return nil, &ParseError{File: source, Err: errors.New("no subtitle cues (no HH:MM:SS --> HH:MM:SS timing lines)")}
	}
	doc := &Document{Source: source}
	var b strings.Builder
	var cur *Turn
	var curSpeaker string
	flush := func() {
		if cur != nil {
			cur.Text.End = b.Len()
			doc.Turns = append(doc.Turns, *cur)
			cur = nil
		}
	}
	for _, c := range cues {
		if c.text == "" {
			continue
		}
		if cur != nil && (c.speaker == "" || c.speaker == curSpeaker) {
			b.WriteString(" ")
			b.WriteString(c.text)
			cur.End = c.end
			continue
		}
		flush()
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		cur = &Turn{Text: Span{Start: b.Len()}, Line: c.line, Start: c.start, End: c.end}
		if c.speaker != "" {
			cur.Raw = voiceLabel(c.speaker)
			curSpeaker = c.speaker
		}
		b.WriteString(c.text)
	}
	flush()
	doc.Body = b.String()
	doc.Date = findDate(source)
	return doc, nil
}

// voiceLabel turns a subtitle speaker name into a raw label.
func voiceLabel(name string) RawLabel {
	if raw, _, _, ok := classifyHead(name); ok {
		return raw
	}
	return RawLabel{Words: name}
}

// readCues splits subtitle text into cues.
func readCues(text string, vtt bool, isTitle func(string) bool) ([]cue, error) {
	lines := strings.Split(text, "\n")
	var out []cue
	for i := 0; i < len(lines); i++ {
		if !strings.Contains(lines[i], "-->") {
			continue
		}
		m := timingRe.FindStringSubmatch(lines[i])
		if m == nil {
			continue
		}
		c := cue{start: clock(m[1]), end: clock(m[2]), line: i + 1}
		var parts []string
		for i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "" {
			i++
			parts = append(parts, strings.TrimSpace(lines[i]))
		}
		raw := strings.Join(parts, "\n")
		body := raw
		if strings.ContainsAny(raw, "<&") {
			if v := voiceRe.FindStringSubmatch(raw); v != nil {
				c.speaker = strings.TrimSpace(v[1])
			}
			body = tagRe.ReplaceAllStringFunc(raw, entity)
		}
		body = strings.TrimSpace(body)
		if c.speaker == "" && len(parts) > 0 {
			if l, ok := parseLabel(strings.TrimLeft(body, "- "), isTitle); ok {
				trimmed := strings.TrimLeft(body, "- ")
				c.speaker = strings.TrimSpace(trimmed[:l.end])
				c.speaker = strings.TrimSuffix(strings.TrimSpace(c.speaker), ":")
				body = trimmed[l.n:]
			}
		}
		c.text = strings.Join(strings.Fields(body), " ")
		out = append(out, c)
	}
	return out, nil
}

func entity(s string) string {
	switch s {
	case "&lt;":
		return "<"
	case "&gt;":
		return ">"
	case "&amp;":
		return "&"
	case "&nbsp;":
		return " "
	}
	return ""
}

// clock normalises a cue time to HH:MM:SS.mmm.
func clock(s string) string {
	s = strings.ReplaceAll(s, ",", ".")
	parts := strings.Split(s, ":")
	if len(parts) == 2 {
		parts = append([]string{"00"}, parts...)
	}
	sec := strings.SplitN(parts[2], ".", 2)
	ms := "000"
	if len(sec) == 2 {
		ms = (sec[1] + "000")[:3]
	}
	return fmt.Sprintf("%02s:%02s:%02s.%s", parts[0], parts[1], sec[0], ms)
}
