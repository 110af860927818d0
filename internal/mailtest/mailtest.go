// Package mailtest is a person's mailbox on loopback for the tests of the
// layers above the mail package: go-smtp's server as the submission
// server (it keeps what it gets, and refuses recipients starting
// "refuse") and go-imap's in-memory server as the mailbox. They are real
// servers speaking the real protocols, so the client under test is the
// one the app ships; only the mail package itself and the command line
// are tested against Dovecot (scripts/with-dovecot.sh). No non-test code
// may import it (house_test.go).
package mailtest

import (
	"bytes"
	"io"
	"log"
	"net"
	"strings"
	"sync"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"prava/mail"
)

// User and Password are the mailbox's login.
const User, Password = "olena@example.org", "the mailbox password"

// Mailbox is one pair of servers and the account that reaches them.
type Mailbox struct {
	// Account reaches both servers, unencrypted on loopback.
	Account mail.Account
	user    *imapmemserver.User
	imap    *imapserver.Server
	smtp    *smtp.Server
	mu      sync.Mutex
	got     [][]byte
}

// Start starts both servers on free loopback ports; Close stops them.
func Start() (*Mailbox, error) {
	b := &Mailbox{user: imapmemserver.NewUser(User, Password)}
	for _, f := range []string{"INBOX", "Sent", "Junk"} {
		if err := b.user.Create(f, nil); err != nil {
			return nil, err
		}
	}
	mem := imapmemserver.New()
	mem.AddUser(b.user)
	il, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	b.imap = imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return mem.NewSession(), nil, nil
		},
		Caps:         imap.CapSet{imap.CapIMAP4rev1: {}},
		InsecureAuth: true,
		Logger:       log.New(io.Discard, "", 0),
	})
	go b.imap.Serve(il)
	sl, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		il.Close()
		return nil, err
	}
	b.smtp = smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &session{b: b}, nil }))
	b.smtp.Domain, b.smtp.AllowInsecureAuth = "submission.test", true
	go b.smtp.Serve(sl)
	b.Account = mail.Account{Address: User, Name: "Olena Petrenko", Password: Password,
		IMAP: mail.Server{Host: "127.0.0.1", Port: il.Addr().(*net.TCPAddr).Port, Security: mail.SecurityPlain},
		SMTP: mail.Server{Host: "127.0.0.1", Port: sl.Addr().(*net.TCPAddr).Port, Security: mail.SecurityPlain}}
	return b, nil
}

// Close stops both servers.
func (b *Mailbox) Close() {
	b.imap.Close()
	b.smtp.Close()
}

// Deliver puts a message into a folder ("INBOX", "Junk"), as the
// company's answer arriving.
func (b *Mailbox) Deliver(folder, msg string) error {
	msg = strings.ReplaceAll(strings.ReplaceAll(msg, "\r\n", "\n"), "\n", "\r\n")
	_, err := b.user.Append(folder, literal{bytes.NewReader([]byte(msg)), int64(len(msg))}, &imap.AppendOptions{})
	return err
}

// Messages are the messages the submission server took, in order.
func (b *Mailbox) Messages() [][]byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([][]byte(nil), b.got...)
}

type literal struct {
	*bytes.Reader
	n int64
}

func (l literal) Size() int64 { return l.n }

type session struct{ b *Mailbox }

func (s *session) AuthMechanisms() []string { return []string{sasl.Plain} }

func (s *session) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, pass string) error {
		if user != User || pass != Password {
			return &smtp.SMTPError{Code: 535, EnhancedCode: smtp.EnhancedCode{5, 7, 8}, Message: "bad credentials"}
		}
		return nil
	}), nil
}

func (s *session) Mail(string, *smtp.MailOptions) error { return nil }

func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	if strings.HasPrefix(to, "refuse") {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such user here"}
	}
	return nil
}

func (s *session) Data(r io.Reader) error {
	data, err := io.ReadAll(r)
	s.b.mu.Lock()
	s.b.got = append(s.b.got, data)
	s.b.mu.Unlock()
	return err
}

func (s *session) Reset()        {}
func (s *session) Logout() error { return nil }
