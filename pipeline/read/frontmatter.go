package read

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/turntag/turntag/pipeline/limited"
	"github.com/turntag/turntag/pipeline/transcript"
)

// frontMatter is the metadata block of a markdown transcript.
type frontMatter struct {
	Title, Date, URL string
	Speakers         []string
}

// frontMatterEnd finds a front matter block: a "---" line at the start
// of text, closed by a "---" or "..." line. It returns the block and the
// byte offset where the body starts; ok is false when text opens no block,
// and closed false when the block is never closed.
func frontMatterEnd(text string) (block string, bodyStart int, ok, closed bool) {
	if !strings.HasPrefix(text, "---\n") {
		return "", 0, false, false
	}
	rest := text[4:]
	for off := 0; off <= len(rest); {
		nl := strings.IndexByte(rest[off:], '\n')
		line := rest[off:]
		if nl >= 0 {
			line = rest[off : off+nl]
		}
		if t := strings.TrimRight(line, " \t"); t == "---" || t == "..." {
			bodyStart = 4 + off + len(line)
			if bodyStart < len(text) && text[bodyStart] == '\n' {
				bodyStart++
			}
			return rest[:off], bodyStart, true, true
		}
		if nl < 0 {
			break
		}
		off += nl + 1
	}
	return "", 0, true, false
}

// splitFrontMatter reads a YAML front matter block at the start of text
// and returns its fields and the byte offset where the body starts (0 when
// there is none). The date is read from the first of the date keys
// present, the URL from the first of the URL keys (the lexicon's
// front_matter_date_keys and front_matter_url_keys).
func splitFrontMatter(text string, lex *vocab) (frontMatter, int, error) {
	var fm frontMatter
	block, bodyStart, ok, closed := frontMatterEnd(text)
	if !ok {
		return fm, 0, nil
	}
	if !closed {
		return fm, 0, &transcript.Error{Line: 1, Err: errors.New("front matter opened with --- is never closed")}
	}
	if err := limited.YAMLExpansion([]byte(block), MaxFrontMatterNodes); err != nil {
		return fm, 0, &transcript.Error{Line: 1, Err: fmt.Errorf("front matter: %w", err)}
	}
	m, simple := simpleFrontMatter(block)
	if !simple || numberIn(m, "title", "speakers", "speaker") || numberIn(m, lex.dateKeys...) || numberIn(m, lex.urlKeys...) {
		m = nil
		if err := yaml.Unmarshal([]byte(block), &m); err != nil {
			line := 1
			var ye yaml.Error
			if errors.As(err, &ye) && ye.GetToken() != nil && ye.GetToken().Position != nil {
				line += ye.GetToken().Position.Line
			}
			msg := err.Error()
			if ye != nil {
				msg = ye.GetMessage()
			}
			return fm, 0, &transcript.Error{Line: line, Err: fmt.Errorf("front matter: %s", msg)}
		}
	}
	// Keys are read in sorted order, so that keys differing only in case
	// ("Title" and "title") or "speaker" beside "speakers" give the same
	// document on every run; a key written as looked up wins over its
	// other spellings.
	mkeys := slices.Sorted(maps.Keys(m))
	get := func(keys ...string) string {
		for _, k := range keys {
			if v, ok := m[k]; ok && v != nil {
				return strings.TrimSpace(fmt.Sprint(v))
			}
			for _, mk := range mkeys {
				if v := m[mk]; strings.EqualFold(mk, k) && v != nil {
					return strings.TrimSpace(fmt.Sprint(v))
				}
			}
		}
		return ""
	}
	fm.Title = get("title")
	fm.Date = lex.months.normalize(get(lex.dateKeys...))
	fm.URL = get(lex.urlKeys...)
	for _, mk := range mkeys {
		v := m[mk]
		if strings.EqualFold(mk, "speakers") || strings.EqualFold(mk, "speaker") {
			switch s := v.(type) {
			case []any:
				for _, x := range s {
					fm.Speakers = append(fm.Speakers, fmt.Sprint(x))
				}
			case string:
				fm.Speakers = append(fm.Speakers, s)
			}
		}
	}
	return fm, bodyStart, nil
}
