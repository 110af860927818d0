package files

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// tempMark joins a file's name and its temporary copy's PID:
// "letter.eml.tmp-4242-123456".
const tempMark = ".tmp-"

// RemoveStaleTemps deletes, in dir, the temporary files that a Prava
// killed while writing left behind: a letter's e-mail draft holds the
// person's name, address and the PDF in plain text. Only regular files of
// this user named as WriteTemp names them, whose process is no longer a
// running Prava, are removed. WriteFile calls it for the folder it writes
// in, so the leftovers go at the next write there. It returns how many it
// removed.
func RemoveStaleTemps(dir string) int {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	removed := 0
	for _, e := range entries {
		pid, ok := tempPID(e.Name())
		if !ok || pid == os.Getpid() || PravaRunning(pid) {
			continue
		}
		path := filepath.Join(dir, e.Name())
		st, err := os.Lstat(path)
		if err != nil || !st.Mode().IsRegular() || !ownedByMe(st) {
			continue
		}
		if os.Remove(path) == nil {
			removed++
		}
	}
	return removed
}

// tempPID reads the process ID out of a temporary file's name:
// NAME.tmp-PID-RANDOM, both numbers in digits.
func tempPID(name string) (int, bool) {
	i := strings.LastIndex(name, tempMark)
	if i <= 0 {
		return 0, false
	}
	pidText, random, ok := strings.Cut(name[i+len(tempMark):], "-")
	if !ok || !allDigits(pidText) || !allDigits(random) {
		return 0, false
	}
	pid, err := strconv.Atoi(pidText)
	return pid, err == nil && pid > 0
}

func allDigits(s string) bool {
	if s == "" || len(s) > 20 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
