package casework

import (
	"strings"

	"prava/record"
)

// contactFor picks the contact a letter of kind goes to: the one chosen,
// else the one the company's record names for the kind (a web form
// included, when the company takes requests only there), else the best
// contact of the channel the law favours (bestContact).
func contactFor(c *record.Company, kind string, chosen int) (record.Contact, error) {
	usable := func(ct record.Contact) bool {
		return ct.Kind == record.ByEmail || ct.Kind == record.ByPost || ct.Kind == record.ByWebForm
	}
	if chosen >= 0 && chosen < len(c.Contacts) {
		if !usable(c.Contacts[chosen]) {
			return record.Contact{}, problem("contact", "not_letter", "a letter goes by e-mail, by post or through a web form, not by %s: choose another contact", c.Contacts[chosen].Kind)
		}
		return c.Contacts[chosen], nil
	}
	if i, ok := c.Use[kind]; ok && i < len(c.Contacts) && usable(c.Contacts[i]) {
		return c.Contacts[i], nil
	}
	// Else the way the law favours: under 152-FZ a request is signed
	// (Art. 14 part 3), which a plain e-mail is not, so a paper letter
	// comes first; elsewhere an e-mail.
	order := []record.Channel{record.ByEmail, record.ByPost, record.ByWebForm}
	if c.Jurisdiction == "RU" {
		order = []record.Channel{record.ByPost, record.ByEmail, record.ByWebForm}
	}
	for _, want := range order {
		if i := bestContact(c.Contacts, want); i >= 0 {
			return c.Contacts[i], nil
		}
	}
	return record.Contact{}, ErrNoContact
}

// bestContact is the index of the contact of channel want that a request
// goes to, or -1 when there is none: the one labelled DPO, else for e-mail
// the first whose address speaks of privacy or data, else the first. Both
// the record made from a policy and a letter with no contact chosen use
// it, so they agree on the addressee.
func bestContact(contacts []record.Contact, want record.Channel) int {
	first, privacy := -1, -1
	for i, ct := range contacts {
		if ct.Kind != want {
			continue
		}
		if ct.Label == "DPO" {
			return i
		}
		if first < 0 {
			first = i
		}
		if privacy < 0 && want == record.ByEmail && privacyWorded(ct.Value) {
			privacy = i
		}
	}
	if privacy >= 0 {
		return privacy
	}
	return first
}

// privacyWords mark an address meant for data-protection requests.
var privacyWords = []string{"privacy", "data", "dpo", "gdpr", "pdn", "personal", "dpa", "privat", "dsar", "rgpd", "pd@", "dati", "duomen"}

// privacyWorded reports whether an e-mail address's name speaks of privacy
// or data.
func privacyWorded(email string) bool {
	l := strings.ToLower(email)
	for _, w := range privacyWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// seats lists the postal addresses that say where a complaint is heard,
// in the order law.AuthorityAt weighs them: the company's own when the
// authority is of the company's state, else the person's first — the
// person complains in the state where they live (GDPR Art. 77(1)), and in
// Germany their Land's authority takes it.
func seats(c record.Company, p record.Profile, country string) []string {
	var company []string
	for _, ct := range c.Contacts {
		if ct.Kind == record.ByPost {
			company = append(company, ct.Value)
		}
	}
	if string(c.Jurisdiction) == "EU-"+country {
		return append(company, p.Address)
	}
	return append([]string{p.Address}, company...)
}
