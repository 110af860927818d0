package casework

import (
	"net/url"
	"slices"
	"strings"

	"prava/record"
)

// Duplicate returns the stored company that c repeats, or nil: one with the
// same legal name, registration number, web domain or e-mail address.
func Duplicate(d *record.Data, c *record.Company) *DuplicateError {
	return newDuplicates(d.Companies).find(c)
}

// duplicates indexes companies by what makes two of them one: legal name,
// registration number, web domain and e-mail addresses, each folded.
type duplicates struct {
	companies []record.Company
	by        map[string][]int // "l:"+legal name, "r:"+registration, "d:"+domain, "e:"+e-mail → indexes
}

func newDuplicates(cs []record.Company) *duplicates {
	x := &duplicates{by: map[string][]int{}}
	for _, c := range cs {
		x.add(c)
	}
	return x
}

// keys are c's folded identifying values, prefixed by what they are.
func keys(c *record.Company) []string {
	var ks []string
	if v := fold(c.LegalName); v != "" {
		ks = append(ks, "l:"+v)
	}
	// Each number of the field on its own: a policy may give the ИНН
	// alone, and a later reading its ОГРН and ИНН (review 2, M6).
	for _, n := range strings.FieldsFunc(c.Registration, func(r rune) bool { return r == ',' || r == ';' }) {
		if v := fold(n); v != "" {
			ks = append(ks, "r:"+v)
		}
	}
	if v := domainOf(c.Website); v != "" {
		ks = append(ks, "d:"+v)
	}
	for _, ct := range c.Contacts {
		if ct.Kind == record.ByEmail {
			ks = append(ks, "e:"+fold(ct.Value))
		}
	}
	return ks
}

// add indexes c after the companies before it.
func (x *duplicates) add(c record.Company) {
	i := len(x.companies)
	x.companies = append(x.companies, c)
	for _, k := range keys(&c) {
		if l := x.by[k]; len(l) == 0 || l[len(l)-1] != i {
			x.by[k] = append(l, i)
		}
	}
}

// find is the first indexed company (in the order added) that c repeats,
// other than c itself, with what they share; nil when there is none.
func (x *duplicates) find(c *record.Company) *DuplicateError {
	ks := keys(c)
	first := -1
	for _, k := range ks {
		for _, i := range x.by[k] {
			if x.companies[i].ID == c.ID {
				continue
			}
			if first < 0 || i < first {
				first = i
			}
			break
		}
	}
	if first < 0 {
		return nil
	}
	// What they share is the first of c's keys, in keys' order (legal
	// name, registration, web site, e-mail), that the company holds.
	o := x.companies[first]
	for _, k := range ks {
		if !slices.Contains(x.by[k], first) {
			continue
		}
		switch k[:2] {
		case "l:":
			return &DuplicateError{Existing: o, Same: "the same legal name"}
		case "r:":
			return &DuplicateError{Existing: o, Same: "the same registration number"}
		case "d:":
			return &DuplicateError{Existing: o, Same: "the same web site"}
		}
		for _, ct := range o.Contacts {
			if ct.Kind == record.ByEmail && "e:"+fold(ct.Value) == k {
				return &DuplicateError{Existing: o, Same: "the same e-mail address " + ct.Value}
			}
		}
	}
	return nil // not reached: first was found under one of ks
}

// fold is a value as compared for duplicates: trimmed, lower case, single
// spaces.
func fold(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

// domainOf is a web site's host without "www.", or "".
func domainOf(site string) string {
	site = strings.TrimSpace(strings.ToLower(site))
	if site == "" {
		return ""
	}
	if !strings.Contains(site, "://") {
		site = "https://" + site
	}
	u, err := url.Parse(site)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}
