package directory

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"prava/directory/internal/snapshot"
)

// ErrOlder is returned by Update for a snapshot older than the directory
// in use.
var ErrOlder = errors.New("this snapshot is older than the directory Prava has")

// Update reads a newer snapshot from the file src — the data repository's
// tarball (.tar.gz) or a JSON array of company records in its schema —
// checks every record, and writes the directory to dst, where OpenNewest
// finds it at the next start. It returns the new directory; call Use to
// search it at once. A JSON array brings no company packs, so d's packs
// are kept for the companies it still has. On any error nothing is
// written, and the message names the file, the record and the field.
// The person's own companies are not touched: they live in the vault.
func (d *Directory) Update(src, dst string) (*Directory, error) {
	s, err := snapshot.ReadFile(src)
	if err != nil {
		return nil, fmt.Errorf("the directory was not changed: %w", err)
	}
	if !s.Meta.Date.IsZero() && s.Meta.Date.Before(d.meta.Date) {
		return nil, fmt.Errorf("the directory was not changed: %w (%s, Prava has %s)", ErrOlder, s.Meta.Date.Format("2006-01-02"), d.AsOf())
	}
	if len(s.Packs) == 0 {
		known := map[string]bool{}
		for _, r := range s.Records {
			known[r.Slug] = true
		}
		for _, p := range d.packs {
			kept := p
			kept.Companies = nil
			for _, slug := range p.Companies {
				if known[slug] {
					kept.Companies = append(kept.Companies, slug)
				}
			}
			s.Packs = append(s.Packs, kept)
		}
	}
	data := snapshot.Encode(s)
	nd, err := Parse(data)
	if err != nil { // a bug in Encode, not in the file; still, change nothing
		return nil, fmt.Errorf("the directory was not changed: %w", err)
	}
	if err := writeAtomic(dst, data); err != nil {
		return nil, fmt.Errorf("the directory was not changed: %w", err)
	}
	return nd, nil
}

// writeAtomic writes data to name through a temporary file in the same
// folder, so a crash leaves the old file or the new one, never half.
func writeAtomic(name string, data []byte) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".directory-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
