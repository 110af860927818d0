package storage

import (
	"fmt"
	"prava/record"
	"slices"
	"sync"
	"testing"
)

// TestSharedCacheUnderLoad: two vaults share the cache of recently read
// text parts; on each, readers of snapshots taken between saves read on
// their own goroutines while saves change, add and delete letters. Every
// read gives the letter as it was in its snapshot. Run with -race.
func TestSharedCacheUnderLoad(t *testing.T) {
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for vault := range 2 {
		v, _, want := reopened(t)
		wg.Add(1)
		go func() {
			defer wg.Done()
			var readers sync.WaitGroup
			for n := range 8 {
				snap, expect := v.Data.Clone(), slices.Clone(want)
				readers.Add(1)
				go func() {
					defer readers.Done()
					for r := range 400 {
						i := (r*7919 + n*31) % len(expect)
						got, err := snap.Requests[i].LetterText.Read()
						if err == nil && got != expect[i][0] {
							err = fmt.Errorf("vault %d, snapshot %d: request %d's letter read %q, want %q", vault, n, i, got, expect[i][0])
						}
						if err != nil {
							errs <- err
							return
						}
					}
				}()
				letter := fmt.Sprintf("Лист %d/%d", vault, n)
				if err := v.Update(func(d *record.Data) error {
					d.Requests[n*150].LetterText = record.NewText(letter)
					d.Requests = append(d.Requests[:n*140+1], d.Requests[n*140+2:]...)
					return nil
				}); err != nil {
					errs <- err
					break
				}
				want[n*150][0] = letter
				want = append(want[:n*140+1], want[n*140+2:]...)
			}
			readers.Wait()
			if got := textsOf(t, v.Data.Requests); !slices.Equal(got, want) {
				errs <- fmt.Errorf("vault %d: the letters after the saves are not the ones written", vault)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestLettersReadDuringClose: readers of a snapshot on their own
// goroutines while the vault is closed each get the right letter or an
// error, never another text. Run with -race.
func TestLettersReadDuringClose(t *testing.T) {
	v, _, want := reopened(t)
	snap := v.Data.Clone()
	var readers sync.WaitGroup
	errs := make(chan error, 8)
	for n := range 4 {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for r := range 300 {
				i := (r*7919 + n*613) % len(want)
				got, err := snap.Requests[i].LetterText.Read()
				if err == nil && got != want[i][0] {
					errs <- fmt.Errorf("request %d's letter read %q", i, got)
					return
				}
			}
		}()
	}
	v.Close()
	readers.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if _, err := snap.Requests[0].LetterText.Read(); err == nil {
		t.Error("a letter was read after the close")
	}
}
