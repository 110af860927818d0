package storage

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestCopiesShareTheKeyring: importing your own backup, or recovering a
// copy, on the same computer must not take the keyring away from the
// original; and vault status (Inspect) tells whether the keyring's key
// really opens the file.
func TestCopiesShareTheKeyring(t *testing.T) {
	v, path, code := newVault(t)
	k := v.keyring
	backup := filepath.Join(t.TempDir(), "backup.vault")
	if err := v.ExportTo(backup); err != nil {
		t.Fatal(err)
	}
	v.Close()
	imported := filepath.Join(t.TempDir(), "imported.vault")
	w, err := Import(backup, imported, code, k)
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	copied := filepath.Join(t.TempDir(), "copy.vault")
	data, _ := os.ReadFile(path)
	os.WriteFile(copied, data, 0o600)
	w, err = Open(copied, Unlock{RecoveryCode: code}, k)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.StoreKeyringKey(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	for _, p := range []string{path, imported, copied} {
		w, err := Open(p, Unlock{}, k)
		if err != nil {
			t.Errorf("%s no longer opens from the keyring: %v", filepath.Base(p), err)
			continue
		}
		w.Close()
		if info, err := Inspect(p, k); err != nil || !info.KeyInKeyring || info.OtherKeyInKeyring {
			t.Errorf("status of %s: %+v %v", filepath.Base(p), info, err)
		}
	}
	// A keyring entry under the ID that does not open the file is told apart.
	k.Set(keyringService, v.ID(), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
	if info, _ := Inspect(path, k); info.KeyInKeyring || !info.OtherKeyInKeyring {
		t.Errorf("status with a wrong key in the keyring: %+v", info)
	}
}

// TestSecondComputer: recovering on a second computer gives it its own
// keyring slot; the first computer's keyring still opens the vault.
func TestSecondComputer(t *testing.T) {
	v, path, code := newVault(t)
	first := v.keyring
	v.Close()
	second := testKeyring(t)
	w, err := Open(path, Unlock{RecoveryCode: code}, second)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.StoreKeyringKey(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	for name, k := range map[string]Keyring{"first": first, "second": second} {
		w, err := Open(path, Unlock{}, k)
		if err != nil {
			t.Errorf("the %s computer's keyring: %v", name, err)
			continue
		}
		w.Close()
	}
	// Recovering again on the same computer adds nothing.
	w, _ = Open(path, Unlock{}, second)
	before := len(w.header.Slots)
	w.StoreKeyringKey()
	if len(w.header.Slots) != before {
		t.Errorf("a second recovery on one computer added a slot: %d → %d", before, len(w.header.Slots))
	}
	w.Close()
}

// TestSetPassphrase adds and changes a passphrase: the rule is enforced,
// the new one opens, the old one no longer does, the keyring still does.
func TestSetPassphrase(t *testing.T) {
	v, path, _ := newVault(t)
	if err := v.SetPassphrase("  short   "); !errors.Is(err, ErrWeakPassphrase) {
		t.Errorf("short passphrase: %v", err)
	}
	if err := v.SetPassphrase("first long passphrase"); err != nil {
		t.Fatal(err)
	}
	if err := v.SetPassphrase(" second long one "); err != nil {
		t.Fatal(err)
	}
	v.Close()
	for u, ok := range map[Unlock]bool{{Passphrase: " second long one "}: true, {}: true, {Passphrase: "first long passphrase"}: false, {Passphrase: "second long one"}: false} {
		w, err := Open(path, u, v.keyring)
		if (err == nil) != ok {
			t.Errorf("%+v: %v", u, err)
		}
		if err == nil {
			w.Close()
		}
	}
}

func TestCheckPassphrase(t *testing.T) {
	for p, ok := range map[string]bool{"": false, "a": false, "123456789": false, "         a         ": false, "1234567890": true, "ДесятьСимв": true, " with spaces inside ": true} {
		if err := CheckPassphrase(p); (err == nil) != ok {
			t.Errorf("%q: %v", p, err)
		}
	}
}
