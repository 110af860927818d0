package mail

import (
	"bytes"
	"mime"
	netmail "net/mail"
	"strings"
	"testing"
	"time"
)

func testRequest() Request {
	return Request{
		FromAddress: "olena@example.com",
		FromName:    "Олена Коваленко",
		To:          []Recipient{{Name: "Costless Ukraine, LLC", Address: "privacy@costless.example"}},
		Marking:     "Запит суб'єкта даних",
		Title:       "Access to my personal data",
		Reference:   "2026-ABC1234",
		Body:        "Dear Sir or Madam,\nplease send me a copy of my data.\n",
		Attachments: []Attachment{{Filename: "запит.pdf", Data: []byte("%PDF-1.4 test")}},
		Date:        time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC),
	}
}

func TestComposeReadsBackWithStdlib(t *testing.T) {
	out, err := Compose(testRequest())
	if err != nil {
		t.Fatal(err)
	}
	// A second, independent parser: the standard library's.
	m, err := netmail.ReadMessage(bytes.NewReader(out.Bytes))
	if err != nil {
		t.Fatal(err)
	}
	dec := new(mime.WordDecoder)
	subj, err := dec.DecodeHeader(m.Header.Get("Subject"))
	if err != nil {
		t.Fatal(err)
	}
	want := "Запит суб'єкта даних: Access to my personal data [Ref 2026-ABC1234]"
	if subj != want {
		t.Errorf("subject %q, want %q", subj, want)
	}
	from, err := m.Header.AddressList("From")
	if err != nil || len(from) != 1 || from[0].Name != "Олена Коваленко" || from[0].Address != "olena@example.com" {
		t.Errorf("From %v (%v)", from, err)
	}
	if got := m.Header.Get("Message-Id"); got != "<"+out.MessageID+">" {
		t.Errorf("Message-Id %q, want <%s>", got, out.MessageID)
	}
	if !strings.HasPrefix(out.MessageID, "prava.2026-abc1234.") || !strings.HasSuffix(out.MessageID, "@example.com") {
		t.Errorf("Message-ID %q does not carry the reference and the sender's domain", out.MessageID)
	}
	for _, line := range strings.Split(string(out.Bytes), "\r\n") {
		if len(line) > 998 {
			t.Fatalf("line longer than RFC 5322 allows: %d", len(line))
		}
	}
	// Our own parser finds the text and the PDF.
	p, err := ParseMessage(out.Bytes, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Text, "please send me a copy") {
		t.Errorf("text %q", p.Text)
	}
	if len(p.Attachments) != 1 || p.Attachments[0].Filename != "запит.pdf" || string(p.Attachments[0].Data) != "%PDF-1.4 test" || p.Attachments[0].ContentType != "application/pdf" {
		t.Errorf("attachments %+v", p.Attachments)
	}
}

func TestComposeTwiceGivesNewMessageIDs(t *testing.T) {
	a, err := Compose(testRequest())
	if err != nil {
		t.Fatal(err)
	}
	b, err := Compose(testRequest())
	if err != nil {
		t.Fatal(err)
	}
	if a.MessageID == b.MessageID {
		t.Fatalf("two messages share Message-ID %s", a.MessageID)
	}
}

// TestComposeRefusesHeaderInjection is security review 2's F6 and its
// relatives: nothing with a line break or control character gets into a
// header, and the message says which field.
func TestComposeRefusesHeaderInjection(t *testing.T) {
	cases := map[string]func(*Request){
		"to CR":          func(r *Request) { r.To[0].Address = "privacy@victim.example\rBcc:spy@evil.example" },
		"to CRLF":        func(r *Request) { r.To[0].Address = "privacy@victim.example\r\nBcc: spy@evil.example" },
		"to LF body":     func(r *Request) { r.To[0].Address = "privacy@victim.example\n\nINJECTED" },
		"to tab":         func(r *Request) { r.To[0].Address = "privacy@victim\t.example" },
		"to U+2028":      func(r *Request) { r.To[0].Address = "privacy@victim.example\u2028Bcc:x@y.z" },
		"to two @":       func(r *Request) { r.To[0].Address = "a@b@c.example" },
		"to name CR":     func(r *Request) { r.To[0].Name = "Costless\rBcc: spy@evil.example" },
		"from name LF":   func(r *Request) { r.FromName = "Olena\nBcc: spy@evil.example" },
		"marking CRLF":   func(r *Request) { r.Marking = "GDPR\r\nContent-Type: text/html" },
		"title NEL":      func(r *Request) { r.Title = "Access\u0085Bcc: x@y.z" },
		"title ESC":      func(r *Request) { r.Title = "Access \x1b]0;pwned\x07" },
		"reference CRLF": func(r *Request) { r.Reference = "2026-A\r\nBcc" },
		"filename CR":    func(r *Request) { r.Attachments[0].Filename = "a.pdf\r\nBcc: x@y.z" },
		"filename path":  func(r *Request) { r.Attachments[0].Filename = "../../.bashrc" },
		"in-reply-to":    func(r *Request) { r.InReplyTo = "<a@b.c>\r\nBcc: x@y.z" },
		"content type":   func(r *Request) { r.Attachments[0].ContentType = "multipart/mixed; boundary=x" },
		"body NUL":       func(r *Request) { r.Body = "text\x00more" },
	}
	for name, mutate := range cases {
		t.Run(name, func(t *testing.T) {
			r := testRequest()
			r.To = append([]Recipient(nil), r.To...)
			r.Attachments = append([]Attachment(nil), r.Attachments...)
			mutate(&r)
			out, err := Compose(r)
			if err == nil {
				t.Fatalf("accepted; headers:\n%s", headerOf(out.Bytes))
			}
			if strings.ContainsAny(err.Error(), "\r\n\x1b") {
				t.Errorf("the error message itself carries control characters: %q", err)
			}
		})
	}
}

func TestComposeEncodesOddButAllowedText(t *testing.T) {
	r := testRequest()
	r.To[0].Name = `Evil "Corp" <admin@evil.example>, x@y.z`
	r.Title = "=?utf-8?q?Bcc=3A_spy?= and more"
	out, err := Compose(r)
	if err != nil {
		t.Fatal(err)
	}
	m, err := netmail.ReadMessage(bytes.NewReader(out.Bytes))
	if err != nil {
		t.Fatal(err)
	}
	to, err := m.Header.AddressList("To")
	if err != nil || len(to) != 1 || to[0].Address != "privacy@costless.example" {
		t.Fatalf("To parsed as %v (%v): a quoted name became an address", to, err)
	}
	if len(m.Header["Bcc"]) != 0 {
		t.Fatal("a Bcc header appeared")
	}
}

func TestComposeInternationalDomain(t *testing.T) {
	r := testRequest()
	r.To[0].Address = "privacy@приклад.укр"
	out, err := Compose(r)
	if err != nil {
		t.Fatal(err)
	}
	if out.To[0] != "privacy@xn--80aikifvh.xn--j1amh" {
		t.Errorf("envelope recipient %q, want the xn-- form", out.To[0])
	}
}

func TestComposeTooLarge(t *testing.T) {
	r := testRequest()
	r.Attachments[0].Data = bytes.Repeat([]byte{0xAB}, MaxComposeBytes)
	if _, err := Compose(r); err == nil || !strings.Contains(err.Error(), "MB") {
		t.Fatalf("a %d MB attachment was accepted: %v", MaxComposeBytes>>20, err)
	}
}

func TestSubjectOrder(t *testing.T) {
	cases := []struct{ marking, title, ref, want string }{
		{"GDPR request", "Access", "R-1", "GDPR request: Access [Ref R-1]"},
		{"", "Access", "R-1", "Access [Ref R-1]"},
		{"GDPR request", "", "R-1", "GDPR request [Ref R-1]"},
		{" Art. 15 ", " Copy ", "", "Art. 15: Copy"},
	}
	for _, c := range cases {
		if got := Subject(c.marking, c.title, c.ref); got != c.want {
			t.Errorf("Subject(%q, %q, %q) = %q, want %q", c.marking, c.title, c.ref, got, c.want)
		}
	}
}

func headerOf(b []byte) string {
	if i := bytes.Index(b, []byte("\r\n\r\n")); i >= 0 {
		return string(b[:i])
	}
	return string(b)
}

// TestComposeCopies: a copy recipient is in the Cc header, as the standard
// library reads it, and in the envelope; a bad one is refused by name.
func TestComposeCopies(t *testing.T) {
	r := testRequest()
	r.Cc = []Recipient{{Name: "Costless Ukraine, LLC", Address: "data.controller@costless.example"}}
	out, err := Compose(r)
	if err != nil {
		t.Fatal(err)
	}
	m, err := netmail.ReadMessage(bytes.NewReader(out.Bytes))
	if err != nil {
		t.Fatal(err)
	}
	cc, err := m.Header.AddressList("Cc")
	if err != nil || len(cc) != 1 || cc[0].Address != "data.controller@costless.example" {
		t.Errorf("Cc header %v (%v)", cc, err)
	}
	if strings.Join(out.To, " ") != "privacy@costless.example data.controller@costless.example" {
		t.Errorf("envelope %q", out.To)
	}
	r.Cc[0].Address = "controller at costless"
	if _, err := Compose(r); err == nil || !strings.Contains(err.Error(), "copy recipient 1") {
		t.Errorf("a bad copy address: %v", err)
	}
}
