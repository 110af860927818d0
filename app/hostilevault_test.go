//go:build linux

package app

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestStartWithHostileVault is security review 2's F2, F3 and F5 at the
// app's start: a FIFO, /dev/zero and a 64 GB sparse file that begins like
// a vault once hung the window or crashed it. Each now gets the start
// screen's answer, and the window stays usable.
func TestStartWithHostileVault(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.vault")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	sparse := filepath.Join(dir, "sparse.vault")
	f, err := os.Create(sparse)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("PRAVAVLT")
	if err := f.Truncate(64 << 30); err != nil {
		t.Skipf("no sparse file here: %v", err)
	}
	f.Close()
	for _, c := range []struct{ name, path, says string }{
		{"a FIFO", fifo, "This is not a Prava vault"},
		{"/dev/zero", "/dev/zero", "This is not a Prava vault"},
		{"a 64 GB sparse file", sparse, "The vault file is damaged"},
	} {
		t.Run(c.name, func(t *testing.T) {
			u := startedUI(t, c.path)
			if u.desk != nil {
				t.Fatal("a vault was opened")
			}
			mustShow(t, u, c.says)
			mustShow(t, u, "Open another vault…")
			mustShow(t, u, "Quit")
		})
	}
}
