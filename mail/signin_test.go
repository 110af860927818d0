package mail_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"prava/internal/mailtest"
	"prava/mail"
)

func TestSignInWithPKCE(t *testing.T) {
	a := mailtest.StartProvider()
	defer a.Close()
	before := time.Now()
	tok, err := a.SignIn().Run(context.Background(), "olena@outlook.com", mailtest.Browser)
	if err != nil {
		t.Fatal(err)
	}
	if tok.Access != "access-1" || tok.Refresh != "refresh-1" || tok.Expiry.Before(before.Add(59*time.Minute)) {
		t.Errorf("token = %+v, want access-1/refresh-1 expiring in an hour", tok)
	}
	redirect := a.Redirect()
	if !strings.HasPrefix(redirect, "http://127.0.0.1:") {
		t.Errorf("redirect %q is not a loopback address", redirect)
	}

	next, err := a.SignIn().Refresh(context.Background(), tok.Refresh)
	if err != nil {
		t.Fatal(err)
	}
	if next.Access != "access-2" || next.Refresh != "refresh-1" {
		t.Errorf("refreshed token = %+v, want access-2 keeping refresh-1", next)
	}
	if _, err := a.SignIn().Refresh(context.Background(), "withdrawn"); err == nil || !strings.Contains(err.Error(), "sign in again") {
		t.Errorf("a revoked refresh token: %v, want a message saying to sign in again", err)
	}
}

// TestSignInRefused: a refusal in the browser, a forged redirect, a build
// without a client ID and a browser that cannot be opened each end with
// what to do, and no token.
func TestSignInRefused(t *testing.T) {
	a := mailtest.StartProvider()
	defer a.Close()
	a.Refuse("access_denied")
	if _, err := a.SignIn().Run(context.Background(), "", mailtest.Browser); err == nil || !strings.Contains(err.Error(), "access_denied") {
		t.Errorf("a declined consent: %v, want the provider's refusal", err)
	}

	a.Refuse("")
	forged := func(u string) error {
		p, _ := url.Parse(u)
		go func() {
			// A page that found the port sends its own code first.
			resp, err := http.Get(p.Query().Get("redirect_uri") + "?state=guess&code=evil")
			if err == nil {
				if resp.StatusCode != http.StatusBadRequest {
					t.Errorf("a redirect with a forged state: status %d, want 400", resp.StatusCode)
				}
				resp.Body.Close()
			}
			if resp, err := http.Get(u); err == nil {
				resp.Body.Close()
			}
		}()
		return nil
	}
	if tok, err := a.SignIn().Run(context.Background(), "", forged); err != nil || tok.Access != "access-1" {
		t.Errorf("after a forged redirect: %+v, %v; want the real sign-in to go through", tok, err)
	}

	s := a.SignIn()
	s.ClientID = ""
	if _, err := s.Run(context.Background(), "", mailtest.Browser); !errors.Is(err, mail.ErrNoClientID) {
		t.Errorf("no client ID: %v", err)
	}
	if _, err := a.SignIn().Run(context.Background(), "", func(string) error { return errors.New("no browser") }); err == nil || !strings.Contains(err.Error(), a.URL()+"/authorize") {
		t.Errorf("no browser: %v, want the address to open by hand", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	if _, err := a.SignIn().Run(ctx, "", func(string) error { return nil }); err == nil || !strings.Contains(err.Error(), "not finished") {
		t.Errorf("a sign-in left in the browser: %v", err)
	}
}
