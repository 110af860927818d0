package storage

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// maxVaultSize bounds a vault file whose header does not give its size
// (files written before the header did): no vault Prava writes comes near
// it, and a larger file is refused before a byte of its body is read.
const maxVaultSize = 2 << 30

// errNotFile is wrapped when the path is a device, a pipe or a folder.
var errNotFile = errors.New("it is not a plain file")

// openVaultFile opens path for reading without waiting: a pipe would
// block the open for ever (and, in the app, leave "Opening your vault…"
// on screen, deaf to SIGTERM). Only a regular file is kept open.
func openVaultFile(path string) (*os.File, fs.FileInfo, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, nil, notFileError(st)
	}
	return f, st, nil
}

// notFileError says what a path that is no plain file is. It is also
// errNotVault, so the app and the command line say "not a Prava vault"
// rather than that it cannot be opened.
func notFileError(st fs.FileInfo) error {
	what := "a pipe or a socket"
	switch m := st.Mode(); {
	case m.IsDir():
		what = "a folder"
	case m&fs.ModeDevice != 0:
		what = "a device"
	}
	return fmt.Errorf("%w (%w: it is %s)", errNotVault, errNotFile, what)
}

// readVaultFile reads a vault or backup whole, but only after its first
// bytes show it is one: the magic, the format and the header's length are
// checked before anything else is read, and the header (of files written
// since it says so) gives the file's exact size, so a 64 GB sparse file
// that starts like a vault, a 3 GB video or /dev/zero is refused at once,
// in little memory. It returns the file's bytes and what it was as read.
func readVaultFile(path string) ([]byte, fs.FileInfo, error) {
	f, st, err := openVaultFile(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	prefix := make([]byte, prefixLen)
	if _, err := io.ReadFull(f, prefix); err != nil || !bytes.Equal(prefix[:len(magic)], []byte(magic)) {
		return nil, nil, errNotVault
	}
	n := int64(binary.BigEndian.Uint32(prefix[len(magic)+2:]))
	if n > maxHeaderLen || int64(prefixLen)+n > st.Size() {
		return nil, nil, fmt.Errorf("%w: the header is cut off", errDamaged)
	}
	hdr := make([]byte, n)
	if _, err := io.ReadFull(f, hdr); err != nil {
		return nil, nil, fmt.Errorf("%w: the header is cut off", errDamaged)
	}
	size := st.Size()
	if want, ok := sizeFromHeader(hdr); ok && want != size-int64(prefixLen)-n {
		return nil, nil, fmt.Errorf("%w: the file is %d bytes, not the %d its header gives", errDamaged, size, int64(prefixLen)+n+want)
	}
	if size > maxVaultSize {
		return nil, nil, fmt.Errorf("%w: the file is %d MB, larger than any vault", errDamaged, size>>20)
	}
	file := make([]byte, size)
	copy(file, prefix)
	copy(file[prefixLen:], hdr)
	if _, err := io.ReadFull(f, file[int64(prefixLen)+n:]); err != nil {
		return nil, nil, fmt.Errorf("%w: it is cut off", errDamaged)
	}
	return file, st, nil
}

// sizeFromHeader returns the body's size from a format 2 header that
// records its head's size: the parts' sizes and the head's added up.
func sizeFromHeader(raw []byte) (int64, bool) {
	var h struct {
		Parts []struct {
			Size int64 `json:"size"`
		} `json:"parts"`
		Head int64 `json:"head"`
	}
	if json.Unmarshal(raw, &h) != nil || h.Head <= 0 {
		return 0, false
	}
	total := h.Head
	for _, p := range h.Parts {
		if p.Size < 0 || p.Size > maxVaultSize {
			return 0, false
		}
		total += p.Size
	}
	return total, true
}
