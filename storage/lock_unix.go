//go:build unix

package storage

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
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

// isPrava reports whether process pid is running and, where the system
// tells (Linux's /proc), runs the same program as this one or one named
// prava. A lock held by a process of another name is another program's.
func isPrava(pid int) bool {
	if err := syscall.Kill(pid, 0); err != nil && !errors.Is(err, syscall.EPERM) {
		return false // no such process: the number is stale
	}
	cmdline, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/cmdline")
	if err != nil {
		return true // no /proc (macOS, BSD): it runs, and may be Prava
	}
	if len(cmdline) == 0 {
		return true // a process on its way out: most likely the Prava that held the lock
	}
	argv0, _, _ := strings.Cut(string(cmdline), "\x00")
	name := filepath.Base(argv0)
	self, _ := os.Executable()
	return name == filepath.Base(self) || strings.Contains(strings.ToLower(name), "prava")
}
