package casework

import (
	"bytes"
	"context"
	"errors"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"prava/internal/mailtest"
	"prava/mail"
)

// outlook is an OAuth mailbox's servers; the sign-in fills in the rest.
var outlook = mail.Account{Address: "olena@outlook.example",
	IMAP: mail.Server{Host: "outlook.office365.com", Port: 993, Security: mail.SecurityTLS},
	SMTP: mail.Server{Host: "smtp.office365.com", Port: 587, Security: mail.SecuritySTARTTLS}}

// signInUseCase signs outlook in with a provider of its own, for useCases.
func signInUseCase(k *Desk) error {
	p := mailtest.StartProvider()
	defer p.Close()
	s := p.SignIn()
	k.SetSignIn(&s)
	return k.SignInMailAccount(context.Background(), outlook, mailtest.Browser)
}

// TestSignInAndRenew: a sign-in keeps the provider's tokens with the
// account; a check near the token's expiry renews it first and keeps the
// new one; a renewal the provider refuses says to sign in again and
// changes nothing stored.
func TestSignInAndRenew(t *testing.T) {
	k, path, _ := newDesk(t)
	p := mailtest.StartProvider()
	defer p.Close()
	s := p.SignIn()
	k.SetSignIn(&s)

	p.Refuse("access_denied")
	before := k.Data().Clone()
	err := k.SignInMailAccount(context.Background(), outlook, mailtest.Browser)
	var pr *Problem
	if !errors.As(err, &pr) || pr.Field != "mail" {
		t.Fatalf("a declined sign-in: %v", err)
	}
	if !reflect.DeepEqual(*k.Data(), before) {
		t.Error("a declined sign-in changed the data")
	}

	p.Refuse("")
	if err := k.SignInMailAccount(context.Background(), outlook, mailtest.Browser); err != nil {
		t.Fatal(err)
	}
	a, ok, err := k.MailAccount()
	if !ok || err != nil || !a.OAuth || a.Password != "access-1" || a.Refresh != "refresh-1" || a.Expiry.IsZero() {
		t.Fatalf("the account kept: %+v %v %v", a, ok, err)
	}
	if e := k.Data().Timeline[len(k.Data().Timeline)-1]; e.What != string(EntryMailSignedIn) || strings.Contains(e.Note, "access-1") {
		t.Errorf("the timeline's last entry: %+v", e)
	}

	// A token still good for more than five minutes is used as it is.
	k.now = func() time.Time { return a.Expiry.Add(-time.Hour) }
	if _, err := k.freshToken(context.Background(), a); err != nil || len(p.Refreshed()) != 0 {
		t.Errorf("a fresh token was renewed: %v %v", err, p.Refreshed())
	}

	// Four minutes before it expires, the client gets a renewed one.
	k.now = func() time.Time { return a.Expiry.Add(-4 * time.Minute) }
	entries := len(k.Data().Timeline)
	if _, err := k.mailClient(context.Background()); err != nil {
		t.Fatal(err)
	}
	b, _, _ := k.MailAccount()
	if b.Password != "access-2" || !slices.Equal(p.Refreshed(), []string{"refresh-1"}) {
		t.Errorf("after renewal: token %q, refreshed %v", b.Password, p.Refreshed())
	}
	if b.Refresh != "refresh-1" {
		t.Errorf("a renewal without a new refresh token lost the old one: %q", b.Refresh)
	}
	if len(k.Data().Timeline) != entries {
		t.Error("a renewal wrote on the timeline")
	}

	// The person withdrew Prava's access: the renewal is refused.
	revoked := b
	revoked.Refresh, revoked.Expiry = "refresh-withdrawn", b.Expiry.Add(-2*time.Hour)
	if err := k.SetMailAccount(revoked); err != nil {
		t.Fatal(err)
	}
	kept := k.Data().Clone()
	file, _ := os.ReadFile(path)
	_, err = k.mailClient(context.Background())
	if !errors.As(err, &pr) || !strings.Contains(err.Error(), "sign in again") {
		t.Errorf("a refused renewal: %v", err)
	}
	if !reflect.DeepEqual(*k.Data(), kept) {
		t.Error("a refused renewal changed the data")
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, file) {
		t.Error("a refused renewal changed the file")
	}
}
