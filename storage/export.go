package storage

import (
	"errors"
	"fmt"
	"io"
	"os"
	"prava/files"
)

// Export copies the vault, still encrypted, to w: a backup that opens
// anywhere with the recovery code.
func (v *Vault) Export(w io.Writer) error {
	file, release, err := v.seal(false) // w may read the bytes itself
	if err != nil {
		return err
	}
	defer release()
	for _, p := range file.pieces {
		if _, err := w.Write(p); err != nil {
			return err
		}
	}
	return nil
}

// ExportTo writes the backup to a new file at path, the way the vault
// itself is written (files.WriteNew), so a failed export leaves no
// half-written file. It refuses to replace an existing file, or to follow
// a link into a place the person did not choose.
func (v *Vault) ExportTo(path string) error {
	if err := files.CheckOutput(path, v.path, v.file); err != nil {
		return err
	}
	file, release, err := v.seal(true)
	if err != nil {
		return err
	}
	defer release()
	return files.WriteNew(path, file.pieces...)
}

// Import restores an exported vault to path with the recovery code,
// refusing to overwrite an existing vault, and puts a key for it in this
// keyring when one is available. The source file is only read.
func Import(src, path, recoveryCode string, k Keyring) (*Vault, error) {
	if k == nil {
		k = SystemKeyring{}
	}
	backup, err := readVault(src, func(h header) ([]byte, error) {
		norm, err := normalizeRecoveryCode(recoveryCode)
		if err != nil {
			return nil, err
		}
		return trySlots(h, slotRecovery, norm, "the recovery code does not open this backup: check it against your paper copy")
	}, false)
	if err != nil {
		return nil, err
	}
	lock, file, undo, err := prepareNew(path)
	if err != nil {
		return nil, err
	}
	if _, err := os.Lstat(file); err == nil {
		lock.release()
		return nil, fmt.Errorf("storage: %w at %s: move it aside first, or import to another path with --vault", ErrExists, path)
	}
	v := backup
	v.path, v.file, v.keyring, v.lock = path, file, sorted(k), lock
	// The source is not locked, so its parts are not read back from it:
	// they stay in memory until the save below writes them to path.
	v.stamp = fileStamp{}
	if err := v.addKeyringSlot(); err != nil && !errors.Is(err, ErrKeyringUnavailable) {
		undo(lock)
		return nil, err
	}
	if err := v.Save(); err != nil {
		undo(lock)
		return nil, err
	}
	return v, nil
}
