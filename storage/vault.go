package storage

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"prava/files"
	"prava/record"
	"sync"
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
	Data *record.Data

	path    string // as given: named in messages
	file    string // path with its links followed: the file saves replace
	header  header
	dataKey []byte
	keyring Keyring
	lock    *lockFile
	parts   []storedPart // as in the file last read or written
	stamp   fileStamp    // that file's version, where the parts rest
	// fileMu guards parts, stamp and lock against a reader of a letter
	// (readPart), which may run on any goroutine while a save moves the
	// parts to the file it wrote.
	fileMu sync.Mutex
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
	if opt.Passphrase != "" {
		if err := CheckPassphrase(opt.Passphrase); err != nil {
			return nil, "", err
		}
	}
	lock, file, undo, err := prepareNew(path)
	if err != nil {
		return nil, "", err
	}
	if _, err := os.Lstat(file); err == nil {
		lock.release()
		return nil, "", fmt.Errorf("storage: %w at %s: open it, or choose another path with --vault", ErrExists, path)
	}
	v := &Vault{
		Data:    &record.Data{},
		path:    path,
		file:    file,
		header:  header{VaultID: hex.EncodeToString(randomBytes(16)), Created: time.Now().UTC().Truncate(time.Second), Schema: SchemaVersion},
		dataKey: randomBytes(32),
		keyring: sorted(opt.Keyring),
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
		undo(lock)
		return nil, "", err
	}
	if err := v.Save(); err != nil {
		undo(lock)
		return nil, "", err
	}
	return v, code, nil
}

// prepareNew makes the folder for a new vault at path and locks it. It
// returns the lock, the file to write (path with its links followed) and
// undo, which releases the lock and removes what prepareNew made, so a
// refused create or import leaves nothing behind.
func prepareNew(path string) (*lockFile, string, func(*lockFile), error) {
	dir := filepath.Dir(path)
	_, statErr := os.Stat(dir)
	madeDir := errors.Is(statErr, fs.ErrNotExist)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, "", nil, fmt.Errorf("storage: cannot create the folder for %s: %w", path, err)
	}
	file, err := files.Resolve(path)
	if err != nil {
		return nil, "", nil, err
	}
	if err := plainOrMissing(path, file); err != nil {
		return nil, "", nil, err
	}
	_, lockErr := os.Lstat(file + ".lock")
	madeLock := errors.Is(lockErr, fs.ErrNotExist)
	lock, err := acquireLock(file)
	if err != nil {
		return nil, "", nil, err
	}
	undo := func(l *lockFile) {
		if madeLock {
			os.Remove(file + ".lock")
		}
		l.release()
		if madeDir {
			os.Remove(dir) // only if empty
		}
	}
	return lock, file, undo, nil
}

// addKeyringSlot gives this computer's keyring a slot in the header. When
// the keyring already holds a key under this vault's ID — another copy of
// the vault, or an earlier recovery — that key is used, not replaced, so
// the other copy keeps opening. Other computers' keyring slots stay: a
// vault synced between computers opens on each from its own keyring. The
// oldest keyring slots go beyond maxKeyringSlots.
func (v *Vault) addKeyringSlot() error {
	id := v.header.VaultID
	kek, err := v.keyringKEK()
	switch {
	case errors.Is(err, ErrNoKeyringKey):
		kek = randomBytes(32)
		if err := v.keyring.Set(keyringService, id, base64.StdEncoding.EncodeToString(kek)); err != nil {
			return fmt.Errorf("storage: cannot store the vault's key in the keyring: %w; protect the vault with a passphrase instead", err)
		}
	case err != nil:
		return fmt.Errorf("storage: cannot store the vault's key in the keyring: %w; protect the vault with a passphrase instead", err)
	}
	var keyringSlots, others []slot
	for _, s := range v.header.Slots {
		if s.Kind != slotKeyring {
			others = append(others, s)
			continue
		}
		if _, ok := s.unwrap(kek, id); ok {
			return nil // this keyring already opens the vault
		}
		keyringSlots = append(keyringSlots, s)
	}
	keyringSlots = append(keyringSlots, wrap(slotKeyring, nil, kek, v.dataKey, id))
	if n := len(keyringSlots); n > maxKeyringSlots {
		keyringSlots = keyringSlots[n-maxKeyringSlots:]
	}
	v.header.Slots = append(others, keyringSlots...)
	return nil
}

// keyringKEK reads this vault's key-encryption key from the keyring:
// ErrNoKeyringKey when there is none (or only an unreadable one, which is
// then replaced), ErrKeyringUnavailable when the keyring does not answer.
func (v *Vault) keyringKEK() ([]byte, error) {
	secret, err := v.keyring.Get(keyringService, v.header.VaultID)
	if err != nil {
		return nil, err
	}
	kek, err := base64.StdEncoding.DecodeString(secret)
	if err != nil || len(kek) != 32 {
		return nil, ErrNoKeyringKey
	}
	return kek, nil
}

// SetPassphrase protects the vault with passphrase too (or instead of the
// one it had) and saves. With it the vault opens where no keyring works;
// the keyring and the recovery code still open it. The passphrase must
// pass CheckPassphrase.
func (v *Vault) SetPassphrase(passphrase string) error {
	if err := CheckPassphrase(passphrase); err != nil {
		return err
	}
	slots := make([]slot, 0, len(v.header.Slots)+1)
	for _, s := range v.header.Slots {
		if s.Kind != slotPassphrase {
			slots = append(slots, s)
		}
	}
	kdf := kdfFor(slotPassphrase)
	old := v.header.Slots
	v.header.Slots = append(slots, wrap(slotPassphrase, kdf, kdf.key(passphrase), v.dataKey, v.header.VaultID))
	if err := v.Save(); err != nil {
		v.header.Slots = old
		return err
	}
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
	file, err := files.Resolve(path)
	if err != nil {
		return nil, err
	}
	if err := plainOrMissing(path, file); err != nil {
		return nil, err
	}
	lock, err := acquireLock(file)
	if err != nil {
		return nil, err
	}
	v, err := open(path, u, k, skipRequests)
	if err != nil {
		lock.release()
		return nil, err
	}
	v.lock, v.file = lock, file
	v.rest(v.stamp)
	removeStaleTemps(file)
	return v, nil
}

// plainOrMissing refuses a vault path that names a device, a pipe or a
// folder, before a lock file is made beside it: /dev/zero.lock would be
// left, and "a vault already exists" would be wrong.
func plainOrMissing(path, file string) error {
	st, err := os.Stat(file)
	if err != nil || st.Mode().IsRegular() {
		return nil
	}
	return fmt.Errorf("storage: %s: %w; nothing was changed: give the path of a vault file with --vault", path, notFileError(st))
}

func open(path string, u Unlock, k Keyring, skipRequests bool) (*Vault, error) {
	v, err := readVault(path, func(h header) ([]byte, error) { return unlockKey(h, u, k) }, skipRequests)
	if err != nil {
		return nil, err
	}
	v.keyring = sorted(k)
	return v, nil
}

// readVault reads and decrypts the vault file at path with the data key
// that unlock finds in its header. The vault it returns is not locked.
func readVault(path string, unlock func(header) ([]byte, error), skipRequests bool) (*Vault, error) {
	file, st, err := readVaultFile(path)
	if err != nil {
		return nil, fileError(path, err)
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
	// The stamp is of the file just read; the parts still hold their bytes
	// (slices of it) until the caller lets them rest there.
	stamp := fileStamp{info: st, header: bytes.Clone(p.aad)}
	v := &Vault{Data: data, path: path, header: h, dataKey: dataKey, parts: parts, stamp: stamp, noRequests: skipRequests}
	v.attachTexts(false)
	return v, nil
}

// fileError words an unreadable vault's error with the way out.
func fileError(path string, err error) error {
	switch {
	case errors.Is(err, errTooNew):
		return fmt.Errorf("storage: %s: %w; install the newest Prava to open it", path, err)
	case errors.Is(err, errDamaged):
		return fmt.Errorf("storage: %s: %w; nothing was changed. %s", path, err, wayBack(path))
	case errors.Is(err, errNotVault):
		return fmt.Errorf("storage: %s: %w; choose the vault file itself with --vault, or %s", path, err, wayBack(path))
	case errors.Is(err, errNotFile):
		return fmt.Errorf("storage: %s: %w; nothing was read: give the path of the vault or backup file itself", path, err)
	}
	return fmt.Errorf("storage: %s: %w", path, err)
}

// wayBack says how to get a damaged vault's data back: its previous
// version, if there is one, or an exported backup.
func wayBack(path string) string {
	way := "restore a backup you exported with \"prava vault import FILE\""
	if HasBackup(path) {
		bak := path + ".bak"
		if file, err := files.Resolve(path); err == nil {
			bak = file + ".bak"
		}
		way = "the previous version is in " + bak + ": restore it (in the app, or close Prava and copy it over the damaged file), or " + way
	}
	return way
}

// Save writes the vault atomically, keeping the previous version as
// PATH.bak (replaceKeepingBackup). If it fails, the vault and PATH.bak are
// as they were. A vault reached through a symbolic link is saved over the
// link's target.
func (v *Vault) Save() error {
	if v.lock == nil && v.path != "" {
		return fmt.Errorf("storage: the vault %s is closed", v.path)
	}
	file, release, err := v.seal(true)
	if err != nil {
		return err
	}
	defer release()
	if err := v.keepRetired(file.parts); err != nil {
		v.unkeep()
		return err
	}
	// A reader of a letter waits while the file is replaced: until the
	// parts rest in the new file, the old stamp would call it changed.
	v.fileMu.Lock()
	err = replaceKeepingBackup(v.file, file.pieces...)
	if err == nil {
		v.restAfterSave(file)
	}
	v.fileMu.Unlock()
	if err != nil {
		v.unkeep()
		return err
	}
	v.attachTexts(true)
	return nil
}

// seal encodes the vault into the pieces of its file; release frees the
// unchanged parts' bytes once the pieces are written. With mapped those
// may be the vault file's pages, which only the kernel may read
// (storedParts): the pieces must go to a file with nothing else looking.
func (v *Vault) seal(mapped bool) (sealed, func(), error) {
	if v.noRequests && len(v.Data.Requests) > 0 {
		return sealed{}, nil, fmt.Errorf("storage: %s was opened without its requests, so none can be added: open it with Open", v.path)
	}
	parts, release, err := v.storedParts(mapped)
	if err != nil {
		return sealed{}, nil, err
	}
	s, err := seal(v.header, v.dataKey, v.Data, parts, v.noRequests)
	if err != nil {
		release()
		return sealed{}, nil, err
	}
	return s, release, nil
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

// Close releases the vault for other processes. It does not save. No
// letter can be read from it afterwards (forgetShelves).
func (v *Vault) Close() error {
	v.fileMu.Lock()
	err := v.lock.release()
	v.lock = nil
	v.fileMu.Unlock()
	forgetShelves(v)
	return err
}
