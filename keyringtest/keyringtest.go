// Package keyringtest is the keyring double every package's tests share,
// so that the vault's, the desk's and the window's tests need no Secret
// Service: one file per entry in a folder (the child processes of a crash
// test see the same entries), and a switch for a keyring that does not
// answer. It answers as go-keyring does (keyring.ErrNotFound for a missing
// entry); storage sorts the errors of every keyring alike. The real
// keyring is tested once, in storage's TestSystemKeyring.
package keyringtest

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/zalando/go-keyring"
)

// ErrDown is what a keyring switched off answers: storage takes it, like
// any error but keyring.ErrNotFound, for a keyring that is unavailable.
var ErrDown = errors.New("keyringtest: the keyring does not answer")

// Keyring keeps entries as files in Dir. The zero value is not usable:
// make one with New or At.
type Keyring struct {
	dir  string
	down atomic.Bool
}

// New is a fresh, empty keyring for one test, removed with it.
func New(t testing.TB) *Keyring { return At(t.TempDir()) }

// At is the keyring whose entries live in dir, which must exist: a child
// process given the same dir shares the parent's entries.
func At(dir string) *Keyring { return &Keyring{dir: dir} }

// Dir is the folder the entries live in.
func (k *Keyring) Dir() string { return k.dir }

// SetDown switches the keyring off (every call fails with ErrDown) or on.
func (k *Keyring) SetDown(down bool) { k.down.Store(down) }

// Clear deletes every entry: the keyring of a new computer.
func (k *Keyring) Clear() error {
	entries, err := os.ReadDir(k.dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if err := os.Remove(filepath.Join(k.dir, e.Name())); err != nil {
			return err
		}
	}
	return nil
}

func (k *Keyring) name(service, user string) string {
	sum := sha256.Sum256([]byte(service + "\x00" + user))
	return filepath.Join(k.dir, hex.EncodeToString(sum[:8]))
}

// Get reads a secret; keyring.ErrNotFound when there is none.
func (k *Keyring) Get(service, user string) (string, error) {
	if k.down.Load() {
		return "", ErrDown
	}
	b, err := os.ReadFile(k.name(service, user))
	if errors.Is(err, os.ErrNotExist) {
		return "", keyring.ErrNotFound
	}
	return string(b), err
}

// Set stores a secret, replacing any before it.
func (k *Keyring) Set(service, user, secret string) error {
	if k.down.Load() {
		return ErrDown
	}
	return os.WriteFile(k.name(service, user), []byte(secret), 0o600)
}

// Delete removes a secret; keyring.ErrNotFound when there is none.
func (k *Keyring) Delete(service, user string) error {
	if k.down.Load() {
		return ErrDown
	}
	if err := os.Remove(k.name(service, user)); errors.Is(err, os.ErrNotExist) {
		return keyring.ErrNotFound
	}
	return nil
}
