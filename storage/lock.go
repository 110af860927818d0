package storage

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// ErrInUse means another Prava process has the vault open.
var ErrInUse = errors.New("the vault is in use")

// lockFile keeps a second Prava process away from a vault: the lock lives
// in PATH.lock and names the process that holds it.
type lockFile struct {
	f *os.File
}

func acquireLock(vaultPath string) (*lockFile, error) {
	path := vaultPath + ".lock"
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("storage: cannot create the lock file %s: %w", path, err)
	}
	ok, err := tryLock(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("storage: cannot lock %s: %w", path, err)
	}
	if !ok {
		pid := readPID(f)
		f.Close()
		who := "another Prava window"
		if pid > 0 {
			who = fmt.Sprintf("Prava process %d", pid)
		}
		return nil, fmt.Errorf("storage: %w: %s has %s open; close it there first", ErrInUse, who, vaultPath)
	}
	// The file may hold the number of a process killed earlier: replace it.
	f.Truncate(0)
	f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	return &lockFile{f: f}, nil
}

func readPID(f *os.File) int {
	buf := make([]byte, 32)
	n, _ := f.ReadAt(buf, 0)
	pid, _ := strconv.Atoi(strings.TrimSpace(string(buf[:n])))
	return pid
}

func (l *lockFile) release() error {
	if l == nil || l.f == nil {
		return nil
	}
	unlock(l.f)
	err := l.f.Close()
	l.f = nil
	return err
}
