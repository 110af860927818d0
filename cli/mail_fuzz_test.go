package cli

import (
	"bytes"
	"net/mail"
	"net/textproto"
	"strings"
	"testing"
	"time"

	"prava/letters"
)

// allowedHeaders are the only headers an e-mail draft may have.
var allowedHeaders = map[string]bool{"From": true, "To": true, "Subject": true, "Date": true, "X-Unsent": true, "Mime-Version": true, "Content-Type": true, "Content-Transfer-Encoding": true}

// FuzzMailHeaders drives the .eml writer (letters.Mail.Message, behind
// "letter --email X.eml" and the app's "Open in mail program") with
// arbitrary names and addresses, as a directory update, a policy or a
// pasted --to can give them: whatever it writes has only the headers it
// means to write, no CR or LF inside a header line, and the subject and
// attachment stay headers (security review 2, F6). An error is an
// acceptable answer; a smuggled header is not.
func FuzzMailHeaders(f *testing.F) {
	// The raw CR in --to of the review (F6) is in testdata/fuzz; these
	// hold elsewhere.
	f.Add("Olena", "olena@example.org", "Evil\r\nBcc: spy", "privacy@x.example", "s\r\rINJECTED")
	f.Add("Olena", "olena@example.org", "Co", "privacy@x.example", "plain")
	f.Fuzz(func(t *testing.T, fromName, from, toName, to, subject string) {
		msg, err := letters.Mail{FromName: fromName, From: from, ToName: toName, To: to, Subject: subject,
			Body: "body", Date: time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC), Reference: "R-1", Kind: "access", PDF: []byte("%PDF-1.3")}.Message()
		if err != nil {
			return
		}
		head, _, found := bytes.Cut(msg, []byte("\r\n\r\n"))
		if !found {
			t.Fatalf("no end of headers in %q", msg)
		}
		for _, line := range strings.Split(string(head), "\r\n") {
			if strings.ContainsAny(line, "\r\n") {
				t.Fatalf("a bare CR or LF in the header line %q", line)
			}
			if line == "" || line[0] == ' ' || line[0] == '\t' {
				continue // a folded continuation
			}
			name, _, ok := strings.Cut(line, ":")
			if !ok || !allowedHeaders[textproto.CanonicalMIMEHeaderKey(name)] {
				t.Fatalf("unexpected header line %q", line)
			}
		}
		m, err := mail.ReadMessage(bytes.NewReader(msg))
		if err != nil {
			t.Fatalf("the draft does not parse: %v", err)
		}
		for name := range m.Header {
			if !allowedHeaders[name] {
				t.Fatalf("smuggled header %q", name)
			}
		}
		if _, ok := m.Header["Subject"]; !ok || !strings.HasPrefix(m.Header.Get("Content-Type"), "multipart/mixed") {
			t.Fatalf("the subject or the attachment fell out of the headers: %v", m.Header)
		}
	})
}
