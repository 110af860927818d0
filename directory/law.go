package directory

import (
	"strings"

	"prava/law"
	"prava/record"
)

// LawChoice is the law a letter to a directory company cites, and why.
type LawChoice struct {
	// Code is the jurisdiction ("EU-IE", "EU-LV"), or "" when the person
	// must pick, which Why then says.
	Code record.Code
	// Company is the ISO code of the company's country, from its address;
	// "" when unknown.
	Company string
	// Why says in words how the law was chosen.
	Why string
}

// Decided reports whether Prava could choose the law itself.
func (c LawChoice) Decided() bool { return c.Code != "" }

// Law chooses the law for a letter to e from a person living in residence
// (an ISO code, any case): for a company whose address is in the EU or the
// EEA, the GDPR with that member state; for one elsewhere, the GDPR with
// the person's member state if they live in the EU or the EEA (Art. 3(2)
// GDPR: the company offers them goods or services or monitors them); a
// company in Ukraine or Russia writes under that country's law; a company
// elsewhere, for a person living in Ukraine or Russia, under the person's
// country's law (LEGAL.md §1: 2297-VI for a company that addresses people
// in Ukraine — one the person uses does; 152-FZ Art. 1 part 1.1 for a
// foreign company processing a Russian citizen's data), which the person
// can change; otherwise the person picks. The complaint authority follows
// the person's country, as for every company; that is law's business, not
// this.
func Law(e *Entry, residence string) LawChoice {
	company := e.Country()
	home := strings.ToUpper(strings.TrimSpace(residence))
	c := LawChoice{Company: company}
	opt := law.DefaultOptions()
	switch {
	case company != "" && isMemberState(company):
		c.Code = record.Code("EU-" + company)
		c.Why = "the company is established in " + company + ", a member state of the EU/EEA: the GDPR applies with " + company + "'s rules and holidays"
	case company != "" && company == home:
		if _, err := law.Lookup(company, opt); err == nil {
			c.Code = record.Code(company)
			c.Why = "the company and the person are both in " + company + ": its law applies"
		}
	}
	if c.Code != "" {
		return c
	}
	where := "outside the EU/EEA"
	if company == "" {
		where = "in a country Prava cannot read from its address"
	}
	if isMemberState(home) {
		c.Code = record.Code("EU-" + home)
		c.Why = "the company is " + where + ", and the person lives in " + home + ": the GDPR applies to it under Art. 3(2), counted with " + home + "'s holidays"
		return c
	}
	if home != "" && home != "EU" {
		if _, err := law.Lookup(home, opt); err == nil {
			c.Code = record.Code(home)
			c.Why = "the company is " + where + ", and the person lives in " + home + ": its law applies to a company serving people there, unless another is chosen"
			return c
		}
	}
	c.Why = "the company is " + where + " and the person does not live in the EU/EEA, Ukraine or Russia: choose the law the letter cites"
	return c
}

// isMemberState reports whether country (an ISO code) applies the GDPR as
// a member state of the EU or the EEA, going by law's list of states.
func isMemberState(country string) bool {
	if country == "" {
		return false
	}
	_, err := law.Lookup("EU-"+country, law.DefaultOptions())
	return err == nil
}
