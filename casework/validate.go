package casework

import (
	"net/url"
	"regexp"
	"slices"
	"sync"

	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"prava/law"
	"prava/letters"
	"prava/record"
)

// CompanyLanguages are those a company may be recorded with: those Prava writes in and
// those its reader recognises in policies.
var CompanyLanguages = []string{"uk", "ru", "lv", "lt", "en", "pl", "de", "et", "fr", "es", "it"}

// Limits on what a person types, so that a paste gone wrong is caught.
const (
	maxName     = 200
	maxContact  = 500
	maxMarking  = 300
	maxNotes    = 20000
	maxPromised = 365
	// maxRegistration holds the few numbers of one register entry
	// ("1123926065108, 3906277134"; KRS, NIP and REGON).
	maxRegistration = 80
)

// CheckCompany tells whether a company record may be stored: a name, a law
// Prava knows (or none yet), a known language, contacts that are what their
// kind says, choices that point at contacts, a sensible promised time. The
// law code is put in its canonical form.
func CheckCompany(c *record.Company) error {
	c.Name = strings.TrimSpace(c.Name)
	c.LegalName = strings.TrimSpace(c.LegalName)
	c.Registration = strings.TrimSpace(c.Registration)
	if err := CheckEntities(c.LegalEntities); err != nil {
		return err
	}
	c.LegalEntities = slices.DeleteFunc(c.LegalEntities, func(e string) bool { return e == "" })
	switch {
	case c.Name == "":
		return problem("name", "empty", "the company needs a name")
	case utf8.RuneCountInString(c.Name) > maxName || utf8.RuneCountInString(c.LegalName) > maxName:
		return problem("name", "too_long", "a name of over %d characters is not a name: check what was pasted", maxName)
	case utf8.RuneCountInString(c.Registration) > maxRegistration:
		return problem("registration", "too_long", "registration numbers of over %d characters are not ones: check what was pasted", maxRegistration)
	}
	// Older records say "unknown" where nothing was chosen.
	if c.Jurisdiction == "unknown" {
		c.Jurisdiction = ""
	}
	if c.Language == "und" || c.Language == "unknown" {
		c.Language = ""
	}
	if c.Jurisdiction != "" {
		code, err := CheckLaw(string(c.Jurisdiction))
		if err != nil {
			return err
		}
		c.Jurisdiction = code
	}
	if c.Language != "" {
		if err := CheckLanguage(c.Language); err != nil {
			return err
		}
	}
	for i := range c.Contacts {
		if err := CheckContact(&c.Contacts[i]); err != nil {
			return err
		}
	}
	for kind, i := range c.Use {
		if i < 0 || i >= len(c.Contacts) {
			return problem("contact", "no_such_contact", "the contact chosen for %s letters is not in the list", kind)
		}
	}
	for kind, m := range c.Markings {
		if _, err := record.ParseKind(kind); err != nil && kind != "any" {
			return problem("marking", "unknown_kind", "a marking is for one kind of request (%s) or \"any\", not %q", strings.Join(kindNames(), ", "), kind)
		}
		if utf8.RuneCountInString(m) > maxMarking {
			return problem("marking", "too_long", "a marking of over %d characters is not one: check what was pasted", maxMarking)
		}
	}
	switch {
	case c.PromisedDays < 0 || c.PromisedDays > maxPromised:
		return problem("promised_days", "out_of_range", "a promised answer time is 1 to %d days (or none)", maxPromised)
	case utf8.RuneCountInString(c.Notes) > maxNotes:
		return problem("notes", "too_long", "notes are kept to %d characters", maxNotes)
	}
	return nil
}

// CheckLaw turns a law's code as typed ("eu-lv", " UA") into the code Prava
// knows, or says which codes there are.
func CheckLaw(code string) (record.Code, error) {
	j, err := law.Lookup(code, law.DefaultOptions())
	if err != nil {
		return "", problem("law", "unknown", "unknown law %q: use one of %s", strings.TrimSpace(code), strings.Join(law.CodeNames(), ", "))
	}
	return j.Code, nil
}

// CheckLanguage refuses a language code that is not a two-letter ISO 639-1
// code (the ones Prava writes in, or any other a company may want requests
// in: letters in a language Prava does not write go out in English).
func CheckLanguage(lang string) error {
	if len(lang) == 2 && lang == strings.ToLower(lang) {
		if b, err := language.ParseBase(lang); err == nil && b.String() == lang {
			return nil
		}
	}
	return problem("language", "unknown", "unknown language %q: use a two-letter code such as %s", lang, strings.Join(CompanyLanguages, ", "))
}

// CheckContact checks that a contact is what its kind says: an e-mail
// address, a postal address (with a number in it: a house or a postcode),
// a web form's http(s) address, or a phone number. The value is trimmed.
func CheckContact(ct *record.Contact) error {
	ct.Value = strings.TrimSpace(ct.Value)
	v := ct.Value
	if v == "" {
		return problem("contact", "empty", "a contact cannot be empty")
	}
	if utf8.RuneCountInString(v) > maxContact {
		return problem("contact", "too_long", "a contact of over %d characters is not one: check what was pasted", maxContact)
	}
	// A contact may reach an e-mail header, a calendar or a terminal: no
	// control characters, and line breaks only between an address's lines.
	if strings.ContainsFunc(v, func(r rune) bool {
		return r != '\n' && (unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029')
	}) {
		return problem("contact", "control", "%q holds a control character: type the contact again rather than pasting it", v)
	}
	// The entity's name reaches the letter's addressee line.
	ct.Entity = strings.TrimSpace(ct.Entity)
	if utf8.RuneCountInString(ct.Entity) > maxName || strings.ContainsFunc(ct.Entity, unicode.IsControl) {
		return problem("legal_entities", "too_long", "%q is not a legal entity's name: give it as the register writes it, in at most %d characters", ct.Entity, maxName)
	}
	switch ct.Kind {
	case record.ByEmail:
		if err := letters.CheckEmail(v); err != nil {
			return problem("contact", "bad_email", "%q is not an e-mail address (name@example.com)", v)
		}
	case record.ByPost:
		if !postalAddress(v) {
			return problem("contact", "bad_address", "%q is neither an e-mail address nor a postal address: give the street, number, postcode and town", v)
		}
	case record.ByWebForm:
		if !strings.Contains(v, "://") {
			v = "https://" + v
			ct.Value = v
		}
		u, err := url.Parse(v)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return problem("contact", "bad_url", "%q is not a web address: give it as https://…", v)
		}
	case record.ByPhone:
		if !phoneNumber(v) {
			return problem("contact", "bad_phone", "%q is not a phone number: 7 to 20 digits, with + ( ) - . or spaces, and an extension after \"ext.\" if there is one", v)
		}
	default:
		return problem("contact", "unknown_kind", "a contact is an e-mail, postal address, web form or phone, not %q", ct.Kind)
	}
	return nil
}

// postalAddress tells whether v can be a postal address: ten characters
// or more with a number in them (a house or a postcode), or, where the
// country has no postcodes and the building a name (Ireland: "Hollyhill
// Industrial Estate / Hollyhill, Cork / Ireland"), three parts or more on
// their own lines or between commas.
func postalAddress(v string) bool {
	if utf8.RuneCountInString(v) < 10 {
		return false
	}
	if strings.ContainsAny(v, "0123456789") {
		return true
	}
	parts := 0
	for p := range strings.FieldsFuncSeq(v, func(r rune) bool { return r == '\n' || r == ',' }) {
		if strings.TrimSpace(p) != "" {
			parts++
		}
	}
	return parts >= 3
}

// phoneExtension marks the extension after a phone number, as records
// write it: "ext. 904", "x904", "доб. 12", "вн. 12".
// It is compiled on first use: the command line's start pays for nothing
// it does not use.
var phoneExtension = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\s*(?:ext\.?|extension|x|доб\.?|вн\.?)\s*\d{1,6}$`)
})

// phoneNumber tells whether v is a phone number: 7 to 15 digits (E.164's
// longest), or up to 20 where a German switchboard's direct line follows
// the number ("+49 228 99358681234"), with + ( ) - . / or spaces, and an
// extension at the end.
func phoneNumber(v string) bool {
	v = phoneExtension().ReplaceAllString(v, "")
	digits := 0
	for _, r := range v {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	return digits >= 7 && digits <= 20 && strings.Trim(v, "+0123456789 ()-./") == ""
}

// kindNames lists the kinds of request, for messages.
func kindNames() []string {
	var out []string
	for _, k := range record.Kinds {
		out = append(out, string(k))
	}
	return out
}

// CheckEntities tells whether a company's list of legal entities may be
// stored: each a name of at most maxName characters without control
// characters, at most 20 of them; blank names are trimmed out.
func CheckEntities(list []string) error {
	if len(list) > 20 {
		return problem("legal_entities", "too_many", "over 20 legal entities is not a list of one company's operators: check what was pasted")
	}
	for i, e := range list {
		list[i] = strings.TrimSpace(e)
		if utf8.RuneCountInString(list[i]) > maxName || strings.ContainsFunc(list[i], unicode.IsControl) {
			return problem("legal_entities", "too_long", "%q is not a legal entity's name: give it as the register writes it, in at most %d characters", e, maxName)
		}
	}
	return nil
}
