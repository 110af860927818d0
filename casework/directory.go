package casework

import (
	"fmt"
	"time"

	"prava/directory"
	"prava/record"
)

// DirectorySource is the timeline's source of a company added from the
// directory of known companies: "directory:" and its slug.
func DirectorySource(slug string) string { return "directory:" + slug }

// AddFromDirectory stores the company with slug from the directory of
// known companies, prefilled for the person's country, through the same
// duplicate check as every add (again adds a second copy on purpose). The
// app and the command line both add a known company this way.
func (k *Desk) AddFromDirectory(dir *directory.Directory, slug string, again bool) (record.Company, error) {
	e, ok := dir.Lookup(slug)
	if !ok {
		return record.Company{}, problem("slug", "unknown", "no company has the slug %q in the directory: find it with \"prava directory search NAME\"", slug)
	}
	return k.AddCompany(prefill(dir, e, k.View().Profile().Country, k.now().UTC()), again, DirectorySource(slug))
}

// AddManyFromDirectory stores several known companies in one save (a pack
// the person chose, or many slugs on the command line); those already in
// the vault, or repeated, are skipped. An unknown slug refuses the whole
// list, so nothing is half added.
func (k *Desk) AddManyFromDirectory(dir *directory.Directory, slugs []string) ([]record.Company, error) {
	country, now := k.View().Profile().Country, k.now().UTC()
	cs := make([]record.Company, 0, len(slugs))
	for _, slug := range slugs {
		e, ok := dir.Lookup(slug)
		if !ok {
			return nil, problem("slug", "unknown", "no company has the slug %q in the directory: find it with \"prava directory search NAME\"; nothing was added", slug)
		}
		cs = append(cs, prefill(dir, e, country, now))
	}
	added, err := k.addCompanies(cs, func(i int) string { return DirectorySource(slugs[i]) })
	if err != nil {
		return nil, fmt.Errorf("adding %d companies from the directory: %w", len(slugs), err)
	}
	return added, nil
}

// prefill is the directory's record for e, with any contact the desk's
// checks refuse left out and named in the notes: the directory's data is
// collected by others, and one broken phone number must not keep the
// person from adding the company.
func prefill(dir *directory.Directory, e *directory.Entry, country string, now time.Time) record.Company {
	c := dir.Prefill(e, country, now)
	var kept []record.Contact
	moved := map[int]int{}
	for i, ct := range c.Contacts {
		if err := CheckContact(&ct); err != nil {
			c.Notes += fmt.Sprintf("\nLeft out of the directory's record: %s: %v.", ct.Kind, err)
			continue
		}
		moved[i] = len(kept)
		kept = append(kept, ct)
	}
	c.Contacts = kept
	for kind, i := range c.Use {
		if j, ok := moved[i]; ok {
			c.Use[kind] = j
		} else {
			delete(c.Use, kind)
		}
	}
	return c
}
