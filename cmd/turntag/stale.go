package main

import (
	"os"
	"path/filepath"
	"regexp"
	"time"
)

// tempPrefix, tempInfix and tempSuffix frame the temporary name of an
// output file: ".turns.csv.turntag-123456.tmp" beside turns.csv.
const (
	tempPrefix = "."
	tempInfix  = ".turntag-"
	tempSuffix = ".tmp"
	// staleAge is how old a temporary file left by a run that died
	// (kill -9, a crash, a power cut) must be before a later run removes it.
	staleAge = time.Hour
)

// tempName matches the temporary files of turntag's own naming, and only
// those.
var tempName = regexp.MustCompile(`^\..+\.turntag-[0-9]+\.tmp$`)

// removeStale removes the temporary files of turntag's naming in dir that
// are regular files older than staleAge and locked by no running turntag:
// what a run killed with kill -9 leaves behind. Nothing else is touched.
func removeStale(dir string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !tempName.MatchString(e.Name()) || !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil || now.Sub(info.ModTime()) < staleAge {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if inUse(p) {
			continue
		}
		os.Remove(p)
	}
}
