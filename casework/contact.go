package casework

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"prava/policy"
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

// markedContacts points each kind of request at the e-mail address the
// policy names in the same sentence as the marking it asks for ("write to
// mail@… with the words „Privatumo politika“ in the subject"): that is the
// channel the company says it reads requests on, so a letter carrying the
// marking goes there and not to another address of the policy
// (letters-review-2 M14). text is the policy as the reader saw it.
func markedContacts(c *record.Company, f *policy.Findings, text string) {
	for _, m := range f.Evidence {
		kind, ok := strings.CutPrefix(m.Field, "markings.")
		if !ok || m.Offset < 0 || m.Offset+len(m.Value) > len(text) {
			continue
		}
		from, to := sentenceAround(text, m.Offset, m.Offset+len(m.Value))
		best, gap := -1, len(text)
		for _, e := range f.EvidenceFor("emails") {
			if e.Offset < from || e.Offset+len(e.Value) > to {
				continue
			}
			i := slices.IndexFunc(c.Contacts, func(ct record.Contact) bool {
				return ct.Kind == record.ByEmail && strings.EqualFold(ct.Value, e.Value)
			})
			if d := abs(e.Offset - m.Offset); i >= 0 && d < gap {
				best, gap = i, d
			}
		}
		if best < 0 {
			continue
		}
		for _, fk := range record.FirstKinds {
			if k := string(fk); kind == k || kind == policy.KindAny && f.Markings.Own(k) == nil {
				if at, chosen := c.Use[k]; !chosen || c.Contacts[at].Kind == record.ByEmail {
					// A paper letter the law asks for stays one.
					c.Use[k] = best
				}
			}
		}
	}
}

// labelController is the Label of a contact the policy gives beside the
// name of a controller ("Duomenų valdytojas: Sannacode, email:
// data.controller@…"): the controller's own address, which a request sent
// to another contact is copied to (ccFor).
const labelController = "controller"

// controllerContacts labels as the controller's each e-mail contact the
// policy names in the same sentence as a controller, leaving a contact
// already labelled (a DPO) as it is. A contact named beside another
// controller than the company ("Duomenų valdytojas: Sannacode, email:
// data.controller@…") keeps that controller's name as its Entity, so a
// letter copied to it names it too (review 2, M14). text is the policy
// as the reader saw it.
func controllerContacts(c *record.Company, f *policy.Findings, text string) {
	own := map[int]bool{} // contacts named beside the company's own controller
	mark := func(evidence []policy.Evidence, entity bool) {
		for _, m := range evidence {
			if m.Offset < 0 || m.Offset+len(m.Value) > len(text) {
				continue
			}
			from, to := sentenceAround(text, m.Offset, m.Offset+len(m.Value))
			for _, e := range f.EvidenceFor("emails") {
				if e.Offset < from || e.Offset+len(e.Value) > to {
					continue
				}
				for i := range c.Contacts {
					ct := &c.Contacts[i]
					if ct.Kind != record.ByEmail || !strings.EqualFold(ct.Value, e.Value) {
						continue
					}
					if ct.Label == "" {
						ct.Label = labelController
					}
					switch {
					case !entity:
						own[i] = true
					case ct.Label == labelController && ct.Entity == "" && !own[i] && CheckEntities([]string{m.Value}) == nil:
						ct.Entity = strings.TrimSpace(m.Value)
					}
				}
			}
		}
	}
	mark(f.EvidenceFor("controller"), false)
	mark(f.EvidenceFor("other_controllers"), true)
}

// ccFor is the address an e-mail to the contact to is copied to, and
// whose it is: the controller's own (labelController) when the request
// goes to another address of its policy (letters-review-2 M14: the policy
// takes requests at mail@…, the controller's address is
// data.controller@…), else "". The name is the further controller's the
// policy gives the address (Sannacode), else the company's.
func ccFor(c *record.Company, to string) (address, name string) {
	for _, ct := range c.Contacts {
		if ct.Kind == record.ByEmail && ct.Label == labelController && !strings.EqualFold(strings.TrimSpace(ct.Value), strings.TrimSpace(to)) {
			if ct.Entity != "" {
				return ct.Value, ct.Entity
			}
			return ct.Value, recipientOf(c).Name
		}
	}
	return "", ""
}

// sentenceAround widens [from, to) to the sentence that holds it: up to a
// line break or a full stop followed by a capital ("… „Privatumo
// politika“. Duomenų valdytojas …"), so that "el. laiško" does not end it.
func sentenceAround(text string, from, to int) (int, int) {
	start := max(0, from-400)
	for i := from - 1; i >= start; i-- {
		if text[i] == '\n' || sentenceEnd(text, i) {
			start = i + 1
			break
		}
	}
	end := min(len(text), to+400)
	for i := to; i < end; i++ {
		if text[i] == '\n' || sentenceEnd(text, i) {
			end = i
			break
		}
	}
	return start, end
}

// sentenceEnd says whether the byte at i ends a sentence: a '.', '!' or
// '?' (perhaps after a closing quote) followed by a space and a capital.
func sentenceEnd(text string, i int) bool {
	if c := text[i]; c != '.' && c != '!' && c != '?' {
		return false
	}
	rest := strings.TrimLeft(text[i+1:min(len(text), i+16)], " \t")
	if len(rest) == len(text[i+1:min(len(text), i+16)]) {
		return false // no space after it: "costless.com.ua"
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
