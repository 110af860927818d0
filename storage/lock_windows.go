//go:build windows

package storage

import (
	"errors"
	"io/fs"
	"os"

	"golang.org/x/sys/windows"
)

// errLockIsLink is returned when the lock file's name is a link.
var errLockIsLink = errors.New("the lock file is a symbolic link")

// openLockFile opens or creates the lock file, refusing a link: Windows has
// no O_NOFOLLOW, so the name is checked first.
func openLockFile(path string) (*os.File, error) {
	if st, err := os.Lstat(path); err == nil && st.Mode()&fs.ModeSymlink != 0 {
		return nil, errLockIsLink
	}
	return os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
}

// isLinkError reports whether opening failed because the name is a link.
func isLinkError(err error) bool { return errors.Is(err, errLockIsLink) }

// tryLock takes an exclusive lock on f without waiting. Windows drops it
// when the process ends, however it ends.
func tryLock(f *os.File) (bool, error) {
	var ol windows.Overlapped
	err := windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ol)
	if err == windows.ERROR_LOCK_VIOLATION {
		return false, nil
	}
	return err == nil, err
}

func unlock(f *os.File) error {
	var ol windows.Overlapped
	return windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, &ol)
}
