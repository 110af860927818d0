package directory

import (
	_ "embed"
	"fmt"
	"os"
	"sync"
	"unsafe"
)

// embedded is the snapshot Prava ships with (see data/NOTICE).
//
//go:embed data/directory.bin
var embedded []byte

// Directory is a loaded directory: its entries, packs and search index.
// It is read-only, and safe to use from several goroutines.
type Directory struct {
	meta    Meta
	entries []Entry
	packs   []Pack
	idx     index
	pool    sync.Pool // of *scratch
}

// Parse loads a directory from its compact form, as the generator or
// Update writes it, search index included.
func Parse(data []byte) (*Directory, error) {
	return decode(data)
}

// Open loads a directory from a file Update wrote.
func Open(name string) (*Directory, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	d, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return d, nil
}

var (
	mu      sync.Mutex
	current *Directory
	loadErr error
)

// Default is the directory in use: the embedded snapshot, loaded at first
// use, or the one given to Use.
func Default() (*Directory, error) {
	mu.Lock()
	defer mu.Unlock()
	if current == nil && loadErr == nil {
		current, loadErr = parseEmbedded()
	}
	return current, loadErr
}

// Embedded loads the snapshot built into Prava, ignoring any update.
func Embedded() (*Directory, error) { return parseEmbedded() }

// parseEmbedded decodes the embedded snapshot in place: the embedded bytes
// are never written (they sit in the binary's read-only data), so the
// entries may share them as strings rather than copy a megabyte first.
func parseEmbedded() (*Directory, error) {
	return decodeString(unsafe.String(unsafe.SliceData(embedded), len(embedded)))
}

// Use makes d the directory Default returns, after an update.
func Use(d *Directory) {
	mu.Lock()
	defer mu.Unlock()
	current, loadErr = d, nil
}

// OpenNewest returns the newer of the embedded snapshot and the updated
// directory in the file name (as Update wrote it), and makes it the
// default. A missing file is no error; a damaged one returns the embedded
// snapshot with the error, for the app to tell the person.
func OpenNewest(name string) (*Directory, error) {
	built, err := Default()
	if err != nil {
		return nil, err
	}
	upd, err := Open(name)
	if os.IsNotExist(err) {
		return built, nil
	}
	if err != nil {
		return built, err
	}
	if upd.meta.Date.After(built.meta.Date) {
		Use(upd)
		return upd, nil
	}
	return built, nil
}

// Meta says which snapshot the directory comes from.
func (d *Directory) Meta() Meta { return d.meta }

// Len is the number of companies.
func (d *Directory) Len() int { return len(d.entries) }

// Entries are all companies, in slug order. The slice is the directory's
// own: do not change it.
func (d *Directory) Entries() []Entry { return d.entries }

// Lookup finds a company by its slug ("google").
func (d *Directory) Lookup(slug string) (*Entry, bool) {
	i, ok := slugIndex(d.entries, lower(slug))
	if !ok {
		return nil, false
	}
	return &d.entries[i], true
}

// AsOf is the snapshot's date as a person reads it: "2026-07-21".
func (d *Directory) AsOf() string {
	if d.meta.Date.IsZero() {
		return "an unknown date"
	}
	return d.meta.Date.Format("2006-01-02")
}
