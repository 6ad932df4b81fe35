//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package main

import "os"

// lockFile does nothing where advisory locks are not available: removeStale
// then relies on staleAge alone.
func lockFile(*os.File) func() { return func() {} }

// inUse cannot tell here; staleAge decides.
func inUse(string) bool { return false }
