package storage

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"prava/files"
)

// replaceKeepingBackup writes data over the vault file path and keeps the
// version it replaces as PATH.bak. The order matters: the new version is
// written and flushed first; only then is the current one set aside (a hard
// link, or a flushed copy where links are not possible); then the new
// version is renamed into place, and only after that does the set-aside
// copy become PATH.bak. A failure before the rename — a full disk, no
// inodes, a read-only folder — leaves both the vault and PATH.bak as they
// were; a crash anywhere leaves the vault whole, old or new, and at worst a
// temporary file that the next open removes.
func replaceKeepingBackup(path string, data ...[]byte) error {
	tmp, err := files.WriteTemp(path, data...)
	if err != nil {
		return err
	}
	aside := ""
	if _, err := os.Lstat(path); err == nil {
		if aside, err = setAside(path); err != nil {
			os.Remove(tmp)
			return err
		}
	}
	if err := files.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		if aside != "" {
			os.Remove(aside)
		}
		return files.WriteError(filepath.Dir(path), path, err)
	}
	if aside != "" {
		// The new version is in place. If the old one cannot become the
		// .bak, the save still stands and the older .bak stays.
		if err := files.Rename(aside, path+".bak"); err != nil {
			os.Remove(aside)
		}
	}
	return files.SyncDir(filepath.Dir(path))
}

// setAside makes a second name for the current version of path, to become
// its .bak once the new version is in place: a hard link costs nothing;
// where links are not possible the bytes are copied and flushed.
func setAside(path string) (string, error) {
	aside := path + ".bak.tmp"
	os.Remove(aside)
	err := files.Fault("link", path)
	if err == nil {
		err = os.Link(path, aside)
	}
	if err == nil {
		return aside, nil
	}
	current, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("storage: reading %s to keep its previous version: %w", path, err)
	}
	return files.WriteTemp(path, current)
}

// removeStaleTemps deletes temporary files a crashed save left behind. It
// runs under the lock, so no save of another process can be under way.
// The folder is listed and names compared as text: a vault folder named
// "[ab]" or "*" is no pattern, so no other vault's temporary files go.
func removeStaleTemps(path string) {
	dir, base := filepath.Split(path)
	entries, err := os.ReadDir(filepath.Clean(dir))
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		if strings.HasPrefix(n, base+".tmp-") || n == base+".bak.tmp" {
			os.Remove(filepath.Join(dir, n))
		}
	}
}
