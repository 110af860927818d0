package storage

import "slices"

// Update applies change to the vault's data and saves the vault: the one way
// the layers above change what is stored. When change returns an error, or
// the save fails, Data is put back exactly as it was before the call (the
// same *Data, so holders of the pointer see the old state) and the error is
// returned; the file on disk is then as it was. Nobody above writes undo
// code.
//
// change must treat the records' shared contents as read-only: it may set
// fields, replace records and append, but it must clone a contact list,
// map or file before editing it in place (Company.Clone does), because the
// copy kept for the way back shares them.
func (v *Vault) Update(change func(*Data) error) error {
	before := v.Data.Clone()
	return v.update(change, func() { *v.Data = before })
}

// UpdateFrom is Update for a caller that already holds a copy of the data
// as it is now, made by Clone and never changed since (casework's desk
// keeps one for its readers): the way back is taken from it, cloned again
// only when a change fails, so a change that succeeds copies nothing.
func (v *Vault) UpdateFrom(before *Data, change func(*Data) error) error {
	return v.update(change, func() { *v.Data = before.Clone() })
}

// update applies change and saves, calling restore when either fails.
func (v *Vault) update(change func(*Data) error, restore func()) error {
	if err := change(v.Data); err != nil {
		restore()
		return err
	}
	if err := v.Save(); err != nil {
		restore()
		return err
	}
	return nil
}

// Clone is a copy of the data that a change to the copy's lists, records,
// contact lists, choices, markings and replies leaves untouched. Texts,
// PDFs and documents' bytes are shared: they are never edited in place,
// only replaced.
func (d *Data) Clone() Data {
	c := *d
	if d.Settings.MartialLaw != nil {
		on := *d.Settings.MartialLaw
		c.Settings.MartialLaw = &on
	}
	c.Companies = cloneEach(d.Companies, Company.Clone)
	c.Requests = cloneEach(d.Requests, Request.Clone)
	c.Timeline = slices.Clone(d.Timeline)
	c.Extra = slices.Clone(d.Extra)
	return c
}

// Clone is a copy of the request whose replies (and their lists of files)
// can be changed without touching the original.
func (r Request) Clone() Request {
	r.Replies = slices.Clone(r.Replies)
	for i := range r.Replies {
		r.Replies[i].Files = slices.Clone(r.Replies[i].Files)
	}
	return r
}

// cloneEach copies a list with each record cloned; nil stays nil.
func cloneEach[T any](list []T, clone func(T) T) []T {
	if list == nil {
		return nil
	}
	out := make([]T, len(list))
	for i, x := range list {
		out[i] = clone(x)
	}
	return out
}
