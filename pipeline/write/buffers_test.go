package write

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/turntag/turntag/lexicon"
	"github.com/turntag/turntag/pipeline"
	"github.com/turntag/turntag/pipeline/read"
	"github.com/turntag/turntag/pipeline/transcript"
	"github.com/turntag/turntag/tagger"
)

// taggedDocs returns the testdata transcripts, tagged in lexicon-only
// mode.
func taggedDocs(t *testing.T) []*transcript.Document {
	t.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	p := pipeline.New(tagger.New(lex, nil))
	paths, _ := filepath.Glob("../../testdata/transcripts/*")
	real, _ := filepath.Glob("../../testdata/real/*/*")
	var docs []*transcript.Document
	for _, path := range append(paths, real...) {
		if _, err := read.DetectFormat(path); err != nil {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := p.Document(context.Background(), path, src)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
	}
	return docs
}

// TestWriterReusesBuffers writes the testdata documents through a
// Writer's encoder, twice over and each time after a different one, and
// checks that every document's bytes are those a fresh Encode gives, and
// that the output is their concatenation.
func TestWriterReusesBuffers(t *testing.T) {
	docs := taggedDocs(t)
	for _, c := range encoders {
		var out, want bytes.Buffer
		w := NewWriter(&out, c)
		want.Write(c.Header())
		for pass := 0; pass < 2; pass++ {
			for i := range docs {
				doc := docs[(i*7+pass)%len(docs)]
				fresh, _ := c.Encode(doc)
				b, err := w.Encoder().Encode(doc)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(b, fresh) {
					t.Fatalf("%+v, %s: reused buffer gives\n%q\nwant\n%q", c, doc.Source, b, fresh)
				}
				if err := w.WriteEncoded(b); err != nil {
					t.Fatal(err)
				}
				want.Write(fresh)
			}
		}
		if !bytes.Equal(out.Bytes(), want.Bytes()) {
			t.Fatalf("%+v: output differs from fresh encodings", c)
		}
		if len(w.bufs.free) == 0 {
			t.Errorf("%+v: no buffer taken back", c)
		}
	}
}

// TestWriterLeavesOtherBytes checks that bytes the writer's encoder did
// not hand out (a cache's, another encoder's) are written and never
// reused, nor are those handed out once they were taken back.
func TestWriterLeavesOtherBytes(t *testing.T) {
	docs := taggedDocs(t)
	var out bytes.Buffer
	w := NewWriter(&out, CSVEncoder{})
	other, _ := CSVEncoder{}.Encode(docs[0])
	keep := bytes.Clone(other)
	w.WriteEncoded(other)
	w.WriteEncoded(other[:len(other)/2])
	b, _ := w.Encoder().Encode(docs[1])
	w.WriteEncoded(b)
	w.WriteEncoded(b) // written twice: taken back once
	if len(w.bufs.free) != 1 {
		t.Fatalf("%d buffers free, want 1", len(w.bufs.free))
	}
	for _, doc := range docs {
		b, _ := w.Encoder().Encode(doc)
		w.WriteEncoded(b)
	}
	if !bytes.Equal(other, keep) {
		t.Error("bytes the encoder did not hand out were overwritten")
	}
}

// TestWriterParallel encodes documents in several goroutines through one
// Writer's encoder, as batch workers do, while the bytes are written in
// order, and checks the output against fresh encodings (run with -race).
func TestWriterParallel(t *testing.T) {
	docs := taggedDocs(t)
	c := CSVEncoder{}
	var out, want bytes.Buffer
	w := NewWriter(&out, c)
	want.Write(c.Header())
	const rounds = 3
	n := rounds * len(docs)
	slots := make([]chan []byte, n)
	for i := range slots {
		slots[i] = make(chan []byte, 1)
		fresh, _ := c.Encode(docs[i%len(docs)])
		want.Write(fresh)
	}
	var wg sync.WaitGroup
	todo := make(chan int)
	for range 4 {
		wg.Go(func() {
			for i := range todo {
				b, err := w.Encoder().Encode(docs[i%len(docs)])
				if err != nil {
					t.Error(err)
				}
				slots[i] <- b
			}
		})
	}
	go func() {
		for i := range n {
			todo <- i
		}
		close(todo)
	}()
	for i := range n {
		if err := w.WriteEncoded(<-slots[i]); err != nil {
			t.Fatal(err)
		}
	}
	wg.Wait()
	if !bytes.Equal(out.Bytes(), want.Bytes()) {
		t.Fatal("output differs from fresh encodings")
	}
}

// TestWriterKeepsNoBufferOut checks that a buffer the encoder handed out
// and nobody wrote back is left to the garbage collector.
func TestWriterKeepsNoBufferOut(t *testing.T) {
	docs := taggedDocs(t)
	w := NewWriter(io.Discard, CSVEncoder{})
	collected := make(chan struct{})
	func() {
		b, err := w.Encoder().Encode(docs[0])
		if err != nil {
			t.Fatal(err)
		}
		runtime.AddCleanup(&b[:1][0], func(ch chan struct{}) { close(ch) }, collected)
	}()
	for range 20 {
		runtime.GC()
		select {
		case <-collected:
			return
		case <-time.After(10 * time.Millisecond):
		}
	}
	t.Error("a buffer handed out and dropped is still reachable")
}
