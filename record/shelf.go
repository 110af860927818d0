package record

import "errors"

// A Shelf holds texts that are not kept in memory (issue 25: the letters
// of a vault with 50,000 requests are 42 MB even compressed, as much as
// everything else the app holds). Package storage puts the texts of one
// part of the vault file on a shelf when it opens the vault and fetches
// one again, from the file, when it is read; a text written since stays
// in memory until a save puts it on a shelf of its own.
type Shelf struct {
	fetch func(n int) ([]byte, error)
	slots []shelved
}

// shelved is a text's place on its shelf.
type shelved struct {
	on *Shelf
	n  int
}

// NewShelf makes a shelf of n texts that fetch returns, compressed as a
// Text keeps them (Text.Compressed), by their place 0…n-1.
func NewShelf(n int, fetch func(n int) ([]byte, error)) *Shelf {
	s := &Shelf{fetch: fetch, slots: make([]shelved, n)}
	for i := range s.slots {
		s.slots[i] = shelved{on: s, n: i}
	}
	return s
}

// Text is the text at place n. An empty text needs no shelf: give Text{}.
func (s *Shelf) Text(n int) Text { return Text{at: &s.slots[n]} }

// On reports the place of the text on the shelf s, if that is where it
// rests: a save then knows, without reading it, that it is unchanged.
func (t Text) On(s *Shelf) (int, bool) {
	if t.at == nil || t.at.on != s {
		return 0, false
	}
	return t.at.n, true
}

// errShelf is wrapped when a shelf's fetch gives nothing for a text.
var errShelf = errors.New("record: a text could not be read from the vault")

// Compressed is the text as a Text keeps it, DEFLATE data (nil for the
// empty text), fetched from its shelf if it rests on one.
func (t Text) Compressed() ([]byte, error) {
	if t.at == nil {
		return t.z, nil
	}
	z, err := t.at.on.fetch(t.at.n)
	if err == nil && len(z) == 0 {
		err = errShelf
	}
	return z, err
}
