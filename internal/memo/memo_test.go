package memo

import (
	"fmt"
	"sync"
	"testing"
)

func TestBoundedKeepsFirstUpToMax(t *testing.T) {
	b := New[string, int](2)
	b.Put("a", 1)
	b.Put("a", 9) // the first answer stays
	if b.Full() {
		t.Error("Full with one answer of two")
	}
	b.Put("b", 2)
	if !b.Full() {
		t.Error("not Full with two answers of two")
	}
	b.Put("c", 3) // full
	for k, want := range map[string]int{"a": 1, "b": 2} {
		if got, ok := b.Get(k); !ok || got != want {
			t.Errorf("Get(%q) = %d, %v; want %d, true", k, got, ok, want)
		}
	}
	if _, ok := b.Get("c"); ok {
		t.Error(`Get("c") found an answer put past the bound`)
	}
	if b.Len() != 2 {
		t.Errorf("Len = %d, want 2", b.Len())
	}
}

func TestNilRemembersNothing(t *testing.T) {
	var b *Bounded[string, int]
	b.Put("a", 1)
	if _, ok := b.Get("a"); ok || b.Len() != 0 || !b.Full() {
		t.Error("a nil Bounded remembered an answer")
	}
}

// TestBoundedParallel puts and gets from many goroutines at once (run
// with -race): every answer found is the one put for its key, and no
// more than the bound are kept.
func TestBoundedParallel(t *testing.T) {
	b := New[string, string](100)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 500 {
				k := fmt.Sprint((i*7 + g) % 300)
				if v, ok := b.Get(k); ok && v != "v"+k {
					t.Errorf("Get(%q) = %q", k, v)
					return
				}
				b.Put(k, "v"+k)
			}
		}()
	}
	wg.Wait()
	if b.Len() != 100 {
		t.Errorf("Len = %d, want 100", b.Len())
	}
}
