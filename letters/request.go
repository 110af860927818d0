package letters

import (
	"slices"
	"strings"
	"time"
	"unicode"

	"prava/law"
)

// Request is everything a letter is written from.
type Request struct {
	Kind law.Kind
	// Lang is the letter's language (uk, ru, lv, lt, en); "" takes
	// DefaultLang's choice.
	Lang         string
	Jurisdiction law.Code // the regime the letter rests on: UA, RU, EU-LV …
	From         Profile
	To           Recipient // the company, or the authority for a complaint
	Channel      law.Channel
	Date         time.Time // the day the letter is dated and sent
	Reference    string    // a number the company can quote
	Marking      string    // the subject or mark the policy demands, if any
	PromisedDays int       // what the company's policy promises, if anything
	Service      string    // the site or product through which the person knows the company
	Extra        string    // a paragraph of the person's own
	// Authority is the supervisory authority a reminder warns of, in the
	// letter's language; "" names the one for the jurisdiction.
	Authority string
	Options   law.Options

	// Original is the request a reminder or a complaint follows up.
	Original *Prior
	// Reminder is the reminder sent before a complaint, if one was.
	Reminder *Prior
	// Company is the company a complaint is about (To is the authority).
	Company *Recipient
	// Replies says what the company answered, for a complaint; empty when
	// it did not answer at all.
	Replies []string
	// Attachments are listed under the letter, after the ones the
	// letter's kind brings (a reminder attaches the request).
	Attachments []string

	// Grounds are the Art. 17(1) GDPR grounds an erasure rests on; nil
	// states DefaultGrounds (consent withdrawn and an Art. 21(1) objection).
	Grounds []Ground
	// Published says the company made the data public, so an erasure also
	// asks it to inform the others who copy or link to them (Art. 17(2)).
	Published bool
	// Corrections are what a rectification asks to correct; it needs one
	// at least.
	Corrections []Correction
	// TransferTo is the controller a portability request asks the data to
	// be sent to directly (Art. 20(2) GDPR); nil sends them to the person.
	TransferTo *Recipient
	// Refusal is the refusal a reply (law.Reply) answers; Original is the
	// request refused.
	Refusal Refusal
	// Missing lists the AccessItems an incomplete answer lacks, for a reply
	// to RefusalIncomplete; nil lists every item as a checklist.
	Missing []string
	// Replied is the day the company's refusal came, for a reply; zero when
	// unknown.
	Replied time.Time
}

// Recipient is who a letter goes to.
type Recipient struct {
	// Name is the legal entity's name ("ООО «Старт»"); several entities
	// that act as joint controllers are joined by ", ".
	Name         string
	Registration string
	Address      string // postal address, one line or several
	Email        string
	// Brand is the name the company trades under, printed after the legal
	// name when it differs ("ООО «Старт» (NETRACK)").
	Brand string
	// Country is the ISO 3166-1 code of the state where the company is
	// registered; it picks the registration number's label (код ЄДРПОУ,
	// ОГРН, reģ. Nr., įmonės kodas). "" reads it from the address's last
	// line, or takes the jurisdiction's state.
	Country string
}

// Prior is an earlier letter a follow-up refers to.
type Prior struct {
	Kind      law.Kind
	Reference string
	Sent      time.Time
	Received  time.Time // zero when unknown
	Due       time.Time // the deadline that passed
	Channel   law.Channel
	Tracking  string // registered-mail number, if any
}

// DefaultLang picks a letter's language: the one the policy is written
// in, or for a complaint the authority's, when Prava has letters in it;
// otherwise English.
func DefaultLang(kind law.Kind, policyLang, authorityLang string) string {
	want := policyLang
	if kind == law.Complaint {
		want = authorityLang
	}
	if slices.Contains(Languages, want) {
		return want
	}
	return "en"
}

// Languages are the languages Prava writes letters in.
var Languages = []string{"uk", "ru", "lv", "lt", "en"}

// splitAddress breaks a one-line postal address into the lines an
// envelope shows: "Elijas iela 17, Rīga, LV-1050, Latvija" becomes
// "Elijas iela 17" / "Rīga, LV-1050" / "Latvija". A part that is only a
// number, a postcode or a building part stays with the part before it.
func splitAddress(s string) []string {
	if strings.Contains(s, "\n") {
		return addressLines(s)
	}
	var out []string
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if len(out) == 1 && isPostcode(out[0]) || len(out) > 0 && continuesAddress(part) {
			out[len(out)-1] += ", " + part
			continue
		}
		out = append(out, part)
	}
	return out
}

// buildingParts are the abbreviations that start the second half of a
// street address: house, building, flat, office.
var buildingParts = []string{"д.", "дом ", "буд.", "будинок", "стр.", "корп.", "кв.", "оф.", "офіс", "офис", "пом.", "k-", "dz.", "korp.", "bt.", "apt", "suite", "unit", "floor", "эт.", "пов."}

// isPostcode says whether a part is a bare postcode, which begins some
// addresses ("109029, Россия, Москва, …") and belongs on the next line.
func isPostcode(part string) bool {
	for _, r := range part {
		if !unicode.IsDigit(r) && r != ' ' && r != '-' {
			return false
		}
	}
	return len(part) >= 4
}

func continuesAddress(part string) bool {
	r := []rune(part)
	if unicode.IsDigit(r[0]) {
		return true
	}
	// Postcodes with a country prefix: LV-1050, LT-10312.
	if len(r) > 3 && unicode.IsUpper(r[0]) && unicode.IsUpper(r[1]) && r[2] == '-' && unicode.IsDigit(r[3]) {
		return true
	}
	l := strings.ToLower(part)
	for _, b := range buildingParts {
		if strings.HasPrefix(l, b) {
			return true
		}
	}
	return false
}
