package storage

import (
	"fmt"
	"os"
	"path/filepath"
)

// WriteFile is the one way Prava writes a file of its own (a calendar, a
// letter, an e-mail, a saved PDF, the recovery code, an attachment): it
// writes through a temporary file in the target's folder, flushes it, renames
// it over the target and flushes the folder, so that a crash or a full disk
// leaves the old file or the new one, never half of the new one. A symbolic
// link at path is kept and its target replaced. The file is readable by its
// owner only.
//
// It refuses, and changes nothing, when path is a Prava vault, a vault's
// previous version (.bak) or its lock file: by name after following links,
// and by the file's first bytes.
func WriteFile(path string, data []byte) error {
	target, err := resolveTarget(path)
	if err != nil {
		return err
	}
	if err := refuseVaultFile(path, target); err != nil {
		return err
	}
	return writeAtomic(target, data)
}

// writeAtomic replaces path with data, given in pieces, so that a crash at
// any moment leaves either the old file or the new one, never a mix.
func writeAtomic(path string, data ...[]byte) error {
	tmp, err := writeTemp(path, data...)
	if err != nil {
		return err
	}
	if err := rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("storage: replacing %s: %w", path, err)
	}
	return syncDir(filepath.Dir(path))
}

// writeTemp writes data to a new temporary file beside path, flushed to
// disk and closed, and returns its name. On any error nothing is left.
func writeTemp(path string, data ...[]byte) (string, error) {
	dir := filepath.Dir(path)
	if err := fault("create", path); err != nil {
		return "", writeError(dir, path, err)
	}
	tmp, err := os.CreateTemp(dir, filepath.Base(path)+".tmp-*")
	if err != nil {
		return "", writeError(dir, path, err)
	}
	name := tmp.Name()
	fail := func(err error) (string, error) {
		tmp.Close()
		os.Remove(name)
		return "", writeError(dir, path, err)
	}
	if err := tmp.Chmod(0o600); err != nil {
		return fail(err)
	}
	for _, d := range data {
		if err := fault("write", path); err != nil {
			return fail(err)
		}
		if _, err := tmp.Write(d); err != nil {
			return fail(err)
		}
	}
	if err := fault("sync", path); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return "", writeError(dir, path, err)
	}
	return name, nil
}

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
	tmp, err := writeTemp(path, data...)
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
	if err := rename(tmp, path); err != nil {
		os.Remove(tmp)
		if aside != "" {
			os.Remove(aside)
		}
		return writeError(filepath.Dir(path), path, err)
	}
	if aside != "" {
		// The new version is in place. If the old one cannot become the
		// .bak, the save still stands and the older .bak stays.
		if err := rename(aside, path+".bak"); err != nil {
			os.Remove(aside)
		}
	}
	return syncDir(filepath.Dir(path))
}

// setAside makes a second name for the current version of path, to become
// its .bak once the new version is in place: a hard link costs nothing;
// where links are not possible the bytes are copied and flushed.
func setAside(path string) (string, error) {
	aside := path + ".bak.tmp"
	os.Remove(aside)
	err := fault("link", path)
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
	return writeTemp(path, current)
}

// rename is os.Rename behind the fault hook.
func rename(from, to string) error {
	if err := fault("rename", to); err != nil {
		return err
	}
	return os.Rename(from, to)
}

// faultHook, when set (by tests only), is asked before each step of a write
// — "create", "write", "sync", "link", "rename" — and its error stands for
// the system's: a full disk, a read-only folder.
var faultHook func(step, path string) error

func fault(step, path string) error {
	if faultHook == nil {
		return nil
	}
	return faultHook(step, path)
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
