//go:build !race

package storage

// raceSlowdown scales time limits in tests: without the race detector,
// none.
const raceSlowdown = 1
