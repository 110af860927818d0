package casework

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"strings"
	"testing"

	pmail "prava/mail"
	"prava/record"
)

// TestEmailMessage: a stored request's e-mail, parsed back as a mail
// program would: the recipient, the subject, the draft mark, the text and
// the PDF.
func TestEmailMessage(t *testing.T) {
	k, _, id := newDesk(t)
	ws, err := k.WriteRequests(id, []Draft{{Kind: record.Access, Contact: -1, Date: testDay}})
	if err != nil {
		t.Fatal(err)
	}
	r := *k.Data().Request(ws[0].Request.ID)
	raw, err := EmailMessage(k.Data(), r)
	if err != nil {
		t.Fatal(err)
	}
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	to, err := mail.ParseAddress(msg.Header.Get("To"))
	if err != nil || to.Address != r.Contact {
		t.Errorf("To %q (%v), want %s", msg.Header.Get("To"), err, r.Contact)
	}
	subject, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if subject != r.Subject || msg.Header.Get("X-Unsent") != "1" {
		t.Errorf("subject %q, X-Unsent %q", subject, msg.Header.Get("X-Unsent"))
	}
	_, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil {
		t.Fatal(err)
	}
	parts := multipart.NewReader(msg.Body, params["boundary"])
	var kinds []string
	for {
		p, err := parts.NextPart()
		if err != nil {
			break
		}
		data, _ := io.ReadAll(p)
		kinds = append(kinds, p.Header.Get("Content-Type"))
		if p.Header.Get("Content-Transfer-Encoding") == "base64" {
			data, _ = base64.StdEncoding.DecodeString(strings.ReplaceAll(string(data), "\r\n", ""))
		}
		if strings.HasPrefix(p.Header.Get("Content-Type"), "application/pdf") && !bytes.Equal(data, r.PDF) {
			t.Error("the attached PDF is not the request's")
		}
	}
	if len(kinds) != 2 || !strings.HasPrefix(kinds[0], "text/plain") || !strings.HasPrefix(kinds[1], "application/pdf") {
		t.Errorf("parts %v", kinds)
	}
	if text, _ := EmailText(k.Data(), r); !strings.HasPrefix(text, "To: "+r.Contact+"\nCc: data.controller@costless.com.ua\nSubject: ") {
		t.Errorf("the e-mail to copy: %q", text[:min(80, len(text))])
	}
}

// TestUnreadLetterGoesNowhere: a request whose letter cannot be read from
// the vault file (changed outside Prava) gives no e-mail, no text to
// copy and no message to send, rather than one with an empty body.
func TestUnreadLetterGoesNowhere(t *testing.T) {
	gone := errors.New("the vault file was changed")
	shelf := record.NewShelf(1, func(int) ([]byte, error) { return nil, gone })
	r := record.Request{ID: "r1", CompanyID: "c1", Kind: "access", Channel: record.ByEmail, Contact: "privacy@example.lv",
		Reference: "PRAVA-1", LetterText: shelf.Text(0)}
	d := &record.Data{Companies: []record.Company{{ID: "c1", Name: "SIA Piemērs"}}, Requests: []record.Request{r}}
	if _, _, err := EmailOf(r); !errors.Is(err, gone) {
		t.Errorf("EmailOf: %v", err)
	}
	if text, err := EmailText(d, r); !errors.Is(err, gone) || text != "" {
		t.Errorf("EmailText: %q, %v", text, err)
	}
	if msg, err := EmailMessage(d, r); !errors.Is(err, gone) || msg != nil {
		t.Errorf("EmailMessage: %v", err)
	}
	if out, err := composeRequest(d, &d.Requests[0], pmail.Account{Address: "olena@example.org"}, testDay); !errors.Is(err, gone) || out != nil {
		t.Errorf("composeRequest: %v", err)
	}
}
