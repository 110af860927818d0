package mail

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/emersion/go-message"
	gomail "github.com/emersion/go-message/mail"
)

// MaxComposeBytes caps a composed message: most providers refuse more than
// 20 to 25 MB, and a request letter with its PDF is far below that.
const MaxComposeBytes = 20 << 20

// Recipient is one address a request goes to.
type Recipient struct {
	Name    string
	Address string
}

// Attachment is one file sent with a request, usually the letter's PDF.
type Attachment struct {
	Filename    string
	ContentType string // empty means application/pdf
	Data        []byte
}

// Request is what the desk hands over to be sent: everything the message
// needs, none of it formatted yet.
type Request struct {
	FromAddress string
	FromName    string
	To          []Recipient
	// Cc are copied openly: the controller's own address when the request
	// goes to the contact its policy names for requests (review M14).
	Cc []Recipient
	// Marking is what the policy demands at the start of the subject, such
	// as "Data subject access request"; it may be empty.
	Marking string
	// Title is the rest of the subject, e.g. "Access to my personal data".
	Title string
	// Reference is Prava's request reference; it goes into the subject as
	// "[Ref REFERENCE]" and into the Message-ID, so replies can be matched.
	Reference string
	// Body is the letter as plain text.
	Body        string
	Attachments []Attachment
	// InReplyTo is the Message-ID this message answers (a reminder answers
	// the request, a reply answers the company's message); empty if none.
	InReplyTo string
	// References lists the thread's earlier Message-IDs, oldest first.
	References []string
	// Date is when the message is written; zero means now.
	Date time.Time
}

// Outgoing is a composed message: the exact bytes to hand to the SMTP
// server, and what the envelope and the records need.
type Outgoing struct {
	// MessageID is ours, without angle brackets.
	MessageID string
	Subject   string
	// From and To are the envelope addresses, domains in xn-- form.
	From string
	To   []string
	// Bytes is the whole RFC 5322 message. It is never rebuilt after
	// sending: these bytes are the proof of what was sent.
	Bytes []byte
}

// Subject builds the subject line: the marking first, then the title, then
// the reference, so a company's ticket system that keeps only the start
// still keeps the marking, and the reference is easy to find.
func Subject(marking, title, reference string) string {
	var parts []string
	if m := strings.TrimSpace(marking); m != "" {
		parts = append(parts, m)
	}
	t := strings.TrimSpace(title)
	s := strings.Join(parts, "")
	if t != "" {
		if s != "" {
			s += ": "
		}
		s += t
	}
	if reference != "" {
		if s != "" {
			s += " "
		}
		s += "[Ref " + reference + "]"
	}
	return s
}

// Compose checks the request and builds the message. Every bad field gets
// its own message; nothing is built unless all are right.
func Compose(r Request) (*Outgoing, error) {
	if err := r.validate(); err != nil {
		return nil, err
	}
	id, err := NewMessageID(r.Reference, r.FromAddress)
	if err != nil {
		return nil, err
	}
	date := r.Date
	if date.IsZero() {
		date = time.Now()
	}
	subject := Subject(r.Marking, r.Title, r.Reference)

	var h gomail.Header
	h.SetDate(date)
	h.SetAddressList("From", []*gomail.Address{{Name: r.FromName, Address: asciiAddress(r.FromAddress)}})
	to, envTo := headerAddresses(r.To)
	h.SetAddressList("To", to)
	if len(r.Cc) > 0 {
		cc, envCc := headerAddresses(r.Cc)
		h.SetAddressList("Cc", cc)
		envTo = append(envTo, envCc...)
	}
	h.SetSubject(subject)
	h.SetMessageID(id)
	if r.InReplyTo != "" {
		h.SetMsgIDList("In-Reply-To", []string{normalizeID(r.InReplyTo)})
	}
	if len(r.References) > 0 {
		refs := make([]string, len(r.References))
		for i, x := range r.References {
			refs[i] = normalizeID(x)
		}
		h.SetMsgIDList("References", refs)
	}
	h.SetContentType("multipart/mixed", nil)

	var buf bytes.Buffer
	w, err := gomail.CreateWriter(&buf, h)
	if err != nil {
		return nil, fmt.Errorf("compose: %w", err)
	}
	var th gomail.InlineHeader
	th.SetContentType("text/plain", map[string]string{"charset": "utf-8"})
	th.Set("Content-Transfer-Encoding", "quoted-printable")
	tw, err := w.CreateSingleInline(th)
	if err != nil {
		return nil, fmt.Errorf("compose: %w", err)
	}
	if _, err := tw.Write([]byte(r.Body)); err != nil {
		return nil, fmt.Errorf("compose: %w", err)
	}
	if err := tw.Close(); err != nil {
		return nil, fmt.Errorf("compose: %w", err)
	}
	for _, a := range r.Attachments {
		var ah gomail.AttachmentHeader
		ct := a.ContentType
		if ct == "" {
			ct = "application/pdf"
		}
		ah.SetContentType(ct, map[string]string{"name": a.Filename})
		ah.SetFilename(a.Filename)
		ah.Set("Content-Transfer-Encoding", "base64")
		aw, err := w.CreateAttachment(ah)
		if err != nil {
			return nil, fmt.Errorf("compose: %w", err)
		}
		if _, err := aw.Write(a.Data); err != nil {
			return nil, fmt.Errorf("compose: %w", err)
		}
		if err := aw.Close(); err != nil {
			return nil, fmt.Errorf("compose: %w", err)
		}
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("compose: %w", err)
	}
	if buf.Len() > MaxComposeBytes {
		return nil, fmt.Errorf("the message is %.1f MB, more than the %d MB mail servers take; make the attachments smaller", float64(buf.Len())/(1<<20), MaxComposeBytes>>20)
	}
	return &Outgoing{MessageID: id, Subject: subject, From: asciiAddress(r.FromAddress), To: envTo, Bytes: buf.Bytes()}, nil
}

// headerAddresses are the header's addresses of rs and the envelope's,
// domains in xn-- form.
func headerAddresses(rs []Recipient) ([]*gomail.Address, []string) {
	header := make([]*gomail.Address, 0, len(rs))
	envelope := make([]string, 0, len(rs))
	for _, rc := range rs {
		a := asciiAddress(rc.Address)
		header = append(header, &gomail.Address{Name: rc.Name, Address: a})
		envelope = append(envelope, a)
	}
	return header, envelope
}

// checkRecipients checks each recipient's address and name, saying which
// one (as "recipient 2" or "copy recipient 1") is wrong.
func checkRecipients(label string, rs []Recipient) []error {
	var errs []error
	for i, rc := range rs {
		if err := CheckAddress(rc.Address); err != nil {
			errs = append(errs, fmt.Errorf("%s %d: %w", label, i+1, err))
		}
		if err := checkHeaderText(rc.Name, 200); err != nil {
			errs = append(errs, fmt.Errorf("%s %d name: %w", label, i+1, err))
		}
	}
	return errs
}

func (r Request) validate() error {
	var errs []error
	if err := CheckAddress(r.FromAddress); err != nil {
		errs = append(errs, fmt.Errorf("sender address: %w", err))
	}
	if err := checkHeaderText(r.FromName, 200); err != nil {
		errs = append(errs, fmt.Errorf("sender name: %w", err))
	}
	if len(r.To) == 0 {
		errs = append(errs, errors.New("recipient: none given; give the company's e-mail address"))
	}
	if len(r.To)+len(r.Cc) > 20 {
		errs = append(errs, errors.New("recipients: more than 20 recipients; a request goes to one company"))
	}
	errs = append(errs, checkRecipients("recipient", r.To)...)
	errs = append(errs, checkRecipients("copy recipient", r.Cc)...)
	if err := checkHeaderText(r.Marking, 200); err != nil {
		errs = append(errs, fmt.Errorf("subject marking: %w", err))
	}
	if err := checkHeaderText(r.Title, 300); err != nil {
		errs = append(errs, fmt.Errorf("subject: %w", err))
	}
	if strings.TrimSpace(r.Marking+r.Title) == "" {
		errs = append(errs, errors.New("subject: both marking and title are empty; a request needs a subject"))
	}
	if err := CheckReference(r.Reference); err != nil {
		errs = append(errs, err)
	}
	if strings.TrimSpace(r.Body) == "" {
		errs = append(errs, errors.New("body: the letter's text is empty"))
	}
	if strings.ContainsFunc(r.Body, func(c rune) bool { return isControl(c) && c != '\n' && c != '\r' && c != '\t' }) {
		errs = append(errs, errors.New("body: holds control characters other than line breaks and tabs; remove them"))
	}
	for i, a := range r.Attachments {
		if err := checkFilename(a.Filename); err != nil {
			errs = append(errs, fmt.Errorf("attachment %d: %w", i+1, err))
		}
		if a.ContentType != "" {
			if t, _, err := mime2(a.ContentType); err != nil || strings.Contains(t, "multipart") {
				errs = append(errs, fmt.Errorf("attachment %d: content type %q is not a single media type like application/pdf", i+1, sanitize(a.ContentType, 60)))
			}
		}
		if len(a.Data) == 0 {
			errs = append(errs, fmt.Errorf("attachment %d (%s): the file is empty", i+1, sanitize(a.Filename, 60)))
		}
	}
	for _, id := range append([]string{r.InReplyTo}, r.References...) {
		if id == "" {
			continue
		}
		if err := checkMsgID(id); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func checkFilename(name string) error {
	if name == "" {
		return errors.New("the file name is empty")
	}
	if err := checkHeaderText(name, 150); err != nil {
		return fmt.Errorf("file name: %w", err)
	}
	if strings.ContainsAny(name, `/\`) || name == "." || name == ".." {
		return fmt.Errorf("file name %q holds a folder separator; give only the name", sanitize(name, 60))
	}
	return nil
}

func checkMsgID(id string) error {
	n := normalizeID(id)
	if n == "" || len(n) > 250 || strings.Count(n, "@") != 1 || strings.ContainsFunc(n, func(r rune) bool {
		return isControl(r) || r == ' ' || r == '<' || r == '>' || r > 0x7e
	}) {
		return fmt.Errorf("message ID %q is not one; it should look like <id@example.com>", sanitize(id, 80))
	}
	return nil
}

// mime2 parses a media type the way go-message will write it.
func mime2(ct string) (string, map[string]string, error) {
	var h message.Header
	h.Set("Content-Type", ct)
	return h.ContentType()
}
