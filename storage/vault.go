package storage

import (
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// Errors Open and Create wrap; test with errors.Is. Each message names the
// file and the way out.
var (
	ErrNoVault   = errors.New("there is no vault")
	ErrExists    = errors.New("a vault already exists")
	ErrWrongKey  = errors.New("the key does not open the vault")
	ErrDamaged   = errDamaged
	ErrTooNew    = errTooNew
	ErrNotAVault = errNotVault
)

// Vault is an open vault: its data in memory, the file locked against other
// Prava processes until Close.
type Vault struct {
	Data *Data

	path    string
	header  header
	dataKey []byte
	keyring Keyring
	lock    *lockFile
	parts   []storedPart // as in the file last read or written
	// noRequests is set when the vault was opened without its requests:
	// Data.Requests is empty, and saves keep the stored ones.
	noRequests bool
}

// DefaultPath is where the vault lives unless --vault or PRAVA_VAULT say
// otherwise: the user's configuration folder, prava/prava.vault.
func DefaultPath() (string, error) {
	if p := os.Getenv("PRAVA_VAULT"); p != "" {
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("storage: no configuration folder (%v): give a vault path with --vault", err)
	}
	return filepath.Join(dir, "prava", "prava.vault"), nil
}

// Unlock says how to open a vault: from the keyring, or with the recovery
// code or passphrase the person typed.
type Unlock struct {
	RecoveryCode string
	Passphrase   string
}

// CreateOptions choose how a new vault is protected.
type CreateOptions struct {
	Keyring Keyring // nil for SystemKeyring
	// Passphrase protects the vault instead of the keyring, for systems
	// with no keyring. The recovery code works either way.
	Passphrase string
}

// Create makes a new, empty vault at path and returns it open, with the
// recovery code to show the person once. The key goes into the keyring,
// or, when a passphrase is given, is derived from it; it is never written
// to a plain file.
func Create(path string, opt CreateOptions) (*Vault, string, error) {
	if opt.Keyring == nil {
		opt.Keyring = SystemKeyring{}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, "", fmt.Errorf("storage: cannot create the folder for %s: %w", path, err)
	}
	lock, err := acquireLock(path)
	if err != nil {
		return nil, "", err
	}
	if _, err := os.Stat(path); err == nil {
		lock.release()
		return nil, "", fmt.Errorf("storage: %w at %s: open it, or choose another path with --vault", ErrExists, path)
	}
	v := &Vault{
		Data:    &Data{},
		path:    path,
		header:  header{VaultID: hex.EncodeToString(randomBytes(16)), Created: time.Now().UTC().Truncate(time.Second), Schema: SchemaVersion},
		dataKey: randomBytes(32),
		keyring: opt.Keyring,
		lock:    lock,
	}
	code := NewRecoveryCode()
	norm, _ := normalizeRecoveryCode(code)
	kdf := kdfFor(slotRecovery)
	v.header.Slots = append(v.header.Slots, wrap(slotRecovery, kdf, kdf.key(norm), v.dataKey, v.header.VaultID))
	if opt.Passphrase != "" {
		kdf := kdfFor(slotPassphrase)
		v.header.Slots = append(v.header.Slots, wrap(slotPassphrase, kdf, kdf.key(opt.Passphrase), v.dataKey, v.header.VaultID))
	} else if err := v.addKeyringSlot(); err != nil {
		lock.release()
		return nil, "", err
	}
	if err := v.Save(); err != nil {
		lock.release()
		return nil, "", err
	}
	return v, code, nil
}

// addKeyringSlot puts a fresh key into the keyring and a slot for it into
// the header, replacing an older keyring slot.
func (v *Vault) addKeyringSlot() error {
	kek := randomBytes(32)
	if err := v.keyring.Set(keyringService, v.header.VaultID, base64.StdEncoding.EncodeToString(kek)); err != nil {
		return fmt.Errorf("storage: cannot store the vault's key in the keyring: %w; protect the vault with a passphrase instead", err)
	}
	slots := v.header.Slots[:0]
	for _, s := range v.header.Slots {
		if s.Kind != slotKeyring {
			slots = append(slots, s)
		}
	}
	v.header.Slots = append(slots, wrap(slotKeyring, nil, kek, v.dataKey, v.header.VaultID))
	return nil
}

// Open opens the vault at path. With an empty Unlock it uses the key in
// the keyring; otherwise the recovery code or passphrase. k may be nil for
// SystemKeyring. Nothing is written.
func Open(path string, u Unlock, k Keyring) (*Vault, error) {
	return openLocked(path, u, k, false)
}

// OpenWithoutRequests opens the vault like Open but leaves its requests
// unread, for work on the profile and companies alone, such as adding a
// company from the command line: with tens of thousands of letters in the
// vault, decoding them is most of the time an open takes. The requests are
// still checked for damage. Data.Requests stays empty; Save writes the
// stored requests back unchanged, and refuses if any were added. Do not
// delete a company through such a vault: its requests would stay.
func OpenWithoutRequests(path string, u Unlock, k Keyring) (*Vault, error) {
	return openLocked(path, u, k, true)
}

func openLocked(path string, u Unlock, k Keyring, skipRequests bool) (*Vault, error) {
	if k == nil {
		k = SystemKeyring{}
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("storage: %w at %s: create one with \"prava vault init\", or give the right path with --vault", ErrNoVault, path)
	}
	lock, err := acquireLock(path)
	if err != nil {
		return nil, err
	}
	v, err := open(path, u, k, skipRequests)
	if err != nil {
		lock.release()
		return nil, err
	}
	v.lock = lock
	removeStaleTemps(path)
	return v, nil
}

// removeStaleTemps deletes temporary files a crashed save left behind. It
// runs under the lock, so no save of another process can be under way.
func removeStaleTemps(path string) {
	for _, pattern := range []string{path + ".tmp-*", path + ".bak.tmp"} {
		names, _ := filepath.Glob(pattern)
		for _, n := range names {
			os.Remove(n)
		}
	}
}

func open(path string, u Unlock, k Keyring, skipRequests bool) (*Vault, error) {
	v, err := readVault(path, func(h header) ([]byte, error) { return unlockKey(h, u, k) }, skipRequests)
	if err != nil {
		return nil, err
	}
	v.keyring = k
	return v, nil
}

// readVault reads and decrypts the vault file at path with the data key
// that unlock finds in its header. The vault it returns is not locked.
func readVault(path string, unlock func(header) ([]byte, error), skipRequests bool) (*Vault, error) {
	file, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("storage: cannot read %s: %w", path, err)
	}
	p, err := parse(file)
	if err != nil {
		return nil, fileError(path, err)
	}
	dataKey, err := unlock(p.header)
	if err != nil {
		return nil, fmt.Errorf("storage: %s: %w", path, err)
	}
	// A format 1 body has no parts to keep, so it is read whole.
	skipRequests = skipRequests && p.format >= 2
	data, parts, err := openBody(p, dataKey, skipRequests)
	if err != nil {
		return nil, fileError(path, err)
	}
	h := p.header
	h.Schema = SchemaVersion // upgraded on the next save
	return &Vault{Data: data, path: path, header: h, dataKey: dataKey, parts: parts, noRequests: skipRequests}, nil
}

// fileError words an unreadable vault's error with the way out.
func fileError(path string, err error) error {
	switch {
	case errors.Is(err, errTooNew):
		return fmt.Errorf("storage: %s: %w; install the newest Prava to open it", path, err)
	case errors.Is(err, errNotVault):
		return fmt.Errorf("storage: %s: %w; choose the vault file itself with --vault", path, err)
	case errors.Is(err, errDamaged):
		way := "restore a backup you exported with \"prava vault import FILE\""
		if _, e := os.Stat(path + ".bak"); e == nil {
			way = "the previous version is in " + path + ".bak: close Prava and copy it over the damaged file, or " + way
		}
		return fmt.Errorf("storage: %s: %w; nothing was changed. %s", path, err, way)
	}
	return fmt.Errorf("storage: %s: %w", path, err)
}

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
		return nil, fmt.Errorf("%w: it is protected by a passphrase; give it, or your recovery code", ErrWrongKey)
	}
	secret, err := k.Get(keyringService, h.VaultID)
	if err != nil {
		return nil, fmt.Errorf("%w; open the vault with your recovery code (\"prava vault recover\") to put a new key in this keyring", err)
	}
	kek, err := base64.StdEncoding.DecodeString(secret)
	if err == nil {
		for _, s := range h.Slots {
			if s.Kind == slotKeyring {
				if key, ok := s.unwrap(kek, h.VaultID); ok {
					return key, nil
				}
			}
		}
	}
	return nil, fmt.Errorf("%w: the keyring's key is not this vault's; open it with your recovery code (\"prava vault recover\")", ErrWrongKey)
}

func trySlots(h header, kind, secret, wrong string) ([]byte, error) {
	found := false
	for _, s := range h.Slots {
		if s.Kind != kind || s.KDF == nil {
			continue
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

// Save writes the vault atomically, keeping the previous version as
// PATH.bak. If it fails, the file on disk is as it was.
func (v *Vault) Save() error {
	if v.lock == nil && v.path != "" {
		return fmt.Errorf("storage: the vault %s is closed", v.path)
	}
	file, err := v.seal()
	if err != nil {
		return err
	}
	if _, err := os.Stat(v.path); err == nil {
		if err := keepBackup(v.path); err != nil {
			return err
		}
	}
	if err := writeAtomic(v.path, file.pieces...); err != nil {
		return err
	}
	v.parts = file.parts
	return nil
}

// seal encodes the vault into the pieces of its file.
func (v *Vault) seal() (sealed, error) {
	if v.noRequests && len(v.Data.Requests) > 0 {
		return sealed{}, fmt.Errorf("storage: %s was opened without its requests, so none can be added: open it with Open", v.path)
	}
	return seal(v.header, v.dataKey, v.Data, v.parts, v.noRequests)
}

// StoreKeyringKey puts a fresh key for this vault into the keyring and
// saves: after opening with the recovery code on a new computer, the next
// start needs no code.
func (v *Vault) StoreKeyringKey() error {
	if err := v.addKeyringSlot(); err != nil {
		return err
	}
	return v.Save()
}

// Path is the vault's file.
func (v *Vault) Path() string { return v.path }

// ID is the vault's random identifier.
func (v *Vault) ID() string { return v.header.VaultID }

// Close releases the vault for other processes. It does not save.
func (v *Vault) Close() error {
	err := v.lock.release()
	v.lock = nil
	return err
}

// Export copies the vault, still encrypted, to w: a backup that opens
// anywhere with the recovery code.
func (v *Vault) Export(w io.Writer) error {
	file, err := v.seal()
	if err != nil {
		return err
	}
	for _, p := range file.pieces {
		if _, err := w.Write(p); err != nil {
			return err
		}
	}
	return nil
}

// ExportTo writes the backup to a new file at path, the way the vault
// itself is written (writeAtomic), so a failed export leaves no
// half-written file. It refuses to replace an existing file.
func (v *Vault) ExportTo(path string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("storage: %s exists: choose a new file name", path)
	}
	file, err := v.seal()
	if err != nil {
		return err
	}
	return writeAtomic(path, file.pieces...)
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
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("storage: cannot create the folder for %s: %w", path, err)
	}
	lock, err := acquireLock(path)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); err == nil {
		lock.release()
		return nil, fmt.Errorf("storage: %w at %s: move it aside first, or import to another path with --vault", ErrExists, path)
	}
	v := backup
	v.path, v.keyring, v.lock = path, k, lock
	if err := v.addKeyringSlot(); err != nil && !errors.Is(err, ErrKeyringUnavailable) {
		lock.release()
		return nil, err
	}
	if err := v.Save(); err != nil {
		lock.release()
		return nil, err
	}
	return v, nil
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
	KeyInKeyring bool     // this computer's keyring holds its key
	KeyringErr   error    // why the keyring could not be asked
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
	f, err := os.Open(path)
	if err != nil {
		return Info{}, fmt.Errorf("storage: %w", err)
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
		info.Protection = append(info.Protection, s.Kind)
		if s.Kind == slotKeyring {
			_, err := k.Get(keyringService, h.VaultID)
			info.KeyInKeyring = err == nil
			if err != nil && !errors.Is(err, ErrNoKeyringKey) {
				info.KeyringErr = err
			}
		}
	}
	return info, nil
}
