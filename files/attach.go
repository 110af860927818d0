package files

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// ReadAttachment reads a file to keep in the vault, at most limit bytes.
// Only a regular file is read: a pipe would keep Prava waiting for ever and
// a device would feed it without end, so both are refused at once, before
// opening, with a message that says what to do.
func ReadAttachment(path string, limit int64) ([]byte, error) {
	name := filepath.Base(path)
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("files: cannot read %s: %w", path, err)
	}
	if err := attachable(name, st, limit); err != nil {
		return nil, err
	}
	// Non-blocking, so that a file swapped for a pipe after the check
	// cannot hold the open; the check is repeated on what was opened.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, fmt.Errorf("files: cannot read %s: %w", path, err)
	}
	defer f.Close()
	if st, err = f.Stat(); err != nil {
		return nil, fmt.Errorf("files: cannot read %s: %w", path, err)
	}
	if err := attachable(name, st, limit); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("files: cannot read %s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("files: %s grew past %d MB while it was read; Prava keeps files up to %d MB", name, limit>>20, limit>>20)
	}
	return data, nil
}

func attachable(name string, st fs.FileInfo, limit int64) error {
	switch {
	case st.IsDir():
		return fmt.Errorf("files: %s is a folder: choose a file inside it", name)
	case !st.Mode().IsRegular():
		return fmt.Errorf("files: %s is not a regular file (it is a pipe, a device or a socket); save what you want to keep as a file and choose that", name)
	case st.Size() > limit:
		return fmt.Errorf("files: %s: %d MB; Prava keeps files up to %d MB", name, st.Size()>>20, limit>>20)
	}
	return nil
}
