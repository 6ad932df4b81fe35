package batch

import (
	"context"
	"sync"
)

// budget counts bytes in flight against a total. Only the Runner's
// dispatcher acquires, in input order, so the earliest input waiting to be
// emitted always holds its share and the run cannot deadlock; the emitter
// releases each input's share once it is emitted.
type budget struct {
	mu    sync.Mutex
	used  int64
	total int64
	freed chan struct{} // signalled on release
}

func newBudget(total int64) *budget {
	return &budget{total: total, freed: make(chan struct{}, 1)}
}

// acquire waits until n bytes fit (n is at most total), or returns false
// when ctx is cancelled first.
func (b *budget) acquire(ctx context.Context, n int64) bool {
	for {
		b.mu.Lock()
		if b.used == 0 || b.used+n <= b.total {
			b.used += n
			b.mu.Unlock()
			return true
		}
		b.mu.Unlock()
		select {
		case <-b.freed:
		case <-ctx.Done():
			return false
		}
	}
}

// release gives n bytes back.
func (b *budget) release(n int64) {
	b.mu.Lock()
	b.used -= n
	b.mu.Unlock()
	select {
	case b.freed <- struct{}{}:
	default:
	}
}
