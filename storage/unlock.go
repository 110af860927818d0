package storage

import (
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"time"
)

// unlockKey finds the data key with what the person gave.
func unlockKey(h header, u Unlock, k Keyring) ([]byte, error) {
	switch {
	case u.RecoveryCode != "":
		norm, err := normalizeRecoveryCode(u.RecoveryCode)
		if err != nil {
			return nil, err
		}
		return trySlots(h, slotRecovery, norm, "the recovery code does not open this vault: check it against your paper copy")
	case u.Passphrase != "":
		return trySlots(h, slotPassphrase, u.Passphrase, "the passphrase does not open this vault: check it and try again, or use your recovery code")
	}
	hasKeyringSlot := false
	for _, s := range h.Slots {
		hasKeyringSlot = hasKeyringSlot || s.Kind == slotKeyring
	}
	if !hasKeyringSlot {
		return nil, fmt.Errorf("%w: it is protected by a passphrase; give it, or your recovery code (on the command line: --passphrase or --recovery-code-stdin, with the secret on standard input)", ErrWrongKey)
	}
	secret, err := sorted(k).Get(keyringService, h.VaultID)
	if err != nil {
		return nil, fmt.Errorf("%w; open the vault with your recovery code (\"prava vault recover\") to put a new key in this keyring", err)
	}
	if key, ok := openKeyringSlots(h, secret); ok {
		return key, nil
	}
	return nil, fmt.Errorf("%w: the keyring's key is not this vault's; open it with your recovery code (\"prava vault recover\")", ErrWrongKey)
}

// openKeyringSlots tries the keyring's secret on every keyring slot.
func openKeyringSlots(h header, secret string) ([]byte, bool) {
	kek, err := base64.StdEncoding.DecodeString(secret)
	if err != nil || len(kek) != 32 {
		return nil, false
	}
	for _, s := range h.Slots {
		if s.Kind == slotKeyring {
			if key, ok := s.unwrap(kek, h.VaultID); ok {
				return key, true
			}
		}
	}
	return nil, false
}

func trySlots(h header, kind, secret, wrong string) ([]byte, error) {
	found := false
	for _, s := range h.Slots {
		if s.Kind != kind || s.KDF.check() != nil {
			continue // parse refuses such slots; this guards argon2 all the same
		}
		found = true
		if key, ok := s.unwrap(s.KDF.key(secret), h.VaultID); ok {
			return key, nil
		}
	}
	if !found {
		return nil, fmt.Errorf("%w: it has no %s", ErrWrongKey, kind)
	}
	return nil, fmt.Errorf("%w: %s", ErrWrongKey, wrong)
}

// Info describes a vault file without opening it.
type Info struct {
	Path         string
	ID           string
	Created      time.Time
	Modified     time.Time
	Size         int64
	Format       int
	Schema       int
	Protection   []string // keyring, recovery, passphrase
	KeyInKeyring bool     // this computer's keyring holds a key that opens it
	// OtherKeyInKeyring: the keyring holds a key under this vault's ID that
	// does not open this file — another copy's, or a damaged entry. The
	// recovery code opens it and adds this keyring's slot.
	OtherKeyInKeyring bool
	KeyringErr        error // why the keyring could not be asked
}

// Inspect reads a vault's header and asks the keyring whether it holds the
// key, without decrypting anything.
func Inspect(path string, k Keyring) (Info, error) {
	if k == nil {
		k = SystemKeyring{}
	}
	st, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return Info{}, fmt.Errorf("storage: %w at %s: create one with \"prava vault init\"", ErrNoVault, path)
		}
		return Info{}, fmt.Errorf("storage: %w", err)
	}
	f, _, err := openVaultFile(path)
	if err != nil {
		return Info{}, fileError(path, err)
	}
	defer f.Close()
	head := make([]byte, prefixLen+maxHeaderLen)
	n, _ := io.ReadFull(f, head)
	h, err := parse(head[:n])
	if err != nil {
		return Info{}, fileError(path, err)
	}
	info := Info{Path: path, ID: h.VaultID, Created: h.Created, Modified: st.ModTime(), Size: st.Size(), Format: h.format, Schema: h.Schema}
	for _, s := range h.Slots {
		if !slices.Contains(info.Protection, s.Kind) {
			info.Protection = append(info.Protection, s.Kind)
		}
	}
	if slices.Contains(info.Protection, slotKeyring) {
		secret, err := sorted(k).Get(keyringService, h.VaultID)
		switch {
		case err == nil:
			_, info.KeyInKeyring = openKeyringSlots(h.header, secret)
			info.OtherKeyInKeyring = !info.KeyInKeyring
		case !errors.Is(err, ErrNoKeyringKey):
			info.KeyringErr = err
		}
	}
	return info, nil
}
