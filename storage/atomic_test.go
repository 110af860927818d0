package storage

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestBackupWithoutHardLinks checks the copy that replaces the hard link on
// file systems without links (FAT, some network shares): the backup must
// hold the previous bytes, not nothing.
func TestBackupWithoutHardLinks(t *testing.T) {
	path := filepath.Join(t.TempDir(), "prava.vault")
	if err := writeAtomic(path, []byte("previous version")); err != nil {
		t.Fatal(err)
	}
	noLinks := func(string, string) error { return errors.New("links not supported") }
	if err := keepBackupWith(path, noLinks); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path + ".bak")
	if err != nil || string(got) != "previous version" {
		t.Errorf("backup holds %q (%v), want the previous version", got, err)
	}
}
