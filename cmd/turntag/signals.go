package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// interruptedStatus is the exit status after a second Ctrl-C or SIGTERM:
// 128 plus the signal's number, as a shell reports a process the signal
// ended.
func interruptedStatus(s os.Signal) int {
	if n, ok := s.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return 130
}

// interruptContext returns a context cancelled by the first SIGINT
// (Ctrl-C) or SIGTERM: the run then stops cleanly, leaving no
// half-written output in place. A second signal ends the process at once,
// whatever it is doing, with status 130 (SIGINT) or 143 (SIGTERM).
func interruptContext(parent context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(parent)
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case <-sigs:
			cancel()
		case <-ctx.Done():
			signal.Stop(sigs)
			return
		}
		os.Exit(interruptedStatus(<-sigs))
	}()
	return ctx, cancel
}
