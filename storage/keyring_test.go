package storage

import (
	"errors"
	"os"
	"path/filepath"
	"prava/keyringtest"
	"testing"
)

// testKeyring returns a fresh keyring double for one test.
func testKeyring(t testing.TB) *keyringtest.Keyring { return keyringtest.New(t) }

// TestSystemKeyring is the one test of the operating system's keyring: a
// vault made with it opens from it alone, and a deleted entry is reported
// as missing. It runs where PRAVA_REQUIRE_KEYRING is set — scripts/test.sh
// sets it inside a private D-Bus session with an unlocked gnome-keyring —
// and fails there if the keyring does not work.
func TestSystemKeyring(t *testing.T) {
	if os.Getenv("PRAVA_REQUIRE_KEYRING") == "" {
		t.Skip("set PRAVA_REQUIRE_KEYRING=1 inside a keyring session (scripts/test.sh) to test the real keyring")
	}
	k := SystemKeyring{}
	path := filepath.Join(t.TempDir(), "real.vault")
	v, code, err := Create(path, CreateOptions{Keyring: k})
	if err != nil {
		t.Fatalf("the real keyring is required but does not work: %v", err)
	}
	defer k.Delete(keyringService, v.ID())
	sampleData(v.Data)
	if err := v.Save(); err != nil {
		t.Fatal(err)
	}
	v.Close()
	w, err := Open(path, Unlock{}, k)
	if err != nil {
		t.Fatal(err)
	}
	if w.Data.Profile.Name != "Olena Kovalenko" {
		t.Errorf("reopened profile: %+v", w.Data.Profile)
	}
	w.Close()
	if err := k.Delete(keyringService, v.ID()); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path, Unlock{}, k); !errors.Is(err, ErrNoKeyringKey) {
		t.Errorf("after deleting the entry: %v", err)
	}
	w, err = Open(path, Unlock{RecoveryCode: code}, k)
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
}
