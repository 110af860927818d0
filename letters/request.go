package letters

import (
	"slices"
	"time"

	"prava/law"
	"prava/record"
)

// Input is everything a letter is written from (record.Request is the
// letter as a person's case keeps it).
type Input struct {
	Kind record.Kind
	// Lang is the letter's language (uk, ru, lv, lt, en); "" takes
	// DefaultLang's choice.
	Lang         string
	Jurisdiction record.Code // the regime the letter rests on: UA, RU, EU-LV …
	From         Sender
	To           Recipient // the company, or the authority for a complaint
	Channel      record.Channel
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
	// states DefaultGrounds (consent withdrawn and an objection). For a
	// restriction they are the Art. 18(1) points: nil states (a) when
	// there are Corrections and (d) when there are Reasons.
	Grounds []Ground
	// Reasons are the person's own grounds "relating to his or her
	// particular situation" (Art. 21(1) GDPR), which make an objection one
	// the company must weigh, and the reasons that make a Ukrainian
	// objection a "вмотивована вимога" (2297-VI Art. 8(2) item 5). Without
	// them a GDPR objection (and the objection ground of an erasure) keeps
	// only its unconditional part, direct marketing (Art. 21(2)–(3)), and
	// a restriction on point (d) is refused (ErrReasons). See Needs.
	Reasons string
	// Evidence names what a Russian rectification encloses to confirm the
	// correct data (152-FZ Art. 20(3) runs the 7 working days from it);
	// "" encloses "a copy of a document confirming the correct data" and
	// warns the person to put it in.
	Evidence string
	// BirthDateKnown says the company holds the person's date of birth (a
	// bank, a clinic), so the letter may give it to find them; otherwise
	// it is left out (data minimisation, Art. 5(1)(c) GDPR).
	BirthDateKnown bool
	// PhoneGiven says the letter gives the person's phone number: the
	// company asks for it (a directory company's required details), or
	// the person wants to be called. Otherwise it is left out (review 2,
	// L11; Art. 5(1)(c) GDPR): an answer comes by e-mail or post.
	PhoneGiven bool
	// PromisedFor are the kinds the company's promised term (PromisedDays)
	// covers, as its policy words it ("a copy within 14 days"); nil means
	// every request.
	PromisedFor []record.Kind
	// Published says the company made the data public, so an erasure also
	// asks it to inform the others who copy or link to them (Art. 17(2)).
	Published bool
	// Corrections are what a rectification asks to correct; it needs one
	// at least.
	Corrections []Correction
	// TransferTo is the controller a portability request asks the data to
	// be sent to directly (Art. 20(2) GDPR); nil sends them to the person.
	TransferTo *Recipient
	// Refusal is the refusal a reply (record.ReplyToRefusal) answers; Original is the
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
	// Cc is an e-mail address the message is copied to: the controller's
	// own, when the letter goes to another contact its policy names for
	// requests (review 2, M14). It is left out when it is the To address
	// or the letter goes by post.
	Cc string
	// CcName is whose address Cc is: the further controller's name the
	// policy gives it, else the company's ("" leaves the name out).
	CcName string
	// Brand is the name the company trades under, printed after the legal
	// name when it differs ("ООО «Старт» (NETRACK)").
	Brand string
	// Entities are the legal persons the company's policy names behind it
	// ("ООО «Старт»", "ООО «Серверные Решения»"). When Name is only a
	// brand (no legal form), the letter is addressed to them, with Name as
	// the brand (letters-review 2, B3).
	Entities []string
	// Controllers are further controllers the policy names beside Name,
	// each with its own address (the one in Cc): the letter names them
	// after the addressee with their role in its language, "Costless
	// Ukraine, LLC; Sannacode (duomenų valdytojas)" (review 2, M14).
	Controllers []string
	// Country is the ISO 3166-1 code of the state where the company is
	// registered; it picks the registration number's label (код ЄДРПОУ,
	// ОГРН, reģ. Nr., įmonės kodas). "" reads it from the address's last
	// line, or takes the jurisdiction's state.
	Country string
}

// Prior is an earlier letter a follow-up refers to.
type Prior struct {
	Kind      record.Kind
	Reference string
	Sent      time.Time
	Received  time.Time // zero when unknown
	Due       time.Time // the deadline that passed
	Channel   record.Channel
	Tracking  string // registered-mail number, if any
}

// DefaultLang picks a letter's language: the one the policy is written
// in, or for a complaint the authority's, when Prava has letters in it;
// otherwise English.
func DefaultLang(kind record.Kind, policyLang, authorityLang string) string {
	want := policyLang
	if kind == record.Complaint {
		want = authorityLang
	}
	if slices.Contains(Languages, want) {
		return want
	}
	return "en"
}

// Languages are the languages Prava writes letters in.
var Languages = []string{"uk", "ru", "lv", "lt", "en"}
