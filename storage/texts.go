package storage

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"prava/record"
	"slices"
	"sync"
)

// Format 3 keeps the requests' letters and e-mail bodies out of the
// request parts, in text parts of their own: the nth text part holds the
// texts of the nth request part's requests, two for each (its letter, then
// its e-mail body), compressed as record.Text keeps them:
//
//	n         uvarint: the number of texts
//	lengths   n uvarints
//	texts     their bytes, one after another
//
// An open checks the text parts (decrypts and authenticates them) but does
// not keep their texts: each request's texts rest on a record.Shelf and
// are fetched again, from the vault file, when read (issue 25: they are
// as much memory as all else the app holds). A save writes a text part
// back as it is while each of its requests still has the texts that rest
// there, in the same places, so marking a request answered or adding a
// company seals no text again; only a run whose texts changed is written
// anew, and then its requests' texts move onto the new part's shelf.
const partTexts = "texts"

// textShelf is a text part's texts as they rest: where each is in the
// part, and how to get the part's bytes.
type textShelf struct {
	shelf *record.Shelf
	start int      // where the texts begin in the plaintext
	ends  []uint32 // where each text ends, counted from start
	nonce []byte
	// v is the vault whose file holds the part; nil for a part sealed
	// for another file (an export), or not yet saved.
	v *Vault
	// kept is the sealed part, read into memory when a save leaves it out
	// of the new file: readers still holding a snapshot of the data
	// before that save can then still read its texts. Guarded by
	// shelfCache.mu.
	kept []byte
	// plain is the decrypted part while it is among the recently read
	// (shelfCache). Guarded by shelfCache.mu.
	plain []byte
}

// shelfCache keeps the plaintext of the few text parts read last: a
// company's page reads a few letters, and a save that rewrites a run reads
// all of another part's texts one by one.
var shelfCache struct {
	mu     sync.Mutex
	recent []*textShelf // newest last
}

// recentShelves is how many text parts stay decrypted: about 450 KB each
// on the 10k/50k vault.
const recentShelves = 4

// parseTexts reads a text part's list of lengths and checks it against
// the number of requests its part holds.
func parseTexts(plain []byte, requests int) (start int, ends []uint32, err error) {
	damaged := fmt.Errorf("%w: a part of letters is not valid", errDamaged)
	n, at := binary.Uvarint(plain)
	// Each length takes a byte at least, so a count beyond the part's
	// bytes is damage, found before a list that large is made; so is a
	// negative number of requests, whose double a uvarint can spell.
	if at <= 0 || requests < 0 || n != uint64(2*requests) || n > uint64(len(plain)-at) {
		return 0, nil, damaged
	}
	ends = make([]uint32, n)
	total := uint64(0)
	for i := range ends {
		l, k := binary.Uvarint(plain[at:])
		if k <= 0 || l > uint64(len(plain)) {
			return 0, nil, damaged
		}
		at += k
		total += l
		ends[i] = uint32(total)
	}
	if total != uint64(len(plain)-at) {
		return 0, nil, damaged
	}
	return at, ends, nil
}

// newTextShelf is the shelf of a text part whose lengths parseTexts read.
func newTextShelf(nonce []byte, start int, ends []uint32) *textShelf {
	t := &textShelf{nonce: nonce, start: start, ends: ends}
	t.shelf = record.NewShelf(len(ends), t.fetch)
	return t
}

// text is the nth text as it rests on the shelf: Text{} when it is empty.
func (t *textShelf) text(n int) record.Text {
	if t.size(n) == 0 {
		return record.Text{}
	}
	return t.shelf.Text(n)
}

// size is the length of the nth text.
func (t *textShelf) size(n int) uint32 {
	if n == 0 {
		return t.ends[0]
	}
	return t.ends[n] - t.ends[n-1]
}

// holds reports whether each request of run has exactly the texts that
// rest on t, in their places: then the part need not be written again.
func (t *textShelf) holds(run []record.Request) bool {
	if t == nil || len(t.ends) != 2*len(run) {
		return false
	}
	for i := range run {
		if !t.restsAt(run[i].LetterText, 2*i) || !t.restsAt(run[i].EmailBody, 2*i+1) {
			return false
		}
	}
	return true
}

func (t *textShelf) restsAt(x record.Text, n int) bool {
	if at, ok := x.On(t.shelf); ok {
		return at == n
	}
	return x.IsEmpty() && t.size(n) == 0
}

// fetch returns a copy of the nth text, decrypting the part if it is not
// among the recently read.
func (t *textShelf) fetch(n int) ([]byte, error) {
	shelfCache.mu.Lock()
	defer shelfCache.mu.Unlock()
	if t.plain == nil {
		plain, err := t.open()
		if err != nil {
			return nil, err
		}
		t.plain = plain
		shelfCache.recent = append(shelfCache.recent, t)
		if len(shelfCache.recent) > recentShelves {
			// Deleted, not sliced off: the slot before the slice would
			// still hold the part, and through it its vault.
			shelfCache.recent[0].plain = nil
			shelfCache.recent = slices.Delete(shelfCache.recent, 0, 1)
		}
	}
	from := t.start
	if n > 0 {
		from += int(t.ends[n-1])
	}
	return bytes.Clone(t.plain[from : t.start+int(t.ends[n])]), nil
}

// forgetShelves drops the text parts of the closed vault v from the
// recently read: the cache is shared by every vault, and would otherwise
// keep a closed one (its data and its key) in memory, and hand out its
// letters after the close.
func forgetShelves(v *Vault) {
	shelfCache.mu.Lock()
	defer shelfCache.mu.Unlock()
	shelfCache.recent = slices.DeleteFunc(shelfCache.recent, func(t *textShelf) bool {
		if t.v != v {
			return false
		}
		t.plain = nil
		return true
	})
}

// open decrypts the part, kept or read from the vault file.
func (t *textShelf) open() ([]byte, error) {
	if t.v == nil {
		return nil, fmt.Errorf("storage: a letter's text is in no vault file")
	}
	if t.v.closed() {
		return nil, fmt.Errorf("storage: the vault %s is closed, so its letters cannot be read: open it again", t.v.path)
	}
	sealed, fromFile := t.kept, t.kept == nil
	if fromFile {
		var err error
		if sealed, err = t.v.readPart(t.nonce); err != nil {
			return nil, err
		}
	}
	plain, err := gcm(t.v.dataKey).Open(nil, t.nonce, sealed, partAAD(t.v.header.VaultID, partTexts))
	if err != nil {
		if fromFile {
			t.v.lost() // kept bytes came from a file since replaced
		}
		return nil, fmt.Errorf("storage: %s: %w: a part of letters fails its integrity check; close Prava and open the vault again", t.v.path, ErrChanged)
	}
	return plain, nil
}

// encodeTexts writes the texts of run as a text part, fetching those that
// rest on a shelf, and returns where they begin and end in it, for the
// shelf they rest on once it is written (newTextShelf).
func encodeTexts(buf *bytes.Buffer, run []record.Request) (start int, ends []uint32, err error) {
	texts := make([][]byte, 0, 2*len(run))
	for _, r := range run {
		for _, x := range []record.Text{r.LetterText, r.EmailBody} {
			z, err := x.Compressed()
			if err != nil {
				return 0, nil, fmt.Errorf("reading request %s's letter: %w", r.ID, err)
			}
			texts = append(texts, z)
		}
	}
	buf.Write(binary.AppendUvarint(nil, uint64(len(texts))))
	ends = make([]uint32, len(texts))
	total := uint32(0)
	for i, z := range texts {
		buf.Write(binary.AppendUvarint(nil, uint64(len(z))))
		total += uint32(len(z))
		ends[i] = total
	}
	start = buf.Len()
	for _, z := range texts {
		buf.Write(z)
	}
	return start, ends, nil
}
