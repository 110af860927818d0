package casework

import (
	"errors"
	"os"
	"path/filepath"
	"prava/keyringtest"
	"testing"
	"time"

	"prava/record"
	"prava/storage"
)

// TestReaderWritesNeverReachTheFile: a reader that writes into what View
// (or Data) returned, then a change that fails and one that succeeds,
// leaves the file as the desk made it. Before the desk kept its own way
// back, the failed change rolled back into the reader's snapshot and the
// next save wrote the reader's edit.
func TestReaderWritesNeverReachTheFile(t *testing.T) {
	k, path, id := newDesk(t)
	k.Data().Profile.Name = "Written by a reader"
	k.View().Companies()[0].Name = "Renamed by a reader"
	// A change that fails inside the desk's update, after its checks.
	if err := k.DeleteRequest("no-such-request"); err == nil {
		t.Fatal("an unknown request was deleted")
	}
	if err := k.AddContact(id, record.Contact{Value: "dpo@costless.example"}); err != nil {
		t.Fatal(err)
	}
	kr := keyringOf(k)
	k.Close()
	v, err := storage.Open(path, storage.Unlock{}, kr)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	if v.Data.Profile.Name != "Olena Petrenko" || v.Data.Companies[0].Name == "Renamed by a reader" {
		t.Errorf("a reader's write reached the file: profile %q, company %q", v.Data.Profile.Name, v.Data.Companies[0].Name)
	}
}

// TestPartialDeskRefusesDeleteAndMerge: a desk opened without the requests
// cannot delete or merge a company (its requests would stay orphaned);
// nothing changes and the error says how to go on.
func TestPartialDeskRefusesDeleteAndMerge(t *testing.T) {
	k, path, id := newDesk(t)
	sentRequest(t, k, id)
	other, err := k.AddCompany(record.Company{Name: "Other Ltd", Contacts: []record.Contact{{Kind: record.ByEmail, Value: "privacy@other.example"}}}, false, "by hand")
	if err != nil {
		t.Fatal(err)
	}
	kr := keyringOf(k)
	k.Close()
	p, err := OpenCompanies(path, Unlock{}, kr, func() time.Time { return testDay })
	if err != nil {
		t.Fatal(err)
	}
	if !p.Partial() {
		t.Fatal("OpenCompanies gave a full desk")
	}
	if err := p.DeleteCompany(id); !errors.Is(err, ErrPartial) {
		t.Errorf("delete through a partial desk: %v, want ErrPartial", err)
	}
	if err := p.MergeCompanies(other.ID, id); !errors.Is(err, ErrPartial) {
		t.Errorf("merge through a partial desk: %v, want ErrPartial", err)
	}
	p.Close()
	full, err := Open(path, Unlock{}, kr, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer full.Close()
	v := full.View()
	if len(v.Companies()) != 2 || len(v.RequestsOf(id)) != 1 {
		t.Errorf("the partial desk changed the vault: %d companies, %d requests of the first", len(v.Companies()), len(v.RequestsOf(id)))
	}
}

// TestVaultLifecycleIsLogged: create, store a keyring key, set a
// passphrase, export and import are desk use cases, each on the timeline.
func TestVaultLifecycleIsLogged(t *testing.T) {
	dir := t.TempDir()
	kr := keyringtest.New(t)
	clock := func() time.Time { return testDay }
	k, code, err := Create(filepath.Join(dir, "a.vault"), "", kr, clock)
	if err != nil {
		t.Fatal(err)
	}
	if code == "" {
		t.Fatal("no recovery code")
	}
	if err := k.SetPassphrase("short"); err == nil {
		t.Error("a short passphrase was taken")
	}
	if err := k.SetPassphrase("correct horse battery staple"); err != nil {
		t.Fatal(err)
	}
	if err := k.StoreKeyringKey(); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(dir, "backup.vault")
	if err := k.Export(backup); err != nil {
		t.Fatal(err)
	}
	want := []Entry{EntryVaultCreated, EntryPassphraseSet, EntryKeyringKey, EntryVaultExported}
	assertEntries(t, k.View().Timeline(), want)
	k.Close()

	if _, err := Import(backup, filepath.Join(dir, "b.vault"), "wrong-code", kr, clock); err == nil {
		t.Error("a wrong recovery code imported the backup")
	}
	if _, err := os.Stat(filepath.Join(dir, "b.vault")); err == nil {
		t.Error("a failed import left a vault behind")
	}
	imp, err := Import(backup, filepath.Join(dir, "b.vault"), code, kr, clock)
	if err != nil {
		t.Fatal(err)
	}
	defer imp.Close()
	assertEntries(t, imp.View().Timeline(), append(want[:3:3], EntryVaultImported))
	p, err := Open(filepath.Join(dir, "a.vault"), Unlock{Passphrase: "correct horse battery staple"}, keyringtest.New(t), clock)
	if err != nil {
		t.Fatalf("the passphrase does not open the vault: %v", err)
	}
	p.Close()
}

func assertEntries(t *testing.T, got []record.TimelineEntry, want []Entry) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("timeline %v, want %v", got, want)
	}
	for i := range want {
		if got[i].What != string(want[i]) {
			t.Errorf("entry %d is %q, want %q", i, got[i].What, want[i])
		}
	}
}
