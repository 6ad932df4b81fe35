package batch

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"

	"github.com/turntag/turntag/pipeline"
	"github.com/turntag/turntag/pipeline/read"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/pipeline/write"
)

// DefaultMaxFileSize is the largest file a Runner reads by default: 64 MiB.
const DefaultMaxFileSize = 64 << 20

// Result is the outcome for one input: a tagged document, or an error, or
// a skip (unsupported format).
type Result struct {
	Input   Input
	Doc     *transcript.Document
	Err     error
	Skipped bool     // unsupported format: reported, not failed
	Bytes   int64    // size read
	Encoded [][]byte // the document rendered by each of the Runner's Encoders
}

// Runner processes many inputs in parallel and hands results back in input
// order.
type Runner struct {
	Pipeline    *pipeline.Pipeline
	Jobs        int             // parallel workers; 0 means GOMAXPROCS
	MaxFileSize int64           // 0 means DefaultMaxFileSize
	Encoders    []write.Encoder // render each document in the worker that tagged it
}

// Run processes inputs with Jobs workers and calls emit with each result in
// input order, whatever the timing. At most a few results per worker wait in
// memory, however many inputs there are. A per-file problem is a Result
// with Err, not an error of Run; Run returns emit's first error or the
// context's error when it is cancelled, after the workers stop.
func (r *Runner) Run(ctx context.Context, inputs []Input, emit func(Result) error) error {
	jobs := r.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	window := make(chan struct{}, 4*jobs) // results in flight
	slots := make([]chan Result, len(inputs))
	for i := range slots {
		slots[i] = make(chan Result, 1)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	todo := make(chan int)
	var wg sync.WaitGroup
	go func() {
		defer close(todo)
		for i := range inputs {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case todo <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range todo {
				slots[i] <- r.file(ctx, inputs[i])
			}
		}()
	}
	var err error
	for i := range inputs {
		var res Result
		select {
		case res = <-slots[i]:
		case <-ctx.Done():
			err = ctx.Err()
		}
		if err != nil {
			break
		}
		if err = emit(res); err != nil {
			break
		}
		<-window
	}
	cancel()
	wg.Wait()
	return err
}

// file reads, checks and tags one input.
func (r *Runner) file(ctx context.Context, in Input) (res Result) {
	res.Input = in
	defer func() {
		if p := recover(); p != nil { // a bug must not take the batch down
			res.Doc, res.Err = nil, &transcript.Error{File: in.Source, Err: fmt.Errorf("internal error: %v", p)}
		}
	}()
	limit := r.MaxFileSize
	if limit <= 0 {
		limit = DefaultMaxFileSize
	}
	format, err := read.DetectFormat(in.Path)
	if err != nil {
		res.Err, res.Skipped = &transcript.Error{File: in.Source, Err: err}, true
		return res
	}
	f, err := os.Open(in.Path)
	if err != nil {
		res.Err = transcript.FileError(in.Source, err)
		return res
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		res.Err = transcript.FileError(in.Source, err)
		return res
	}
	if info.IsDir() {
		res.Err = &transcript.Error{File: in.Source, Err: fmt.Errorf("is a folder")}
		return res
	}
	if info.Size() > limit {
		res.Err = &transcript.Error{File: in.Source, Err: fmt.Errorf("%w: %d bytes, over the limit of %d bytes (--max-file-size)", transcript.ErrTooLarge, info.Size(), limit)}
		return res
	}
	src, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		res.Err = transcript.FileError(in.Source, err)
		return res
	}
	if int64(len(src)) > limit {
		res.Err = &transcript.Error{File: in.Source, Err: fmt.Errorf("%w: over the limit of %d bytes (--max-file-size)", transcript.ErrTooLarge, limit)}
		return res
	}
	res.Bytes = int64(len(src))
	doc, err := r.Pipeline.ParseFormat(in.Source, format, src)
	if err != nil {
		res.Err = err
		return res
	}
	if len(doc.Turns) == 0 {
		res.Err = &transcript.Error{File: in.Source, Err: transcript.ErrNoText}
		return res
	}
	if err := r.Pipeline.Tag(ctx, doc); err != nil {
		res.Err = err
		return res
	}
	res.Doc = doc
	for _, enc := range r.Encoders {
		b, err := enc.Encode(doc)
		if err != nil {
			res.Doc, res.Err = nil, &transcript.Error{File: in.Source, Err: err}
			return res
		}
		res.Encoded = append(res.Encoded, b)
	}
	return res
}
