package mail

import (
	"bytes"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// received is one message an SMTP test server got.
type received struct {
	From string
	To   []string
	Data []byte
}

// sink is a real SMTP server (go-smtp's) that plays the company's mail
// server: it keeps what it gets, refuses recipients starting "refuse", and,
// when dropAfterData is set, hangs up after reading a message instead of
// answering, like a server that dies mid-send.
type sink struct {
	mu            sync.Mutex
	got           []received
	dropAfterData bool
	wantUser      string
	wantPassword  string
	wantToken     string // offer XOAUTH2 and take this token
	srv           *smtp.Server
	ln            net.Listener
}

func startSink(t *testing.T, addr string) *sink {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatalf("the SMTP sink cannot listen on %s: %v", addr, err)
	}
	s := &sink{ln: ln}
	s.srv = smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		return &sinkSession{s: s, c: c}, nil
	}))
	s.srv.Domain = "sink.test"
	s.srv.AllowInsecureAuth = true // loopback only; Dovecot relays in plain text
	go s.srv.Serve(ln)
	t.Cleanup(func() { s.srv.Close() })
	return s
}

func (s *sink) messages() []received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]received(nil), s.got...)
}

type sinkSession struct {
	s    *sink
	c    *smtp.Conn
	from string
	to   []string
}

func (ss *sinkSession) AuthMechanisms() []string {
	if ss.s.wantToken != "" {
		return []string{XOAuth2}
	}
	if ss.s.wantUser == "" {
		return nil
	}
	return []string{sasl.Plain}
}

// xoauth2Server checks an XOAUTH2 response the way Microsoft's servers do:
// a wrong token gets a JSON challenge, then the final error.
type xoauth2Server struct {
	user, token string
	failed      bool
}

func (x *xoauth2Server) Next(resp []byte) ([]byte, bool, error) {
	if x.failed {
		return nil, true, &smtp.SMTPError{Code: 535, EnhancedCode: smtp.EnhancedCode{5, 7, 3}, Message: "Authentication unsuccessful"}
	}
	if string(resp) == "user="+x.user+"\x01auth=Bearer "+x.token+"\x01\x01" {
		return nil, true, nil
	}
	x.failed = true
	return []byte(`{"status":"401","schemes":"bearer","scope":"https://outlook.office.com/SMTP.Send"}`), false, nil
}

func (ss *sinkSession) Auth(mech string) (sasl.Server, error) {
	if mech == XOAuth2 {
		return &xoauth2Server{user: ss.s.wantUser, token: ss.s.wantToken}, nil
	}
	return sasl.NewPlainServer(func(_, user, pass string) error {
		if user != ss.s.wantUser || pass != ss.s.wantPassword {
			return &smtp.SMTPError{Code: 535, EnhancedCode: smtp.EnhancedCode{5, 7, 8}, Message: "bad credentials"}
		}
		return nil
	}), nil
}

func (ss *sinkSession) Mail(from string, _ *smtp.MailOptions) error { ss.from = from; return nil }

func (ss *sinkSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	if strings.HasPrefix(to, "refuse") {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such user here"}
	}
	ss.to = append(ss.to, to)
	return nil
}

func (ss *sinkSession) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	ss.s.mu.Lock()
	ss.s.got = append(ss.s.got, received{From: ss.from, To: ss.to, Data: b})
	drop := ss.s.dropAfterData
	ss.s.mu.Unlock()
	if drop {
		ss.c.Conn().Close()
		return errors.New("dropped")
	}
	return nil
}

func (ss *sinkSession) Reset()        { ss.from, ss.to = "", nil }
func (ss *sinkSession) Logout() error { return nil }

// mailEnv is what scripts/with-dovecot.sh exports.
type mailEnv struct {
	imap, imapStartTLS, smtp, lmtp, sink string
	user, password                       string
	roots                                *x509.CertPool
}

func dovecotEnv(t *testing.T) mailEnv {
	t.Helper()
	e := mailEnv{
		imap: os.Getenv("PRAVA_TEST_IMAP_ADDR"), imapStartTLS: os.Getenv("PRAVA_TEST_IMAP_STARTTLS_ADDR"),
		smtp: os.Getenv("PRAVA_TEST_SMTP_ADDR"), lmtp: os.Getenv("PRAVA_TEST_LMTP_ADDR"),
		sink: os.Getenv("PRAVA_TEST_SINK_ADDR"), user: os.Getenv("PRAVA_TEST_MAIL_USER"),
		password: os.Getenv("PRAVA_TEST_MAIL_PASSWORD"),
	}
	ca := os.Getenv("PRAVA_TEST_MAIL_CA")
	if e.imap == "" || e.smtp == "" || e.lmtp == "" || e.sink == "" || e.user == "" || ca == "" {
		msg := "no Dovecot to test against: run under scripts/with-dovecot.sh (needs dovecot-imapd, dovecot-submissiond, dovecot-lmtpd)"
		if os.Getenv("PRAVA_REQUIRE_MAIL") == "1" {
			t.Fatal(msg + ", and PRAVA_REQUIRE_MAIL=1 says it must be there")
		}
		t.Skip(msg)
	}
	pem, err := os.ReadFile(ca)
	if err != nil {
		t.Fatalf("the test CA: %v", err)
	}
	e.roots = x509.NewCertPool()
	if !e.roots.AppendCertsFromPEM(pem) {
		t.Fatalf("the test CA %s holds no certificate", ca)
	}
	return e
}

func (e mailEnv) account(t *testing.T) Account {
	t.Helper()
	im, err := ParseServer(e.imap, SecurityTLS)
	if err != nil {
		t.Fatal(err)
	}
	sm, err := ParseServer(e.smtp, SecuritySTARTTLS)
	if err != nil {
		t.Fatal(err)
	}
	return Account{Address: e.user, Name: "Олена Тест", IMAP: im, SMTP: sm, Password: e.password}
}

// deliver puts a message into the test mailbox the way a mail server does,
// over Dovecot's LMTP; folder "" is the INBOX, "Junk" is the Junk folder
// (user+Junk@…, which Dovecot files there).
func (e mailEnv) deliver(t *testing.T, folder string, msg []byte) {
	t.Helper()
	rcpt := e.user
	if folder != "" {
		at := strings.LastIndexByte(rcpt, '@')
		rcpt = rcpt[:at] + "+" + folder + rcpt[at:]
	}
	conn, err := net.Dial("tcp", e.lmtp)
	if err != nil {
		t.Fatal(err)
	}
	c := smtp.NewClientLMTP(conn)
	defer c.Close()
	if err := c.Hello("company.test"); err != nil {
		t.Fatal(err)
	}
	if err := c.Mail("privacy@costless.example", nil); err != nil {
		t.Fatal(err)
	}
	if err := c.Rcpt(rcpt, nil); err != nil {
		t.Fatal(err)
	}
	w, err := c.Data()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(bytes.ReplaceAll(bytes.ReplaceAll(msg, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatalf("LMTP delivery to %s: %v", rcpt, err)
	}
	_ = c.Quit()
}
