package files

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"syscall"
)

// ErrVaultFile means a write was refused because its target is a Prava
// vault, a vault's previous version or its lock file.
var ErrVaultFile = errors.New("vault files are never written over")

// refuseVaultFile refuses a write onto a vault, its .bak, its lock file or
// its set-aside copies. target is path resolved; both are named in the
// message so the person recognises the file they gave.
func refuseVaultFile(path, target string) error {
	what := ""
	switch {
	case strings.HasSuffix(target, ".bak") && isVaultFile(strings.TrimSuffix(target, ".bak")):
		what = "the previous version of the Prava vault " + strings.TrimSuffix(target, ".bak")
	case strings.HasSuffix(target, ".lock") && isVaultFile(strings.TrimSuffix(target, ".lock")):
		what = "the lock file of the Prava vault " + strings.TrimSuffix(target, ".lock")
	case strings.HasSuffix(target, ".bak.tmp") && isVaultFile(strings.TrimSuffix(target, ".bak.tmp")):
		what = "a temporary copy of the Prava vault " + strings.TrimSuffix(target, ".bak.tmp")
	case isVaultFile(target):
		what = "a Prava vault"
	}
	if what == "" {
		return nil
	}
	named := path
	if target != path {
		named = fmt.Sprintf("%s (%s)", path, target)
	}
	return fmt.Errorf("files: %s is %s; %w, nothing was changed: choose another file name", named, what, ErrVaultFile)
}

// isVaultFile reports whether path is a regular file that starts with the
// vault's magic bytes: a vault, a .bak, an export, a damaged vault set
// aside.
func isVaultFile(path string) bool {
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() {
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		// Unreadable: it cannot be checked, so trust only its name.
		return strings.HasSuffix(path, ".vault")
	}
	defer f.Close()
	head := make([]byte, len(VaultMagic))
	n, _ := io.ReadFull(f, head)
	return bytes.Equal(head[:n], []byte(VaultMagic))
}

// WriteError words a failed write with the way out for the usual causes.
func WriteError(dir, path string, err error) error {
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Errorf("files: cannot write %s: the disk is full (%w); nothing was changed: free some space and try again", path, err)
	case errors.Is(err, syscall.EDQUOT):
		return fmt.Errorf("files: cannot write %s: your disk quota is used up (%w); nothing was changed: free some space and try again", path, err)
	case errors.Is(err, syscall.EROFS):
		return fmt.Errorf("files: cannot write %s: the disk is read-only (%w); nothing was changed", path, err)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("files: cannot write in %s: permission denied (%w); nothing was changed: check the folder's permissions or choose another place", dir, err)
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("files: cannot write in %s: %w", dir, err)
	}
	return fmt.Errorf("files: cannot write %s: %w; nothing was changed", path, err)
}

// VaultMagic is the first eight bytes of every Prava vault, .bak and
// export: the guard knows a vault under any name by them.
const VaultMagic = "PRAVAVLT"
