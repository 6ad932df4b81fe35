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

// maxJSONLLine bounds a line of a JSON Lines file: tag's turns are at most
// 4 MiB of text, which JSON escaping may make six times longer, and their
// entities come on top.
const maxJSONLLine = 64 << 20

// eachLine calls fn with every non-blank line of r and its 1-based number.
// A line longer than maxJSONLLine is an error (ErrJSONL): no record tag
// writes is that long, and reading on would take memory without bound.
func eachLine(name string, r io.Reader, fn func(line int, b []byte) error) error {
	br := bufio.NewReaderSize(r, 1<<16)
	var long []byte // a line longer than br's buffer, gathered
	for line := 1; ; line++ {
		b, err := br.ReadSlice('\n')
		for err == bufio.ErrBufferFull {
			if len(long)+len(b) > maxJSONLLine {
				return &transcript.Error{File: name, Line: line, Err: fmt.Errorf("%w: the line is longer than %d MiB", ErrJSONL, maxJSONLLine>>20)}
			}
			long = append(long, b...)
			b, err = br.ReadSlice('\n')
		}
		if long != nil {
			b, long = append(long, b...), nil
		}
		if len(b) > maxJSONLLine {
			return &transcript.Error{File: name, Line: line, Err: fmt.Errorf("%w: the line is longer than %d MiB", ErrJSONL, maxJSONLLine>>20)}
		}
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
