package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/pipeline/write"
)

// ErrJSONL is the error of a line that is not a record of the kind the
// file should hold.
var ErrJSONL = errors.New("not a turntag record")

// ReadMentions reads a mentions file written by `turntag tag --format
// jsonl --mentions FILE` and returns its records by source. name is the
// file's name in errors.
func ReadMentions(name string, r io.Reader) (map[string][]write.MentionRecord, error) {
	out := map[string][]write.MentionRecord{}
	err := eachLine(name, r, func(line int, b []byte) error {
		var m write.MentionRecord
		if err := json.Unmarshal(b, &m); err != nil {
			return &transcript.Error{File: name, Line: line, Err: fmt.Errorf("%w: %v", ErrJSONL, err)}
		}
		if m.Source == "" || m.Turn < 1 {
			return &transcript.Error{File: name, Line: line, Err: fmt.Errorf("%w: a mention needs a source and a turn", ErrJSONL)}
		}
		out[m.Source] = append(out[m.Source], m)
		return nil
	})
	return out, err
}

// AddJSONL adds the documents of a turns file written by `turntag tag
// --format jsonl`, with the mentions of each (by source; nil for none).
// A document's turns must be consecutive lines, as tag writes them, in
// turn order from 1. name is the file's name in errors.
func (b *Builder) AddJSONL(name string, r io.Reader, mentions map[string][]write.MentionRecord) error {
	var doc []write.TurnRecord
	seen := map[string]bool{}
	flush := func(line int) error {
		if len(doc) == 0 {
			return nil
		}
		if err := b.Add(doc, mentions[doc[0].Source]); err != nil {
			return &transcript.Error{File: name, Line: line, Err: err}
		}
		doc = nil
		return nil
	}
	err := eachLine(name, r, func(line int, bs []byte) error {
		var t write.TurnRecord
		if err := json.Unmarshal(bs, &t); err != nil {
			return &transcript.Error{File: name, Line: line, Err: fmt.Errorf("%w: %v", ErrJSONL, err)}
		}
		if t.Source == "" || t.Turn < 1 {
			return &transcript.Error{File: name, Line: line, Err: fmt.Errorf("%w: a turn needs a source and a turn number", ErrJSONL)}
		}
		if len(doc) > 0 && doc[0].Source != t.Source {
			if err := flush(line - 1); err != nil {
				return err
			}
		}
		if len(doc) == 0 {
			if seen[t.Source] {
				return &transcript.Error{File: name, Line: line, Err: fmt.Errorf("%w: the turns of %s are not on consecutive lines", ErrJSONL, t.Source)}
			}
			seen[t.Source] = true
		}
		if t.Turn != len(doc)+1 {
			return &transcript.Error{File: name, Line: line, Err: fmt.Errorf("%w: turn %d of %s follows turn %d", ErrJSONL, t.Turn, t.Source, len(doc))}
		}
		doc = append(doc, t)
		return nil
	})
	if err != nil {
		return err
	}
	return flush(0)
}

// eachLine calls fn with every non-blank line of r and its 1-based number;
// lines may be of any length.
func eachLine(name string, r io.Reader, fn func(line int, b []byte) error) error {
	br := bufio.NewReaderSize(r, 1<<16)
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(b)) > 0 {
			if ferr := fn(line, b); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return transcript.FileError(name, err)
		}
	}
}
