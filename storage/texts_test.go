package storage

import (
	"errors"
	"fmt"
	"os"
	"prava/record"
	"slices"
	"testing"
)

// lettered fills a vault with requests in three runs, each with a letter
// and every third with an e-mail body, and returns each request's texts.
func lettered(t *testing.T, v *Vault) [][2]string {
	t.Helper()
	var want [][2]string
	for i := range 2*partRecords + 76 {
		letter, body := fmt.Sprintf("Лист номер %d до компанії", i), ""
		if i%3 == 0 {
			body = fmt.Sprintf("E-mail body %d", i)
		}
		v.Data.Requests = append(v.Data.Requests, record.Request{ID: fmt.Sprintf("r%04d", i), CompanyID: "c1", Kind: "access",
			LetterText: record.NewText(letter), EmailBody: record.NewText(body), Status: record.StatusSent})
		want = append(want, [2]string{letter, body})
	}
	if err := v.Save(); err != nil {
		t.Fatal(err)
	}
	return want
}

// reopen closes v and opens its file again with its keyring, as the next
// start does: then every letter rests in the file. The vault it returns is
// closed when the test ends.
func reopen(t *testing.T, v *Vault, path string) *Vault {
	t.Helper()
	k := v.keyring
	v.Close()
	w, err := Open(path, Unlock{}, k)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// textsOf reads each request's letter and body, failing on an error.
func textsOf(t *testing.T, requests []record.Request) [][2]string {
	t.Helper()
	out := make([][2]string, len(requests))
	for i, r := range requests {
		letter, err := r.LetterText.Read()
		if err != nil {
			t.Fatalf("request %d's letter: %v", i, err)
		}
		body, err := r.EmailBody.Read()
		if err != nil {
			t.Fatalf("request %d's body: %v", i, err)
		}
		out[i] = [2]string{letter, body}
	}
	return out
}

// resting counts the requests whose letter rests on one of v's text
// parts, in its place, rather than in memory.
func resting(v *Vault) int {
	n, nth := 0, 0
	for _, p := range v.parts {
		if p.Kind != partTexts {
			continue
		}
		for j := range p.Count {
			if at, ok := v.Data.Requests[nth*partRecords+j].LetterText.On(p.texts.shelf); ok && at == 2*j {
				n++
			}
		}
		nth++
	}
	return n
}

// forgetRecent empties the cache of recently read text parts.
func forgetRecent() {
	shelfCache.mu.Lock()
	defer shelfCache.mu.Unlock()
	for _, t := range shelfCache.recent {
		t.plain = nil
	}
	shelfCache.recent = nil
}

// TestLettersRestInTheFile: an opened vault keeps no letter in memory; a
// save seals again only the text parts whose letters changed, and moves
// the letters it wrote out of memory too; a snapshot taken before a save
// still reads its letters after it; and every letter survives the trips.
func TestLettersRestInTheFile(t *testing.T) {
	v, path, _ := newVault(t)
	want := lettered(t, v)
	v = reopen(t, v, path)
	if n := resting(v); n != len(want) {
		t.Fatalf("%d of %d letters rest in the file after the open", n, len(want))
	}
	if got := textsOf(t, v.Data.Requests); !slices.Equal(got, want) {
		t.Fatal("the letters read back are not the ones written")
	}

	// A change to a request's other fields seals no text part again.
	before := nonces(fileHeader(t, path), partTexts)
	if len(before) != 3 {
		t.Fatalf("%d text parts, want 3", len(before))
	}
	if err := v.Update(func(d *record.Data) error { d.Requests[7].Notes = "called"; return nil }); err != nil {
		t.Fatal(err)
	}
	if now := nonces(fileHeader(t, path), partTexts); !slices.Equal(now, before) {
		t.Errorf("a note sealed text parts again: %v → %v", before, now)
	}

	// A new letter in the second run seals that run's text part alone.
	old := v.Data.Clone()
	if err := v.Update(func(d *record.Data) error {
		d.Requests[600].LetterText = record.NewText("Лист змінено")
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	want[600][0] = "Лист змінено"
	now := nonces(fileHeader(t, path), partTexts)
	if now[0] != before[0] || now[1] == before[1] || now[2] != before[2] {
		t.Errorf("a letter in the second run: text parts went %v → %v", before, now)
	}
	if n := resting(v); n != len(want) {
		t.Errorf("%d of %d letters rest in the file after the save", n, len(want))
	}
	forgetRecent() // the parts come from the file, not from what was read before
	if got := textsOf(t, old.Requests); got[600][0] == "Лист змінено" || got[601] != want[601] {
		t.Errorf("the snapshot from before the save reads %q and %q", got[600][0], got[601][0])
	}

	// Deleting the first request moves every letter to another place.
	if err := v.Update(func(d *record.Data) error { d.Requests = d.Requests[1:]; return nil }); err != nil {
		t.Fatal(err)
	}
	want = want[1:]
	v = reopen(t, v, path)
	if got := textsOf(t, v.Data.Requests); !slices.Equal(got, want) {
		t.Error("after the delete the letters read back are not the ones written")
	}
}

// TestLetterFromChangedFileFails: a letter read after the vault file was
// changed outside Prava, or after the vault was closed, gives an error
// that says what to do, never another text.
func TestLetterFromChangedFileFails(t *testing.T) {
	v, path, _ := newVault(t)
	lettered(t, v)
	v = reopen(t, v, path)
	if _, err := v.Data.Requests[0].LetterText.Read(); err != nil {
		t.Fatal(err)
	}
	// Another version of the file takes its place: the backup.
	bak, err := os.ReadFile(path + ".bak")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, bak, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = v.Data.Requests[900].LetterText.Read()
	if !errors.Is(err, ErrChanged) || v.Data.Requests[900].LetterText.String() != "" {
		t.Errorf("a letter from a changed file: %v", err)
	}
	v.Close()
	if _, err := v.Data.Requests[901].LetterText.Read(); err == nil {
		t.Error("a letter was read from a closed vault")
	}
}

// TestParseTextsRefusesDamage: a text part's list of lengths that does
// not match its requests or its bytes is damage, not a crash.
func TestParseTextsRefusesDamage(t *testing.T) {
	for name, plain := range map[string][]byte{
		"empty":            nil,
		"wrong count":      {4, 1, 1, 1, 1, 'a', 'b', 'c', 'd'},
		"lengths too long": {2, 3, 3, 'a', 'b'},
		"bytes left over":  {2, 1, 0, 'a', 'b'},
		"huge length":      {2, 0xff, 0xff, 0xff, 0xff, 0x0f, 0},
	} {
		if _, _, err := parseTexts(plain, 1); !errors.Is(err, errDamaged) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if start, ends, err := parseTexts([]byte{2, 1, 0, 'a'}, 1); err != nil || start != 3 || !slices.Equal(ends, []uint32{1, 1}) {
		t.Errorf("a valid part: %d %v %v", start, ends, err)
	}
}

// TestLettersReadDuringSaves: a window reads letters from its snapshot on
// its own goroutine while changes are saved on another, as the app does;
// every read gives the letter as it was in that snapshot. Run with -race.
func TestLettersReadDuringSaves(t *testing.T) {
	v, path, _ := newVault(t)
	want := lettered(t, v)
	v = reopen(t, v, path)
	snap := v.Data.Clone()
	done := make(chan error)
	go func() {
		for n := range 3000 {
			i := (n * 7919) % len(want)
			got, err := snap.Requests[i].LetterText.Read()
			if err == nil && got != want[i][0] {
				err = fmt.Errorf("request %d's letter read %q", i, got)
			}
			if err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	for n := range 6 {
		if err := v.Update(func(d *record.Data) error {
			d.Requests[n*200].LetterText = record.NewText(fmt.Sprintf("Лист %d змінено", n))
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	if err := <-done; err != nil {
		t.Error(err)
	}
}
