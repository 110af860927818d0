package casework

import (
	"errors"
	"fmt"
	"time"

	"prava/record"
	"prava/storage"
)

// The vault's own words, so that no caller needs package storage: only
// casework opens, changes and saves a vault.
type (
	// Unlock is what opens a vault when the keyring cannot: a passphrase
	// or the recovery code.
	Unlock = storage.Unlock
	// Keyring keeps vault keys: the system's (SystemKeyring) or a test's.
	Keyring = storage.Keyring
	// SystemKeyring is the operating system's keyring.
	SystemKeyring = storage.SystemKeyring
	// VaultInfo describes a vault file without opening it.
	VaultInfo = storage.Info
)

// Errors opening, creating and changing a vault; test with errors.Is.
var (
	ErrNoVault            = storage.ErrNoVault
	ErrWrongKey           = storage.ErrWrongKey
	ErrNoKeyringKey       = storage.ErrNoKeyringKey
	ErrKeyringUnavailable = storage.ErrKeyringUnavailable
	ErrRecoveryCodeTypo   = storage.ErrRecoveryCodeTypo
	ErrInUse              = storage.ErrInUse
	// ErrChanged fails a save when the vault file was changed outside
	// Prava while it was open; nothing is written.
	ErrChanged   = storage.ErrChanged
	ErrDamaged   = storage.ErrDamaged
	ErrTooNew    = storage.ErrTooNew
	ErrNotAVault = storage.ErrNotAVault
	// ErrPartial refuses a change a desk opened without the requests
	// (OpenCompanies) cannot make safely: deleting or merging a company
	// would leave its requests behind.
	ErrPartial = errors.New("the vault was opened without its requests")
)

// InUseError says who holds a vault that is in use (errors.As); it
// matches ErrInUse.
type InUseError = storage.InUseError

// MinPassphraseLen is the shortest passphrase a vault takes.
const MinPassphraseLen = storage.MinPassphraseLen

// The timeline's entries for the vault itself.
const (
	EntryVaultCreated  Entry = "vault created"
	EntryVaultImported Entry = "vault imported"
	EntryVaultRestored Entry = "vault restored"
	EntryVaultExported Entry = "vault exported"
	EntryKeyringKey    Entry = "keyring key stored"
	EntryPassphraseSet Entry = "passphrase set"
)

// NewRecoveryCode makes a well-formed recovery code that opens no vault:
// for a screen that shows the form of one before any vault exists.
func NewRecoveryCode() string { return storage.NewRecoveryCode() }

// DefaultVaultPath is where the vault lives when nobody says otherwise:
// prava/prava.vault in the user's configuration folder.
func DefaultVaultPath() (string, error) { return storage.DefaultPath() }

// CheckPassphrase says whether a passphrase is long enough to protect a
// vault, and if not, what to do.
func CheckPassphrase(p string) error { return storage.CheckPassphrase(p) }

// InspectVault reads a vault's header and asks the keyring whether it
// holds the key, without decrypting anything; k nil is the system's.
func InspectVault(path string, k Keyring) (VaultInfo, error) { return storage.Inspect(path, k) }

// HasBackup reports whether the previous version of the vault at path is
// there to restore.
func HasBackup(path string) bool { return storage.HasBackup(path) }

// Open opens the vault at path behind a desk: with the keyring k (nil for
// the system's), or with the passphrase or recovery code in with. now is
// the desk's clock (time.Now when nil).
func Open(path string, with Unlock, k Keyring, now func() time.Time) (*Desk, error) {
	v, err := storage.Open(path, with, k)
	if err != nil {
		return nil, err
	}
	return NewDesk(v, now), nil
}

// OpenCompanies opens the vault without its requests, for work on
// companies alone: on a vault with many letters it is several times
// faster. The desk refuses what needs the requests (ErrPartial).
func OpenCompanies(path string, with Unlock, k Keyring, now func() time.Time) (*Desk, error) {
	v, err := storage.OpenWithoutRequests(path, with, k)
	if err != nil {
		return nil, err
	}
	return NewDesk(v, now), nil
}

// Create makes a new vault at path, its key in the keyring k (nil for the
// system's) or, when passphrase is set, protected by it instead; it
// returns the desk and the recovery code, which is shown once and never
// again.
func Create(path, passphrase string, k Keyring, now func() time.Time) (*Desk, string, error) {
	return CreateWith(path, passphrase, k, now, nil)
}

// CreateWith is Create for a vault that starts with data made elsewhere:
// fill (when not nil) writes into the new vault's data, and the "vault
// created" entry is saved with it in one save. The desk's checks do not
// run on what fill writes, so it is for callers that cannot reach package
// storage yet must start from a known vault: the app's tests and
// benchmarks, whose fixtures no use case could make in one save.
func CreateWith(path, passphrase string, k Keyring, now func() time.Time, fill func(d *record.Data)) (*Desk, string, error) {
	v, code, err := storage.Create(path, storage.CreateOptions{Keyring: k, Passphrase: passphrase})
	if err != nil {
		return nil, "", err
	}
	desk := NewDesk(v, now)
	if err := desk.update(func(d *record.Data) error {
		if fill != nil {
			fill(d)
		}
		desk.log(d, EntryVaultCreated, "", "", "")
		return nil
	}); err != nil {
		v.Close()
		return nil, "", err
	}
	return desk, code, nil
}

// Import makes the backup src the vault at path, with its recovery code,
// refusing to replace a vault already there; this keyring gets a key for
// it when it can. src is only read.
func Import(src, path, recoveryCode string, k Keyring, now func() time.Time) (*Desk, error) {
	v, err := storage.Import(src, path, recoveryCode, k)
	if err != nil {
		return nil, err
	}
	desk := NewDesk(v, now)
	if err := desk.update(func(d *record.Data) error { desk.log(d, EntryVaultImported, "", "", src); return nil }); err != nil {
		v.Close()
		return nil, err
	}
	return desk, nil
}

// RestoreBackup puts the previous version of a damaged vault in its place
// and opens it; the damaged file is kept beside it under a name the
// timeline records. The vault must not be open anywhere.
func RestoreBackup(path string, with Unlock, k Keyring, now func() time.Time) (*Desk, error) {
	clock := now
	if clock == nil {
		clock = time.Now
	}
	aside, err := storage.RestoreBackup(path, clock())
	if err != nil {
		return nil, err
	}
	desk, err := Open(path, with, k, now)
	if err != nil {
		return nil, fmt.Errorf("the previous version is in place, but it does not open: %w", err)
	}
	if err := desk.update(func(d *record.Data) error { desk.log(d, EntryVaultRestored, "", "", aside); return nil }); err != nil {
		desk.Close()
		return nil, err
	}
	return desk, nil
}

// StoreKeyringKey puts a fresh key for the vault in this computer's
// keyring, so the next start asks nothing (after the recovery code, on a
// new computer); other computers' keys still work.
func (k *Desk) StoreKeyringKey() error {
	k.mu.Lock()
	err := k.vault.StoreKeyringKey()
	k.mu.Unlock()
	if err != nil {
		return err
	}
	return k.update(func(d *record.Data) error { k.log(d, EntryKeyringKey, "", "", ""); return nil })
}

// SetPassphrase protects the vault with a passphrase too (a system
// without a keyring); an older passphrase no longer opens it.
func (k *Desk) SetPassphrase(p string) error {
	if err := storage.CheckPassphrase(p); err != nil {
		return err
	}
	k.mu.Lock()
	err := k.vault.SetPassphrase(p)
	k.mu.Unlock()
	if err != nil {
		return err
	}
	return k.update(func(d *record.Data) error { k.log(d, EntryPassphraseSet, "", "", ""); return nil })
}

// Export writes a backup of the vault, still encrypted, to a new file at
// path: it opens anywhere with the recovery code. The timeline records it
// once the backup is written.
func (k *Desk) Export(path string) error {
	k.mu.Lock()
	err := k.vault.ExportTo(path)
	k.mu.Unlock()
	if err != nil {
		return err
	}
	return k.update(func(d *record.Data) error { k.log(d, EntryVaultExported, "", "", path); return nil })
}

// Path is the vault's file.
func (k *Desk) Path() string { return k.vault.Path() }

// Partial reports whether the desk was opened without the requests.
func (k *Desk) Partial() bool { return k.vault.Partial() }

// Close releases the vault for other processes; everything is saved
// already.
func (k *Desk) Close() error { return k.vault.Close() }
