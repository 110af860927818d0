package letters

import (
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"prava/record"
	"strings"
	"testing"
)

// TestMessage writes every language's access letter as an e-mail message
// and parses it back with net/mail and mime/multipart: the recipient, the
// subject with the marking first, X-Unsent, the text part (pointing below,
// ending with the closing) and the PDF, byte for byte.
func TestMessage(t *testing.T) {
	closings := map[string]string{"uk": "З повагою,", "ru": "С уважением,", "lv": "Ar cieņu,", "lt": "Pagarbiai,", "en": "Yours faithfully,"}
	below := map[string]string{"uk": "нижче", "ru": "ниже", "lv": "zemāk", "lt": "žemiau", "en": "below"}
	above := map[string]string{"uk": "наведено вище", "ru": "указаны выше", "lv": "iepriekš norādīt", "lt": "aukščiau", "en": "details above"}
	for _, lang := range Languages {
		l, pdf := renderPDF(t, sampleRequest(lang, record.Erasure))
		raw, err := l.Message(pdf)
		if err != nil {
			t.Fatal(err)
		}
		m, err := mail.ReadMessage(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("%s: not a mail message: %v", lang, err)
		}
		to, err := m.Header.AddressList("To")
		if err != nil || len(to) != 1 || to[0].Address != "privacy@example.lv" {
			t.Errorf("%s: To %v (%v)", lang, to, err)
		}
		if from, err := m.Header.AddressList("From"); err != nil || from[0].Address != "olena@example.org" || from[0].Name != "Олена Іванівна Петренко" {
			t.Errorf("%s: From %v (%v)", lang, from, err)
		}
		subject, err := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
		if err != nil || !strings.HasPrefix(subject, "Data request: ") || subject != l.Subject {
			t.Errorf("%s: subject %q (%v), want %q", lang, subject, err, l.Subject)
		}
		if m.Header.Get("X-Unsent") != "1" {
			t.Errorf("%s: no X-Unsent: 1", lang)
		}
		mt, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
		if err != nil || mt != "multipart/mixed" {
			t.Fatalf("%s: content type %q (%v)", lang, mt, err)
		}
		mr := multipart.NewReader(m.Body, params["boundary"])
		text, err := mr.NextPart()
		if err != nil || !strings.HasPrefix(text.Header.Get("Content-Type"), "text/plain") {
			t.Fatalf("%s: first part %v (%v)", lang, text, err)
		}
		body, _ := io.ReadAll(quotedprintable.NewReader(text))
		b := string(body)
		if !strings.Contains(b, closings[lang]) || !strings.Contains(b, below[lang]) || strings.Contains(b, above[lang]) {
			t.Errorf("%s: the body must point below, not above, and close with %q:\n%s", lang, closings[lang], b)
		}
		if strings.Count(b, "PR-20261123-0001") != 1 {
			t.Errorf("%s: the reference is repeated in the body:\n%s", lang, b)
		}
		att, err := mr.NextPart()
		if err != nil || att.Header.Get("Content-Type") != `application/pdf; name=PR-20261123-0001-erasure.pdf` || att.FileName() != "PR-20261123-0001-erasure.pdf" {
			t.Fatalf("%s: attachment %v (%v)", lang, att.Header, err)
		}
		got, err := io.ReadAll(base64.NewDecoder(base64.StdEncoding, att))
		if err != nil || !bytes.Equal(got, pdf) {
			t.Errorf("%s: the attached PDF differs from the letter's (%d bytes, %v)", lang, len(got), err)
		}
		if _, err := mr.NextPart(); err != io.EOF {
			t.Errorf("%s: more parts than text and PDF: %v", lang, err)
		}
		for _, line := range strings.Split(string(raw), "\r\n") {
			if len(line) > 998 {
				t.Fatalf("%s: a line of %d bytes, over RFC 5322's 998", lang, len(line))
			}
		}
	}
}

// TestEmailText: the text to copy names the recipient.
func TestEmailText(t *testing.T) {
	l, err := Compose(sampleRequest("en", record.Access))
	if err != nil {
		t.Fatal(err)
	}
	if s := l.EmailText(); !strings.HasPrefix(s, "To: privacy@example.lv\nSubject: Data request: ") {
		t.Errorf("e-mail text starts %q", s[:min(len(s), 80)])
	}
}

// TestMessageCc: a letter to the contact a policy names for requests is
// copied to the controller's own address (review 2, M14), in the message
// and in the text to copy; a copy to the To address itself, or of a
// posted letter, is left out.
func TestMessageCc(t *testing.T) {
	r := sampleRequest("en", record.Access)
	r.To.Email, r.To.Cc = "mail@costless.example", "data.controller@costless.example"
	l, pdf := renderPDF(t, r)
	raw, err := l.Message(pdf)
	if err != nil {
		t.Fatal(err)
	}
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if cc, err := m.Header.AddressList("Cc"); err != nil || len(cc) != 1 || cc[0].Address != "data.controller@costless.example" {
		t.Errorf("Cc %v (%v)", cc, err)
	}
	if s := l.EmailText(); !strings.HasPrefix(s, "To: mail@costless.example\nCc: data.controller@costless.example\nSubject: ") {
		t.Errorf("e-mail text starts %q", s[:min(len(s), 100)])
	}
	for name, edit := range map[string]func(*Input){
		"the To address": func(r *Input) { r.To.Cc = " MAIL@costless.example " },
		"by post":        func(r *Input) { r.Channel = record.ByPost },
	} {
		r := sampleRequest("en", record.Access)
		r.To.Email, r.To.Cc = "mail@costless.example", "data.controller@costless.example"
		edit(&r)
		l, err := Compose(r)
		if err != nil {
			t.Fatal(err)
		}
		if raw, err := l.Message(nil); err != nil || bytes.Contains(raw, []byte("\r\nCc:")) || strings.Contains(l.EmailText(), "Cc:") {
			t.Errorf("a copy to %s is written (%v):\n%s", name, err, raw)
		}
	}
	if _, err := (Mail{To: "a@example.org", Cc: "b@example.org\r\nBcc: x@example.org"}).Message(); err == nil {
		t.Error("a Cc with a line break is written")
	}
}
