package storage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"prava/record"
	"reflect"
	"testing"
)

// passphraseVault is a vault protected by a passphrase, so the test needs
// no keyring.
func passphraseVault(t *testing.T) (*Vault, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "v", "prava.vault")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	v, _, err := Create(path, CreateOptions{Passphrase: "a long passphrase of mine"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { v.Close() })
	on := true
	v.Data.Settings.MartialLaw = &on
	v.Data.Companies = []record.Company{{ID: "c1", Name: "Acme", Contacts: []record.Contact{{Kind: record.ByEmail, Value: "dpo@acme.example"}}, Use: map[string]int{"access": 0}, Markings: map[string]string{"any": "GDPR"}}}
	v.Data.Requests = []record.Request{{ID: "r1", CompanyID: "c1", Kind: "access", Replies: []record.Reply{{Note: "first", Files: []record.Document{{Name: "a.pdf"}}}}}}
	v.Data.Log("company added", "c1", "", "")
	if err := v.Save(); err != nil {
		t.Fatal(err)
	}
	return v, path
}

// change edits every kind of thing the data holds, in place where the
// rules allow it, as a use case would.
func change(d *record.Data) {
	d.Profile.Name = "Changed"
	*d.Settings.MartialLaw = false
	d.Counters.Reference++
	c := d.Companies[0].Clone()
	c.Name = "Renamed"
	c.Contacts[0].Value = "new@acme.example"
	c.Use["access"] = 1
	c.Markings["any"] = "changed"
	d.Companies[0] = c
	d.Companies = append(d.Companies, record.Company{ID: "c2"})
	r := d.Requests[0].Clone()
	r.Replies[0].Note = "changed"
	r.Replies[0].Files[0].Name = "b.pdf"
	r.Replies = append(r.Replies, record.Reply{Note: "second"})
	d.Requests[0] = r
	d.Log("company edited", "c1", "", "")
}

func TestUpdateSavesTheChange(t *testing.T) {
	v, path := passphraseVault(t)
	if err := v.Update(func(d *record.Data) error { change(d); return nil }); err != nil {
		t.Fatal(err)
	}
	v.Close()
	again, err := Open(path, Unlock{Passphrase: "a long passphrase of mine"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if c := again.Data.Company("c1"); c == nil || c.Name != "Renamed" || len(again.Data.Companies) != 2 {
		t.Errorf("the change was not saved: %+v", again.Data.Companies)
	}
	if r := again.Data.Request("r1"); r == nil || len(r.Replies) != 2 || r.Replies[0].Files[0].Name != "b.pdf" {
		t.Errorf("the request's change was not saved: %+v", again.Data.Requests)
	}
}

func TestUpdateRestoresOnError(t *testing.T) {
	v, path := passphraseVault(t)
	want := v.Data.Clone()
	file, _ := os.ReadFile(path)
	refused := errors.New("refused")
	same := v.Data
	if err := v.Update(func(d *record.Data) error { change(d); return refused }); !errors.Is(err, refused) {
		t.Fatalf("Update returned %v, want the change's error", err)
	}
	if v.Data != same {
		t.Error("Update replaced the *record.Data that holders point to")
	}
	if !reflect.DeepEqual(*v.Data, want) {
		t.Errorf("data not restored:\n got %+v\nwant %+v", *v.Data, want)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, file) {
		t.Error("a refused change wrote the file")
	}
}

func TestUpdateRestoresOnFailedSave(t *testing.T) {
	v, path := passphraseVault(t)
	want := v.Data.Clone()
	file, _ := os.ReadFile(path)
	// The folder moved aside and a file in its place: the save cannot
	// write, as on a vanished disk.
	dir := filepath.Dir(path)
	if err := os.Rename(dir, dir+".moved"); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(dir, nil, 0o600)
	err := v.Update(func(d *record.Data) error { change(d); return nil })
	os.Remove(dir)
	os.Rename(dir+".moved", dir)
	if err == nil {
		t.Fatal("Update with a broken disk returned no error")
	}
	if !reflect.DeepEqual(*v.Data, want) {
		t.Errorf("data not restored after a failed save:\n got %+v\nwant %+v", *v.Data, want)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, file) {
		t.Error("a failed save changed the file")
	}
	// The vault still works: the next change is saved.
	if err := v.Update(func(d *record.Data) error { d.Profile.Name = "After"; return nil }); err != nil {
		t.Fatalf("the next save after a failed one: %v", err)
	}
}

func TestCloneKeepsNil(t *testing.T) {
	var d record.Data
	c := d.Clone()
	if !reflect.DeepEqual(c, d) {
		t.Errorf("clone of empty data differs: %+v", c)
	}
}
