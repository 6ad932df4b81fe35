// Package limited reads input files safely: regular files only, checked
// before they are opened and opened so that nothing can block, and never
// more than a stated number of bytes. Everything turntag reads from disk or
// stdin (transcripts, lexicons, gold files) comes in through it.
//
// In: a path or a reader and a byte limit. Out: the bytes, or an error that
// says why not (ErrNotRegular, transcript.ErrTooLarge, or the system's).
package limited
