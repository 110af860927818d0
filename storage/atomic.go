package storage

import (
	"fmt"
	"os"
	"path/filepath"
)

// WriteFile writes data to path the way the vault is written: through a
// temporary file, flushed and renamed, so that a crash or a full disk
// leaves the old file or none, never half of the new one. The file is
// readable by its owner only.
func WriteFile(path string, data []byte) error { return writeAtomic(path, data) }

// writeAtomic replaces path with data, given in pieces, so that a crash at any moment leaves
// either the old file or the new one, never a mix: the data goes to a
// temporary file in the same folder, is flushed to disk, and is renamed
// over the old file; then the folder itself is flushed so the rename lasts.
func writeAtomic(path string, data ...[]byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("storage: cannot write in %s: %w", dir, err)
	}
	name := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if err := tmp.Chmod(0o600); err != nil {
		return fmt.Errorf("storage: %w", err)
	}
	for _, d := range data {
		if _, err := tmp.Write(d); err != nil {
			return fmt.Errorf("storage: writing %s: %w", path, err)
		}
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("storage: flushing %s to disk: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("storage: %w", err)
	}
	if err := os.Rename(name, path); err != nil {
		return fmt.Errorf("storage: replacing %s: %w", path, err)
	}
	ok = true
	return syncDir(dir)
}

// keepBackup makes path.bak the current version of path before it is
// replaced: a hard link costs nothing; where links are not possible the
// bytes are copied. Either way the old backup is replaced atomically.
func keepBackup(path string) error {
	return keepBackupWith(path, os.Link)
}

// keepBackupWith is keepBackup with the link call given, so that the copy
// path can be tested on file systems that do have hard links.
func keepBackupWith(path string, link func(oldname, newname string) error) error {
	bak := path + ".bak"
	tmp := bak + ".tmp"
	os.Remove(tmp)
	if err := link(path, tmp); err == nil {
		if err := os.Rename(tmp, bak); err != nil {
			os.Remove(tmp)
			return fmt.Errorf("storage: keeping the backup %s: %w", bak, err)
		}
		return syncDir(filepath.Dir(path))
	}
	current, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("storage: reading %s to keep a backup: %w", path, err)
	}
	return writeAtomic(bak, current)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return nil // some systems cannot open folders; the rename stands
	}
	defer d.Close()
	d.Sync() // not supported everywhere (Windows); best effort by design
	return nil
}
