package storage

import (
	"fmt"
	"os"
	"path/filepath"
	"prava/files"
	"time"
)

// HasBackup reports whether the previous version of the vault at path was
// kept beside it (PATH.bak).
func HasBackup(path string) bool {
	if file, err := files.Resolve(path); err == nil {
		path = file
	}
	st, err := os.Stat(path + ".bak")
	return err == nil && st.Mode().IsRegular()
}

// RestoreBackup makes the previous version of a damaged vault the current
// one. Nothing is deleted: the damaged file is renamed to
// PATH.damaged-TIME, whose name it returns, so it can still be examined.
// The vault must not be open in any Prava process. A vault reached through
// a symbolic link is restored at the link's target.
func RestoreBackup(path string, now time.Time) (string, error) {
	path, err := files.Resolve(path)
	if err != nil {
		return "", err
	}
	lock, err := acquireLock(path)
	if err != nil {
		return "", err
	}
	defer lock.release()
	bak := path + ".bak"
	if !HasBackup(path) {
		return "", fmt.Errorf("storage: there is no previous version %s to restore; import a backup you exported instead", bak)
	}
	aside := path + ".damaged-" + now.UTC().Format("20060102T150405")
	if _, err := os.Stat(path); err == nil {
		if err := os.Rename(path, aside); err != nil {
			return "", fmt.Errorf("storage: cannot move the damaged %s aside: %w", path, err)
		}
	} else {
		aside = ""
	}
	if err := os.Rename(bak, path); err != nil {
		if aside != "" {
			os.Rename(aside, path)
		}
		return "", fmt.Errorf("storage: cannot put %s back in place: %w", bak, err)
	}
	return aside, files.SyncDir(filepath.Dir(path))
}
