package read

import (
	"errors"
	"strconv"
	"strings"

	"github.com/turntag/turntag/pipeline/transcript"
)

// cue is one subtitle cue.
type cue struct {
	start, end string // HH:MM:SS.mmm
	speaker    string // from <v Name> or a "Name:" prefix; empty when the cue has none
	change     bool   // a new speaker, named or not: broadcast captions mark one with ">>"
	text       string
	line       int // 1-based line of the cue's timing line
}

// parseSubtitles reads WebVTT or SubRip text into a document: consecutive
// cues of one speaker merge into one turn; a cue without a speaker
// continues the turn before it. The body is the turn texts separated by
// blank lines; turns carry their first cue's start and last cue's end time.
func parseSubtitles(source, text string, vtt bool, lex *vocab) (*transcript.Document, error) {
	if vtt && !strings.HasPrefix(strings.TrimLeft(text, " \n"), "WEBVTT") {
		return nil, &transcript.Error{File: source, Line: 1, Err: errors.New("not a WebVTT file: it does not start with WEBVTT")}
	}
	cues, err := readCues(text, vtt, lex)
	if err != nil {
		return nil, &transcript.Error{File: source, Err: err}
	}
	if len(cues) == 0 {
		return nil, &transcript.Error{File: source, Err: errors.New("no subtitle cues (no HH:MM:SS --> HH:MM:SS timing lines)")}
	}
	doc := &transcript.Document{Source: source}
	var b strings.Builder
	var cur *transcript.Turn
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
		if cur != nil && !c.change && (c.speaker == "" || c.speaker == curSpeaker) {
			b.WriteString(" ")
			b.WriteString(c.text)
			cur.End = c.end
			continue
		}
		flush()
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		cur = &transcript.Turn{Text: transcript.Span{Start: b.Len()}, Line: c.line, Start: c.start, End: c.end}
		curSpeaker = c.speaker
		switch {
		case c.speaker != "":
			cur.Label = voiceLabel(c.speaker, lex)
		case c.change:
			cur.Label = transcript.Label{Role: lex.roleLabels["unidentified speaker"]} // ">>" without a name
		}
		b.WriteString(c.text)
	}
	flush()
	doc.Body = b.String()
	doc.Date = lex.months.find(source)
	return doc, nil
}

// voiceLabel turns a subtitle speaker name into a raw label.
func voiceLabel(name string, lex *vocab) transcript.Label {
	if raw, _, _, ok := classifyHead(name, lex); ok {
		return raw
	}
	return transcript.Label{Words: name}
}

// readCues splits subtitle text into cues.
func readCues(text string, vtt bool, lex *vocab) ([]cue, error) {
	var out []cue
	lineNo := 0
	next := func(off int) (string, int) { // the line at off and the offset after it
		nl := strings.IndexByte(text[off:], '\n')
		if nl < 0 {
			return text[off:], len(text)
		}
		return text[off : off+nl], off + nl + 1
	}
	for off := 0; off < len(text); {
		line, after := next(off)
		lineNo++
		off = after
		if !strings.Contains(line, "-->") {
			continue
		}
		start, end, ok := timing(line)
		if !ok {
			continue
		}
		c := cue{start: start, end: end, line: lineNo}
		// the cue's text: the lines up to a blank one, as one stretch of text
		from, to := off, off
		for off < len(text) {
			l, a := next(off)
			if strings.TrimSpace(l) == "" {
				break
			}
			lineNo++
			to, off = off+len(l), a
		}
		body := text[from:to]
		if strings.ContainsAny(body, "<&") {
			c.speaker = voice(body)
			body = stripTags(body)
		}
		body = strings.TrimSpace(body)
		// ">>" marks a change of speaker in broadcast captions, at the
		// start of a cue or inside it: each part is a cue of its own
		for k, part := range strings.Split(body, ">>") {
			part = strings.TrimSpace(part)
			if k > 0 && part == "" {
				continue
			}
			pc := c
			pc.change = k > 0
			if pc.speaker == "" && part != "" {
				trimmed := strings.TrimLeft(part, "- ")
				if l, ok := parseLabel(trimmed, lex, nil); ok {
					pc.speaker = strings.TrimSuffix(strings.TrimSpace(trimmed[:l.end]), ":")
					part = trimmed[l.n:]
				}
			}
			pc.text = transcript.NormalizeSpace(part)
			out = append(out, pc)
		}
	}
	return out, nil
}

// timing reads a cue timing line, "00:00:01.000 --> 00:00:04.500" (WebVTT)
// or "00:00:01,000 --> 00:00:04,000" (SubRip), with the times normalised.
func timing(line string) (start, end string, ok bool) {
	arrow := strings.Index(line, "-->")
	if arrow < 0 {
		return "", "", false
	}
	left := strings.TrimSpace(line[:arrow])
	right := strings.Fields(line[arrow+3:])
	if len(right) == 0 {
		return "", "", false
	}
	start, ok1 := clock(left)
	end, ok2 := clock(right[0])
	return start, end, ok1 && ok2
}

// clock normalises a cue time ([HH:]MM:SS.mmm or ,mmm) to HH:MM:SS.mmm.
func clock(s string) (string, bool) {
	var parts [3]int
	n, frac, digits := 0, -1, 0
	fracDigits := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if frac >= 0 {
				if fracDigits < 3 {
					frac = frac*10 + int(c-'0')
					fracDigits++
				}
			} else {
				parts[n] = parts[n]*10 + int(c-'0')
				digits++
			}
		case c == ':' && frac < 0 && digits > 0 && n < 2:
			n++
			digits = 0
		case (c == '.' || c == ',') && frac < 0 && digits > 0:
			frac = 0
		default:
			return "", false
		}
	}
	if n == 0 || frac < 0 || digits == 0 {
		return "", false
	}
	for ; fracDigits < 3; fracDigits++ {
		frac *= 10
	}
	h, m, sec := 0, parts[0], parts[1]
	if n == 2 {
		h, m, sec = parts[0], parts[1], parts[2]
	}
	b := make([]byte, 0, 12)
	b = appendPad(b, h)
	b = append(b, ':')
	b = appendPad(b, m)
	b = append(b, ':')
	b = appendPad(b, sec)
	b = append(b, '.', byte('0'+frac/100), byte('0'+frac/10%10), byte('0'+frac%10))
	return string(b), true
}

func appendPad(b []byte, v int) []byte {
	if v < 10 {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, int64(v), 10)
}

// voice returns the speaker of a WebVTT voice tag, "<v Name>" or
// "<v.class Name>", or "".
func voice(s string) string {
	i := strings.Index(s, "<v")
	for i >= 0 {
		rest := s[i+2:]
		if len(rest) > 0 && (rest[0] == ' ' || rest[0] == '.') {
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				return ""
			}
			tag := rest[:end]
			if rest[0] == '.' {
				sp := strings.IndexByte(tag, ' ')
				if sp < 0 {
					return ""
				}
				tag = tag[sp:]
			}
			return strings.TrimSpace(tag)
		}
		j := strings.Index(rest, "<v")
		if j < 0 {
			return ""
		}
		i += 2 + j
	}
	return ""
}

var entities = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "&nbsp;", " ")

// stripTags removes markup tags (<v Name>, <i>, </c>) and decodes the
// entities subtitles use.
func stripTags(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '<' && i+1 < len(s) && (s[i+1] == '/' || isASCIILetter(s[i+1])) {
			if end := strings.IndexByte(s[i:], '>'); end > 0 {
				i += end
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return entities.Replace(b.String())
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
