package storage

import (
	"prava/record"
	"slices"
	"strings"
	"testing"
)

// TestLettersMovedAround: letters that change places without changing
// (two requests swapped, two letters swapped, an old snapshot put back
// after a save, a letter copied from another vault) are written where
// they now are, and read back so after an open; a letter copied from a
// vault closed since cannot be saved, and the error says so.
func TestLettersMovedAround(t *testing.T) {
	v, path, want := reopened(t)
	k := v.keyring
	if err := v.Update(func(d *record.Data) error {
		d.Requests[3], d.Requests[4] = d.Requests[4], d.Requests[3]
		d.Requests[10].LetterText, d.Requests[11].LetterText = d.Requests[11].LetterText, d.Requests[10].LetterText
		d.Requests[600].EmailBody = d.Requests[0].LetterText
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	want[3], want[4] = want[4], want[3]
	want[10][0], want[11][0] = want[11][0], want[10][0]
	want[600][1] = want[0][0]
	if !slices.Equal(textsOf(t, v.Data.Requests), want) {
		t.Fatal("after the save the letters moved are not where they were put")
	}
	v.Close()
	v, err := Open(path, Unlock{}, k)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(textsOf(t, v.Data.Requests), want) {
		t.Fatal("after an open the letters moved are not where they were put")
	}

	// A snapshot from before a save is put back: its letters rest on the
	// parts that save retired.
	old := v.Data.Clone()
	if err := v.Update(func(d *record.Data) error {
		d.Requests[600].LetterText, d.Requests[0].LetterText = record.NewText("змінено"), record.Text{}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	*v.Data = old
	if err := v.Save(); err != nil {
		t.Fatal(err)
	}
	v.Close()
	if v, err = Open(path, Unlock{}, k); err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	if !slices.Equal(textsOf(t, v.Data.Requests), want) {
		t.Fatal("the snapshot put back did not bring back its letters")
	}

	// A letter copied from another vault.
	other, _, _ := newVault(t)
	otherWant := lettered(t, other)
	v.Data.Requests[1].LetterText = other.Data.Requests[1099].LetterText
	if err := v.Save(); err != nil {
		t.Fatal(err)
	}
	if got, _ := v.Data.Requests[1].LetterText.Read(); got != otherWant[1099][0] {
		t.Errorf("a letter copied from another vault reads %q", got)
	}
	v.Data.Requests[2].LetterText = other.Data.Requests[1098].LetterText
	other.Close()
	err = v.Save()
	if err == nil || !strings.Contains(err.Error(), "r0002") || !strings.Contains(err.Error(), "closed") {
		t.Errorf("a save of a letter from a closed vault: %v", err)
	}
	if got, err := v.Data.Requests[1].LetterText.Read(); err != nil || got != otherWant[1099][0] {
		t.Errorf("after the refused save, the letter copied: %q, %v", got, err)
	}
}
