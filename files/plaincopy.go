package files

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// printPrefix names the folders of plain copies made for printing; the
// creating process's ID follows it, so a later start can tell a crashed
// run's copies from a running Prava's.
const printPrefix = "prava-print-"

// PlainCopy writes data, decrypted, to a new owner-only folder in the
// system's temporary folder under name, for a program outside Prava (a PDF
// viewer, to print). It returns the file's path and the folder to remove
// when Prava closes. The name goes through SafeName, so a long or hostile
// company name still gives a file the system takes. Copies a crash leaves are removed by
// RemoveStalePlainCopies at the next start.
func PlainCopy(name string, data []byte) (path, dir string, err error) {
	dir, err = os.MkdirTemp("", printPrefix+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return "", "", fmt.Errorf("files: cannot make a temporary folder: %w", err)
	}
	path = filepath.Join(dir, SafeName(filepath.Base(name)))
	if err := Replace(path, data); err != nil {
		os.RemoveAll(dir)
		return "", "", err
	}
	return path, dir, nil
}

// RemoveStalePlainCopies deletes the plain copies (PlainCopy) that a Prava
// killed or crashed before it closed left in the temporary folder: those
// whose process is no longer running. It returns how many it removed.
// Call it once at start.
func RemoveStalePlainCopies() int {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), printPrefix+"*"))
	removed := 0
	for _, dir := range dirs {
		st, err := os.Lstat(dir)
		if err != nil || !st.IsDir() || !ownedByMe(st) {
			continue
		}
		// prava-print-PID-RANDOM; older versions wrote prava-print-RANDOM.
		rest := strings.TrimPrefix(filepath.Base(dir), printPrefix)
		pidText, _, hasPID := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if hasPID && err == nil && pid != os.Getpid() && PravaRunning(pid) {
			continue // a running Prava's copy
		}
		if hasPID && pid == os.Getpid() {
			continue
		}
		if os.RemoveAll(dir) == nil {
			removed++
		}
	}
	return removed
}
