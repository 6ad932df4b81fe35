package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/turntag/turntag/pipeline/batch"
	"golang.org/x/term"
)

// progress shows files done/total, turns, MB/s and ETA on stderr when
// stderr is a terminal; otherwise it does nothing but pass messages on.
type progress struct {
	w     io.Writer
	bar   *progressbar.ProgressBar
	total int
	start time.Time
	n     int
}

func newProgress(w io.Writer, inputs []batch.Input, quiet bool) *progress {
	p := &progress{w: w, total: len(inputs), start: time.Now()}
	f, ok := w.(*os.File)
	if quiet || !ok || !term.IsTerminal(int(f.Fd())) {
		return p
	}
	p.bar = progressbar.NewOptions(len(inputs),
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("tagging"),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
	return p
}

// done counts one result.
func (p *progress) done(_ batch.Result, sum *summary) {
	p.n++
	if p.bar == nil {
		return
	}
	mbps := float64(sum.bytes) / 1e6 / time.Since(p.start).Seconds()
	p.bar.Describe(fmt.Sprintf("%d turns, %.2f MB/s, %d failed", sum.turns, mbps, sum.failed+sum.skipped))
	p.bar.Add(1)
}

// printf prints a message above the bar, its control characters escaped
// (see warn).
func (p *progress) printf(format string, args ...any) {
	if p.bar != nil {
		p.bar.Clear()
	}
	warn(p.w, format, args...)
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}
