// Package memo holds Bounded, the memory that the stages share across the
// documents of a run: answers that depend on a key and the lexicon alone
// (a label head's class, a role cleaned, a call checked, the lexicon
// person a name names), which document after document asks again. It
// imports nothing of turntag's.
//
// In: keys and the answers a stage worked out. Out: the answers, for any
// goroutine, until the memory is full; past that, new answers are not
// kept and the stage works them out each time.
package memo

import "sync"

// Bounded remembers at most Max answers by key, for many goroutines at
// once. It keeps what Put is given: a caller copies first whatever points
// into a document's text (strings.Clone), so that the memory keeps no
// document alive and sees no buffer reused. A nil *Bounded remembers
// nothing.
type Bounded[K comparable, V any] struct {
	max int
	mu  sync.RWMutex
	m   map[K]V
}

// New returns a memory of at most max answers.
func New[K comparable, V any](max int) *Bounded[K, V] {
	return &Bounded[K, V]{max: max}
}

// Get returns the answer remembered for k, if there is one.
func (b *Bounded[K, V]) Get(k K) (V, bool) {
	if b == nil {
		var zero V
		return zero, false
	}
	b.mu.RLock()
	v, ok := b.m[k]
	b.mu.RUnlock()
	return v, ok
}

// Put remembers v for k unless the memory is full or has an answer for k
// already (the first is kept: answers for one key are the same).
func (b *Bounded[K, V]) Put(k K, v V) {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, ok := b.m[k]; ok || len(b.m) >= b.max {
		return
	}
	if b.m == nil {
		b.m = make(map[K]V)
	}
	b.m[k] = v
}

// Full reports whether the memory holds as many answers as it may, so
// that a caller need not copy an answer Put would not keep. A nil
// Bounded is full.
func (b *Bounded[K, V]) Full() bool {
	if b == nil {
		return true
	}
	b.mu.RLock()
	defer b.mu.RUnlock()
	return len(b.m) >= b.max
}

// Len returns how many answers are remembered.
func (b *Bounded[K, V]) Len() int {
	if b == nil {
		return 0
	}
	b.mu.RLock()
	defer b.mu.RUnlock()
	return len(b.m)
}
