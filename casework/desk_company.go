package casework

import (
	"fmt"
	"slices"
	"strings"

	"prava/policy"
	"prava/record"
)

// DuplicateError refuses a company that is already in the vault: the same
// legal name, registration number, web domain or privacy e-mail.
type DuplicateError struct {
	Existing record.Company // the company already stored
	Same     string         // what the two share, in words
}

func (e *DuplicateError) Error() string {
	return fmt.Sprintf("%s is already in the vault (%s, ID %s): open or update it instead, or add it again on purpose", e.Existing.Name, e.Same, e.Existing.ID)
}

// AddCompany stores a new company after checking it; unless again is set,
// a company already in the vault is refused with a *DuplicateError that
// names it. It returns the stored record, with its ID and dates.
func (k *Desk) AddCompany(c record.Company, again bool, source string) (record.Company, error) {
	if err := CheckCompany(&c); err != nil {
		return record.Company{}, err
	}
	now := k.now().UTC()
	if c.ID == "" {
		c.ID = record.NewID()
	}
	if c.Created.IsZero() {
		c.Created = now
	}
	c.Updated = now
	err := k.update(func(d *record.Data) error {
		if !again {
			if dup := Duplicate(d, &c); dup != nil {
				return dup
			}
		}
		if d.Company(c.ID) != nil {
			return fmt.Errorf("a company with ID %s is already in the vault", c.ID)
		}
		d.Companies = append(d.Companies, c)
		k.log(d, EntryCompanyAdded, c.ID, "", source)
		return nil
	})
	if err != nil {
		return record.Company{}, err
	}
	return c, nil
}

// AddCompanies stores several new companies in one change (a pack the
// person chose to ask); those already in the vault, or repeated in the
// list, are skipped. It returns the companies added.
func (k *Desk) AddCompanies(cs []record.Company, source string) ([]record.Company, error) {
	return k.addCompanies(cs, func(int) string { return source })
}

// addCompanies is AddCompanies with each company's own source.
func (k *Desk) addCompanies(cs []record.Company, source func(i int) string) ([]record.Company, error) {
	now := k.now().UTC()
	for i := range cs {
		if err := CheckCompany(&cs[i]); err != nil {
			return nil, fmt.Errorf("%s: %w", cs[i].Name, err)
		}
		if cs[i].ID == "" {
			cs[i].ID = record.NewID()
		}
		cs[i].Created, cs[i].Updated = now, now
	}
	var added []record.Company
	err := k.update(func(d *record.Data) error {
		added = added[:0]
		// One index for the whole list: a pack of thousands is checked in
		// linear time, not each company against every other.
		seen := newDuplicates(d.Companies)
		for i, c := range cs {
			if seen.find(&c) != nil || d.Company(c.ID) != nil {
				continue
			}
			seen.add(c)
			d.Companies = append(d.Companies, c)
			k.log(d, EntryCompanyAdded, c.ID, "", source(i))
			added = append(added, c)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return added, nil
}

// editCompany runs edit on a copy of the company, checks the result and
// stores it. what and note name the timeline entry; "" logs the facts
// that changed as "company edited".
func (k *Desk) editCompany(id string, what Entry, note string, edit func(c *record.Company) error) error {
	return k.update(func(d *record.Data) error {
		old := d.Company(id)
		if old == nil {
			return notFound("company", id)
		}
		next := old.Clone()
		if err := edit(&next); err != nil {
			return err
		}
		if err := CheckCompany(&next); err != nil {
			return err
		}
		next.ID, next.Created, next.Updated = old.ID, old.Created, k.now().UTC()
		if what == "" {
			what, note = EntryCompanyEdited, strings.Join(changedFacts(old, &next), ", ")
		}
		*old = next
		k.log(d, what, id, "", note)
		return nil
	})
}

// changedFacts names the facts that differ between two versions of a
// company, for the timeline.
func changedFacts(a, b *record.Company) []string {
	var out []string
	add := func(name string, differ bool) {
		if differ {
			out = append(out, name)
		}
	}
	add("name", a.Name != b.Name)
	add("legal name", a.LegalName != b.LegalName)
	add("legal entities", !slices.Equal(a.LegalEntities, b.LegalEntities))
	add("registration", a.Registration != b.Registration)
	add("law", a.Jurisdiction != b.Jurisdiction)
	add("language", a.Language != b.Language)
	add("web site", a.Website != b.Website)
	add("contacts", !slices.Equal(a.Contacts, b.Contacts))
	add("contact choices", fmt.Sprint(a.Use) != fmt.Sprint(b.Use))
	add("markings", fmt.Sprint(a.Markings) != fmt.Sprint(b.Markings))
	add("promised days", a.PromisedDays != b.PromisedDays)
	add("notes", a.Notes != b.Notes)
	return out
}

// AddContact adds a contact to a company; its kind is guessed from what
// was typed when none is given.
func (k *Desk) AddContact(companyID string, ct record.Contact) error {
	if ct.Kind == "" {
		ct.Kind = ContactKindOf(ct.Value)
	}
	return k.editCompany(companyID, "", "", func(c *record.Company) error {
		c.Contacts = append(c.Contacts, ct)
		return nil
	})
}

// RemoveContact deletes contact i of a company and keeps each kind's
// choice pointing at the same contact (a choice of the removed one goes).
func (k *Desk) RemoveContact(companyID string, i int) error {
	return k.editCompany(companyID, "", "", func(c *record.Company) error {
		if i < 0 || i >= len(c.Contacts) {
			return problem("contact", "no_such_contact", "the company has no contact number %d", i+1)
		}
		removeContactAt(c, i)
		return nil
	})
}

// RemoveContactValue deletes the company's contacts whose value is v.
func (k *Desk) RemoveContactValue(companyID, v string) error {
	return k.editCompany(companyID, "", "", func(c *record.Company) error {
		found := false
		for i := len(c.Contacts) - 1; i >= 0; i-- {
			if strings.EqualFold(strings.TrimSpace(c.Contacts[i].Value), strings.TrimSpace(v)) {
				removeContactAt(c, i)
				found = true
			}
		}
		if !found {
			return problem("contact", "no_such_contact", "%s has no contact %q", c.Name, v)
		}
		return nil
	})
}

// removeContactAt deletes contact i of c and moves the per-kind choices
// that point past it, dropping a choice of the removed one: the rule the
// desk and any edit of a company copy follow.
func removeContactAt(c *record.Company, i int) {
	c.Contacts = slices.Delete(c.Contacts, i, i+1)
	for kind, j := range c.Use {
		switch {
		case j == i:
			delete(c.Use, kind)
		case j > i:
			c.Use[kind] = j - 1
		}
	}
}

// UseContact chooses contact i for letters of kind (-1: no choice).
func (k *Desk) UseContact(companyID, kind string, i int) error {
	return k.editCompany(companyID, "", "", func(c *record.Company) error {
		if c.Use == nil {
			c.Use = map[string]int{}
		}
		if i < 0 {
			delete(c.Use, kind)
		} else {
			c.Use[kind] = i
		}
		return nil
	})
}

// DeleteCompany removes a company with all its requests. The app asks the
// person first.
func (k *Desk) DeleteCompany(id string) error {
	if err := k.needRequests("delete a company"); err != nil {
		return err
	}
	return k.update(func(d *record.Data) error {
		c := d.Company(id)
		if c == nil {
			return notFound("company", id)
		}
		name := c.Name
		d.Companies = slices.DeleteFunc(d.Companies, func(c record.Company) bool { return c.ID == id })
		d.Requests = slices.DeleteFunc(d.Requests, func(r record.Request) bool { return r.CompanyID == id })
		k.log(d, EntryCompanyDeleted, id, "", name)
		return nil
	})
}

// MergeCompanies folds the company gone into keep: gone's requests move to
// keep, its contacts, markings and policies are added where keep lacks
// them, empty facts of keep are filled from gone, the notes joined; then
// gone is deleted. For two records of one company added twice.
func (k *Desk) MergeCompanies(keepID, goneID string) error {
	if keepID == goneID {
		return problem("id", "same", "a company cannot be merged with itself")
	}
	if err := k.needRequests("merge companies"); err != nil {
		return err
	}
	return k.update(func(d *record.Data) error {
		keep, gone := d.Company(keepID), d.Company(goneID)
		if keep == nil {
			return notFound("company", keepID)
		}
		if gone == nil {
			return notFound("company", goneID)
		}
		m := keep.Clone()
		fill := func(dst *string, src string) {
			if *dst == "" {
				*dst = src
			}
		}
		fill(&m.LegalName, gone.LegalName)
		if len(m.LegalEntities) == 0 {
			m.LegalEntities = gone.LegalEntities
		}
		fill(&m.Registration, gone.Registration)
		if m.Jurisdiction == "" {
			m.Jurisdiction = gone.Jurisdiction
		}
		fill(&m.Language, gone.Language)
		fill(&m.Website, gone.Website)
		if m.PromisedDays == 0 {
			m.PromisedDays, m.PromisedFor = gone.PromisedDays, gone.PromisedFor
		}
		for _, ct := range gone.Contacts {
			if !slices.ContainsFunc(m.Contacts, func(o record.Contact) bool { return fold(o.Value) == fold(ct.Value) }) {
				m.Contacts = append(m.Contacts, ct)
			}
		}
		for kind, mark := range gone.Markings {
			if _, ok := m.Markings[kind]; !ok {
				if m.Markings == nil {
					m.Markings = map[string]string{}
				}
				m.Markings[kind] = mark
			}
		}
		if gone.Notes != "" {
			m.Notes = strings.TrimSpace(m.Notes + "\n\n" + gone.Notes)
		}
		m.Policies = append(m.Policies, gone.Policies...)
		slices.SortStableFunc(m.Policies, func(a, b record.PolicySnapshot) int { return a.Retrieved.Compare(b.Retrieved) })
		m.Updated = k.now().UTC()
		goneName := gone.Name
		*keep = m
		for i := range d.Requests {
			if d.Requests[i].CompanyID == goneID {
				d.Requests[i].CompanyID = keepID
			}
		}
		d.Companies = slices.DeleteFunc(d.Companies, func(c record.Company) bool { return c.ID == goneID })
		k.log(d, EntryCompanyMerged, keepID, "", goneName)
		return nil
	})
}

// AddPolicy keeps a newly read policy with a company (a re-check the
// person accepted), merging the contacts it names.
func (k *Desk) AddPolicy(companyID string, src policy.Source, f *policy.Findings) error {
	return k.editCompany(companyID, EntryPolicyRead, src.Location, func(c *record.Company) error {
		AddSnapshot(c, src, f, k.now().UTC())
		return nil
	})
}

// needRequests refuses a change that must see every request when the
// desk was opened without them: it would leave a company's requests
// behind.
func (k *Desk) needRequests(what string) error {
	if k.vault.Partial() {
		return fmt.Errorf("cannot %s: %w; open it in full and try again", what, ErrPartial)
	}
	return nil
}
