//go:build windows

package storage

import "io/fs"

// ownedByMe: the temporary folder on Windows is the user's own.
func ownedByMe(fs.FileInfo) bool { return true }
