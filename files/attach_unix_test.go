//go:build unix

package files

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReadAttachment: only regular files within the limit are read.
func TestReadAttachment(t *testing.T) {
	dir := t.TempDir()
	ok := filepath.Join(dir, "reply.pdf")
	os.WriteFile(ok, []byte("%PDF reply"), 0o600)
	if data, err := ReadAttachment(ok, 1<<20); err != nil || string(data) != "%PDF reply" {
		t.Errorf("regular file: %q %v", data, err)
	}
	big := filepath.Join(dir, "big.bin")
	f, _ := os.Create(big)
	f.Truncate(3 << 20)
	f.Close()
	fifo := filepath.Join(dir, "pipe")
	syscall.Mkfifo(fifo, 0o600)
	for path, words := range map[string]string{big: "up to 1 MB", fifo: "not a regular file", dir: "is a folder", os.DevNull: "not a regular file"} {
		if _, err := ReadAttachment(path, 1<<20); err == nil || !strings.Contains(err.Error(), words) {
			t.Errorf("%s: %v; want %q", path, err, words)
		}
	}
}
