package storage

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// An open vault does not hold its sealed file in memory (issue 25: on a
// vault with 50,000 letters that is 55 MB, as much again as the data
// shown). A stored part that has not changed is written back as it is, so
// a save needs its sealed bytes: it reads them again from the vault file,
// at the part's offset. That is safe only while the file is the very
// version they were read from or written to, so the save first checks
// that it is: under the vault's lock (no other Prava process writes it),
// the same file (inode and device), the same size and modification time,
// and the same prefix and header, whose fresh head nonce is new at every
// save and which names every part's nonce and size. A file changed in any
// way outside Prava fails the save with ErrChanged, and nothing is
// written. The bytes read back are not decrypted again: they were
// authenticated when they were read or written, and the checks above
// guard them since.

// ErrChanged is wrapped when a save finds that the vault file is no longer
// the version that was opened or last saved: something outside Prava
// replaced or changed it while it was open.
var ErrChanged = errors.New("the vault file was changed outside Prava while it was open")

// fileStamp identifies the version of the vault file that the stored
// parts' offsets refer to. The zero stamp names no file: then every
// stored part keeps its sealed bytes in memory.
type fileStamp struct {
	info   fs.FileInfo // as read or written; nil for no file
	header []byte      // the prefix and header, as in the file
}

// rest forgets the stored parts' sealed bytes, which stay in the file that
// stamp identifies, so that the file is not held in memory. Without a
// stamp the bytes are kept.
func (v *Vault) rest(stamp fileStamp) {
	v.stamp = stamp
	if stamp.info == nil {
		return
	}
	for i := range v.parts {
		v.parts[i].sealed = nil
	}
}

// restAfterSave places the parts of the version just written at their
// offsets in it, after its prefix and header (pieces[0]), and lets them
// rest there. If the new file cannot be looked at, the save itself
// stands, and the next one fails with ErrChanged. The caller holds
// fileMu.
func (v *Vault) restAfterSave(s sealed) {
	v.parts = s.parts
	off := int64(len(s.pieces[0]))
	for i := range v.parts {
		v.parts[i].off = off
		off += int64(v.parts[i].Size)
	}
	st, err := os.Stat(v.file)
	if err != nil || !st.Mode().IsRegular() {
		st = gone{}
	}
	v.rest(fileStamp{info: st, header: s.pieces[0]})
}

// storedParts returns the stored parts with their sealed bytes, read back
// from the vault file where they rest, and release, to call once the
// bytes are written. With mapped the bytes are the file's own pages, not
// copied (mapRegion): then only the kernel may read them, in a write to a
// file, because a file cut short under the mapping would crash a program
// that touches its pages. It fails with ErrChanged, before anything is
// written, when the file is not the version they rest in.
func (v *Vault) storedParts(mapped bool) ([]storedPart, func(), error) {
	start, end := int64(-1), int64(0)
	for _, p := range v.parts {
		if p.sealed != nil {
			continue // changed, or kept in memory: not read back
		}
		if start < 0 || p.off < start {
			start = p.off
		}
		end = max(end, p.off+int64(p.Size))
	}
	if start < 0 {
		return v.parts, func() {}, nil // all in memory, or none at all
	}
	f, err := v.openStamped(end)
	if errors.Is(err, ErrChanged) {
		return nil, nil, changedError(v.path)
	} else if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	buf, release, err := readRegion(f, start, end, mapped)
	if err != nil {
		return nil, nil, fmt.Errorf("storage: reading %s to save it: %w; nothing was saved", v.path, err)
	}
	parts := make([]storedPart, len(v.parts))
	for i, p := range v.parts {
		if p.sealed == nil {
			at := p.off - start
			p.sealed = buf[at : at+int64(p.Size) : at+int64(p.Size)]
		}
		parts[i] = p
	}
	return parts, release, nil
}

// openStamped opens the vault file if it is still the version the stored
// parts rest in, at least end bytes long; else the error wraps ErrChanged.
func (v *Vault) openStamped(end int64) (*os.File, error) {
	if v.lock == nil || v.stamp.info == nil {
		return nil, fmt.Errorf("storage: the vault %s is closed", v.path)
	}
	f, st, err := openVaultFile(v.file)
	if err != nil {
		return nil, ErrChanged
	}
	was := v.stamp.info
	if _, lost := was.(gone); lost || !os.SameFile(st, was) || st.Size() != was.Size() || !st.ModTime().Equal(was.ModTime()) || end > st.Size() {
		f.Close()
		return nil, ErrChanged
	}
	header := make([]byte, len(v.stamp.header))
	if n, _ := f.ReadAt(header, 0); n != len(header) || !bytes.Equal(header, v.stamp.header) {
		f.Close()
		return nil, ErrChanged
	}
	return f, nil
}

// readPart returns the sealed bytes of the stored part with the nonce:
// those kept in memory, or a copy read back from the vault file where the
// part rests, if the file is still that version (openStamped). A reader
// of a letter calls it on any goroutine, so it holds fileMu, which a save
// holds while it moves the parts to the file it wrote.
func (v *Vault) readPart(nonce []byte) ([]byte, error) {
	v.fileMu.Lock()
	defer v.fileMu.Unlock()
	for _, p := range v.parts {
		if !bytes.Equal(p.Nonce, nonce) {
			continue
		}
		if p.sealed != nil {
			return p.sealed, nil
		}
		f, err := v.openStamped(p.off + int64(p.Size))
		if err != nil {
			return nil, fmt.Errorf("storage: %s: reading a letter: %w; close Prava and open the vault again", v.path, err)
		}
		defer f.Close()
		buf, err := copyRegion(f, p.off, p.off+int64(p.Size))
		if err != nil {
			return nil, fmt.Errorf("storage: %s: reading a letter: %w", v.path, err)
		}
		return buf, nil
	}
	return nil, fmt.Errorf("storage: %s: a letter's part is no longer in the vault file; close Prava and open the vault again", v.path)
}

// lost marks the vault file as no longer the version its parts rest in,
// once a part read back from it failed its integrity check: the file was
// changed in place with its size and time kept, or the disk lost bytes.
// A save would copy the damaged part into the new version, and make the
// damaged file the backup in place of the good previous version; now it
// is refused with ErrChanged, as is every read from the file.
func (v *Vault) lost() {
	v.fileMu.Lock()
	defer v.fileMu.Unlock()
	if v.stamp.info != nil {
		v.stamp.info = gone{}
	}
}

// closed reports whether the vault was closed.
func (v *Vault) closed() bool {
	v.fileMu.Lock()
	defer v.fileMu.Unlock()
	return v.lock == nil
}

// gone stands for a vault file that could not be looked at after a save:
// it is the same file as no other.
type gone struct{ fs.FileInfo }

// changedError is ErrChanged, worded with the way out.
func changedError(path string) error {
	return fmt.Errorf("storage: %s: %w; nothing was saved, so that change is not overwritten: close Prava and open the vault again", path, ErrChanged)
}

// copyRegion copies the bytes [start, end) of f into memory of their own.
func copyRegion(f *os.File, start, end int64) ([]byte, error) {
	buf := make([]byte, end-start)
	if n, err := f.ReadAt(buf, start); n != len(buf) {
		return nil, err
	}
	return buf, nil
}
