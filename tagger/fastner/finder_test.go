package fastner_test

import (
	"slices"
	"sync"
	"testing"

	"github.com/turntag/turntag/tagger"
	"github.com/turntag/turntag/tagger/fastner"
)

// TestFinderConcurrent calls the Finder from several goroutines (run it
// with -race): each gets the names tagger.Prose finds.
func TestFinderConcurrent(t *testing.T) {
	texts := corpus(t)
	if testing.Short() {
		texts = texts[:len(texts)/8]
	}
	texts = texts[:min(len(texts), 200)]
	want := make([][]tagger.Name, len(texts))
	for i, s := range texts {
		ns, err := tagger.Prose{}.Names(s)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = ns
	}
	var f tagger.NameFinder = fastner.Finder{}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range texts {
				i := (k + g*len(texts)/4) % len(texts)
				got, err := f.Names(texts[i])
				if err != nil {
					t.Error(err)
					return
				}
				if !slices.Equal(got, want[i]) {
					t.Errorf("%q: fastner %v, prose %v", texts[i], got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
}
