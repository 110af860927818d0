//go:build !unix

package storage

import "os"

// readRegion copies the bytes [start, end) of f: mapping files is left to
// systems with mmap (atrest_unix.go).
func readRegion(f *os.File, start, end int64, _ bool) ([]byte, func(), error) {
	buf, err := copyRegion(f, start, end)
	return buf, func() {}, err
}
