package files

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
)

// Replace writes data, given in pieces, over path, which must already be
// resolved and checked: a crash at any moment leaves either the old file or
// the new one, never a mix. The vault's own saves use it.
func Replace(path string, data ...[]byte) error {
	tmp, err := WriteTemp(path, data...)
	if err != nil {
		return err
	}
	if err := Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("files: replacing %s: %w", path, err)
	}
	return SyncDir(filepath.Dir(path))
}

// WriteTemp writes data to a new owner-only temporary file beside path,
// flushed to disk and closed, and returns its name: path, TempMark, the
// process's ID, a dash and a random number, so that one a killed process
// left can be told from one a running Prava is writing (RemoveStaleTemps).
// On any error nothing is left.
func WriteTemp(path string, data ...[]byte) (string, error) {
	dir := filepath.Dir(path)
	if err := Fault("create", path); err != nil {
		return "", WriteError(dir, path, err)
	}
	// The name is cut so that the marks fit NAME_MAX beside a name that
	// already takes all of it.
	tmp, err := os.CreateTemp(dir, cutBytes(filepath.Base(path), maxNameBytes-40)+tempMark+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return "", WriteError(dir, path, err)
	}
	name := tmp.Name()
	fail := func(err error) (string, error) {
		tmp.Close()
		os.Remove(name)
		return "", WriteError(dir, path, err)
	}
	if err := tmp.Chmod(0o600); err != nil {
		return fail(err)
	}
	for _, d := range data {
		if err := Fault("write", path); err != nil {
			return fail(err)
		}
		if _, err := tmp.Write(d); err != nil {
			return fail(err)
		}
	}
	if err := Fault("sync", path); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return "", WriteError(dir, path, err)
	}
	return name, nil
}

// Rename is os.Rename behind the fault hook.
func Rename(from, to string) error {
	if err := Fault("rename", to); err != nil {
		return err
	}
	return os.Rename(from, to)
}

// FaultHook is, when set (by tests only: it is not safe to change while
// files are written), is asked before each step of a write — "create",
// "write", "sync", "link", "rename" — and its error stands for the
// system's: a full disk, a read-only folder.
var FaultHook func(step, path string) error

// Fault asks FaultHook about step; nil when no test set it.
func Fault(step, path string) error {
	if FaultHook == nil {
		return nil
	}
	return FaultHook(step, path)
}

// SyncDir flushes a folder after a rename in it, where the system can.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return nil // some systems cannot open folders; the rename stands
	}
	defer d.Close()
	d.Sync() // not supported everywhere (Windows); best effort by design
	return nil
}
