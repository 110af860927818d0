package storage

import (
	"errors"
	"fmt"
	"time"

	"github.com/zalando/go-keyring"
)

// Keyring stores one secret per vault in the operating system's keyring.
// SystemKeyring is the real one; the tests share one double (package
// keyringtest). A missing entry is keyring.ErrNotFound or ErrNoKeyringKey;
// any other error means the keyring is unavailable, as go-keyring advises.
type Keyring interface {
	Get(service, user string) (string, error)
	Set(service, user, secret string) error
	Delete(service, user string) error
}

// keyringService is the name Prava's entries carry in the keyring.
const keyringService = "Prava vault"

// keyringTimeout bounds a keyring call: a desktop keyring may wait for the
// person to unlock it, and Prava must not hang for ever on a missing one.
const keyringTimeout = 30 * time.Second

// Errors from the keyring layer.
var (
	// ErrNoKeyringKey: the keyring works but holds no key for this vault
	// (a new computer, or the entry was deleted).
	ErrNoKeyringKey = errors.New("this computer's keyring holds no key for the vault")
	// ErrKeyringUnavailable: no keyring answered (no Secret Service on a
	// Linux desktop, or it refused).
	ErrKeyringUnavailable = errors.New("no keyring is available")
)

// SystemKeyring is the operating system's keyring: the Secret Service on
// Linux, the Keychain on macOS, the Credential Manager on Windows.
type SystemKeyring struct{}

// Get reads a secret.
func (SystemKeyring) Get(service, user string) (string, error) {
	var secret string
	err := withTimeout(func() error {
		var err error
		secret, err = keyring.Get(service, user)
		return err
	})
	return secret, classifyKeyringError(err)
}

// Set stores a secret.
func (SystemKeyring) Set(service, user, secret string) error {
	return classifyKeyringError(withTimeout(func() error { return keyring.Set(service, user, secret) }))
}

// Delete removes a secret.
func (SystemKeyring) Delete(service, user string) error {
	return classifyKeyringError(withTimeout(func() error { return keyring.Delete(service, user) }))
}

// withTimeout runs a keyring call, giving up after keyringTimeout. The call
// itself cannot be cancelled, so it is left to finish in the background.
func withTimeout(call func() error) error {
	if why := noSessionBus(); why != "" {
		return errNoBus{why}
	}
	done := make(chan error, 1)
	go func() { done <- call() }()
	select {
	case err := <-done:
		return err
	case <-time.After(keyringTimeout):
		return fmt.Errorf("%w: the keyring did not answer in %s", ErrKeyringUnavailable, keyringTimeout)
	}
}

// errNoBus is ErrKeyringUnavailable with the reason: no session bus.
type errNoBus struct{ why string }

func (e errNoBus) Error() string        { return e.why }
func (e errNoBus) Is(target error) bool { return target == ErrKeyringUnavailable }

// classifyKeyringError sorts errors as go-keyring advises: anything but
// ErrNotFound means the keyring is unavailable.
func classifyKeyringError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, keyring.ErrNotFound), errors.Is(err, ErrNoKeyringKey):
		return ErrNoKeyringKey
	case errors.Is(err, ErrKeyringUnavailable):
		return err
	}
	return fmt.Errorf("%w: %v", ErrKeyringUnavailable, err)
}

// sortedKeyring sorts the errors of any Keyring as SystemKeyring does, so
// that the vault reads ErrNoKeyringKey and ErrKeyringUnavailable from
// every keyring it is given, a test's double included.
type sortedKeyring struct{ k Keyring }

// sorted wraps k so that its errors are sorted; nil stays nil (a vault
// created with a passphrase only).
func sorted(k Keyring) Keyring {
	switch k.(type) {
	case nil, SystemKeyring, sortedKeyring:
		return k
	}
	return sortedKeyring{k}
}

func (s sortedKeyring) Get(service, user string) (string, error) {
	secret, err := s.k.Get(service, user)
	return secret, classifyKeyringError(err)
}

func (s sortedKeyring) Set(service, user, secret string) error {
	return classifyKeyringError(s.k.Set(service, user, secret))
}

func (s sortedKeyring) Delete(service, user string) error {
	return classifyKeyringError(s.k.Delete(service, user))
}
