package cli

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-smtp"
)

// TestMailFromTheCommandLine drives issue 26's case with the command line
// against the real Dovecot that scripts/with-dovecot.sh starts: mail setup
// → request write → mail send → the company answers through the server
// (a threaded reply, a ticket with the reference in its subject, an
// automatic answer, an unrelated message, a reply in Junk, and a message
// only from the company's domain) → mail check --json matches them →
// request show --json says sent and answered, with both Message-IDs.
func TestMailFromTheCommandLine(t *testing.T) {
	env := dovecotEnv(t)
	// The Dovecot of scripts/with-dovecot.sh has one mailbox for every
	// package's tests: start from an empty one, and leave it empty.
	env.empty(t)
	t.Cleanup(func() { env.empty(t) })
	company := startCompanySink(t, env.sink)
	vault, companyID := passVault(t)
	cmd := func(want int, stdin string, args ...string) string {
		t.Helper()
		code, out, errOut := run(t, pass+stdin, append([]string{"--vault", vault}, append(args, "--passphrase")...)...)
		if code != want {
			t.Fatalf("prava %s: exit %d, want %d\n%s%s", strings.Join(args, " "), code, want, out, errOut)
		}
		return out + errOut
	}
	setup := []string{"mail", "setup", "--address", env.user, "--imap", env.imapStartTLS, "--smtp", env.smtp,
		"--security", "starttls", "--name", "Олена Тест", "--password-stdin", "--ca-file", env.ca}

	// A wrong password is refused by the servers, and nothing is saved.
	if out := cmd(exitError, "not-the-password\n", setup...); !strings.Contains(out, "IMAP:") || !strings.Contains(out, "password was refused") || strings.Contains(out, "not-the-password") {
		t.Errorf("setup with a wrong password:\n%s", out)
	}
	if out := cmd(exitError, "", "mail", "test", "--ca-file", env.ca); !strings.Contains(out, "no mail account") {
		t.Errorf("a refused setup saved something:\n%s", out)
	}
	// Without --ca-file the test CA is unknown: refused, never accepted.
	if out := cmd(exitError, env.password+"\n", slices.Clone(setup[:len(setup)-2])...); !strings.Contains(out, "secure connection failed") {
		t.Errorf("setup with an unknown CA:\n%s", out)
	}
	if out := cmd(exitOK, env.password+"\n", setup...); !strings.Contains(out, "IMAP: ok (Sent folder: Sent, Junk folder: Junk)") || !strings.Contains(out, "SMTP: ok") || strings.Contains(out, env.password) {
		t.Errorf("setup:\n%s", out)
	}
	cmd(exitOK, "", "mail", "test", "--ca-file", env.ca)

	profile := filepath.Join(t.TempDir(), "me.json")
	os.WriteFile(profile, []byte(`{"name":"Олена Тест","address":"вул. Хрещатик 1, Київ","email":"`+env.user+`","id_document":"паспорт 1234 567890, выдан 01.02.2010 ОВД Москвы"}`), 0o600)
	out := cmd(exitOK, "", "request", "write", companyID, "--kind", "access", "--from", profile, "--to", "info@netrack.ru")
	requestID := strings.SplitN(out, "\n", 2)[0]
	var shown requestView
	json.Unmarshal([]byte(cmd(exitOK, "", "request", "show", requestID, "--json")), &shown)
	ref := shown.Reference

	out = cmd(exitOK, "", "mail", "send", requestID, "--ca-file", env.ca)
	if !strings.Contains(out, "Sent "+ref+" to info@netrack.ru") || !strings.Contains(out, "Now sent, due ") {
		t.Errorf("mail send:\n%s", out)
	}
	got := company.messages()
	if len(got) != 1 || !bytes.Contains(got[0], []byte("application/pdf")) {
		t.Fatalf("the company's server got %d messages", len(got))
	}
	json.Unmarshal([]byte(cmd(exitOK, "", "request", "show", requestID, "--json")), &shown)
	if shown.Email == nil || shown.Email.Outcome != "sent" || shown.Status != "sent" || shown.Channel != "email" || shown.Due == "" {
		t.Fatalf("after mail send: %+v %+v", shown.requestRow, shown.Email)
	}
	ourID := shown.Email.MessageID
	if !bytes.Contains(got[0], []byte("<"+ourID+">")) {
		t.Errorf("the message sent is not the one recorded (%s)", ourID)
	}
	// Sent once: a second send is refused and nothing goes out.
	cmd(exitError, "", "mail", "send", requestID, "--ca-file", env.ca)
	if n := len(company.messages()); n != 1 {
		t.Errorf("the company got %d messages after a second send", n)
	}

	env.deliver(t, "", fmt.Sprintf("From: Privacy <privacy@netrack.ru>\nTo: %s\nSubject: Re: your request\nMessage-ID: <answer-1@netrack.ru>\nIn-Reply-To: <%s>\nReferences: <%s>\nContent-Type: multipart/mixed; boundary=zz\n\n--zz\nContent-Type: text/plain; charset=utf-8\n\nYour data is attached.\n--zz\nContent-Type: text/csv\nContent-Disposition: attachment; filename=\"data.csv\"\n\nname\nOlena\n--zz--\n", env.user, ourID, ourID))
	env.deliver(t, "", fmt.Sprintf("From: Support <support@tickets.example>\nTo: %s\nSubject: [Case #4711] Request [Ref %s] received\nMessage-ID: <ticket-1@tickets.example>\n\nWe have opened case 4711.\n", env.user, ref))
	env.deliver(t, "", fmt.Sprintf("From: info@netrack.ru\nTo: %s\nSubject: Automatic reply: your request\nAuto-Submitted: auto-replied\nMessage-ID: <auto-1@netrack.ru>\nIn-Reply-To: <%s>\n\nWe answer within 30 days.\n", env.user, ourID))
	env.deliver(t, "", fmt.Sprintf("From: friend@elsewhere.example\nTo: %s\nSubject: Lunch on Friday?\nMessage-ID: <lunch@elsewhere.example>\n\nSee you.\n", env.user))
	env.deliver(t, "Junk", fmt.Sprintf("From: noreply@portal.example\nTo: %s\nSubject: Your privacy request\nMessage-ID: <junk-1@portal.example>\n\nRegarding request %s: we need your ID.\n", env.user, ref))
	env.deliver(t, "", fmt.Sprintf("From: news@netrack.ru\nTo: %s\nSubject: Our autumn offers\nMessage-ID: <news-1@netrack.ru>\n\nOffers.\n", env.user))

	var seen []struct {
		MessageID string  `json:"message_id"`
		From      string  `json:"from"`
		Subject   string  `json:"subject"`
		Request   *string `json:"request"`
		Match     *string `json:"match"`
		Kind      string  `json:"kind"`
	}
	out = cmd(exitOK, "", "mail", "check", "--json", "--ca-file", env.ca)
	if err := json.Unmarshal([]byte(out), &seen); err != nil {
		t.Fatalf("mail check --json: %v\n%s", err, out)
	}
	want := map[string]struct{ match, kind string }{
		"answer-1@netrack.ru":      {"certain", "reply"},
		"ticket-1@tickets.example": {"likely", "reply"},
		"auto-1@netrack.ru":        {"certain", "auto-reply"},
		"lunch@elsewhere.example":  {"", "other"},
		"junk-1@portal.example":    {"likely", "reply"},
		"news-1@netrack.ru":        {"suggested", "reply"},
	}
	if len(seen) != len(want) {
		t.Errorf("mail check saw %d messages, want %d:\n%s", len(seen), len(want), out)
	}
	for _, m := range seen {
		w, ok := want[m.MessageID]
		if !ok {
			t.Errorf("unexpected message %q", m.MessageID)
			continue
		}
		match, req := "", ""
		if m.Match != nil {
			match = *m.Match
		}
		if m.Request != nil {
			req = *m.Request
		}
		if match != w.match || m.Kind != w.kind || (w.match == "") != (m.Request == nil) || (m.Request != nil && req != requestID) {
			t.Errorf("%s: request %q, match %q, kind %q; want match %q, kind %q", m.MessageID, req, match, m.Kind, w.match, w.kind)
		}
	}
	if !strings.Contains(out, `"request": null`) || !strings.Contains(out, `"match": null`) {
		t.Errorf("an unmatched message has no null request and match:\n%s", out)
	}

	json.Unmarshal([]byte(cmd(exitOK, "", "request", "show", requestID, "--json")), &shown)
	replies := map[string]string{}
	for _, r := range shown.Email.Replies {
		replies[r.MessageID] = r.Kind
	}
	if shown.Status != "answered" || shown.Email.MessageID != ourID || replies["answer-1@netrack.ru"] != "reply" || replies["ticket-1@tickets.example"] != "reply" ||
		replies["junk-1@portal.example"] != "reply" || replies["auto-1@netrack.ru"] != "auto-reply" || len(replies) != 4 ||
		len(shown.Email.Suggested) != 1 || shown.Email.Suggested[0].MessageID != "news-1@netrack.ru" || shown.Replies != 3 {
		t.Errorf("request show after the check: status %s, %d replies, e-mail %+v", shown.Status, shown.Replies, shown.Email)
	}
	if !strings.Contains(shown.Next, "the company answered") {
		t.Errorf("the next step: %q", shown.Next)
	}
	var events []string
	for _, e := range shown.Events {
		events = append(events, e.What+": "+e.Note)
	}
	all := strings.Join(events, "\n")
	if !strings.Contains(all, "sent: ") || !strings.Contains(all, ourID) || !strings.Contains(all, "reply received: ") || !strings.Contains(all, "<answer-1@netrack.ru>") {
		t.Errorf("the request's events:\n%s", all)
	}

	// The next check finds nothing new, and attaches nothing again.
	if out := cmd(exitOK, "", "mail", "check", "--json", "--ca-file", env.ca); strings.TrimSpace(out) != "[]" {
		t.Errorf("the second check:\n%s", out)
	}
	json.Unmarshal([]byte(cmd(exitOK, "", "request", "show", requestID, "--json")), &shown)
	if len(shown.Email.Replies) != 4 || shown.Replies != 3 {
		t.Errorf("after the second check: %d replies, %d e-mail replies", shown.Replies, len(shown.Email.Replies))
	}
}

// mailEnv is what scripts/with-dovecot.sh exports (as mail's tests read
// it).
type mailEnv struct {
	imapStartTLS, smtp, lmtp, sink string
	user, password, ca             string
}

func dovecotEnv(t *testing.T) mailEnv {
	t.Helper()
	e := mailEnv{
		imapStartTLS: os.Getenv("PRAVA_TEST_IMAP_STARTTLS_ADDR"), smtp: os.Getenv("PRAVA_TEST_SMTP_ADDR"),
		lmtp: os.Getenv("PRAVA_TEST_LMTP_ADDR"), sink: os.Getenv("PRAVA_TEST_SINK_ADDR"),
		user: os.Getenv("PRAVA_TEST_MAIL_USER"), password: os.Getenv("PRAVA_TEST_MAIL_PASSWORD"), ca: os.Getenv("PRAVA_TEST_MAIL_CA"),
	}
	if e.imapStartTLS == "" || e.smtp == "" || e.lmtp == "" || e.sink == "" || e.user == "" || e.ca == "" {
		msg := "no Dovecot to test against: run under scripts/with-dovecot.sh (needs dovecot-imapd, dovecot-submissiond, dovecot-lmtpd)"
		if os.Getenv("PRAVA_REQUIRE_MAIL") == "1" {
			t.Fatal(msg + ", and PRAVA_REQUIRE_MAIL=1 says it must be there")
		}
		t.Skip(msg)
	}
	return e
}

// deliver puts a message into the test mailbox over Dovecot's LMTP, as
// the company's mail server would; folder "Junk" files it there.
func (e mailEnv) deliver(t *testing.T, folder, msg string) {
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
	if err := c.Mail("privacy@netrack.ru", nil); err != nil {
		t.Fatal(err)
	}
	if err := c.Rcpt(rcpt, nil); err != nil {
		t.Fatal(err)
	}
	w, err := c.Data()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(w, strings.ReplaceAll(strings.ReplaceAll(msg, "\r\n", "\n"), "\n", "\r\n")); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatalf("LMTP delivery to %s: %v", rcpt, err)
	}
	_ = c.Quit()
}

// empty expunges every message in the INBOX and Junk, so that what one
// test delivered is not seen by the next.
func (e mailEnv) empty(t *testing.T) {
	t.Helper()
	pem, err := os.ReadFile(e.ca)
	if err != nil {
		t.Fatal(err)
	}
	roots := x509.NewCertPool()
	roots.AppendCertsFromPEM(pem)
	host, _, _ := net.SplitHostPort(e.imapStartTLS)
	c, err := imapclient.DialStartTLS(e.imapStartTLS, &imapclient.Options{TLSConfig: &tls.Config{RootCAs: roots, ServerName: host}})
	if err != nil {
		t.Fatalf("emptying the mailbox: %v", err)
	}
	defer c.Close()
	if err := c.Login(e.user, e.password).Wait(); err != nil {
		t.Fatalf("emptying the mailbox: %v", err)
	}
	for _, folder := range []string{"INBOX", "Junk"} {
		sel, err := c.Select(folder, nil).Wait()
		if err != nil {
			t.Fatalf("emptying %s: %v", folder, err)
		}
		if sel.NumMessages == 0 {
			continue
		}
		var all imap.SeqSet
		all.AddRange(1, 0)
		if err := c.Store(all, &imap.StoreFlags{Op: imap.StoreFlagsAdd, Silent: true, Flags: []imap.Flag{imap.FlagDeleted}}, nil).Close(); err != nil {
			t.Fatalf("emptying %s: %v", folder, err)
		}
		if err := c.Expunge().Close(); err != nil {
			t.Fatalf("emptying %s: %v", folder, err)
		}
	}
	_ = c.Logout().Wait()
}

// companySink is the company's mail server: Dovecot's submission relays
// what is sent to it, and it keeps every message.
type companySink struct {
	mu  sync.Mutex
	got [][]byte
}

func startCompanySink(t *testing.T, addr string) *companySink {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatalf("the company's SMTP server cannot listen on %s: %v", addr, err)
	}
	s := &companySink{}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return sinkSession{s}, nil }))
	srv.Domain = "company.test"
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return s
}

func (s *companySink) messages() [][]byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([][]byte(nil), s.got...)
}

type sinkSession struct{ s *companySink }

func (sinkSession) Mail(string, *smtp.MailOptions) error { return nil }
func (sinkSession) Rcpt(string, *smtp.RcptOptions) error { return nil }
func (sinkSession) Reset()                               {}
func (sinkSession) Logout() error                        { return nil }

func (ss sinkSession) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	ss.s.mu.Lock()
	ss.s.got = append(ss.s.got, b)
	ss.s.mu.Unlock()
	return err
}
