package casework

import (
	"slices"
	"strings"

	"prava/record"
)

// CompanyEdit is a change to a stored company's facts, as a value: a nil
// field keeps what is stored, so an editor that shows some facts (or a
// command given some flags) changes only those. The app reads its widgets
// into a CompanyEdit on the UI goroutine; the desk applies it.
type CompanyEdit struct {
	Name, LegalName, Registration *string
	Jurisdiction                  *record.Code
	Language, Website, Notes      *string
	PromisedDays                  *int
	// Markings sets the required subject or mark of each kind named
	// (record.AnyKind for every kind); "" removes it. Kinds not named keep
	// their marking.
	Markings map[record.Kind]string
	// RemoveContacts are the values of contacts to remove (case and
	// surrounding spaces ignored); AddContacts are added after, their kind
	// guessed when none is given.
	RemoveContacts []string
	AddContacts    []record.Contact
	// LegalEntities, when set, replaces the legal persons behind a brand
	// that letters are addressed to (an empty list clears them); the desk
	// checks them as it checks what a policy gave (CheckEntities).
	LegalEntities *[]string
}

// EditCompany applies an edit to a stored company after checking the
// result, logging which facts changed; nothing changes when a check
// fails.
func (k *Desk) EditCompany(id string, e CompanyEdit) error {
	return k.editCompany(id, "", "", e.apply)
}

// apply makes the edit on a copy of the company; the desk checks it.
func (e CompanyEdit) apply(c *record.Company) error {
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = strings.TrimSpace(*v)
		}
	}
	set(&c.Name, e.Name)
	set(&c.LegalName, e.LegalName)
	set(&c.Registration, e.Registration)
	set(&c.Language, e.Language)
	set(&c.Website, e.Website)
	if e.Notes != nil {
		c.Notes = *e.Notes // the person's own text, spaces and all
	}
	if e.LegalEntities != nil {
		// A copy: CheckCompany trims the names in place and drops the
		// empty ones, and the caller's list stays as given.
		c.LegalEntities = slices.Clone(*e.LegalEntities)
	}
	if e.Jurisdiction != nil {
		c.Jurisdiction = record.Code(strings.TrimSpace(string(*e.Jurisdiction))) // "": not decided yet
	}
	if e.PromisedDays != nil && *e.PromisedDays != c.PromisedDays {
		// A term the person types is for every request.
		c.PromisedDays, c.PromisedFor = *e.PromisedDays, nil
	}
	for kind, text := range e.Markings {
		key := strings.TrimSpace(string(kind))
		if text = strings.TrimSpace(text); text == "" {
			delete(c.Markings, key)
			continue
		}
		if c.Markings == nil {
			c.Markings = map[string]string{}
		}
		c.Markings[key] = text
	}
	for _, v := range e.RemoveContacts {
		i := indexOfContact(c.Contacts, v)
		if i < 0 {
			return problem("contact", "no_such_contact", "%s has no contact %q", c.Name, v)
		}
		removeContactAt(c, i)
	}
	for _, ct := range e.AddContacts {
		if ct.Kind == "" {
			ct.Kind = ContactKindOf(ct.Value)
		}
		c.Contacts = append(c.Contacts, ct)
	}
	return nil
}

// indexOfContact finds a contact by its value, ignoring case and spaces at
// the ends; -1 when there is none.
func indexOfContact(list []record.Contact, v string) int {
	for i, ct := range list {
		if strings.EqualFold(strings.TrimSpace(ct.Value), strings.TrimSpace(v)) {
			return i
		}
	}
	return -1
}
