package casework

import (
	"context"
	"errors"
	"testing"

	"prava/internal/mailtest"
	"prava/mail"
)

// TestTestMailAccount tries both logins of an account being set up and
// stores nothing: a wrong password is refused at the login step on both
// servers, a refused field is named, and the right one passes.
func TestTestMailAccount(t *testing.T) {
	k, _, _ := newDesk(t)
	b, err := mailtest.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	before := k.Data()
	wrong := b.Account
	wrong.Password = "not it"
	rep := k.TestMailAccount(context.Background(), wrong)
	for _, e := range []error{rep.IMAP, rep.SMTP} {
		var me *mail.Error
		if !errors.As(e, &me) || me.Stage != mail.StageAuth {
			t.Errorf("a wrong password: %v", e)
		}
	}
	bad := b.Account
	bad.IMAP.Port = 0
	var p *Problem
	if rep := k.TestMailAccount(context.Background(), bad); !errors.As(rep.IMAP, &p) || p.Field != "imap" {
		t.Errorf("an account without a port: %v", rep.IMAP)
	}
	if rep := k.TestMailAccount(context.Background(), b.Account); rep.Err() != nil {
		t.Errorf("the right account: %v", rep.Err())
	}
	if k.Data() != before {
		t.Error("testing an account changed the vault")
	}
}

// TestRemoveMailAccount takes the mailbox out of the vault and keeps
// what was sent with its request.
func TestRemoveMailAccount(t *testing.T) {
	k, _, companyID := newDesk(t)
	b, err := mailtest.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := k.SetMailAccount(b.Account); err != nil {
		t.Fatal(err)
	}
	ws, err := k.WriteRequests(companyID, []Draft{{Kind: "access", Contact: -1, Date: testDay}})
	if err != nil {
		t.Fatal(err)
	}
	id := ws[0].Request.ID
	if _, err := k.SendRequestByMail(context.Background(), id); err != nil {
		t.Fatal(err)
	}
	if err := k.RemoveMailAccount(); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := k.MailAccount(); ok {
		t.Error("the account is still there")
	}
	if r, _ := k.View().Request(id); r.Email == nil || r.Email.MessageID == "" {
		t.Error("removing the account lost what was sent")
	}
	if _, err := k.CheckMail(context.Background()); !errors.Is(err, ErrNoMailAccount) {
		t.Errorf("checking without an account: %v", err)
	}
	if err := k.RemoveMailAccount(); err != nil {
		t.Errorf("removing twice: %v", err)
	}
}
