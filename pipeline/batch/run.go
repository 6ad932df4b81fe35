package batch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"

	"github.com/turntag/turntag/pipeline"
	"github.com/turntag/turntag/pipeline/limited"
	"github.com/turntag/turntag/pipeline/read"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/pipeline/write"
)

// Result is the outcome for one input: a tagged document, or an error, or
// a skip (unsupported format, or not a regular file).
type Result struct {
	Input   Input
	Doc     *transcript.Document
	Err     error
	Skipped bool     // unsupported format or not a regular file: reported, not failed
	Bytes   int64    // size read
	Encoded [][]byte // the document rendered by each of the Runner's Encoders
	Cached  bool     // read from the Runner's Cache: Doc holds only Source, Warnings and empty Turns

	fatal bool // Err is the Runner's Build error: it stops the run
}

// Runner processes many inputs in parallel and hands results back in input
// order. It reads an input only if it is a regular file (anything else is
// skipped unopened), never more than MaxFileSize bytes of it, and checks
// it against the limits of limits.go (lines, turns, front matter,
// metadata) before tagging it.
type Runner struct {
	Pipeline    *pipeline.Pipeline
	Jobs        int             // parallel workers; 0 means GOMAXPROCS; at most MaxJobs
	MaxFileSize int64           // 0 means DefaultMaxFileSize
	Encoders    []write.Encoder // render each document in the worker that tagged it
	Stdin       io.Reader       // read for the Input with Stdin set; nil reads nothing
	Cache       *Cache          // reuse the Encoded outputs of files tagged before; nil: none

	// Build, when Pipeline is nil, makes the pipeline on the first file
	// that is not in the Cache, once: a rerun served wholly from the
	// cache then loads no lexicon and no model. Its error stops the run
	// (Run returns it) before any document is emitted, as long as the
	// Cache's Key holds everything Build depends on: no entry can then
	// exist for a Key whose Build fails. Results of files that fail before
	// they are parsed (unreadable, too large, skipped) and come first in
	// input order may be emitted before it.
	Build func() (*pipeline.Pipeline, error)

	mu       sync.Mutex // guards what follows
	tried    bool       // Build was called
	built    *pipeline.Pipeline
	buildErr error
}

// pipeline returns the Runner's Pipeline, or the one Build makes; workers
// that need it while Build runs wait for it.
func (r *Runner) pipeline() (*pipeline.Pipeline, error) {
	if r.Pipeline != nil || r.Build == nil {
		return r.Pipeline, nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.tried {
		r.tried = true
		r.built, r.buildErr = r.Build()
	}
	return r.built, r.buildErr
}

// Built reports whether the Runner has a pipeline: its Pipeline, or one
// that Build was called to make (successfully or not).
func (r *Runner) Built() bool {
	if r.Pipeline != nil {
		return true
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.tried
}

// Run processes inputs with Jobs workers and calls emit with each result in
// input order, whatever the timing. Memory stays bounded however many
// inputs there are: at most a few results per worker wait, and files are
// admitted in input order while their bytes in flight (read, tagged or
// waiting to be emitted) fit in a budget of DefaultMaxFileSize, a larger
// file running alone. A per-file problem is a Result with Err, not an error
// of Run. Run returns emit's first error, Build's error, or the context's
// error as soon as it is cancelled: a file being parsed then finishes in
// the background and is dropped.
func (r *Runner) Run(ctx context.Context, inputs []Input, emit func(Result) error) error {
	jobs := r.jobs()
	window := make(chan struct{}, 4*jobs) // results in flight
	slots := make([]chan Result, len(inputs))
	for i := range slots {
		slots[i] = make(chan Result, 1)
	}
	weights := make([]int64, len(inputs))
	mem := newBudget(memoryBudget)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	todo := make(chan int)
	var wg sync.WaitGroup
	go func() {
		defer close(todo)
		for i := range inputs {
			weights[i] = r.weight(inputs[i])
			if !mem.acquire(ctx, weights[i]) {
				return
			}
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
		if err = ctx.Err(); err != nil { // cancelled while the result was ready
			break
		}
		if res.fatal {
			err = res.Err
			break
		}
		if err = emit(res); err != nil {
			break
		}
		<-window
		mem.release(weights[i])
	}
	cancel()
	wg.Wait()
	return err
}

// jobs is the number of workers: Jobs, or GOMAXPROCS, at most MaxJobs.
func (r *Runner) jobs() int {
	jobs := r.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	return min(jobs, MaxJobs)
}

func (r *Runner) maxFileSize() int64 {
	if r.MaxFileSize <= 0 {
		return DefaultMaxFileSize
	}
	return r.MaxFileSize
}

// weight is what an input counts against the memory budget: its size (a
// .docx by what it may unpack to), at most the whole budget; standard
// input, of unknown size, counts in full. An input that cannot be stat'ed
// weighs nothing: it fails without being read.
func (r *Runner) weight(in Input) int64 {
	if in.Stdin {
		return memoryBudget
	}
	info, err := os.Stat(in.Path)
	if err != nil || !info.Mode().IsRegular() {
		return 0
	}
	w := min(info.Size(), r.maxFileSize())
	if f, _ := read.DetectFormat(in.Path); f == read.FormatDOCX {
		w *= read.MaxDocxExpansion
	}
	return min(w, memoryBudget)
}

// file processes one input and returns as soon as ctx is cancelled, even
// while the parser is still busy with a large file.
func (r *Runner) file(ctx context.Context, in Input) Result {
	done := make(chan Result, 1)
	go func() { done <- r.process(ctx, in) }()
	select {
	case res := <-done:
		return res
	case <-ctx.Done():
		return Result{Input: in, Err: &transcript.Error{File: in.Source, Err: ctx.Err()}}
	}
}

// process reads one input within the size bound, then tags it with the
// step every runner shares (tagFormat, as TagBytes), or takes it from the
// cache.
func (r *Runner) process(ctx context.Context, in Input) Result {
	limit := r.maxFileSize()
	src, format, err := r.read(in, limit)
	if err != nil {
		skipped := errors.Is(err, transcript.ErrUnsupported) || errors.Is(err, limited.ErrNotRegular)
		return Result{Input: in, Err: err, Skipped: skipped}
	}
	cached := r.Cache.entry(r, in, format, src)
	if hit, ok := cached.get(in, len(src)); ok {
		return hit
	}
	p, err := r.pipeline()
	if err != nil {
		return Result{Input: in, Err: err, fatal: true}
	}
	res := tagFormat(ctx, p, in, format, src, limit, r.Encoders)
	if res.Err == nil {
		cached.put(res)
	}
	return res
}

// read returns an input's bytes and format. Only a regular file is opened,
// and never more than limit bytes are read.
func (r *Runner) read(in Input, limit int64) ([]byte, read.Format, error) {
	if in.Stdin {
		if r.Stdin == nil {
			return nil, "", &transcript.Error{File: in.Source, Err: errors.New("no standard input to read")}
		}
		src, err := limited.Read(r.Stdin, limit)
		if err != nil {
			return nil, "", &transcript.Error{File: in.Source, Err: tooLargeHint(err)}
		}
		return src, sniffFormat(src), nil
	}
	format, err := read.DetectFormat(in.Path)
	if err != nil {
		return nil, "", &transcript.Error{File: in.Source, Err: err}
	}
	src, err := limited.ReadFile(in.Path, limit)
	if err != nil {
		return nil, "", transcript.FileError(in.Source, tooLargeHint(err))
	}
	return src, format, nil
}

// tooLargeHint adds the flag that raises the limit to a too-large error.
func tooLargeHint(err error) error {
	if errors.Is(err, transcript.ErrTooLarge) {
		return fmt.Errorf("%w (--max-file-size)", err)
	}
	return err
}
