package storage

import (
	"prava/record"
	"runtime"
	"testing"
	"weak"
)

// reopened saves lettered requests into a new vault and opens it again,
// so that every letter rests in the file; it returns the open vault, its
// path and each request's texts.
func reopened(t *testing.T) (*Vault, string, [][2]string) {
	t.Helper()
	v, path, _ := newVault(t)
	want := lettered(t, v)
	w := reopen(t, v, path)
	forgetRecent()
	return w, path, want
}

// TestLetterAfterCloseIsGone: once the vault is closed no letter can be
// read from it, not even one of a part read just before, and the cache
// of recently read parts does not keep the closed vault (its data and its
// key) in memory.
func TestLetterAfterCloseIsGone(t *testing.T) {
	first, path, _ := newVault(t)
	want := lettered(t, first)
	first.Close()
	v, err := Open(path, Unlock{}, first.keyring)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := v.Data.Requests[0].LetterText.Read(); err != nil || got != want[0][0] {
		t.Fatalf("before the close: %q, %v", got, err)
	}
	// A snapshot from before a save that retired a part of letters.
	snap := v.Data.Clone()
	if err := v.Update(func(d *record.Data) error { d.Requests[600].LetterText = record.NewText("змінено"); return nil }); err != nil {
		t.Fatal(err)
	}
	v.Close()
	for _, i := range []int{1, 600} {
		if got, err := snap.Requests[i].LetterText.Read(); err == nil {
			t.Errorf("request %d's letter was read after the close: %q", i, got)
		}
	}
	gone := weak.Make(v)
	v, snap = nil, record.Data{}
	for range 3 {
		runtime.GC()
	}
	if gone.Value() != nil {
		t.Error("the closed vault is still in memory, held by the cache of recently read parts")
	}
}

// TestClosedVaultLeavesCacheAfterEvictions: a vault that read more text
// parts than the cache keeps, so that some were pushed out of it, is not
// kept in memory by the cache once closed either.
func TestClosedVaultLeavesCacheAfterEvictions(t *testing.T) {
	first, path, _ := newVault(t)
	for range (recentShelves + 3) * partRecords {
		first.Data.Requests = append(first.Data.Requests, record.Request{ID: record.NewID(), LetterText: record.NewText("Лист")})
	}
	if err := first.Save(); err != nil {
		t.Fatal(err)
	}
	first.Close()
	forgetRecent()
	v, err := Open(path, Unlock{}, first.keyring)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(v.Data.Requests); i += partRecords {
		if _, err := v.Data.Requests[i].LetterText.Read(); err != nil {
			t.Fatal(err)
		}
	}
	v.Close()
	gone := weak.Make(v)
	v = nil
	for range 3 {
		runtime.GC()
	}
	if gone.Value() != nil {
		t.Error("the closed vault is still in memory, held by the cache of recently read parts")
	}
}
