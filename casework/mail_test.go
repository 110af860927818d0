package casework

import (
	"bytes"
	"context"
	"errors"
	"mime"
	netmail "net/mail"
	"os"
	"reflect"
	"strings"
	"testing"

	"prava/internal/mailtest"
	"prava/mail"
	"prava/record"
)

// The desk's mail use cases run here against real servers on loopback
// (internal/mailtest); the end-to-end test against Dovecot is in cli.

// mailUseCases are the mail use cases for useCases: each sets up a
// mailbox of its own first.
func mailUseCases(k *Desk, companyID, requestID string) map[string]func() error {
	setUp := func() (*mailtest.Mailbox, error) {
		b, err := mailtest.Start()
		if err == nil {
			err = k.SetMailAccount(b.Account)
		}
		return b, err
	}
	return map[string]func() error{
		"SetMailAccount": func() error { _, err := setUp(); return err },
		"RemoveMailAccount": func() error {
			if _, err := setUp(); err != nil {
				return err
			}
			return k.RemoveMailAccount()
		},
		"SignInMailAccount": func() error { return signInUseCase(k) },
		"SendRequestByMail": func() error {
			if _, err := setUp(); err != nil {
				return err
			}
			ws, err := k.WriteRequests(companyID, []Draft{{Kind: record.Erasure, Contact: -1, Date: testDay}})
			if err != nil {
				return err
			}
			_, err = k.SendRequestByMail(context.Background(), ws[0].Request.ID)
			return err
		},
		"CheckMail": func() error {
			b, err := setUp()
			if err != nil {
				return err
			}
			r, _ := k.View().Request(requestID)
			if err := b.Deliver("INBOX", "From: privacy@costless.example\nSubject: Your request [Ref "+r.Reference+"]\nMessage-ID: <answer@costless.example>\nDate: Mon, 23 Nov 2026 12:00:00 +0000\n\nWe have your request.\n"); err != nil {
				return err
			}
			_, err = k.CheckMail(context.Background())
			return err
		},
	}
}

func TestBadMailAccountStoresNothing(t *testing.T) {
	k, path, _ := newDesk(t)
	good := mail.Account{Address: mailtest.User, Password: "a secret of its own",
		IMAP: mail.Server{Host: "imap.example.org", Port: 993, Security: mail.SecurityTLS},
		SMTP: mail.Server{Host: "smtp.example.org", Port: 587, Security: mail.SecuritySTARTTLS}}
	want := k.Data().Clone()
	file, _ := os.ReadFile(path)
	for _, c := range []struct {
		name, field, says string
		change            func(*mail.Account)
	}{
		{"bad address", "address", "address", func(a *mail.Account) { a.Address = "olena" }},
		{"no password", "password", "password", func(a *mail.Account) { a.Password = "" }},
		{"plain to the network", "imap", "unencrypted", func(a *mail.Account) { a.IMAP.Security = mail.SecurityPlain }},
		{"no SMTP host", "smtp", "host is empty", func(a *mail.Account) { a.SMTP.Host = "" }},
		{"line break in the user name", "user", "line break", func(a *mail.Account) { a.Username = "olena\r\nA1 LOGOUT" }},
	} {
		a := good
		c.change(&a)
		err := k.SetMailAccount(a)
		var p *Problem
		if !errors.As(err, &p) || p.Field != c.field || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: %v (field %v), want field %q saying %q", c.name, err, p, c.field, c.says)
		}
	}
	if !reflect.DeepEqual(*k.Data(), want) {
		t.Error("a refused account changed the data")
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, file) {
		t.Error("a refused account changed the file")
	}
	if _, ok, _ := k.MailAccount(); ok {
		t.Error("a refused account is set up")
	}
	if err := k.SetMailAccount(good); err != nil {
		t.Fatal(err)
	}
	if a, ok, err := k.MailAccount(); !ok || err != nil || a != good {
		t.Errorf("the account kept: %v %v %v", a, ok, err)
	}
	if strings.Contains(k.Data().Timeline[len(k.Data().Timeline)-1].Note, good.Password) {
		t.Error("the timeline shows the password")
	}
}

func TestSendRequestByMail(t *testing.T) {
	k, _, companyID := newDesk(t)
	ws, err := k.WriteRequests(companyID, []Draft{{Kind: record.Access, Contact: -1, Date: testDay}})
	if err != nil {
		t.Fatal(err)
	}
	id := ws[0].Request.ID
	if _, err := k.SendRequestByMail(context.Background(), id); !errors.Is(err, ErrNoMailAccount) {
		t.Errorf("sending without an account: %v", err)
	}
	b, err := mailtest.Start()
	if err != nil {
		t.Fatal(err)
	}
	if err := k.SetMailAccount(b.Account); err != nil {
		t.Fatal(err)
	}
	rc, err := k.SendRequestByMail(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	r, _ := k.View().Request(id)
	got := b.Messages()
	if len(got) != 1 || r.Email == nil || !bytes.Equal(got[0], r.Email.Sent.Data) {
		t.Fatalf("the server got %d messages; the request keeps %+v", len(got), r.Email)
	}
	if r.Status != record.StatusSent || r.Channel != record.ByEmail || !r.Dates.Sent.Equal(day(testDay)) ||
		r.Email.Outcome != record.EmailSent || r.Email.MessageID != rc.MessageID || r.Email.SHA256 != rc.SHA256 || r.Email.Response == "" {
		t.Errorf("after sending: status %s, channel %s, sent %v, e-mail %+v", r.Status, r.Channel, r.Dates.Sent, r.Email)
	}
	m, err := netmail.ReadMessage(bytes.NewReader(got[0]))
	if err != nil {
		t.Fatal(err)
	}
	subject, _ := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	if !strings.HasPrefix(subject, "Privatumo politika: ") || !strings.HasSuffix(subject, " [Ref "+r.Reference+"]") || !bytes.Contains(got[0], []byte("application/pdf")) {
		t.Logf("subject %q", subject)
		t.Errorf("the message lacks the reference or the PDF:\n%.800s", got[0])
	}
	if _, err := k.SendRequestByMail(context.Background(), id); err == nil {
		t.Error("a sent request was sent again")
	}
	if len(b.Messages()) != 1 {
		t.Error("the server got the request twice")
	}

	// A recipient the server refuses: the request stays a draft and says why.
	ws, err = k.WriteRequests(companyID, []Draft{{Kind: record.Erasure, Contact: -1, Date: testDay}})
	if err != nil {
		t.Fatal(err)
	}
	id2 := ws[0].Request.ID
	k.update(func(d *record.Data) error { d.Request(id2).Contact = "refuse-me@costless.example"; return nil })
	_, err = k.SendRequestByMail(context.Background(), id2)
	r2, _ := k.View().Request(id2)
	if err == nil || !strings.Contains(err.Error(), "still a draft") || !strings.Contains(err.Error(), "recipient") || r2.Status != record.StatusDraft || r2.Email.Outcome != record.EmailFailed {
		t.Errorf("refused recipient: %v; status %s, e-mail %+v", err, r2.Status, r2.Email)
	}
}

func TestSendingThatMayHaveGoneIsNotRepeated(t *testing.T) {
	k, _, companyID := newDesk(t)
	ws, err := k.WriteRequests(companyID, []Draft{{Kind: record.Access, Contact: -1, Date: testDay}})
	if err != nil {
		t.Fatal(err)
	}
	id := ws[0].Request.ID
	// The program stopped after the bytes were recorded: the request says
	// so, and a new sending is refused.
	k.update(func(d *record.Data) error {
		d.Request(id).Email = &record.Email{MessageID: "prava.x@example.org", Outcome: record.EmailSending}
		return nil
	})
	b, err := mailtest.Start()
	if err != nil {
		t.Fatal(err)
	}
	if err := k.SetMailAccount(b.Account); err != nil {
		t.Fatal(err)
	}
	if _, err := k.SendRequestByMail(context.Background(), id); !errors.Is(err, ErrMaybeSent) || !strings.Contains(err.Error(), "Sent folder") {
		t.Errorf("a sending that may have gone: %v", err)
	}
	if len(b.Messages()) != 0 {
		t.Error("it was sent again")
	}
}

func TestCheckMailAttachesOnce(t *testing.T) {
	k, _, companyID := newDesk(t)
	id := sentRequest(t, k, companyID)
	b, err := mailtest.Start()
	if err != nil {
		t.Fatal(err)
	}
	if err := k.SetMailAccount(b.Account); err != nil {
		t.Fatal(err)
	}
	r, _ := k.View().Request(id)
	b.Deliver("INBOX", "From: privacy@costless.com.ua\nSubject: Re: [Ref "+r.Reference+"]\nMessage-ID: <a1@costless.example>\nDate: Mon, 23 Nov 2026 12:00:00 +0000\n\nHere is your data.\n")
	b.Deliver("INBOX", "From: news@costless.com.ua\nSubject: Our newsletter\nMessage-ID: <n1@costless.example>\nDate: Mon, 23 Nov 2026 13:00:00 +0000\n\nNews.\n")
	b.Deliver("INBOX", "From: friend@elsewhere.example\nSubject: Lunch\nMessage-ID: <l1@elsewhere.example>\n\nSee you.\n")
	msgs, err := k.CheckMail(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 3 {
		t.Errorf("the check saw %d messages, want 3: %+v", len(msgs), msgs)
	}
	r, _ = k.View().Request(id)
	if r.Status != record.StatusAnswered || len(r.Replies) != 1 || r.Email == nil || len(r.Email.Replies) != 1 || r.Email.Replies[0].MessageID != "a1@costless.example" ||
		len(r.Email.Replies[0].Raw.Data) == 0 || len(r.Email.Suggested) != 1 || r.Email.Suggested[0].MessageID != "n1@costless.example" {
		t.Fatalf("after the check: status %s, %d replies, e-mail %+v", r.Status, len(r.Replies), r.Email)
	}
	if k.MailChecked().IsZero() || len(k.Data().Mail.State) == 0 {
		t.Error("the check's state was not kept")
	}
	// A second check finds nothing new and attaches nothing again, even
	// when its state is lost.
	if msgs, err := k.CheckMail(context.Background()); err != nil || len(msgs) != 0 {
		t.Errorf("the second check: %v %+v", err, msgs)
	}
	k.update(func(d *record.Data) error { d.Mail.State = nil; return nil })
	if _, err := k.CheckMail(context.Background()); err != nil {
		t.Fatal(err)
	}
	r, _ = k.View().Request(id)
	if len(r.Replies) != 1 || len(r.Email.Replies) != 1 || len(r.Email.Suggested) != 1 {
		t.Errorf("a check without its state attached again: %d replies, %+v", len(r.Replies), r.Email)
	}
}

// A check whose save fails keeps nothing, not even its state: the next
// check reads the same answer again and attaches it.
func TestCheckMailFailedSaveReadsAgain(t *testing.T) {
	k, path, companyID := newDesk(t)
	id := sentRequest(t, k, companyID)
	b, err := mailtest.Start()
	if err != nil {
		t.Fatal(err)
	}
	if err := k.SetMailAccount(b.Account); err != nil {
		t.Fatal(err)
	}
	r, _ := k.View().Request(id)
	b.Deliver("INBOX", "From: privacy@costless.com.ua\nSubject: Re: [Ref "+r.Reference+"]\nMessage-ID: <a1@costless.example>\n\nHere is your data.\n")
	want := k.Data().Clone()
	restore := breakDisk(t, path)
	_, err = k.CheckMail(context.Background())
	restore()
	if err == nil || !reflect.DeepEqual(*k.Data(), want) {
		t.Fatalf("a check with a broken disk: %v; data changed: %v", err, !reflect.DeepEqual(*k.Data(), want))
	}
	if _, err := k.CheckMail(context.Background()); err != nil {
		t.Fatal(err)
	}
	if r, _ := k.View().Request(id); r.Status != record.StatusAnswered || r.Email == nil || len(r.Email.Replies) != 1 {
		t.Errorf("the answer was not attached after the failed save: %s %+v", r.Status, r.Email)
	}
}
