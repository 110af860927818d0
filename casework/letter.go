package casework

import (
	"crypto/sha256"
	"fmt"
	"strings"
	"time"

	"prava/law"
	"prava/letters"
	"prava/policy"
	"prava/record"
)

// LetterChoice is what a person decides about a letter; the zero value of
// each field lets the policy decide.
type LetterChoice struct {
	Kind law.Kind
	Lang string
	// To is the contact to write to: an e-mail address, or a postal
	// address; "" takes the one the policy names for the kind.
	To   string
	Law  string // the jurisdiction code; "" takes the policy's
	Date time.Time
}

// LetterFromPolicy prepares the request for a letter to the company a
// policy describes: the recipient and the channel the policy asks for,
// its marking and promise, the law and the language.
func LetterFromPolicy(f *policy.Findings, from letters.Sender, c LetterChoice) (letters.Input, error) {
	code := c.Law
	if code == "" {
		code = f.Jurisdiction
	}
	if _, err := law.Lookup(code, law.DefaultOptions()); err != nil {
		return letters.Input{}, fmt.Errorf("the policy does not say which law applies (%s): choose one with --law (UA, RU, EU, EU-LV, EU-LT, …)", f.Jurisdiction)
	}
	r := letters.Input{
		Kind: c.Kind, Jurisdiction: law.Code(code), From: from, Date: c.Date,
		Lang:    c.Lang,
		Options: law.DefaultOptions(),
	}
	if r.Lang == "" {
		r.Lang = letters.DefaultLang(c.Kind, f.Language, "")
	}
	r.To.Name = f.DisplayName
	if f.Controller != nil {
		r.To.Name = *f.Controller
	}
	if f.Registration != nil {
		r.To.Registration = *f.Registration
	}
	if len(f.Websites) > 0 {
		r.Service = f.Websites[0]
	}
	if m := f.Markings.For(string(c.Kind)); m != nil {
		r.Marking = *m
	}
	if f.ResponseDays != nil {
		r.PromisedDays = *f.ResponseDays
	}
	if len(f.Addresses) > 0 {
		r.To.Address = f.Addresses[0]
	}
	r.To.Email = privacyEmail(f.Emails)
	if f.DPO != nil && f.DPO.Email != "" {
		r.To.Email = f.DPO.Email
	}
	switch to := strings.TrimSpace(c.To); {
	case to == "":
		r.Channel = channelFor(f, c.Kind, r.To, law.Code(code))
	case strings.Contains(to, "@") && !strings.ContainsAny(to, " \n,"):
		r.To.Email, r.Channel = to, law.ByEmail
	default:
		r.To.Address, r.Channel = to, law.ByPost
	}
	if r.Channel == "" {
		return letters.Input{}, fmt.Errorf("the policy names no e-mail or postal address for %s: give one with --to", r.To.Name)
	}
	r.Reference = Reference(from.Name, r.To.Name, c.Kind, c.Date)
	return r, nil
}

// channelFor picks how to send a request: the way the policy asks for
// this kind; else a signed paper letter under 152-FZ (Art. 14 part 3
// asks for a signature), e-mail elsewhere; else whatever contact there is.
func channelFor(f *policy.Findings, kind law.Kind, to letters.Recipient, code law.Code) law.Channel {
	asked := f.Channels.For(string(kind))
	hasMail, hasPost := to.Email != "", to.Address != ""
	switch {
	case asked != nil && *asked == policy.ChannelPost && hasPost:
		return law.ByPost
	case asked != nil && *asked == policy.ChannelEmail && hasMail:
		return law.ByEmail
	case code == "RU" && hasPost:
		return law.ByPost
	case hasMail:
		return law.ByEmail
	case hasPost:
		return law.ByPost
	}
	return ""
}

// Reference is a letter's reference number: the date and a short hash of
// who writes to whom about what, so writing the same letter again on the
// same day gives the same number.
func Reference(from, to string, kind law.Kind, day time.Time) string {
	sum := sha256.Sum256([]byte(from + "\x00" + to + "\x00" + string(kind) + "\x00" + day.Format(time.DateOnly)))
	return fmt.Sprintf("PR-%s-%X", day.Format("20060102"), sum[:2])
}

// privacyWords mark an address meant for data-protection requests.
var privacyWords = []string{"privacy", "data", "dpo", "gdpr", "pdn", "personal", "dpa", "privat", "dsar", "rgpd", "pd@", "dati", "duomen"}

// privacyEmail picks the address a request should go to: the first one
// whose name speaks of privacy or data, else the first.
func privacyEmail(emails []string) string {
	for _, e := range emails {
		l := strings.ToLower(e)
		for _, w := range privacyWords {
			if strings.Contains(l, w) {
				return e
			}
		}
	}
	if len(emails) > 0 {
		return emails[0]
	}
	return ""
}

// LetterToCompany is the letter's input for a company record not kept in a
// vault (one from the directory of known companies), from the person's
// profile and choices: the same contact, law, marking and promise rules as
// a letter written to a stored company. choice.Law overrides the record's
// law, and must be given when the record has none.
func LetterToCompany(c record.Company, from letters.Sender, choice LetterChoice) (letters.Input, error) {
	if choice.Law != "" {
		code, err := CheckLaw(choice.Law)
		if err != nil {
			return letters.Input{}, err
		}
		c.Jurisdiction = code
	}
	if c.Jurisdiction == "" {
		return letters.Input{}, fmt.Errorf("which law applies to %s depends on where you live: choose it with --law (EU-LV, EU-LT, UA, …)", c.Name)
	}
	contact := -1
	if choice.To != "" {
		c.Contacts = append(c.Contacts, record.Contact{Kind: ContactKindOf(choice.To), Value: choice.To})
		contact = len(c.Contacts) - 1
	}
	d := &record.Data{
		Profile: record.Profile{Name: from.Name, Address: from.Address, Email: from.Email, Phone: from.Phone,
			BirthDate: from.BirthDate, IDDocument: from.IDDocument, CustomerRef: from.CustomerRef},
		Companies: []record.Company{c},
	}
	return input(d, c.ID, Draft{Kind: choice.Kind, Lang: choice.Lang, Contact: contact, Date: choice.Date})
}
