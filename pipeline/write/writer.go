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
	started bool
}

// NewWriter returns a writer of enc's format to w.
func NewWriter(w io.Writer, enc Encoder) *Writer { return &Writer{enc: enc, w: w} }

// Encoder returns the writer's encoder.
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
func (w *Writer) WriteEncoded(b []byte) error {
	if err := w.start(); err != nil {
		return err
	}
	_, err := w.w.Write(b)
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
