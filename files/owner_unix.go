//go:build unix

package files

import (
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// ownedByMe reports whether this user owns the file: in a shared temporary
// folder, only one's own copies are removed, and only one's own files are
// replaced.
func ownedByMe(st fs.FileInfo) bool {
	s, ok := st.Sys().(*syscall.Stat_t)
	return ok && int(s.Uid) == os.Geteuid()
}

func ownerOf(st fs.FileInfo) int {
	if s, ok := st.Sys().(*syscall.Stat_t); ok {
		return int(s.Uid)
	}
	return -1
}

// checkLink applies the rule of Linux's fs.protected_symlinks to the link
// named name in the folder dir, whatever the system's setting: in a
// world-writable sticky folder (/tmp), a link is followed only when this
// user or the folder's owner made it. Prava follows links itself, so
// without this another local user's link in /tmp could point its output at
// the person's ~/.bashrc.
func checkLink(dir, name string, link fs.FileInfo) error {
	dst, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("files: %s: %w", dir, err)
	}
	shared := dst.Mode()&fs.ModeSticky != 0 && dst.Mode().Perm()&0o002 != 0
	if !shared {
		return nil
	}
	owner := ownerOf(link)
	if owner == os.Geteuid() || owner == ownerOf(dst) {
		return nil
	}
	return fmt.Errorf("files: %s is a symbolic link that another user (uid %d) put in the shared folder %s; Prava does not follow it, as the system would not, and nothing was written: remove the link or choose a name in a folder of your own", name, owner, dir)
}

// checkOwner refuses to replace a file another user owns: Prava replaces
// only the person's own files.
func checkOwner(path string, st fs.FileInfo) error {
	if ownedByMe(st) {
		return nil
	}
	return fmt.Errorf("files: %s belongs to another user (uid %d); Prava replaces only your own files, and nothing was written: choose another file name", path, ownerOf(st))
}
