package files

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// maxLinks bounds how many symbolic links Resolve follows, as the system
// does, so a loop of links ends.
const maxLinks = 40

// Resolve returns the file a write to path really replaces: path made
// absolute, with every symbolic link on the way followed, folders and the
// final name alike. Replacing the target, not the link, keeps a vault or a
// file reached through a link one file.
//
// Prava follows the links itself (the temporary file goes beside the
// target), so the system's protection of shared folders never sees them;
// Resolve applies it instead: a link in a world-writable sticky folder
// such as /tmp is followed only when this user or the folder's owner made
// it. A final link whose target does not exist is refused: a file is never
// created through a link.
func Resolve(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("files: %s: %w", path, err)
	}
	vol := filepath.VolumeName(abs)
	cur := vol + string(filepath.Separator)
	todo := splitPath(abs[len(vol):])
	links := 0
	for len(todo) > 0 {
		name := todo[0]
		todo = todo[1:]
		switch name {
		case "", ".":
			continue
		case "..":
			cur = filepath.Dir(cur)
			continue
		}
		next := filepath.Join(cur, name)
		st, err := os.Lstat(next)
		if errors.Is(err, fs.ErrNotExist) {
			// A new file, or a folder that is missing: the write says so.
			return filepath.Join(append([]string{next}, todo...)...), nil
		}
		if err != nil {
			return "", fmt.Errorf("files: %s: %w", path, err)
		}
		if st.Mode()&fs.ModeSymlink == 0 {
			cur = next
			continue
		}
		if links++; links > maxLinks {
			return "", fmt.Errorf("files: %s: too many symbolic links in a row: point it at a real file", path)
		}
		if err := checkLink(cur, next, st); err != nil {
			return "", err
		}
		link, err := os.Readlink(next)
		if err != nil {
			return "", fmt.Errorf("files: following the link %s: %w", next, err)
		}
		if len(todo) == 0 {
			if _, err := os.Stat(next); errors.Is(err, fs.ErrNotExist) {
				return "", fmt.Errorf("files: %s is a symbolic link to %s, which does not exist; Prava never creates a file through a link, and nothing was written: remove the link or choose another name", path, link)
			}
		}
		if filepath.IsAbs(link) {
			v := filepath.VolumeName(link)
			cur = v + string(filepath.Separator)
			link = link[len(v):]
		}
		todo = append(splitPath(link), todo...)
	}
	return cur, nil
}

func splitPath(p string) []string {
	return strings.FieldsFunc(p, func(r rune) bool { return os.IsPathSeparator(uint8(r)) && r < 0x80 })
}
