//go:build windows

package files

import "io/fs"

// ownedByMe: the temporary folder on Windows is the user's own.
func ownedByMe(fs.FileInfo) bool { return true }
