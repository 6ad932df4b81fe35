package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline/limited"
	"github.com/turntag/turntag/pipeline/transcript"
)

// GoldTurn is one hand-labelled turn (one line of a gold JSON Lines file).
// A turn may have one gold line per taxonomy; the fields a line leaves out
// are not labelled there and not scored (except addressed, which counts as
// [] when people is given), so that a line of a second taxonomy can label
// topics alone.
type GoldTurn struct {
	Source        string     `json:"source"`             // transcript path, matched against the end of the tool's source
	Snippet       string     `json:"turn_snippet"`       // the start of the turn's text
	Taxonomy      string     `json:"taxonomy,omitempty"` // the taxonomy of Topics; "" is lexicon.DefaultTaxonomy
	Speaker       string     `json:"speaker"`            // full name, or "" for an unnamed speaker
	Topics        []string   `json:"topics"`             // topic labels of Taxonomy
	Countries     []string   `json:"countries"`          // ISO 3166-1 alpha-3 codes
	Organisations [][]string `json:"organisations"`      // per organisation, accepted spellings, canonical first
	People        [][]string `json:"people"`             // per person talked about, accepted spellings, canonical first
	Addressed     [][]string `json:"addressed"`          // per person the speaker addresses by name ("Thanks, Karine."), accepted spellings
	File          string     `json:"-"`
	Line          int        `json:"-"` // 1-based line in File

	labels map[string]bool // the fields the line gives ("speaker", "countries", ...); nil: all
}

// labelled reports whether the gold line labels a field ("speaker",
// "countries", "organisations", "people", "addressed").
func (g *GoldTurn) labelled(field string) bool {
	if g.labels == nil {
		return true
	}
	if field == "addressed" && g.labels["people"] {
		return true
	}
	return g.labels[field]
}

// taxonomy returns the taxonomy of the turn's topics.
func (g *GoldTurn) taxonomy() string {
	if g.Taxonomy == "" {
		return lexicon.DefaultTaxonomy
	}
	return g.Taxonomy
}

// MaxGoldFile is the largest gold file ReadGold reads: 64 MiB.
const MaxGoldFile = 64 << 20

// ReadGold reads gold turns from JSON Lines files and from the *.jsonl
// files under folders, in sorted order. Only regular files of at most
// MaxGoldFile bytes are read; anything else is an error, as is a problem
// in a line. Errors name the file and line.
func ReadGold(paths []string) ([]GoldTurn, error) {
	var files []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, transcript.FileError(p, err)
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(q, ".jsonl") {
				found = append(found, q)
			}
			return err
		})
		if err != nil {
			return nil, &transcript.Error{File: p, Err: err}
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	var out []GoldTurn
	for _, f := range files {
		turns, err := readGoldFile(f)
		if err != nil {
			return nil, err
		}
		out = append(out, turns...)
	}
	return out, nil
}

func readGoldFile(name string) ([]GoldTurn, error) {
	src, err := limited.ReadFile(name, MaxGoldFile)
	if err != nil {
		return nil, transcript.FileError(name, err)
	}
	var out []GoldTurn
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var g GoldTurn
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&g); err != nil {
			return nil, &transcript.Error{File: name, Line: n, Err: fmt.Errorf("gold: %w", err)}
		}
		if g.Source == "" || g.Snippet == "" {
			return nil, &transcript.Error{File: name, Line: n, Err: errors.New("gold: source and turn_snippet are required")}
		}
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(line, &fields); err != nil {
			return nil, &transcript.Error{File: name, Line: n, Err: fmt.Errorf("gold: %w", err)}
		}
		g.labels = map[string]bool{}
		for k := range fields {
			g.labels[k] = true
		}
		g.File, g.Line = name, n
		out = append(out, g)
	}
	if err := sc.Err(); err != nil {
		return nil, &transcript.Error{File: name, Err: err}
	}
	return out, nil
}
