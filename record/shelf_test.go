package record

import (
	"errors"
	"testing"
)

// TestShelvedText: a text on a shelf is fetched when read, knows its place,
// and a fetch that fails gives an error from Read and "" from String,
// never another text.
func TestShelvedText(t *testing.T) {
	letter := NewText("Лист до компанії")
	broken := errors.New("the file is gone")
	fetched := 0
	s := NewShelf(2, func(n int) ([]byte, error) {
		fetched++
		if n == 1 {
			return nil, broken
		}
		return letter.Compressed()
	})
	x := s.Text(0)
	if fetched != 0 || x.IsEmpty() {
		t.Fatalf("a shelved text: fetched %d times, empty %v", fetched, x.IsEmpty())
	}
	if got, err := x.Read(); err != nil || got != "Лист до компанії" || fetched != 1 {
		t.Errorf("read %q, %v after %d fetches", got, err, fetched)
	}
	if at, ok := x.On(s); !ok || at != 0 {
		t.Errorf("its place: %d %v", at, ok)
	}
	if _, ok := letter.On(s); ok {
		t.Error("a text in memory rests on a shelf")
	}
	if _, ok := x.On(NewShelf(1, nil)); ok {
		t.Error("a text rests on another shelf")
	}
	y := s.Text(1)
	if got, err := y.Read(); !errors.Is(err, broken) || got != "" || y.String() != "" {
		t.Errorf("a failed fetch gave %q, %v", got, err)
	}
	if _, err := y.GobEncode(); !errors.Is(err, broken) {
		t.Errorf("encoding a text that cannot be fetched: %v", err)
	}
}
