package casework

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"prava/law"
	"prava/letters"
	"prava/record"
)

// Draft is what a person decides about a new letter to a stored company;
// zero values let the company record decide.
type Draft struct {
	Kind record.Kind
	Lang string // "" for the company's language, when Prava writes it
	// Contact is the index in the company's contacts to write to; -1 for
	// the one chosen for the kind, else the first e-mail or postal address.
	Contact int
	Extra   string    // a paragraph of the person's own
	Date    time.Time // the letter's date
	// Grounds are the Art. 17(1) GDPR grounds an erasure rests on; nil
	// states consent withdrawn and an objection (letters.DefaultGrounds).
	Grounds []letters.Ground
	// Published says the company made the data public (an erasure then
	// cites Art. 17(2)).
	Published bool
	// Corrections are what a rectification asks to correct; it needs one.
	Corrections []letters.Correction
	// Reasons are the person's particular situation, which an objection
	// under Art. 21(1) GDPR (or 2297-VI Art. 8(2) item 5) rests on, and a
	// restriction on point (d) needs; letters.Input.Needs names when.
	Reasons string
	// Evidence names what a Russian rectification encloses.
	Evidence string
	// BirthDateKnown says the company holds the person's date of birth:
	// only then does the letter give it to identify them.
	BirthDateKnown bool
	// PhoneGiven says the letter gives the person's phone number
	// (letters.Input.PhoneGiven).
	PhoneGiven bool
	// TransferTo is the controller a portability letter asks the data be
	// sent to directly (Art. 20(2) GDPR); nil for a copy to the person.
	TransferTo *letters.Recipient
	// replaces is the request whose letter is written again (an edited
	// draft): its reference is kept rather than counted as taken.
	replaces string
}

// ErrNoContact means the company has no e-mail or postal address to write to.
var ErrNoContact = &Problem{Field: "contact", Code: "none", Msg: "the company has no e-mail or postal address to write to: add one on its page"}

// Written is a letter composed for a request: the record to store and the
// letter itself, for its PDF and e-mail.
type Written struct {
	Request record.Request
	Letter  *letters.Letter
	PDF     []byte
}

// Write composes a first letter (access, erasure, withdrawal) to a stored
// company, renders its PDF, and returns the draft request record. Nothing
// is stored: the caller adds the record to the vault.
func Write(d *record.Data, companyID string, dr Draft) (Written, error) {
	p, err := prepare(d, companyID, dr)
	if err != nil {
		return Written{}, err
	}
	w, err := compose(p.in, record.Request{CompanyID: companyID, Contact: p.contact})
	w.Request.Channel = p.channel
	return w, err
}

// input is the letter's input for a draft to a company of d.
func input(d *record.Data, companyID string, dr Draft) (letters.Input, error) {
	p, err := prepare(d, companyID, dr)
	return p.in, err
}

// prepared is a letter to a company, ready to compose: its input, the
// contact it goes to and the channel the request records.
type prepared struct {
	in      letters.Input
	contact string
	channel record.Channel
}

// prepare checks a draft to a company of d and makes the letter's input.
func prepare(d *record.Data, companyID string, dr Draft) (prepared, error) {
	c := d.Company(companyID)
	if c == nil {
		return prepared{}, notFound("company", companyID)
	}
	code := c.Jurisdiction
	j, err := law.Lookup(string(code), Options(d.Settings))
	if err != nil {
		return prepared{}, problem("law", "company_unknown", "the law that applies to %s is not known: choose it on the company's page", c.Name)
	}
	if err := letters.Available(j, dr.Kind); err != nil {
		return prepared{}, problem("kind", "not_granted", "%v", err)
	}
	if dr.Kind == record.Rectification && len(dr.Corrections) == 0 {
		return prepared{}, problem("corrections", "empty", "say what to correct: what is wrong and what it should say")
	}
	ct, err := contactFor(c, string(dr.Kind), dr.Contact)
	if err != nil {
		return prepared{}, err
	}
	to := recipientOf(c)
	// A letter for a web form is written as an electronic one: the
	// person pastes its text into the form, and the answer's term runs
	// from the day it was sent, as for an e-mail.
	channel, recorded := record.ByEmail, record.ByEmail
	switch ct.Kind {
	case record.ByPost:
		to.Address, channel, recorded = ct.Value, record.ByPost, record.ByPost
	case record.ByWebForm:
		// The form's address stands where an e-mail address would.
		to.Email, recorded = ct.Value, record.ByWebForm
	default:
		to.Email = ct.Value
		to.Cc, to.CcName = ccFor(c, ct.Value)
	}
	// A letter that goes electronically asks for the answer by e-mail:
	// without the person's address it would ask to be answered nowhere.
	if channel == record.ByEmail && strings.TrimSpace(d.Profile.Email) == "" {
		return prepared{}, problem("profile", "no_email", "add your e-mail address to the profile: the company answers a letter sent by e-mail or through its form there")
	}
	lang := dr.Lang
	if lang == "" {
		lang = letters.DefaultLang(dr.Kind, c.Language, "")
	}
	from := LetterProfile(d.Profile)
	r := letters.Input{
		Kind: dr.Kind, Lang: lang, Jurisdiction: code, From: from, To: to, Channel: channel,
		Date: dr.Date, Reference: uniqueReference(d, Reference(from.Name, to.Name, dr.Kind, dr.Date), dr.replaces),
		Marking: markingOf(c, string(dr.Kind)), PromisedDays: c.PromisedDays, PromisedFor: c.PromisedFor, Service: c.Website,
		Extra: strings.TrimSpace(dr.Extra), Options: Options(d.Settings),
		Grounds: dr.Grounds, Published: dr.Published, Corrections: dr.Corrections,
		Reasons: strings.TrimSpace(dr.Reasons), Evidence: strings.TrimSpace(dr.Evidence), BirthDateKnown: dr.BirthDateKnown,
		PhoneGiven: dr.PhoneGiven, TransferTo: dr.TransferTo,
	}
	return prepared{in: r, contact: ct.Value, channel: recorded}, nil
}

// FollowUp composes the next letter for an open request the company has
// not answered: the reminder to the company, or, when a reminder was sent
// and its term has passed too, the complaint to the supervisory authority,
// listing the request, the proof of sending and the replies as attachments.
func FollowUp(d *record.Data, requestID string, kind record.Kind, date time.Time) (Written, error) {
	return followUp(d, requestID, kind, "", date, "")
}

// Answer composes the reply to a company that refused or stalled a
// request in one of the usual ways (an ID copy demanded, its portal only,
// "excessive", an incomplete answer, a language the person cannot read),
// to the contact the request went to.
func Answer(d *record.Data, requestID string, refusal letters.Refusal, date time.Time) (Written, error) {
	if _, err := letters.ParseRefusal(string(refusal)); err != nil {
		return Written{}, problem("refusal", "unknown", "%v", err)
	}
	return followUp(d, requestID, record.ReplyToRefusal, refusal, date, "")
}

// followUp is FollowUp, with the refusal a reply answers and the request
// whose letter is written again (replaces), if any.
func followUp(d *record.Data, requestID string, kind record.Kind, refusal letters.Refusal, date time.Time, replaces string) (Written, error) {
	orig := d.Request(requestID)
	if orig == nil {
		return Written{}, notFound("request", requestID)
	}
	if orig.Dates.Sent.IsZero() {
		return Written{}, problem("date", "not_sent", "the request was not sent yet: mark it sent first")
	}
	c := d.Company(orig.CompanyID)
	if c == nil {
		return Written{}, errors.New("the request's company was deleted")
	}
	code := orig.Law
	original, err := priorOf(*orig, d.Settings)
	if err != nil {
		return Written{}, err
	}
	from := LetterProfile(d.Profile)
	company := recipientOf(c)
	company.Address, company.Email = "", ""
	if orig.Channel == record.ByPost {
		company.Address = orig.Contact
	} else {
		company.Email = orig.Contact
	}
	if orig.Channel == record.ByEmail {
		company.Cc, company.CcName = ccFor(c, orig.Contact)
	}
	r := letters.Input{
		Kind: kind, Jurisdiction: code, From: from, Date: date, Original: &original,
		Marking: markingOf(c, string(orig.Kind)), PromisedDays: c.PromisedDays, PromisedFor: c.PromisedFor, Service: c.Website,
		Options: Options(d.Settings), Lang: orig.Language,
	}
	req := record.Request{CompanyID: c.ID, ParentID: orig.ID}
	switch kind {
	case record.Reminder, record.ReplyToRefusal:
		r.To, r.Channel = company, orig.Channel
		if r.Channel == record.ByWebForm {
			r.Channel = record.ByEmail
		}
		req.Contact = orig.Contact
		if kind == record.ReplyToRefusal {
			r.Refusal = refusal
			if n := len(orig.Replies); n > 0 {
				r.Replied = orig.Replies[n-1].Received
			}
		}
	case record.Complaint:
		a, err := law.AuthorityFor(code, d.Profile.Country)
		if err != nil {
			return Written{}, err
		}
		a = law.AuthorityAt(a, seats(*c, d.Profile, a.Country)...)
		// The company's marking is for letters to the company, not to
		// the authority.
		r.Marking = ""
		// A refusal is what the complaint is about: it is listed with the
		// company's answers, its reason quoted, and no deadline is said
		// to have passed.
		if orig.Status == record.StatusRefused {
			reason := RefusalReason(*orig)
			lang := letters.DefaultLang(record.Complaint, c.Language, a.Language)
			line := orig.Dates.Closed.Format(time.DateOnly) + ": " + refusedWord[lang]
			if reason != "" {
				line += ": " + reason
			}
			r.Replies = append(r.Replies, line)
			original.Due = time.Time{}
		}
		r.Company = &company
		r.To = letters.Recipient{Name: a.NameLocal, Address: a.Address, Email: a.Email}
		r.Lang = letters.DefaultLang(record.Complaint, c.Language, a.Language)
		r.Channel = record.ByPost
		req.Contact = a.Address
		// An authority that takes complaints only hand-signed (or with a
		// qualified e-signature) gets the signed letter by post.
		if a.Email != "" && !a.SignedOnly {
			r.Channel, req.Contact = record.ByEmail, a.Email
		}
		if rem := d.LastFollowUp(orig.ID, record.Reminder); rem != nil && !rem.Dates.Sent.IsZero() {
			p, err := priorOf(*rem, d.Settings)
			if err == nil {
				r.Reminder = &p
			}
		}
		for _, rep := range orig.Replies {
			line := rep.Received.Format(time.DateOnly)
			if rep.Note != "" {
				line += ": " + rep.Note
			}
			// The letter lists the company's replies as one attachment.
			r.Replies = append(r.Replies, line)
		}
	default:
		return Written{}, fmt.Errorf("a follow-up is a reminder, a reply or a complaint, not %s", kind)
	}
	r.Reference = uniqueReference(d, Reference(from.Name, r.To.Name, kind, date), replaces)
	return compose(r, req)
}

// compose writes the letter and its PDF and fills the request req.
func compose(r letters.Input, req record.Request) (Written, error) {
	l, err := letters.Compose(r)
	if errors.Is(err, letters.ErrIDDocument) {
		return Written{}, &Problem{Field: "profile", Code: "id_document", Msg: err.Error(), Err: letters.ErrProfile}
	}
	if errors.Is(err, letters.ErrReasons) {
		// The letter would rest on reasons the person has not given.
		return Written{}, &Problem{Field: "reasons", Code: "empty", Msg: err.Error(), Err: letters.ErrReasons}
	}
	if errors.Is(err, letters.ErrProfile) {
		// The person can mend this: the profile lacks what the letter
		// needs (an identity document the law asks for, an address).
		return Written{}, &Problem{Field: "profile", Code: "incomplete", Msg: err.Error(), Err: letters.ErrProfile}
	}
	if err != nil {
		return Written{}, err
	}
	pdf, err := l.PDF()
	if err != nil {
		return Written{}, err
	}
	req.ID = record.NewID()
	req.Kind, req.Language, req.Law = r.Kind, l.Lang, r.Jurisdiction
	req.Reference, req.Channel = r.Reference, r.Channel
	req.LetterText, req.PDF = record.NewText(l.Text()), pdf
	subject, body := l.Email()
	req.Subject, req.EmailBody = subject, record.NewText(body)
	req.Status = record.StatusDraft
	req.Dates.Created = r.Date
	req.Warnings = l.Warnings
	return Written{Request: req, Letter: l, PDF: pdf}, nil
}

// recipientOf is the company as a letter addresses it: by its legal name
// when it is known, with the legal entities behind it (the letter goes to
// them when the legal name is only a brand) and the further controllers
// its contacts belong to.
func recipientOf(c *record.Company) letters.Recipient {
	to := letters.Recipient{Name: c.Name, Registration: c.Registration, Entities: c.LegalEntities}
	if c.LegalName != "" {
		to.Name = c.LegalName
		if !strings.EqualFold(strings.TrimSpace(c.Name), strings.TrimSpace(c.LegalName)) {
			to.Brand = c.Name
		}
	}
	// A further controller the policy names with its own address is
	// named beside the company (review 2, M14).
	for _, ct := range c.Contacts {
		if ct.Label == labelController && ct.Entity != "" && !slices.Contains(to.Controllers, ct.Entity) {
			to.Controllers = append(to.Controllers, ct.Entity)
		}
	}
	// The state whose law applies is where the company is established;
	// it picks the registration number's label.
	if j, err := law.Lookup(string(c.Jurisdiction), law.DefaultOptions()); err == nil {
		to.Country = j.Country
	}
	return to
}

// markingOf is the marking the company wants on a letter of kind.
func markingOf(c *record.Company, kind string) string {
	if m := c.Markings[kind]; m != "" {
		return m
	}
	return c.Markings["any"]
}

// priorOf describes a sent request for the letter that follows it up.
func priorOf(r record.Request, s record.Settings) (letters.Prior, error) {
	kind, err := record.ParseKind(string(r.Kind))
	if err != nil {
		return letters.Prior{}, err
	}
	p := letters.Prior{Kind: kind, Reference: r.Reference, Sent: r.Dates.Sent, Received: r.Dates.Delivered, Channel: r.Channel, Tracking: r.Tracking}
	if dl, err := Deadline(r, s); err == nil {
		p.Due = dl.Due
	}
	return p, nil
}

// EmailOf is a stored request's letter as an e-mail: the subject (with
// the company's marking first) and the body. The body is read from the
// vault file (record.Text.Read), which fails when the file was changed
// outside Prava: then nothing goes out empty.
func EmailOf(r record.Request) (subject, body string, err error) {
	if r.EmailBody.IsEmpty() {
		body, err = r.LetterText.Read()
		return r.Reference, body, err
	}
	body, err = r.EmailBody.Read()
	return r.Subject, body, err
}

// EmailMessage is a stored request's letter as an e-mail message a mail
// program opens as a draft: to the contact it was written for (when that
// is an e-mail address), from the person, with the subject and body kept
// with the request and its PDF attached.
func EmailMessage(d *record.Data, r record.Request) ([]byte, error) {
	subject, body, err := EmailOf(r)
	if err != nil {
		return nil, err
	}
	m := letters.Mail{
		FromName: d.Profile.Name, From: d.Profile.Email, Subject: subject, Body: body,
		Date: r.Dates.Created, Reference: r.Reference, Kind: r.Kind, PDF: r.PDF,
	}
	if r.Channel == record.ByEmail {
		m.To = r.Contact
		if c := d.Company(r.CompanyID); c != nil {
			m.ToName = recipientOf(c).Name
			m.Cc, m.CcName = ccFor(c, r.Contact)
		}
	}
	return m.Message()
}

// EmailText is a stored request's e-mail as text to paste into a mail
// program or a web form: the recipient (for an e-mail), the subject and
// the body. The copy to the controller's own address (ccFor) is named
// too, as the message Prava sends carries it.
func EmailText(d *record.Data, r record.Request) (string, error) {
	subject, body, err := EmailOf(r)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if r.Channel == record.ByEmail && r.Contact != "" {
		b.WriteString("To: " + r.Contact + "\n")
		if c := d.Company(r.CompanyID); c != nil {
			if cc, _ := ccFor(c, r.Contact); cc != "" {
				b.WriteString("Cc: " + cc + "\n")
			}
		}
	}
	b.WriteString("Subject: " + subject + "\n\n" + body)
	return b.String(), nil
}

// refusedWord says "refused" in each letter language, for the line of a
// complaint that lists the company's refusal.
var refusedWord = map[string]string{"en": "refused", "uk": "відмова", "ru": "отказ", "lv": "atteikums", "lt": "atsisakymas"}

// RefusalReason is the reason a refusal was recorded with (Record keeps
// it in the request's notes as "Refused: …"), "" when none.
func RefusalReason(r record.Request) string {
	for _, line := range strings.Split(r.Notes, "\n") {
		if reason, ok := strings.CutPrefix(strings.TrimSpace(line), "Refused: "); ok {
			return reason
		}
	}
	return ""
}

// uniqueReference is ref, or ref with "-2", "-3", … when another request
// of d already has it (two complaints on one day to one authority): a
// company or an authority quotes the reference, so each letter needs its
// own. except is a request whose own reference does not count.
func uniqueReference(d *record.Data, ref, except string) string {
	taken := func(x string) bool {
		for _, r := range d.Requests {
			if r.Reference == x && r.ID != except {
				return true
			}
		}
		return false
	}
	if !taken(ref) {
		return ref
	}
	for i := 2; ; i++ {
		if c := fmt.Sprintf("%s-%d", ref, i); !taken(c) {
			return c
		}
	}
}
