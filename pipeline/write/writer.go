package write

import (
	"io"

	"github.com/turntag/turntag/pipeline/transcript"
)

// Encoder renders tagged documents as the bytes of one output format.
// Encode is safe for concurrent use, so Runner workers render documents
// while the writer only copies bytes, in input order.
type Encoder interface {
	Header() []byte                                  // written once, first; nil for none
	Encode(doc *transcript.Document) ([]byte, error) // the document's records
}

// Writer writes encoded documents to an io.Writer, the header first.
type Writer struct {
	enc     Encoder
	w       io.Writer
	bufs    *buffers // the buffers enc renders into, for a CSVEncoder; else nil
	started bool
}

// NewWriter returns a writer of enc's format to w.
func NewWriter(w io.Writer, enc Encoder) *Writer {
	wr := &Writer{enc: enc, w: w}
	if a, ok := enc.(appender); ok {
		wr.bufs = &buffers{}
		wr.enc = &pooledEncoder{enc: a, bufs: wr.bufs}
	}
	return wr
}

// Encoder returns the writer's encoder, which renders in the format the
// writer was made with. For a CSVEncoder, the bytes it returns are the
// writer's: WriteEncoded reuses them for a later document once it has
// written them, so a caller that keeps them after that keeps a copy.
func (w *Writer) Encoder() Encoder { return w.enc }

// WriteDocument encodes and writes one document.
func (w *Writer) WriteDocument(doc *transcript.Document) error {
	b, err := w.enc.Encode(doc)
	if err != nil {
		return err
	}
	return w.WriteEncoded(b)
}

// WriteEncoded writes a document already encoded by the writer's encoder.
// Bytes that encoder returned are reused afterwards (see Encoder); any
// others are written and left as they are.
func (w *Writer) WriteEncoded(b []byte) error {
	if err := w.start(); err != nil {
		return err
	}
	_, err := w.w.Write(b)
	if w.bufs != nil {
		w.bufs.put(b)
	}
	return err
}

// Flush writes the header when no document was written, so that an empty
// run still gives a well-formed file.
func (w *Writer) Flush() error { return w.start() }

func (w *Writer) start() error {
	if w.started {
		return nil
	}
	w.started = true
	if h := w.enc.Header(); len(h) > 0 {
		_, err := w.w.Write(h)
		return err
	}
	return nil
}
