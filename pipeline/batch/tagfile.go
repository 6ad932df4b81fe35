package batch

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/turntag/turntag/pipeline"
	"github.com/turntag/turntag/pipeline/limited"
	"github.com/turntag/turntag/pipeline/read"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/pipeline/write"
)

// ErrInternal marks a file that a bug in a stage failed on: the panic is
// recovered and the file reported, "internal error: …".
var ErrInternal = errors.New("internal error")

// TagBytes is the per-file step that every runner shares, the CLI's
// Runner and the Beam pipeline alike: it reads src (the bytes of the
// file named source, already read within the size limit) in the format its
// name says, refuses a line or a text over the limits, parses, tags and
// renders the document with each encoder. A per-file problem is the
// Result's Err, never a panic.
func TagBytes(ctx context.Context, p *pipeline.Pipeline, source string, src []byte, encoders []write.Encoder) Result {
	format, err := read.DetectFormat(source)
	if err != nil {
		return Result{Input: Input{Path: source, Source: source}, Bytes: int64(len(src)), Err: &transcript.Error{File: source, Err: err}, Skipped: true}
	}
	return tagFormat(ctx, p, Input{Path: source, Source: source}, format, src, DefaultMaxFileSize, encoders)
}

// tagFormat is TagBytes for a format already known (standard input's is
// sniffed from its first bytes) and a size limit of the caller's.
func tagFormat(ctx context.Context, p *pipeline.Pipeline, in Input, format read.Format, src []byte, limit int64, encoders []write.Encoder) (res Result) {
	res.Input, res.Bytes = in, int64(len(src))
	defer func() {
		if v := recover(); v != nil { // a bug must not take the batch down
			res.Doc, res.Encoded = nil, nil
			res.Err = &transcript.Error{File: in.Source, Err: fmt.Errorf("%w: %v", ErrInternal, v)}
		}
	}()
	fail := func(err error) Result {
		res.Doc, res.Encoded, res.Err = nil, nil, err
		return res
	}
	if err := checkLines(in.Source, format, src); err != nil {
		return fail(err)
	}
	doc, err := p.ParseFormat(in.Source, format, src)
	if err != nil {
		return fail(err)
	}
	if err := checkDocument(doc, limit); err != nil {
		return fail(err)
	}
	if err := p.Tag(ctx, doc); err != nil {
		return fail(err)
	}
	for _, enc := range encoders {
		b, err := enc.Encode(doc)
		if err != nil {
			return fail(&transcript.Error{File: in.Source, Err: err})
		}
		res.Encoded = append(res.Encoded, b)
	}
	res.Doc = doc
	return res
}

// ReadLimited reads r to the end within limit bytes (DefaultMaxFileSize
// when limit is 0), as the Runner reads standard input: an input over the
// limit is transcript.ErrTooLarge, with the CLI's message.
func ReadLimited(source string, r io.Reader, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = DefaultMaxFileSize
	}
	src, err := limited.Read(r, limit)
	if err != nil {
		return nil, transcript.FileError(source, tooLargeHint(err))
	}
	return src, nil
}

// TooLarge is the error of a file of size bytes over limit, with the
// CLI's message.
func TooLarge(source string, size, limit int64) error {
	return &transcript.Error{File: source, Err: tooLargeHint(limited.TooLarge(size, limit))}
}
