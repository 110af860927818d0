package casework

import (
	"context"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"prava/evidence/signed"
	"prava/mail"
	"prava/record"
)

// The timeline's entries of mail. A sending that worked is logged as
// EventSent and a matched reply as EventReply, as when a person records
// them, so the deadline and undo treat them alike.
const (
	EntryMailAccountSaved Entry = "mail account saved"
	EntryMailSending      Entry = "sending by e-mail"
	EntryMailNotSent      Entry = "e-mail not sent"
	EntryMailUnsure       Entry = "e-mail may have been sent"
	EntryMailAutoReply    Entry = "automatic answer"
	EntryMailBounce       Entry = "not delivered"
	EntryMailSuggested    Entry = "possible answer"
)

// ErrNoMailAccount is wrapped by the refusal of a mail use case before a
// mail account is set up.
var ErrNoMailAccount = errors.New("no mail account")

// ErrMaybeSent is wrapped when a request's e-mail may have reached the
// server although no answer came: it is never sent again by itself.
var ErrMaybeSent = errors.New("may have been sent")

// SetMailRoots sets the certificate authorities the mail servers are
// verified with; nil means the system's. Verification is never turned
// off. Only tests and a mail bridge with its own CA need it.
func (k *Desk) SetMailRoots(roots *x509.CertPool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.mailRoots = roots
}

// SetMailAccount keeps the person's mailbox settings, password included,
// in the vault after checking every field: a bad account is refused with
// the first wrong field named, and nothing is stored. The state of the
// last check is kept when the mailbox (address and IMAP server) is the
// same, and dropped otherwise.
func (k *Desk) SetMailAccount(a mail.Account) error {
	return k.keepAccount(a, EntryMailAccountSaved)
}

// keepAccount checks and stores the mailbox a, noting entry on the
// timeline; the state of the last check stays when the mailbox (address
// and IMAP server) is the same. SetMailAccount and SignInMailAccount
// both store through it.
func (k *Desk) keepAccount(a mail.Account, entry Entry) error {
	a.Address, a.Name, a.Username = strings.TrimSpace(a.Address), strings.TrimSpace(a.Name), strings.TrimSpace(a.Username)
	a.IMAP.Host, a.SMTP.Host = strings.TrimSpace(a.IMAP.Host), strings.TrimSpace(a.SMTP.Host)
	if err := a.Validate(); err != nil {
		return accountProblem(err)
	}
	js, err := json.Marshal(a)
	if err != nil {
		return err
	}
	return k.update(func(d *record.Data) error {
		box := &record.MailBox{Account: js}
		if d.Mail != nil {
			if old, err := decodeAccount(d.Mail); err == nil && strings.EqualFold(old.Address, a.Address) && old.IMAP == a.IMAP {
				box.State, box.LastCheck = d.Mail.State, d.Mail.LastCheck
			}
		}
		d.Mail = box
		k.log(d, entry, "", "", a.String())
		return nil
	})
}

// accountProblem names the first wrong field of an account Validate
// refused, and gives all its reasons.
func accountProblem(err error) *Problem {
	msg := err.Error()
	first, _, _ := strings.Cut(msg, "\n")
	field := "mail"
	for _, f := range []struct{ prefix, field string }{
		{"address:", "address"}, {"name:", "name"}, {"IMAP server:", "imap"}, {"SMTP server:", "smtp"},
		{"user name:", "user"}, {"password:", "password"}, {"Sent folder:", "sent_folder"},
	} {
		if strings.HasPrefix(first, f.prefix) {
			field = f.field
			break
		}
	}
	return problem(field, "bad_account", "the mail account is not usable: %s", strings.ReplaceAll(msg, "\n", "; "))
}

// MailAccount is the mailbox set up, password included, and whether one
// is.
func (k *Desk) MailAccount() (mail.Account, bool, error) {
	d := k.Data()
	if d.Mail == nil {
		return mail.Account{}, false, nil
	}
	a, err := decodeAccount(d.Mail)
	return a, err == nil, err
}

func decodeAccount(box *record.MailBox) (mail.Account, error) {
	var a mail.Account
	if err := json.Unmarshal(box.Account, &a); err != nil {
		return a, fmt.Errorf("the mail account kept in the vault cannot be read (%v): set it up again with \"prava mail setup\"", err)
	}
	return a, nil
}

// mailClient is the client of the account set up, on the desk's clock,
// with a fresh access token for an OAuth mailbox.
func (k *Desk) mailClient(ctx context.Context) (*mail.Client, error) {
	a, ok, err := k.MailAccount()
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, &Problem{Field: "mail", Code: "no_account", Err: ErrNoMailAccount,
			Msg: "no mail account is set up: run \"prava mail setup --address ADDR --password-stdin\" (or Settings in the app) first"}
	}
	if a, err = k.freshToken(ctx, a); err != nil {
		return nil, err
	}
	k.mu.Lock()
	roots := k.mailRoots
	k.mu.Unlock()
	return &mail.Client{Account: a, RootCAs: roots, Now: k.now, MaxFetchBytes: MaxAttachment}, nil
}

// SendRequestByMail sends a draft request from the person's mailbox: the
// letter's e-mail text, the subject with the company's marking first and
// the reference after it, the PDF attached. The exact bytes are kept
// with the request before they are handed to the server, so a sending
// cut short is visible. When the server accepts, the request becomes sent
// by e-mail on that day and its deadline runs from it; on a failure it
// stays a draft and the error says why. A sending that may have reached
// the server (the connection broke after the message was handed over)
// is never repeated by itself: the person looks in the Sent folder.
func (k *Desk) SendRequestByMail(ctx context.Context, requestID string) (*mail.Receipt, error) {
	client, err := k.mailClient(ctx)
	if err != nil {
		return nil, err
	}
	var out *mail.Outgoing
	err = k.update(func(d *record.Data) error {
		r := d.Request(requestID)
		if r == nil {
			return notFound("request", requestID)
		}
		if err := sendable(r); err != nil {
			return err
		}
		if out, err = composeRequest(d, r, client.Account, k.now()); err != nil {
			return problem("letter", "not_composed", "the e-mail could not be written, so nothing was sent: %v", err)
		}
		next := r.Clone()
		next.Email = &record.Email{
			MessageID: out.MessageID, SHA256: sha256Hex(out.Bytes), Outcome: record.EmailSending, Started: k.now().UTC(),
			Sent: record.Document{Name: "request.eml", Type: "message/rfc822", Data: out.Bytes},
		}
		*r = next
		k.log(d, EntryMailSending, r.CompanyID, r.ID, out.MessageID)
		return nil
	})
	if err != nil {
		return nil, err
	}
	rc, sendErr := client.Send(ctx, out)
	var me *mail.Error
	unsure := errors.As(sendErr, &me) && me.MaybeSent
	var token []byte
	var stampErr error
	if sendErr == nil {
		token, stampErr = k.stamp(ctx, out.Bytes)
	}
	err = k.update(func(d *record.Data) error {
		r := d.Request(requestID)
		if r == nil || r.Email == nil || r.Email.MessageID != out.MessageID {
			return errors.New("the request changed while it was being sent")
		}
		next := r.Clone()
		e := next.Email
		switch {
		case sendErr == nil:
			e.Outcome, e.Accepted, e.Server, e.Response = record.EmailSent, rc.Accepted, rc.Server, rc.Response
			e.Receipt, _ = json.Marshal(rc)
			e.Token = token
			if err := Record(&next, EventSent, rc.Accepted, k.now()); err != nil {
				return err
			}
			next.Channel = record.ByEmail
			*r = next
			k.log(d, Entry(EventSent), r.CompanyID, r.ID, day(rc.Accepted).Format(time.DateOnly)+": by e-mail, "+out.MessageID)
			if stampErr != nil {
				k.log(d, EntryStampFailed, r.CompanyID, r.ID, clip(stampErr.Error(), 300))
			}
		case unsure:
			e.Outcome, e.Error = record.EmailUnsure, sendErr.Error()
			*r = next
			k.log(d, EntryMailUnsure, r.CompanyID, r.ID, out.MessageID)
		default:
			e.Outcome, e.Error = record.EmailFailed, sendErr.Error()
			*r = next
			k.log(d, EntryMailNotSent, r.CompanyID, r.ID, sendErr.Error())
		}
		return nil
	})
	switch {
	case sendErr == nil && err != nil:
		return rc, fmt.Errorf("the server accepted the e-mail (%s), but the vault could not record it: %w; it shows as being sent, so it will not be sent again", out.MessageID, err)
	case unsure:
		return nil, fmt.Errorf("%w: %v; look in your Sent folder for %s before doing anything: if it is there, record it sent (\"prava request record %s --event sent --channel email\")",
			ErrMaybeSent, sendErr, out.MessageID, requestID)
	case sendErr != nil:
		return nil, fmt.Errorf("not sent, the request is still a draft: %w", sendErr)
	}
	return rc, err
}

// sendable refuses a request that is not a draft to an e-mail address,
// or whose earlier sending may have reached the server.
func sendable(r *record.Request) error {
	if e := r.Email; e != nil && (e.Outcome == record.EmailSending || e.Outcome == record.EmailUnsure) {
		return &Problem{Field: "request", Code: "maybe_sent", Err: ErrMaybeSent,
			Msg: fmt.Sprintf("an e-mail of this request (%s, %s) may already have reached the server: look in your Sent folder; if it is there, record it sent (\"prava request record %s --event sent --channel email\"), otherwise write the request again",
				e.MessageID, e.Started.Format(time.DateTime), r.ID)}
	}
	if r.Status != record.StatusDraft {
		return problem("request", "sent", "the request is %s already; a reminder or a reply is written with \"prava request followup\"", r.Status)
	}
	if r.Channel != record.ByEmail || !strings.Contains(r.Contact, "@") {
		return problem("contact", "not_email", "the letter is written to %q by %s, not to an e-mail address: write it again to the company's e-mail (--to)", oneLineOf(r.Contact), r.Channel)
	}
	return nil
}

// composeRequest builds the e-mail of a stored draft from the text kept
// with it.
func composeRequest(d *record.Data, r *record.Request, a mail.Account, now time.Time) (*mail.Outgoing, error) {
	c := d.Company(r.CompanyID)
	if c == nil {
		return nil, errors.New("the request's company was deleted")
	}
	subject, body, err := EmailOf(*r)
	if err != nil {
		return nil, err
	}
	body = withSignedNote(r, body)
	marking := markingOf(c, string(r.Kind))
	title := strings.TrimSpace(subject)
	// The letter's subject holds the marking first and the reference in
	// the letter's language at the end; the mail subject puts them back
	// as "Marking: title [Ref …]", which reply matching looks for.
	if marking != "" {
		title = strings.TrimSpace(strings.TrimPrefix(title, marking+":"))
	}
	if r.Reference != "" && strings.HasSuffix(title, r.Reference+")") {
		if i := strings.LastIndex(title, " ("); i > 0 {
			title = title[:i]
		}
	}
	name := a.Name
	if name == "" {
		name = d.Profile.Name
	}
	req := mail.Request{
		FromAddress: a.Address, FromName: name,
		To:      []mail.Recipient{{Name: recipientOf(c).Name, Address: strings.TrimSpace(r.Contact)}},
		Marking: marking, Title: title, Reference: r.Reference, Body: body, Date: now,
	}
	if cc, name := ccFor(c, r.Contact); cc != "" {
		req.Cc = []mail.Recipient{{Name: name, Address: cc}}
	}
	req.Attachments = attachments(r)
	return mail.Compose(req)
}

// signedNotes say, in the letter's language, that the request goes signed:
// 152-FZ Art. 14(3) takes an electronic request signed with an electronic
// signature, and a company must see that the attachment is that
// signature, not an unsigned copy (review 2, B2).
var signedNotes = map[string]string{
	"en": "The request is signed with my electronic signature; the signed file is attached.",
	"uk": "Запит підписано моїм електронним підписом; підписаний файл додається.",
	"ru": "Запрос подписан моей электронной подписью; подписанный файл прилагается.",
	"lv": "Pieprasījums ir parakstīts ar manu elektronisko parakstu; parakstītā datne ir pievienota.",
	"lt": "Prašymas pasirašytas mano elektroniniu parašu; pasirašytas failas pridedamas.",
}

// withSignedNote ends the body of a request the person signed with the
// note that it is signed; an unsigned one's body stays as it is, since
// Prava cannot know what a printed copy will carry.
func withSignedNote(r *record.Request, body string) string {
	if !r.Signature.IsSigned() {
		return body
	}
	note, ok := signedNotes[r.Language]
	if !ok {
		note = signedNotes["en"]
	}
	return strings.TrimRight(body, "\n") + "\n\n" + note + "\n"
}

// attachments are the files a request's message carries: the letter's PDF,
// or, once the person signed it, the signed file instead (with the copy it
// signs beside a .p7s, which may be detached).
func attachments(r *record.Request) []mail.Attachment {
	if s := r.Signature; s.IsSigned() {
		out := []mail.Attachment{{Filename: s.Signed.Name, ContentType: s.Signed.Type, Data: s.Signed.Data}}
		if s.Format == string(signed.CMS) {
			out = append([]mail.Attachment{{Filename: s.Copy.Name, ContentType: "application/pdf", Data: s.Copy.Data}}, out...)
		}
		return out
	}
	if len(r.PDF) > 0 {
		return []mail.Attachment{{Filename: pdfName(r), ContentType: "application/pdf", Data: r.PDF}}
	}
	return nil
}

// pdfName is the attached PDF's file name: reference and kind.
func pdfName(r *record.Request) string {
	ref := strings.Map(func(c rune) rune {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' {
			return c
		}
		return '-'
	}, r.Reference)
	if ref = strings.Trim(ref, "-"); ref == "" {
		ref = "letter"
	}
	return ref + "-" + string(r.Kind) + ".pdf"
}

// oneLineOf joins an address's lines for a message.
func oneLineOf(s string) string { return strings.ReplaceAll(strings.TrimSpace(s), "\n", ", ") }
