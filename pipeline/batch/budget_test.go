package batch

import (
	"context"
	"testing"
	"time"
)

func TestBudget(t *testing.T) {
	tests := []struct {
		name    string
		held    []int64 // acquired first
		want    int64   // then acquired
		release int64   // released while waiting; 0: none
		fits    bool    // whether the wait ends before the context's deadline
	}{
		{"fits beside what is held", []int64{30}, 30, 0, true},
		{"a large input alone always fits", nil, 100, 0, true},
		{"waits for room", []int64{40, 40}, 40, 40, true},
		{"waits in vain until cancelled", []int64{60}, 60, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBudget(100)
			for _, n := range tt.held {
				if !b.acquire(context.Background(), n) {
					t.Fatal("could not acquire what fits")
				}
			}
			if tt.release > 0 {
				time.AfterFunc(20*time.Millisecond, func() { b.release(tt.release) })
			}
			ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
			defer cancel()
			if got := b.acquire(ctx, tt.want); got != tt.fits {
				t.Errorf("acquire(%d) = %v, want %v", tt.want, got, tt.fits)
			}
		})
	}
}
