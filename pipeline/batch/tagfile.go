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

// TagBytes is the per-file step that every way of running turntag shares,
// once a file's bytes are in memory: it picks the format from source's
// extension, parses src, tags every turn with p and renders the document
// with each encoder, in the order given (Result.Encoded[i] is encoders[i]'s
// rendering). source is the name reported in the output's source column and
// in errors.
//
// A problem is the Result's Err (Skipped too for a format turntag does not
// read), never a panic: a bug in a stage is recovered as an "internal
// error" Result, so that one bad file never takes a batch, or a Beam
// worker, down. Result.Input is {Path: source, Source: source} and
// Result.Bytes is len(src); a caller that read the file from elsewhere
// sets Input itself.
func TagBytes(ctx context.Context, p *pipeline.Pipeline, source string, src []byte, encoders []write.Encoder) (res Result) {
	res.Input = Input{Path: source, Source: source}
	res.Bytes = int64(len(src))
	defer func() {
		if v := recover(); v != nil {
			res.Doc, res.Encoded = nil, nil
			res.Err = &transcript.Error{File: source, Err: fmt.Errorf("%w: %v", ErrInternal, v)}
		}
	}()
	format, err := read.DetectFormat(source)
	if err != nil {
		res.Err, res.Skipped = &transcript.Error{File: source, Err: err}, true
		return res
	}
	doc, err := p.ParseFormat(source, format, src)
	if err != nil {
		res.Err = err
		return res
	}
	if len(doc.Turns) == 0 {
		res.Err = &transcript.Error{File: source, Err: transcript.ErrNoText}
		return res
	}
	if err := p.Tag(ctx, doc); err != nil {
		res.Err = err
		return res
	}
	for _, enc := range encoders {
		b, err := enc.Encode(doc)
		if err != nil {
			res.Encoded, res.Err = nil, &transcript.Error{File: source, Err: err}
			return res
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
