package files

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestStaleTempsRemovedAtNextWrite: the plaintext draft a killed letter
// left beside its output goes at the next write in that folder (F17); a
// running Prava's temporary file and the person's own files stay.
func TestStaleTempsRemovedAtNextWrite(t *testing.T) {
	dir := t.TempDir()
	dead := filepath.Join(dir, "l7.eml.tmp-4194305-3806781040") // PID beyond Linux's limit
	running := filepath.Join(dir, "l8.eml.tmp-"+strconv.Itoa(os.Getpid())+"-1")
	mine := filepath.Join(dir, "notes.tmp-1-2.txt")
	for _, f := range []string{dead, running, mine} {
		os.WriteFile(f, []byte("From: Olena"), 0o600)
	}
	if err := WriteFile(filepath.Join(dir, "letter.pdf"), []byte("%PDF")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dead); err == nil {
		t.Error("the killed run's draft is still there")
	}
	for _, f := range []string{running, mine} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s was removed", f)
		}
	}
}
