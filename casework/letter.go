package casework

import (
	"crypto/sha256"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"prava/letters"
	"prava/policy"
	"prava/record"
)

// LetterChoice is a letter to a company not kept in a vault (one read
// from a policy, or from the directory): the draft as the app gives it,
// with the contact named rather than numbered and the law, when the
// record has none or the person overrides it.
type LetterChoice struct {
	Draft
	// To is the contact to write to: an e-mail address, or a postal
	// address; "" takes the one chosen for the kind, as for a stored
	// company.
	To string
	// ToName is the controller's legal name, when the record has none or
	// the person knows better (a policy that names only its web site
	// gives a letter "to the controller of site X").
	ToName string
	Law    string // the jurisdiction code; "" takes the record's
}

// LetterFromPolicy prepares the letter to the company a policy describes,
// by the same path as a letter to a stored company: the record the app
// would keep for that policy (CompanyFromPolicy) and the desk's choice of
// contact, channel, marking, promise, law and language.
func LetterFromPolicy(src policy.Source, f *policy.Findings, from letters.Sender, c LetterChoice) (letters.Input, error) {
	return LetterToCompany(CompanyFromPolicy(src, f, c.Date), from, c)
}

// Reference is a letter's reference number: the date and a short hash of
// who writes to whom about what, so writing the same letter again on the
// same day gives the same number.
func Reference(from, to string, kind record.Kind, day time.Time) string {
	sum := sha256.Sum256([]byte(from + "\x00" + to + "\x00" + string(kind) + "\x00" + day.Format(time.DateOnly)))
	return fmt.Sprintf("PR-%s-%X", day.Format("20060102"), sum[:2])
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
	if name := strings.TrimSpace(choice.ToName); name != "" {
		if utf8.RuneCountInString(name) > maxName || strings.ContainsFunc(name, unicode.IsControl) {
			return letters.Input{}, problem("name", "too_long", "%q is not a company's name: give its legal name as the register writes it, in at most %d characters", name, maxName)
		}
		c.LegalName = name
	}
	dr := choice.Draft
	dr.Contact = -1
	if choice.To != "" {
		// Checked as any contact: an e-mail address goes into the
		// message's header, so nothing but an address may get there.
		to := record.Contact{Kind: ContactKindOf(choice.To), Value: choice.To}
		if err := CheckContact(&to); err != nil {
			return letters.Input{}, err
		}
		c.Contacts = append(c.Contacts, to)
		dr.Contact = len(c.Contacts) - 1
	}
	d := &record.Data{
		Profile: record.Profile{Name: from.Name, Address: from.Address, Email: from.Email, Phone: from.Phone,
			BirthDate: from.BirthDate, IDDocument: from.IDDocument, CustomerRef: from.CustomerRef},
		Companies: []record.Company{c},
	}
	return input(d, c.ID, dr)
}
