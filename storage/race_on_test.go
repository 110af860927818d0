//go:build race

package storage

// raceSlowdown scales time limits in tests: the race detector makes
// decoding JSON and the like many times slower.
const raceSlowdown = 10
