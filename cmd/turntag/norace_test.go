//go:build !race

package main

// raceEnabled: the race detector multiplies memory and time, so the fault
// suite does not hold such runs to its memory figures.
const raceEnabled = false
