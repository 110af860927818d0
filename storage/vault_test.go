package storage

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"prava/record"
	"strings"
	"testing"
	"time"
)

func newVault(t *testing.T) (*Vault, string, string) {
	t.Helper()
	k := testKeyring(t)
	path := filepath.Join(t.TempDir(), "prava", "prava.vault")
	v, code, err := Create(path, CreateOptions{Keyring: k})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		v.Close()
		k.Delete(keyringService, v.ID())
	})
	return v, path, code
}

func sampleData(d *record.Data) {
	d.Profile = record.Profile{Name: "Olena Kovalenko", Address: "вул. Хрещатик 1, Київ", Email: "olena@example.org", IDDocument: "FE123456"}
	d.Companies = append(d.Companies, record.Company{ID: record.NewID(), Name: "SIA “LatInSoft”", Jurisdiction: "EU-LV",
		Contacts: []record.Contact{{Kind: record.ByPost, Value: "Elijas iela 17, Rīga"}}, Created: time.Now().UTC()})
	d.Requests = append(d.Requests, record.Request{ID: record.NewID(), CompanyID: d.Companies[0].ID, Kind: "access", Status: record.StatusSent,
		LetterText: record.NewText("Datu subjekta pieprasījums"), Dates: record.Dates{Sent: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)}})
	d.Log("reply received", d.Companies[0].ID, d.Requests[0].ID, "Zvanīja Jānis")
}

func TestCreateOpenRoundTrip(t *testing.T) {
	v, path, code := newVault(t)
	if !strings.Contains(code, "-") || len(code) != 29 {
		t.Errorf("recovery code %q is not five groups of five", code)
	}
	sampleData(v.Data)
	if err := v.Save(); err != nil {
		t.Fatal(err)
	}
	v.Close()

	// The keyring alone opens it, with no question.
	w, err := Open(path, Unlock{}, v.keyring)
	if err != nil {
		t.Fatal(err)
	}
	if w.Data.Profile.Name != "Olena Kovalenko" || len(w.Data.Companies) != 1 || w.Data.Requests[0].LetterText.String() != "Datu subjekta pieprasījums" {
		t.Errorf("data after reopening: %+v", w.Data)
	}
	w.Close()

	// So does the recovery code, however it is typed.
	messy := strings.ToLower(strings.ReplaceAll(code, "-", " "))
	w, err = Open(path, Unlock{RecoveryCode: messy}, v.keyring)
	if err != nil {
		t.Fatalf("recovery code %q: %v", messy, err)
	}
	w.Close()
}

func TestFilePermissionsAndNoPlaintext(t *testing.T) {
	v, path, _ := newVault(t)
	sampleData(v.Data)
	if err := v.Save(); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("vault mode %v, want 0600", st.Mode().Perm())
	}
	dir, _ := os.Stat(filepath.Dir(path))
	if dir.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v, want 0700", dir.Mode().Perm())
	}
	file, _ := os.ReadFile(path)
	for _, secret := range []string{"Olena", "Kovalenko", "Хрещатик", "olena@example.org", "FE123456", "LatInSoft", "Elijas", "pieprasījums", "Jānis", "reply received"} {
		if bytes.Contains(file, []byte(secret)) {
			t.Errorf("%q appears in the vault file in plain text", secret)
		}
	}
}

func TestWrongKeys(t *testing.T) {
	v, path, code := newVault(t)
	v.Close()
	before, _ := os.ReadFile(path)

	typo := []byte(code)
	typo[3] = map[bool]byte{true: 'A', false: 'B'}[typo[3] != 'A']
	_, err := Open(path, Unlock{RecoveryCode: string(typo)}, v.keyring)
	if !errors.Is(err, ErrRecoveryCodeTypo) {
		t.Errorf("typo: %v", err)
	}
	_, err = Open(path, Unlock{RecoveryCode: NewRecoveryCode()}, v.keyring)
	if !errors.Is(err, ErrWrongKey) || !strings.Contains(err.Error(), "paper copy") {
		t.Errorf("another vault's code: %v", err)
	}
	_, err = Open(path, Unlock{Passphrase: "guess"}, v.keyring)
	if !errors.Is(err, ErrWrongKey) {
		t.Errorf("passphrase on a keyring vault: %v", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("a failed open changed the file")
	}
}

func TestPassphraseVault(t *testing.T) {
	k := testKeyring(t)
	path := filepath.Join(t.TempDir(), "p.vault")
	v, code, err := Create(path, CreateOptions{Keyring: k, Passphrase: "correct horse battery staple"})
	if err != nil {
		t.Fatal(err)
	}
	v.Close()
	if _, err := Open(path, Unlock{}, k); !errors.Is(err, ErrWrongKey) || !strings.Contains(err.Error(), "passphrase") {
		t.Errorf("no passphrase: %v", err)
	}
	if _, err := Open(path, Unlock{Passphrase: "wrong"}, k); !errors.Is(err, ErrWrongKey) {
		t.Errorf("wrong passphrase: %v", err)
	}
	for _, u := range []Unlock{{Passphrase: "correct horse battery staple"}, {RecoveryCode: code}} {
		w, err := Open(path, u, k)
		if err != nil {
			t.Fatalf("%+v: %v", u, err)
		}
		w.Close()
	}
}

func TestKeyringKeyLostThenRecovered(t *testing.T) {
	v, path, code := newVault(t)
	v.Close()
	if err := v.keyring.Delete(keyringService, v.ID()); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path, Unlock{}, v.keyring)
	if !errors.Is(err, ErrNoKeyringKey) || !strings.Contains(err.Error(), "recovery code") {
		t.Fatalf("missing key: %v", err)
	}
	w, err := Open(path, Unlock{RecoveryCode: code}, v.keyring)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.StoreKeyringKey(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	w, err = Open(path, Unlock{}, v.keyring)
	if err != nil {
		t.Fatalf("after recovery: %v", err)
	}
	w.Close()
}

func TestSecondProcessIsRefused(t *testing.T) {
	v, path, _ := newVault(t)
	_, err := Open(path, Unlock{}, v.keyring)
	if !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), "process") {
		t.Errorf("second open: %v", err)
	}
	v.Close()
	w, err := Open(path, Unlock{}, v.keyring)
	if err != nil {
		t.Errorf("open after close: %v", err)
	} else {
		w.Close()
	}
}

func TestBackupKeepsPreviousVersion(t *testing.T) {
	v, path, code := newVault(t)
	v.Data.Profile.Name = "first"
	v.Save()
	v.Data.Profile.Name = "second"
	v.Save()
	v.Close()
	b, err := Open(path+".bak", Unlock{RecoveryCode: code}, v.keyring)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if b.Data.Profile.Name != "first" {
		t.Errorf("backup holds %q, want the previous version", b.Data.Profile.Name)
	}
}

// TestDamagedVaults changes a vault's bytes in the ways a disk, a sync tool
// or a person might, and checks each is refused with a clear message and
// the file left as it was.
func TestDamagedVaults(t *testing.T) {
	v, path, code := newVault(t)
	sampleData(v.Data)
	v.Save()
	v.Save() // so that a .bak exists
	v.Close()
	good, _ := os.ReadFile(path)
	hdrLen := int(binary.BigEndian.Uint32(good[10:14]))
	cases := map[string]struct {
		mutate func([]byte) []byte
		is     error
		words  string
	}{
		"flipped body byte":  {func(b []byte) []byte { b[len(b)-40] ^= 1; return b }, ErrDamaged, ".bak"},
		"flipped part byte":  {func(b []byte) []byte { b[prefixLen+hdrLen+20] ^= 1; return b }, ErrDamaged, "integrity"},
		"flipped header":     {func(b []byte) []byte { b[prefixLen+hdrLen-5] ^= 1; return b }, ErrDamaged, "nothing was changed"},
		"truncated":          {func(b []byte) []byte { return b[:len(b)/2] }, ErrDamaged, "damaged"},
		"cut in the header":  {func(b []byte) []byte { return b[:prefixLen+10] }, ErrDamaged, "cut off"},
		"empty":              {func(b []byte) []byte { return nil }, ErrNotAVault, "not a Prava vault"},
		"not a vault":        {func(b []byte) []byte { return []byte("hello, world, this is a text file") }, ErrNotAVault, "--vault"},
		"newer format":       {func(b []byte) []byte { binary.BigEndian.PutUint16(b[8:], 9); return b }, ErrTooNew, "newest Prava"},
		"newer data version": {func(b []byte) []byte { return editHeader(t, b, func(h *header) { h.Schema = 7 }) }, ErrTooNew, "newest Prava"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			bad := c.mutate(append([]byte(nil), good...))
			os.WriteFile(path, bad, 0o600)
			for _, u := range []Unlock{{}, {RecoveryCode: code}} {
				_, err := Open(path, u, v.keyring)
				if !errors.Is(err, c.is) || !strings.Contains(err.Error(), c.words) || !strings.Contains(err.Error(), path) {
					t.Errorf("%+v: error %v; want %v naming the file and saying %q", u, err, c.is, c.words)
				}
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(after, bad) {
				t.Error("opening changed the damaged file")
			}
		})
	}
	os.WriteFile(path, good, 0o600)
}

func TestExportImport(t *testing.T) {
	v, _, code := newVault(t)
	sampleData(v.Data)
	v.Save()
	backup := filepath.Join(t.TempDir(), "backup.vault")
	f, _ := os.Create(backup)
	if err := v.Export(f); err != nil {
		t.Fatal(err)
	}
	f.Close()
	v.Close()

	elsewhere := filepath.Join(t.TempDir(), "new-computer", "prava.vault")
	if _, err := Import(backup, elsewhere, NewRecoveryCode(), v.keyring); !errors.Is(err, ErrWrongKey) {
		t.Errorf("import with a wrong code: %v", err)
	}
	if _, err := os.Stat(elsewhere); err == nil {
		t.Error("a failed import wrote a vault")
	}
	w, err := Import(backup, elsewhere, code, v.keyring)
	if err != nil {
		t.Fatal(err)
	}
	if w.Data.Profile.Name != "Olena Kovalenko" {
		t.Errorf("imported data: %+v", w.Data.Profile)
	}
	w.Close()
	if _, err := Import(backup, elsewhere, code, v.keyring); !errors.Is(err, ErrExists) {
		t.Errorf("import over an existing vault: %v", err)
	}
	w, err = Open(elsewhere, Unlock{}, v.keyring)
	if err != nil {
		t.Fatalf("the imported vault does not open from the keyring: %v", err)
	}
	w.Close()
}

func TestCreateRefusesExisting(t *testing.T) {
	v, path, _ := newVault(t)
	v.Close()
	before, _ := os.ReadFile(path)
	if _, _, err := Create(path, CreateOptions{Keyring: v.keyring}); !errors.Is(err, ErrExists) {
		t.Errorf("create over a vault: %v", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("create changed an existing vault")
	}
}

func TestOpenMissing(t *testing.T) {
	_, err := Open(filepath.Join(t.TempDir(), "none.vault"), Unlock{}, SystemKeyring{})
	if !errors.Is(err, ErrNoVault) || !strings.Contains(err.Error(), "prava vault init") {
		t.Errorf("missing vault: %v", err)
	}
}

func TestInspect(t *testing.T) {
	v, path, _ := newVault(t)
	v.Close()
	info, err := Inspect(path, v.keyring)
	if err != nil {
		t.Fatal(err)
	}
	if !info.KeyInKeyring || info.ID != v.ID() || strings.Join(info.Protection, ",") != "recovery,keyring" {
		t.Errorf("info: %+v", info)
	}
}

func TestRecoveryCodes(t *testing.T) {
	seen := map[string]bool{}
	for i := 0; i < 200; i++ {
		c := NewRecoveryCode()
		if seen[c] {
			t.Fatal("repeated code")
		}
		seen[c] = true
		n, err := normalizeRecoveryCode(c)
		if err != nil || len(n) != 25 {
			t.Fatalf("%s: %v", c, err)
		}
		// Every single-character change is caught by the check character.
		for pos := 0; pos < 24; pos++ {
			b := []byte(n)
			b[pos] = crockford[(strings.IndexByte(crockford, b[pos])+1)%32]
			if _, err := normalizeRecoveryCode(string(b)); err == nil {
				t.Fatalf("changed character %d of %s not caught", pos, c)
			}
		}
	}
	if _, err := normalizeRecoveryCode("too short"); !errors.Is(err, ErrRecoveryCodeTypo) {
		t.Error("short code accepted")
	}
}
