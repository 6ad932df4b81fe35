package read

import (
	"errors"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/turntag/turntag/pipeline/transcript"
)

// frontMatter is the metadata block of a markdown transcript.
type frontMatter struct {
	Title, Date, URL string
	Speakers         []string
}

// splitFrontMatter finds a YAML front matter block ("---" lines) at the
// start of text and returns its parsed fields and the byte offset where the
// body starts. It returns end 0 when there is none.
func splitFrontMatter(text string) (frontMatter, int, error) {
	var fm frontMatter
	if !strings.HasPrefix(text, "---\n") {
		return fm, 0, nil
	}
	rest := text[4:]
	end := -1
	for off := 0; off <= len(rest); {
		nl := strings.IndexByte(rest[off:], '\n')
		line := rest[off:]
		if nl >= 0 {
			line = rest[off : off+nl]
		}
		if t := strings.TrimRight(line, " \t"); t == "---" || t == "..." {
			end = off
			break
		}
		if nl < 0 {
			break
		}
		off += nl + 1
	}
	if end < 0 {
		return fm, 0, &transcript.Error{Line: 1, Err: errors.New("front matter opened with --- is never closed")}
	}
	block := rest[:end]
	bodyStart := 4 + end + 3
	if bodyStart < len(text) && text[bodyStart] == '\n' {
		bodyStart++
	}
	var m map[string]any
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
	get := func(keys ...string) string {
		for _, k := range keys {
			for mk, v := range m {
				if strings.EqualFold(mk, k) && v != nil {
					return strings.TrimSpace(fmt.Sprint(v))
				}
			}
		}
		return ""
	}
	fm.Title = get("title")
	fm.Date = normalizeDate(get("date", "published", "publish_date", "pubdate"))
	fm.URL = get("url", "source", "source_url", "link", "canonical_url")
	for mk, v := range m {
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
