package storage

import (
	"errors"
	"fmt"
	"os"
	"prava/files"
	"strconv"
	"strings"
)

// ErrInUse means another Prava process, or another program, holds the
// vault's lock.
var ErrInUse = errors.New("the vault is in use")

// InUseError says who holds the vault, so that the person can be told in
// their own words: a running Prava's process number, or, when PID is 0,
// another program holding the lock file. It matches ErrInUse.
type InUseError struct {
	Vault string // the vault's file
	Lock  string // the lock file beside it
	PID   int    // the Prava process that has it open; 0 if none is named
}

// Error says who holds the vault and what to do, in English for the log.
func (e *InUseError) Error() string {
	if e.PID > 0 {
		return fmt.Sprintf("storage: %v: Prava process %d has %s open; close it there first", ErrInUse, e.PID, e.Vault)
	}
	return fmt.Sprintf("storage: %v: another program holds the lock file %s, and no running Prava is named in it; close the program that has the vault open (a backup or sync tool, an editor), then try again", ErrInUse, e.Lock)
}

// Unwrap makes errors.Is(err, ErrInUse) hold.
func (e *InUseError) Unwrap() error { return ErrInUse }

// lockFile keeps a second Prava process away from a vault: the lock lives
// in PATH.lock and names the process that holds it.
type lockFile struct {
	f *os.File
}

// acquireLock locks the vault at vaultPath, which must already be resolved
// (files.Resolve), so that every way of naming one vault takes one lock.
// The lock file itself is never followed through a symbolic link: in a
// folder others can write to, a planted link would otherwise make Prava
// overwrite the file it points to.
func acquireLock(vaultPath string) (*lockFile, error) {
	path := vaultPath + ".lock"
	f, err := openLockFile(path)
	if err != nil {
		if isLinkError(err) {
			return nil, fmt.Errorf("storage: the lock file %s is a symbolic link, which Prava does not follow: remove it (it holds nothing) and try again", path)
		}
		return nil, fmt.Errorf("storage: cannot create the lock file %s: %w; check the folder's permissions", path, err)
	}
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("storage: the lock file %s is not a plain file: remove it and try again", path)
	}
	ok, err := tryLock(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("storage: cannot lock %s: %w", path, err)
	}
	if !ok {
		pid := readPID(f)
		f.Close()
		if pid <= 0 || !files.PravaRunning(pid) {
			pid = 0
		}
		return nil, &InUseError{Vault: vaultPath, Lock: path, PID: pid}
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
