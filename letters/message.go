package letters

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"hash/fnv"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"prava/record"
	"strings"
	"time"
)

// EmailText is the e-mail as plain text to copy into a mail program: the
// recipient, the subject and the body.
func (l *Letter) EmailText() string {
	subject, body := l.Email()
	var b strings.Builder
	if l.RecipientEmail != "" {
		b.WriteString("To: " + l.RecipientEmail + "\n")
	}
	if l.CcEmail != "" {
		b.WriteString("Cc: " + l.CcEmail + "\n")
	}
	b.WriteString("Subject: " + subject + "\n\n" + body)
	return b.String()
}

// Message writes the letter as an e-mail message (RFC 5322 with MIME,
// RFC 2045–2047) that a mail program opens as a draft ready to send: To
// the recipient, Cc the controller's own address when there is one, From
// the sender, the subject with the marking first,
// "X-Unsent: 1" (which Outlook, Thunderbird and Apple Mail read as "open
// as a draft"), the plain-text body, and pdf attached when it is not nil.
// Unlike a mailto: link, it has no length limit, so a long Cyrillic letter
// fits. Lines end in CRLF, as RFC 5322 asks.
func (l *Letter) Message(pdf []byte) ([]byte, error) {
	subject, body := l.Email()
	return Mail{
		FromName: l.SenderName, From: l.SenderEmail, ToName: l.RecipientName, To: l.RecipientEmail,
		CcName: l.CcName, Cc: l.CcEmail,
		Subject: subject, Body: body, Date: l.Date, Reference: l.Reference, Kind: l.Kind, PDF: pdf,
	}.Message()
}

// Mail is a letter's e-mail as a request keeps it, without the letter:
// enough to write its message again later (the app's "Open in mail
// program" on a stored request).
type Mail struct {
	FromName, From string // the sender; From "" leaves the header out
	ToName, To     string // the recipient; To "" leaves the header out
	CcName, Cc     string // copied to (Recipient.Cc); Cc "" leaves the header out
	Subject, Body  string
	Date           time.Time
	Reference      string      // names the attachment and the MIME boundary
	Kind           record.Kind // names the attachment
	PDF            []byte      // attached when not nil
}

// Message writes the e-mail as Letter.Message does.
func (m Mail) Message() ([]byte, error) {
	for _, v := range []string{m.From, m.To, m.Cc} {
		if strings.ContainsFunc(v, func(r rune) bool {
			return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0x2028 || r == 0x2029
		}) {
			return nil, fmt.Errorf("letters: the e-mail address %q holds a control character or a line break, which would change the message's headers; nothing was written: type the address again", v)
		}
	}
	var msg bytes.Buffer
	h := func(name, value string) { fmt.Fprintf(&msg, "%s: %s\r\n", name, value) }
	if m.From != "" {
		h("From", (&mail.Address{Name: m.FromName, Address: m.From}).String())
	}
	if m.To != "" {
		h("To", (&mail.Address{Name: m.ToName, Address: m.To}).String())
	}
	if m.Cc != "" {
		h("Cc", (&mail.Address{Name: m.CcName, Address: m.Cc}).String())
	}
	h("Subject", encodeHeader(m.Subject))
	h("Date", m.Date.Format(time.RFC1123Z))
	h("X-Unsent", "1")
	h("MIME-Version", "1.0")

	text := textPart(m.Body)
	pdf := m.PDF
	if pdf == nil {
		h("Content-Type", "text/plain; charset=utf-8")
		h("Content-Transfer-Encoding", "quoted-printable")
		msg.WriteString("\r\n")
		msg.Write(text)
		return msg.Bytes(), nil
	}
	mw := multipart.NewWriter(&msg)
	if err := mw.SetBoundary(boundaryFor(m.Reference, pdf)); err != nil {
		return nil, fmt.Errorf("letters: writing the e-mail: %w", err)
	}
	h("Content-Type", mime.FormatMediaType("multipart/mixed", map[string]string{"boundary": mw.Boundary()}))
	msg.WriteString("\r\n")
	tp, err := mw.CreatePart(textproto.MIMEHeader{
		"Content-Type":              {"text/plain; charset=utf-8"},
		"Content-Transfer-Encoding": {"quoted-printable"},
	})
	if err != nil {
		return nil, fmt.Errorf("letters: writing the e-mail: %w", err)
	}
	tp.Write(text)
	name := attachmentName(m.Reference, m.Kind)
	pp, err := mw.CreatePart(textproto.MIMEHeader{
		"Content-Type":              {mime.FormatMediaType("application/pdf", map[string]string{"name": name})},
		"Content-Disposition":       {mime.FormatMediaType("attachment", map[string]string{"filename": name})},
		"Content-Transfer-Encoding": {"base64"},
	})
	if err != nil {
		return nil, fmt.Errorf("letters: writing the e-mail: %w", err)
	}
	enc := base64.StdEncoding.EncodeToString(pdf)
	for len(enc) > 76 {
		pp.Write([]byte(enc[:76] + "\r\n"))
		enc = enc[76:]
	}
	pp.Write([]byte(enc + "\r\n"))
	if err := mw.Close(); err != nil {
		return nil, fmt.Errorf("letters: writing the e-mail: %w", err)
	}
	return msg.Bytes(), nil
}

var unsafeName = lazyRe(`[^A-Za-z0-9._-]+`)

// AttachmentName is the file name the letter's PDF travels under:
// ASCII only, which every mail program shows correctly.
func (l *Letter) AttachmentName() string { return attachmentName(l.Reference, l.Kind) }

// attachmentName is the PDF's file name from the letter's reference and
// kind.
func attachmentName(reference string, kind record.Kind) string {
	ref := strings.Trim(unsafeName().ReplaceAllString(reference, "-"), "-")
	if ref == "" {
		ref = "letter"
	}
	return fmt.Sprintf("%s-%s.pdf", ref, kind)
}

// textPart is the body in quoted-printable with CRLF line ends.
func textPart(body string) []byte {
	var b bytes.Buffer
	w := quotedprintable.NewWriter(&b)
	w.Write([]byte(strings.ReplaceAll(strings.ReplaceAll(body, "\r\n", "\n"), "\n", "\r\n")))
	w.Close()
	return b.Bytes()
}

// encodeHeader encodes a non-ASCII header value as RFC 2047 words, folded
// between words so no line runs past the limit.
func encodeHeader(s string) string {
	enc := mime.BEncoding.Encode("utf-8", s)
	return strings.ReplaceAll(enc, "?= =?", "?=\r\n =?")
}

// boundaryFor is a multipart boundary that depends only on the message,
// so the same letter gives the same bytes.
func boundaryFor(ref string, pdf []byte) string {
	f := fnv.New64a()
	f.Write([]byte(ref))
	f.Write(pdf)
	return fmt.Sprintf("prava-%016x", f.Sum64())
}
