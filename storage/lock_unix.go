//go:build unix

package storage

import (
	"errors"
	"os"
	"syscall"
)

// openLockFile opens or creates the lock file without following a link.
func openLockFile(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0o600)
}

// isLinkError reports whether opening failed because the name is a link.
func isLinkError(err error) bool { return errors.Is(err, syscall.ELOOP) }

// tryLock takes an exclusive advisory lock on f without waiting. The
// operating system drops it when the process ends, however it ends.
func tryLock(f *os.File) (bool, error) {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if err == syscall.EWOULDBLOCK {
		return false, nil
	}
	return err == nil, err
}

func unlock(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
}
