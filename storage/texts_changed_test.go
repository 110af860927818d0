package storage

import (
	"path/filepath"
	"prava/files"
	"prava/record"
	"syscall"
	"testing"
)

// TestFailedSaveKeepsNoLetters: a save that fails once the new file is
// written (a read-only folder at the rename) leaves every letter readable
// and resting in the file, not read into memory, and the next save and
// open have them all.
func TestFailedSaveKeepsNoLetters(t *testing.T) {
	v, path, want := reopened(t)
	k := v.keyring
	injectFault(t, filepath.Dir(path), "rename", syscall.EROFS)
	// Every run's letters move: all three text parts would be retired.
	err := v.Update(func(d *record.Data) error { d.Requests = d.Requests[1:]; return nil })
	if err == nil {
		t.Fatal("the save did not fail")
	}
	files.FaultHook = nil
	for _, p := range v.parts {
		if p.texts != nil && p.texts.kept != nil {
			t.Errorf("a text part still in the file is held in memory after the failed save (%d bytes)", len(p.texts.kept))
		}
	}
	if got := textsOf(t, v.Data.Requests); len(got) != len(want) || got[0] != want[0] || got[len(got)-1] != want[len(want)-1] {
		t.Fatal("after the failed save the letters are not the ones written")
	}
	if err := v.Update(func(d *record.Data) error { d.Requests = d.Requests[1:]; return nil }); err != nil {
		t.Fatal(err)
	}
	v.Close()
	w, err := Open(path, Unlock{}, k)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	got := textsOf(t, w.Data.Requests)
	for i := range got {
		if got[i] != want[i+1] {
			t.Fatalf("request %d after the save: %q", i, got[i])
		}
	}
}
