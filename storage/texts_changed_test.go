package storage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"prava/files"
	"prava/record"
	"syscall"
	"testing"
)

// TestFileChangedUnderOpenVault changes the vault file under an open
// vault as a sync tool or another program might: cut short, grown,
// replaced by a copy of itself, text parts' bytes changed in place with
// the time kept (as a failing disk would). A letter not yet read then
// fails with ErrChanged and the way out, never another text; a save is
// refused and writes nothing: the damaged file must not become the
// backup in place of the good one.
func TestFileChangedUnderOpenVault(t *testing.T) {
	cases := map[string]func(path string, file []byte){
		"cut short by a byte": func(path string, file []byte) { os.Truncate(path, int64(len(file)-1)) },
		"grown by a byte": func(path string, file []byte) {
			f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
			f.Write([]byte{0})
			f.Close()
		},
		"replaced by a copy of itself": func(path string, file []byte) {
			os.Remove(path)
			os.WriteFile(path, file, 0o600)
		},
		"letters changed in place, the time kept": func(path string, file []byte) {
			st, _ := os.Stat(path)
			p, _ := parse(file)
			off := len(file) - len(p.body)
			f, _ := os.OpenFile(path, os.O_WRONLY, 0)
			for _, pt := range p.Parts {
				if pt.Kind == partTexts {
					f.WriteAt([]byte{file[off+40] ^ 1}, int64(off+40))
				}
				off += pt.Size
			}
			f.Close()
			os.Chtimes(path, st.ModTime(), st.ModTime())
		},
	}
	for name, change := range cases {
		t.Run(name, func(t *testing.T) {
			v, path, want := reopened(t)
			if got, _ := v.Data.Requests[600].LetterText.Read(); got != want[600][0] {
				t.Fatalf("before the change: %q", got)
			}
			file, _ := os.ReadFile(path)
			bak, _ := os.ReadFile(path + ".bak")
			change(path, file)
			changed, _ := os.ReadFile(path)
			for _, i := range []int{0, 1, 1099} {
				got, err := v.Data.Requests[i].LetterText.Read()
				if !errors.Is(err, ErrChanged) || got != "" || !bytes.Contains([]byte(err.Error()), []byte("open the vault again")) {
					t.Errorf("request %d's letter: %q, %v", i, got, err)
				}
			}
			// The part read before the change is in memory, and right.
			if got, err := v.Data.Requests[601].LetterText.Read(); err != nil || got != want[601][0] {
				t.Errorf("a letter read before the change: %q, %v", got, err)
			}
			err := v.Update(func(d *record.Data) error { d.Requests[3].Notes = "called"; return nil })
			if !errors.Is(err, ErrChanged) {
				t.Errorf("a save after the change: %v", err)
			}
			if now, _ := os.ReadFile(path); !bytes.Equal(now, changed) {
				t.Error("the refused save changed the file")
			}
			if now, _ := os.ReadFile(path + ".bak"); !bytes.Equal(now, bak) {
				t.Error("the refused save changed the backup")
			}
			// Still refused, and still no other letter.
			if got, err := v.Data.Requests[2].LetterText.Read(); err == nil {
				t.Errorf("after the refused save, request 2's letter: %q", got)
			}
		})
	}
}

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

// TestDamageLeftBehindStopsNothing: a text part damaged in place (the
// time kept) that a save then leaves out of the new file is kept for the
// snapshot from before; the snapshot's letter from it fails its check,
// but that damage is in the old file, not the new one, so saves go on.
func TestDamageLeftBehindStopsNothing(t *testing.T) {
	v, path, want := reopened(t)
	snap := v.Data.Clone()
	file, _ := os.ReadFile(path)
	st, _ := os.Stat(path)
	p, _ := parse(file)
	off, last := len(file)-len(p.body), 0
	for _, pt := range p.Parts {
		if pt.Kind == partTexts {
			last = off
		}
		off += pt.Size
	}
	f, _ := os.OpenFile(path, os.O_WRONLY, 0)
	f.WriteAt([]byte{file[last+20] ^ 1}, int64(last+20))
	f.Close()
	os.Chtimes(path, st.ModTime(), st.ModTime())
	// The last run goes: its text part is left out of the new file.
	if err := v.Update(func(d *record.Data) error { d.Requests = d.Requests[:2*partRecords]; return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := snap.Requests[len(want)-1].LetterText.Read(); !errors.Is(err, ErrChanged) {
		t.Errorf("the snapshot's letter from the damaged part: %v", err)
	}
	if err := v.Update(func(d *record.Data) error { d.Requests[0].Notes = "called"; return nil }); err != nil {
		t.Errorf("a save after damage found in the old file: %v", err)
	}
	if got, err := v.Data.Requests[5].LetterText.Read(); err != nil || got != want[5][0] {
		t.Errorf("a letter of the new file: %q, %v", got, err)
	}
}
