// Package batch runs a Pipeline over many files: it expands arguments into
// Inputs (folders walked, filters applied), reads each within a size
// bound, and runs the files on parallel workers, handing back one Result
// per input in input order whatever the timing, so that output is
// byte-identical run to run. A bad file is an error Result; the rest go on.
// With a Cache, a file tagged before with the same bytes, name and options
// is read from the cache instead of being tagged again.
//
// Imports: pipeline, pipeline/read, pipeline/transcript, pipeline/write.
package batch
