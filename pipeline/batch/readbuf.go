package batch

import "sync"

// maxReadBuffer is the largest buffer kept for the next file: transcripts
// are mostly tens of kilobytes, and a rare large file is read into a
// buffer of its own rather than pinning its size in every worker.
const maxReadBuffer = 1 << 20

// readBufferPool holds the buffers files are read into, so that a worker
// reads file after file into memory it has, instead of allocating and
// clearing a new buffer for each (limited.ReadFileInto). Reuse is safe
// because nothing of a file's bytes outlives its processing: the reader
// copies what the Document keeps, and the cache key is a hash.
type readBufferPool struct{ pool sync.Pool }

// readBuffers is the Runner's pool of read buffers, shared by its workers.
var readBuffers readBufferPool

// get returns a buffer to read a file into, empty, or nil when the pool
// has none: limited.ReadFileInto then allocates one.
func (p *readBufferPool) get() []byte {
	if b, ok := p.pool.Get().(*[]byte); ok {
		return (*b)[:0]
	}
	return nil
}

// put gives back buf, or used when the file was read into new memory
// that is larger, once no goroutine reads either any more.
func (p *readBufferPool) put(buf, used []byte) {
	if cap(used) > cap(buf) {
		buf = used
	}
	if cap(buf) == 0 || cap(buf) > maxReadBuffer {
		return
	}
	b := buf[:0]
	p.pool.Put(&b)
}
