package write

import (
	"sync"
	"weak"

	"github.com/turntag/turntag/pipeline/transcript"
)

// appender is an Encoder that can append a document's bytes to a buffer
// of the caller's: a Writer then hands it buffers the writer has written
// out, instead of a new one for each document.
type appender interface {
	Encoder
	// appendDocument appends the bytes Encode returns for doc to b.
	appendDocument(b []byte, doc *transcript.Document) ([]byte, error)
	// sizeHint guesses how many bytes doc's records take.
	sizeHint(doc *transcript.Document) int
}

// Bounds of a Writer's buffers: how many it keeps for reuse, how large a
// buffer it keeps (a larger one is left to the garbage collector), and
// how many it tracks while they are out (in a batch, the documents
// encoded and not yet written: a few per worker).
const (
	maxFreeBuffers = 16
	maxBufferBytes = 4 << 20
	maxOutBuffers  = 1024
)

// buffers are the buffers a Writer's encoder renders documents into,
// reused once WriteEncoded has written them. A buffer is taken back only
// if the encoder handed it out and it was not taken back since, so bytes
// from anywhere else (a cache, another encoder) are written and left
// alone.
type buffers struct {
	mu   sync.Mutex // guards what follows: workers encode while the writer writes
	free [][]byte   // empty, ready for the next document
	// out are the buffers handed out, by their first byte, with their
	// capacities. The pointers are weak: a buffer never written back is
	// not kept from the garbage collector.
	out map[weak.Pointer[byte]]int
}

// get returns an empty buffer for about n bytes.
func (p *buffers) get(n int) []byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	for k := len(p.free) - 1; k >= 0; k-- {
		if b := p.free[k]; cap(b) >= n {
			p.free[k] = p.free[len(p.free)-1]
			p.free[len(p.free)-1] = nil
			p.free = p.free[:len(p.free)-1]
			return b
		}
	}
	return make([]byte, 0, n)
}

// lend records b, which the encoder is about to return, as handed out.
func (p *buffers) lend(b []byte) {
	if cap(b) == 0 || cap(b) > maxBufferBytes {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.out == nil || len(p.out) >= maxOutBuffers {
		// buffers never written (of a failed run) are forgotten: those
		// still out are then not taken back
		p.out = map[weak.Pointer[byte]]int{}
	}
	p.out[weak.Make(&b[:1][0])] = cap(b)
}

// put takes b back when lend handed it out, for get to reuse.
func (p *buffers) put(b []byte) {
	if cap(b) == 0 {
		return
	}
	first := weak.Make(&b[:1][0])
	p.mu.Lock()
	defer p.mu.Unlock()
	if c, ok := p.out[first]; !ok || c != cap(b) {
		return
	}
	delete(p.out, first)
	if len(p.free) < maxFreeBuffers {
		p.free = append(p.free, b[:0])
	} else if k := smallest(p.free); cap(p.free[k]) < cap(b) {
		p.free[k] = b[:0] // keep the larger ones: fewer documents outgrow them
	}
}

// smallest returns the index of the buffer with the least capacity.
func smallest(bs [][]byte) int {
	k := 0
	for i, b := range bs {
		if cap(b) < cap(bs[k]) {
			k = i
		}
	}
	return k
}

// pooledEncoder is the encoder of a Writer whose encoder is an appender:
// it renders into the writer's buffers.
type pooledEncoder struct {
	enc  appender
	bufs *buffers
}

// Header returns the encoder's header.
func (e *pooledEncoder) Header() []byte { return e.enc.Header() }

// Encode renders doc into a buffer of the writer's, which WriteEncoded
// reuses once it has written it.
func (e *pooledEncoder) Encode(doc *transcript.Document) ([]byte, error) {
	b, err := e.enc.appendDocument(e.bufs.get(e.enc.sizeHint(doc)), doc)
	if err != nil {
		return nil, err
	}
	e.bufs.lend(b)
	return b, nil
}
