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

// TestSignInFor: Gmail signs in with Google's client and asks for offline
// access (or a refresh token never comes), Outlook.com and a company's
// own domain with Microsoft's; the clients come from the environment.
func TestSignInFor(t *testing.T) {
	t.Setenv("PRAVA_GOOGLE_CLIENT_ID", "g-id")
	t.Setenv("PRAVA_GOOGLE_CLIENT_SECRET", "g-secret")
	t.Setenv("PRAVA_MICROSOFT_CLIENT_ID", "m-id")
	for addr, want := range map[string]string{"olena@gmail.com": "Google", "olena@outlook.com": "Microsoft", "olena@firma.lv": "Microsoft"} {
		s := mail.SignInFor(addr)
		if s.Provider != want || s.ClientID != map[string]string{"Google": "g-id", "Microsoft": "m-id"}[want] {
			t.Errorf("%s: %s with %q", addr, s.Provider, s.ClientID)
		}
	}
	if s := mail.SignInFor("olena@gmail.com"); s.ClientSecret != "g-secret" || s.AuthParams["access_type"] != "offline" {
		t.Errorf("Google's sign-in: %+v", s)
	}
	t.Setenv("PRAVA_GOOGLE_CLIENT_ID", "")
	if _, err := mail.SignInFor("olena@gmail.com").Run(context.Background(), "", mailtest.Browser); !errors.Is(err, mail.ErrNoClientID) || !strings.Contains(err.Error(), "PRAVA_GOOGLE_CLIENT_ID") {
		t.Errorf("Gmail without a client: %v", err)
	}
}

// TestSignInWithASecret: a provider that wants the desktop client's
// secret gets it, and the authorization address carries the provider's
// own parameters; the wrong secret gets no token.
func TestSignInWithASecret(t *testing.T) {
	a := mailtest.StartProvider()
	defer a.Close()
	a.RequireSecret("g-secret")
	s := a.SignIn()
	s.ClientSecret, s.AuthParams = "g-secret", map[string]string{"access_type": "offline"}
	if tok, err := s.Run(context.Background(), "olena@gmail.com", mailtest.Browser); err != nil || tok.Refresh != "refresh-1" {
		t.Fatalf("with the secret: %+v %v", tok, err)
	}
	if q := a.Query(); q.Get("access_type") != "offline" || q.Get("login_hint") != "olena@gmail.com" {
		t.Errorf("the authorization address: %v", q)
	}
	s.ClientSecret = "wrong"
	if _, err := s.Run(context.Background(), "", mailtest.Browser); err == nil || !strings.Contains(err.Error(), "invalid_client") {
		t.Errorf("with the wrong secret: %v", err)
	}
}
