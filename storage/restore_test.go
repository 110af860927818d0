package storage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestRestoreBackup(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v.vault")
	v, code, err := Create(path, CreateOptions{Passphrase: "correct horse battery"})
	if err != nil {
		t.Fatal(err)
	}
	v.Data.Profile.Name = "Olena"
	if err := v.Save(); err != nil {
		t.Fatal(err)
	}
	v.Close()
	// Damage the current version: the previous one (empty profile) comes back.
	good, _ := os.ReadFile(path)
	bad := bytes.Clone(good)
	bad[len(bad)-5] ^= 0xff
	os.WriteFile(path, bad, 0o600)
	if _, err := Open(path, Unlock{RecoveryCode: code}, nil); !errors.Is(err, ErrDamaged) {
		t.Fatalf("damaged vault opened: %v", err)
	}
	if !HasBackup(path) {
		t.Fatal("no backup after two saves")
	}
	aside, err := RestoreBackup(path, time.Date(2026, 11, 22, 4, 30, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(aside) != "v.vault.damaged-20261122T043000" {
		t.Errorf("damaged file kept as %s", aside)
	}
	if kept, _ := os.ReadFile(aside); !bytes.Equal(kept, bad) {
		t.Error("the damaged file was not kept as it was")
	}
	v, err = Open(path, Unlock{RecoveryCode: code}, nil)
	if err != nil {
		t.Fatalf("restored vault: %v", err)
	}
	v.Close()
	if _, err := RestoreBackup(path, time.Now()); err == nil {
		t.Error("restored twice with no backup left")
	}
}
