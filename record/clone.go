package record

import (
	"maps"
	"slices"
)

// Clone is a copy of the company that shares nothing the caller may change
// in place: legal entities, contacts, choices, markings and the list of snapshots are new
// (the snapshots themselves are never edited, only added).
func (c Company) Clone() Company {
	c.Contacts = slices.Clone(c.Contacts)
	c.LegalEntities = slices.Clone(c.LegalEntities)
	c.Use = maps.Clone(c.Use)
	c.Markings = maps.Clone(c.Markings)
	c.PromisedFor = slices.Clone(c.PromisedFor)
	c.Policies = slices.Clone(c.Policies)
	return c
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
	if d.Mail != nil {
		m := *d.Mail
		c.Mail = &m
	}
	return c
}

// Clone is a copy of the request whose replies (and their lists of files)
// and e-mail record can be changed without touching the original.
func (r Request) Clone() Request {
	r.Replies, r.Warnings = slices.Clone(r.Replies), slices.Clone(r.Warnings)
	for i := range r.Replies {
		r.Replies[i].Files = slices.Clone(r.Replies[i].Files)
	}
	if r.Email != nil {
		e := *r.Email
		e.Replies, e.Suggested = slices.Clone(e.Replies), slices.Clone(e.Suggested)
		e.CaseNumbers = slices.Clone(e.CaseNumbers)
		r.Email = &e
	}
	if r.Signature != nil {
		s := *r.Signature
		s.Signers = slices.Clone(s.Signers)
		r.Signature = &s
	}
	if r.Receipt != nil {
		d := *r.Receipt
		r.Receipt = &d
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
