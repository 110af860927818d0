//go:build unix

package files

import (
	"io/fs"
	"os"
	"syscall"
)

// ownedByMe reports whether this user owns the file: in a shared temporary
// folder, only one's own copies are removed.
func ownedByMe(st fs.FileInfo) bool {
	s, ok := st.Sys().(*syscall.Stat_t)
	return ok && int(s.Uid) == os.Getuid()
}
