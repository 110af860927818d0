package storage

import (
	"maps"
	"slices"
)

// Clone is a copy of the company that shares nothing the caller may change
// in place: contacts, choices, markings and the list of snapshots are new
// (the snapshots themselves are never edited, only added).
func (c Company) Clone() Company {
	c.Contacts = slices.Clone(c.Contacts)
	c.Use = maps.Clone(c.Use)
	c.Markings = maps.Clone(c.Markings)
	c.Policies = slices.Clone(c.Policies)
	return c
}
