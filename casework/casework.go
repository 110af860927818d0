// Package casework joins Prava's domain packages for the command line and
// the desktop app: it turns a policy's findings into a company record, and
// a stored request into its deadline under the law. It holds the few rules
// that belong to neither letters nor storage alone.
package casework

import (
	"encoding/json"
	"slices"
	"strings"
	"time"

	"prava/files"
	"prava/law"
	"prava/policy"
	"prava/record"
)

// CompanyFromPolicy makes a company record from a policy read from src:
// its names, contacts (e-mail and postal addresses, web sites), which
// contact to use for each request kind, the markings, the promised time,
// and a snapshot of the policy with the findings.
func CompanyFromPolicy(src policy.Source, f *policy.Findings, now time.Time) record.Company {
	c := record.Company{
		ID:           record.NewID(),
		Name:         f.DisplayName,
		Jurisdiction: record.Code(f.Jurisdiction),
		Language:     f.Language,
		Created:      now,
		Updated:      now,
	}
	// What the reader could not tell is left empty for the person to
	// choose, never stored as a word like "unknown".
	if _, err := CheckLaw(string(c.Jurisdiction)); err != nil {
		c.Jurisdiction = ""
	}
	if CheckLanguage(c.Language) != nil {
		c.Language = ""
	}
	if f.Controller != nil {
		c.LegalName = *f.Controller
	}
	// The legal persons behind a brand: a letter to the brand goes to
	// them (letters-review 2, B3). Kept only while they fit a record.
	if entities := slices.Clone(f.LegalEntities); CheckEntities(entities) == nil {
		c.LegalEntities = entities
	}
	// The policy's address is kept and may be exported for publication:
	// without the person's user name, password, session or tracking
	// parameters (security review 2, F9).
	location := files.PublicURL(src.Location)
	if c.Name == "" {
		c.Name = location
	}
	if f.Registration != nil {
		c.Registration = *f.Registration
	}
	if len(f.Websites) > 0 {
		c.Website = f.Websites[0]
	}
	// A contact the reader got wrong (an address with no number) is left
	// out rather than refusing the company: the person adds it by hand.
	add := func(ct record.Contact) {
		if CheckContact(&ct) == nil {
			c.Contacts = append(c.Contacts, ct)
		}
	}
	for _, e := range f.Emails {
		add(record.Contact{Kind: record.ByEmail, Value: e})
	}
	if f.DPO != nil && f.DPO.Email != "" {
		add(record.Contact{Kind: record.ByEmail, Value: f.DPO.Email, Label: "DPO"})
	}
	for _, a := range f.Addresses {
		add(record.Contact{Kind: record.ByPost, Value: a})
	}
	c.Use = map[string]int{}
	for _, kind := range []string{policy.KindAccess, policy.KindErasure, policy.KindWithdrawal} {
		ch := f.Channels.For(kind)
		if ch == nil {
			continue
		}
		want := record.ByEmail
		if *ch == policy.ChannelPost {
			want = record.ByPost
		}
		if best := bestContact(c.Contacts, want); best >= 0 {
			c.Use[kind] = best
		}
	}
	text := policy.NormalizeText(src.Text)
	markedContacts(&c, f, text)
	controllerContacts(&c, f, text)
	c.Markings = map[string]string{}
	for _, kind := range []string{policy.KindAccess, policy.KindErasure, policy.KindWithdrawal, policy.KindAny} {
		if m := f.Markings.Own(kind); m != nil {
			c.Markings[kind] = *m
		}
	}
	if f.ResponseDays != nil {
		c.PromisedDays = *f.ResponseDays
		c.PromisedFor = promisedFor(f.Promises, c.PromisedDays)
	}
	findings, _ := json.Marshal(f)
	c.Policies = []record.PolicySnapshot{{
		Source: location, Retrieved: src.RetrievedAt.UTC(), SHA256: PolicyHash(src.Text), Text: record.NewText(src.Text), Findings: findings,
	}}
	return c
}

// Deadline computes when a stored request is due, from its dates and the
// person's settings.
func Deadline(r record.Request, s record.Settings) (law.Deadline, error) {
	opt := Options(s)
	j, err := law.Lookup(string(r.Law), opt)
	if err != nil {
		return law.Deadline{}, err
	}
	kind, err := record.ParseKind(string(r.Kind))
	if err != nil {
		return law.Deadline{}, err
	}
	clock := law.Clock{
		Sent: r.Dates.Sent, Channel: r.Channel, Delivered: r.Dates.Delivered,
		IdentityAsked: r.Dates.IdentityAsked, IdentityProvided: r.Dates.IdentityProvided, ExtensionNotice: r.Dates.ExtensionNotified,
	}
	return law.Due(j, kind, clock, opt)
}

// Options are the counting settings stored in the vault, with defaults.
func Options(s record.Settings) law.Options {
	opt := law.DefaultOptions()
	if s.MartialLaw != nil {
		opt.MartialLaw = *s.MartialLaw
	}
	if s.TransitDays > 0 {
		opt.TransitDays = s.TransitDays
	}
	return opt
}

// ReviewedCompany makes the company record from a policy whose findings
// the person checked and corrected: the record follows edited, while the
// snapshot keeps what the reader found, so a later re-check compares like
// with like.
func ReviewedCompany(src policy.Source, read, edited *policy.Findings, now time.Time) record.Company {
	c := CompanyFromPolicy(src, edited, now)
	if asRead, err := json.Marshal(read); err == nil {
		c.Policies[0].Findings = asRead
	}
	return c
}

// ContactKindOf guesses how a contact typed by the person is reached: an
// e-mail address, a web form's address, a phone number, or else a postal
// address.
func ContactKindOf(value string) record.Channel {
	v := strings.TrimSpace(value)
	lower := strings.ToLower(v)
	digits := 0
	for _, r := range v {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	switch {
	case strings.Contains(v, "@") && !strings.ContainsAny(v, " ,"):
		return record.ByEmail
	case strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "www."):
		return record.ByWebForm
	case digits >= 7 && strings.Trim(v, "+0123456789 ()-./") == "":
		return record.ByPhone
	}
	return record.ByPost
}

// promisedFor lists the kinds of request the policy's promises of days
// cover, or nil when one of them is for any request (or none is known):
// a term promised for a copy of the data is not quoted in an erasure
// letter (letters-review-2 M13).
func promisedFor(ps []policy.Promise, days int) []record.Kind {
	var kinds []record.Kind
	for _, p := range ps {
		if p.Days != days {
			continue
		}
		if p.Kind == policy.KindAny {
			return nil
		}
		if k, err := record.ParseKind(p.Kind); err == nil && !slices.Contains(kinds, k) {
			kinds = append(kinds, k)
		}
	}
	return kinds
}
