package batch

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/turntag/turntag/pipeline"
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

// ReadLimited reads r to the end, or fails with transcript.ErrTooLarge
// once it holds more than limit bytes, so that an oversized file costs at
// most limit+1 bytes of memory whatever its size claimed. source names the
// file in errors; limit is in bytes (0 or less: DefaultMaxFileSize).
func ReadLimited(source string, r io.Reader, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = DefaultMaxFileSize
	}
	src, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, transcript.FileError(source, err)
	}
	if int64(len(src)) > limit {
		return nil, TooLarge(source, -1, limit)
	}
	return src, nil
}

// TooLarge is the error for a file of size bytes over limit bytes; a size
// below 0 means the size is not known beyond "over the limit".
func TooLarge(source string, size, limit int64) error {
	if size < 0 {
		return &transcript.Error{File: source, Err: fmt.Errorf("%w: over the limit of %d bytes (--max-file-size)", transcript.ErrTooLarge, limit)}
	}
	return &transcript.Error{File: source, Err: fmt.Errorf("%w: %d bytes, over the limit of %d bytes (--max-file-size)", transcript.ErrTooLarge, size, limit)}
}
