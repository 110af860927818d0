//go:build linux

package storage

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestFullDiskKeepsVaultAndBackup saves a vault on a real, tiny tmpfs that
// is then filled to the last byte: the save must fail with the full disk's
// advice, and the vault and its .bak must stay byte for byte (audit F3:
// the .bak used to become the current version). Mounting needs root, so
// elsewhere it is skipped; TestFailedSaveKeepsVaultAndBackup covers the
// same with injected faults everywhere.
func TestFullDiskKeepsVaultAndBackup(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=256k,mode=0700"); err != nil {
		t.Skipf("cannot mount a small tmpfs here (%v): needs root", err)
	}
	defer syscall.Unmount(dir, 0)
	path := filepath.Join(dir, "prava.vault")
	k := testKeyring(t)
	v, _, err := Create(path, CreateOptions{Keyring: k})
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	sampleData(v.Data)
	v.Save()
	v.Data.Profile.Name = "second"
	if err := v.Save(); err != nil {
		t.Fatal(err)
	}
	vault, _ := os.ReadFile(path)
	bak, _ := os.ReadFile(path + ".bak")
	fill, _ := os.Create(filepath.Join(dir, "fill"))
	chunk := make([]byte, 1024)
	for {
		if _, err := fill.Write(chunk); err != nil {
			break
		}
	}
	for { // the last bytes, one at a time
		if _, err := fill.Write(chunk[:1]); err != nil {
			break
		}
	}
	fill.Close()
	v.Data.Profile.Name = "third, on a full disk"
	v.Data.Profile.Address = strings.Repeat("x", 4096)
	err = v.Save()
	if err == nil || !strings.Contains(err.Error(), "disk is full") {
		t.Fatalf("save on a full disk: %v", err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, vault) {
		t.Error("the failed save changed the vault")
	}
	if got, _ := os.ReadFile(path + ".bak"); !bytes.Equal(got, bak) {
		t.Error("the failed save changed the previous version")
	}
	if left, _ := filepath.Glob(path + ".*tmp*"); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	// With space again, the save goes through.
	os.Remove(filepath.Join(dir, "fill"))
	if err := v.Save(); err != nil {
		t.Fatalf("save after freeing space: %v", err)
	}
}
