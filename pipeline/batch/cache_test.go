package batch

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline"
	"github.com/turntag/turntag/pipeline/write"
	"github.com/turntag/turntag/tagger"
)

// cacheInputs copies the bundled .txt transcripts into a folder and lists
// them.
func cacheInputs(t *testing.T) []Input {
	t.Helper()
	dir := t.TempDir()
	paths, _ := filepath.Glob("../../testdata/transcripts/*.txt")
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, filepath.Base(p)), b, 0o644)
	}
	inputs, errs := Expand([]string{dir}, Filter{})
	if len(errs) > 0 || len(inputs) < 3 {
		t.Fatalf("expand: %v %v", inputs, errs)
	}
	return inputs
}

// runCached runs a Runner with a CSV encoder and c over inputs and returns
// the output and the number of cached results.
func runCached(t *testing.T, c *Cache, inputs []Input) (string, int) {
	t.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	w := write.NewWriter(&out, write.CSVEncoder{})
	r := &Runner{Pipeline: pipeline.New(tagger.New(lex, nil)), Jobs: 2, Encoders: []write.Encoder{w.Encoder()}, Cache: c}
	cached := 0
	err = r.Run(context.Background(), inputs, func(res Result) error {
		if res.Err != nil {
			return res.Err
		}
		if res.Cached {
			cached++
		}
		return w.WriteEncoded(res.Encoded[0])
	})
	if err != nil {
		t.Fatal(err)
	}
	return out.String(), cached
}

// entries lists the cache's entry files.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, "??", "*"))
	return m
}

// TestCacheCorrupt damages entries in several ways: each is recomputed,
// the output stays the same, and the entry is written again.
func TestCacheCorrupt(t *testing.T) {
	inputs := cacheInputs(t)
	c := &Cache{Dir: t.TempDir(), Key: "k"}
	want, _ := runCached(t, c, inputs)
	es := entries(t, c.Dir)
	if len(es) != len(inputs) {
		t.Fatalf("%d entries for %d files", len(es), len(inputs))
	}
	damage := []func([]byte) []byte{
		func(b []byte) []byte { return b[:len(b)/2] },                         // truncated
		func(b []byte) []byte { b[len(b)/2] ^= 1; return b },                  // a flipped bit
		func(b []byte) []byte { return nil },                                  // empty
		func(b []byte) []byte { return append([]byte("TTCACHE0"), b[8:]...) }, // another layout
	}
	for i, d := range damage {
		b, _ := os.ReadFile(es[i])
		os.WriteFile(es[i], d(b), 0o600)
	}
	got, cached := runCached(t, &Cache{Dir: c.Dir, Key: "k"}, inputs)
	if got != want {
		t.Error("output after damage differs")
	}
	if cached != len(inputs)-len(damage) {
		t.Errorf("%d of %d from the cache, want %d", cached, len(inputs), len(inputs)-len(damage))
	}
	if _, cached := runCached(t, &Cache{Dir: c.Dir, Key: "k"}, inputs); cached != len(inputs) {
		t.Errorf("damaged entries not rewritten: %d of %d from the cache", cached, len(inputs))
	}
	if _, cached := runCached(t, &Cache{Dir: c.Dir, Key: "other"}, inputs); cached != 0 {
		t.Errorf("another key: %d from the cache", cached)
	}
}

// TestCacheBound keeps the entries under MaxBytes, least recently used out
// first, and leaves other files in the folder alone.
func TestCacheBound(t *testing.T) {
	inputs := cacheInputs(t)
	dir := t.TempDir()
	other := filepath.Join(dir, "ab", "notes.txt")
	os.MkdirAll(filepath.Dir(other), 0o755)
	os.WriteFile(other, bytes.Repeat([]byte("x"), 1<<20), 0o644)
	os.WriteFile(filepath.Join(dir, "README"), []byte("mine"), 0o644)
	max := int64(40_000)
	runCached(t, &Cache{Dir: dir, Key: "k", MaxBytes: max}, inputs)
	var total int64
	for _, e := range entries(t, dir) {
		if filepath.Base(e) == "notes.txt" {
			continue
		}
		info, _ := os.Stat(e)
		total += info.Size()
	}
	if total > max || total == 0 {
		t.Errorf("entries take %d bytes, bound %d", total, max)
	}
	for _, f := range []string{other, filepath.Join(dir, "README")} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// TestCacheInterrupted stops a run after its first file: what the workers
// finished is kept, and the next run reads it from the cache.
func TestCacheInterrupted(t *testing.T) {
	inputs := cacheInputs(t)
	c := &Cache{Dir: t.TempDir(), Key: "k"}
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	w := write.NewWriter(&bytes.Buffer{}, write.CSVEncoder{})
	r := &Runner{Pipeline: pipeline.New(tagger.New(lex, nil)), Jobs: 1, Encoders: []write.Encoder{w.Encoder()}, Cache: c}
	stop := errors.New("stop")
	err = r.Run(context.Background(), inputs, func(Result) error { return stop })
	if !errors.Is(err, stop) {
		t.Fatal(err)
	}
	if _, cached := runCached(t, &Cache{Dir: c.Dir, Key: "k"}, inputs); cached < 1 {
		t.Errorf("nothing kept from the interrupted run")
	}
}

// TestCacheShared runs two runners on one cache folder at once: both
// write the same output as a run without the cache.
func TestCacheShared(t *testing.T) {
	inputs := cacheInputs(t)
	want, _ := runCached(t, nil, inputs)
	dir := t.TempDir()
	var wg sync.WaitGroup
	outs := make([]string, 4)
	for i := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outs[i], _ = runCached(t, &Cache{Dir: dir, Key: "k"}, inputs)
		}()
	}
	wg.Wait()
	for i, o := range outs {
		if o != want {
			t.Errorf("run %d: output differs", i)
		}
	}
	if got, cached := runCached(t, &Cache{Dir: dir, Key: "k"}, inputs); got != want || cached != len(inputs) {
		t.Errorf("after the shared runs: %d of %d from the cache, same output %v", cached, len(inputs), got == want)
	}
}

// TestRunnerBuild checks the Runner's lazy pipeline: Build is not called
// when every file is in the cache, is called once when some are not, and
// its error stops the run before any result is emitted.
func TestRunnerBuild(t *testing.T) {
	inputs := cacheInputs(t)
	c := &Cache{Dir: t.TempDir(), Key: "k"}
	want, _ := runCached(t, c, inputs)
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	run := func(c *Cache, build func() (*pipeline.Pipeline, error)) (string, bool, error) {
		var out bytes.Buffer
		w := write.NewWriter(&out, write.CSVEncoder{})
		r := &Runner{Build: build, Jobs: 2, Encoders: []write.Encoder{w.Encoder()}, Cache: c}
		err := r.Run(context.Background(), inputs, func(res Result) error {
			if res.Err != nil {
				return res.Err
			}
			return w.WriteEncoded(res.Encoded[0])
		})
		return out.String(), r.Built(), err
	}
	var mu sync.Mutex
	calls := 0
	build := func() (*pipeline.Pipeline, error) {
		mu.Lock()
		calls++
		mu.Unlock()
		return pipeline.New(tagger.New(lex, nil)), nil
	}
	if got, built, err := run(&Cache{Dir: c.Dir, Key: "k"}, build); err != nil || got != want || calls != 0 || built {
		t.Errorf("all cached: err %v, same output %v, Build called %d times, Built %v", err, got == want, calls, built)
	}
	os.Remove(entries(t, c.Dir)[0])
	if got, built, err := run(&Cache{Dir: c.Dir, Key: "k"}, build); err != nil || got != want || calls != 1 || !built {
		t.Errorf("one file not cached: err %v, same output %v, Build called %d times, Built %v", err, got == want, calls, built)
	}
	bad := errors.New("no lexicon")
	got, built, err := run(&Cache{Dir: t.TempDir(), Key: "k"}, func() (*pipeline.Pipeline, error) { return nil, bad })
	if err != bad || got != "" || !built {
		t.Errorf("Build fails: err %v, output %q, Built %v", err, got, built)
	}
}

// TestCacheNotRegular puts a named pipe where an entry goes: the run
// neither waits on it nor reads it, but tags the file again and puts a
// real entry in its place.
func TestCacheNotRegular(t *testing.T) {
	inputs := cacheInputs(t)
	c := &Cache{Dir: t.TempDir(), Key: "k"}
	want, _ := runCached(t, c, inputs)
	es := entries(t, c.Dir)
	if len(es) == 0 {
		t.Fatal("no entries")
	}
	os.Remove(es[0])
	if err := syscall.Mkfifo(es[0], 0o600); err != nil {
		t.Skip("no named pipes:", err)
	}
	type run struct {
		out    string
		cached int
	}
	done := make(chan run, 1)
	go func() {
		out, cached := runCached(t, &Cache{Dir: c.Dir, Key: "k"}, inputs)
		done <- run{out, cached}
	}()
	select {
	case r := <-done:
		if r.out != want {
			t.Error("output differs")
		}
		if r.cached != len(inputs)-1 {
			t.Errorf("%d of %d from the cache, want %d", r.cached, len(inputs), len(inputs)-1)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the run waits on a named pipe in the cache")
	}
	if info, err := os.Lstat(es[0]); err != nil || !info.Mode().IsRegular() {
		t.Errorf("the pipe is not replaced by an entry: %v %v", info, err)
	}
}
