package storage

import (
	"path/filepath"
	"prava/record"
	"runtime"
	"slices"
	"testing"
	"weak"
)

// TestPartialOpenKeepsLetters: a vault opened without its requests, saved
// twice with a new company, then opened whole, has every letter, and so
// does a backup exported from it; a letter changed then is saved and read
// back too.
func TestPartialOpenKeepsLetters(t *testing.T) {
	v, path, code := newVault(t)
	want := lettered(t, v)
	k := v.keyring
	v.Close()
	p, err := OpenWithoutRequests(path, Unlock{}, k)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"SIA A", "SIA B"} {
		if err := p.Update(func(d *record.Data) error {
			d.Companies = append(d.Companies, record.Company{ID: record.NewID(), Name: name})
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	backup := filepath.Join(t.TempDir(), "backup.vault")
	if err := p.ExportTo(backup); err != nil {
		t.Fatal(err)
	}
	p.Close()
	b, err := Import(backup, filepath.Join(t.TempDir(), "prava.vault"), code, k)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Data.Companies) != 2 || !slices.Equal(textsOf(t, b.Data.Requests), want) {
		t.Error("a backup exported from a partial open does not have the letters")
	}
	b.Close()
	w, err := Open(path, Unlock{}, k)
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Data.Companies) != 2 || !slices.Equal(textsOf(t, w.Data.Requests), want) {
		t.Fatal("after saves of a partial open the letters are not the ones written")
	}
	if err := w.Update(func(d *record.Data) error { d.Requests[5].EmailBody = record.NewText("new body"); return nil }); err != nil {
		t.Fatal(err)
	}
	w.Close()
	want[5][1] = "new body"
	w, err = Open(path, Unlock{}, k)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if !slices.Equal(textsOf(t, w.Data.Requests), want) {
		t.Error("a letter changed after the partial open was not kept")
	}
}

// TestExportImportLetters: a backup exported from a vault whose letters
// rest in its file, with one changed and not yet saved, holds them all;
// the imported vault's letters rest in its own file and survive a save
// and an open there; an export of a closed vault is refused.
func TestExportImportLetters(t *testing.T) {
	v, path, code := newVault(t)
	want := lettered(t, v)
	k := v.keyring
	v.Close()
	v, err := Open(path, Unlock{}, k)
	if err != nil {
		t.Fatal(err)
	}
	v.Data.Requests[700].LetterText = record.NewText("не збережено")
	want[700][0] = "не збережено"
	backup := filepath.Join(t.TempDir(), "backup.vault")
	if err := v.ExportTo(backup); err != nil {
		t.Fatal(err)
	}
	v.Close()
	if err := v.ExportTo(filepath.Join(t.TempDir(), "late.vault")); err == nil {
		t.Error("a closed vault was exported")
	}
	to := filepath.Join(t.TempDir(), "prava.vault")
	w, err := Import(backup, to, code, k)
	if err != nil {
		t.Fatal(err)
	}
	defer k.Delete(keyringService, w.ID())
	if n := resting(w); n != len(want) {
		t.Errorf("%d of %d letters of the imported vault rest in its file", n, len(want))
	}
	if !slices.Equal(textsOf(t, w.Data.Requests), want) {
		t.Fatal("the imported letters are not the ones exported")
	}
	if err := w.Update(func(d *record.Data) error { d.Requests[0].Notes = "imported"; return nil }); err != nil {
		t.Fatal(err)
	}
	w.Close()
	w, err = Open(to, Unlock{RecoveryCode: code}, k)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if !slices.Equal(textsOf(t, w.Data.Requests), want) {
		t.Error("after a save and an open the imported letters are not the ones exported")
	}
}

// TestOldSnapshotAfterManySaves: a snapshot taken before twelve saves,
// each of which rewrites every text part, still reads each of its letters
// as it was; once the snapshot is dropped, the parts kept for it leave
// memory: nothing else holds retired parts.
func TestOldSnapshotAfterManySaves(t *testing.T) {
	v, _, want := reopened(t)
	snap := v.Data.Clone()
	var retired []weak.Pointer[textShelf]
	for n := range 12 {
		for _, p := range v.parts {
			if p.texts != nil {
				retired = append(retired, weak.Make(p.texts))
			}
		}
		if err := v.Update(func(d *record.Data) error {
			for i := 0; i < len(d.Requests); i += partRecords {
				d.Requests[i+n].LetterText = record.NewText("змінено")
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	if !slices.Equal(textsOf(t, snap.Requests), want) {
		t.Fatal("the snapshot's letters changed")
	}
	snap = record.Data{}
	forgetRecent()
	for range 3 {
		runtime.GC()
	}
	held := 0
	for _, w := range retired {
		if w.Value() != nil {
			held++
		}
	}
	if held > 0 {
		t.Errorf("%d of %d retired text parts are still in memory", held, len(retired))
	}
}
