package mail

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestDovecotXOAuth2 logs in to the real Dovecot's IMAP and submission
// servers with an OAuth access token (XOAUTH2), as Outlook.com and Gmail
// take it: Dovecot asks the test's user-info endpoint about the token, as
// it would ask Microsoft Graph's /me. A token the endpoint does not know
// is refused at the login, and no message shows the token.
func TestDovecotXOAuth2(t *testing.T) {
	env := dovecotEnv(t)
	startSink(t, env.sink)
	addr := os.Getenv("PRAVA_TEST_OAUTH_ADDR")
	if addr == "" {
		t.Fatal("scripts/with-dovecot.sh did not say where Dovecot asks about OAuth tokens (PRAVA_TEST_OAUTH_ADDR)")
	}
	const good = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.a-good-access-token"
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	var asked atomic.Int32
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked.Add(1)
		if r.URL.Path != "/me" || r.Header.Get("Authorization") != "Bearer "+good {
			w.WriteHeader(http.StatusUnauthorized)
			json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"code": "InvalidAuthenticationToken"}})
			return
		}
		json.NewEncoder(w).Encode(map[string]string{"mail": env.user, "displayName": "Олена Тест"})
	})}
	go srv.Serve(ln)
	defer srv.Close()

	ctx := context.Background()
	c := &Client{Account: env.account(t), RootCAs: env.roots, Timeout: 20 * time.Second}
	c.Account.OAuth, c.Account.Password = true, good
	if rep := c.Test(ctx); rep.Err() != nil {
		t.Fatalf("XOAUTH2 with a good token: IMAP %v; SMTP %v", rep.IMAP, rep.SMTP)
	}
	if asked.Load() == 0 {
		t.Fatal("Dovecot let the token in without asking about it: the login was not XOAUTH2")
	}

	c.Account.Password = "a-token-withdrawn"
	rep := c.Test(ctx)
	for name, err := range map[string]error{"IMAP": rep.IMAP, "SMTP": rep.SMTP} {
		var e *Error
		if !errors.As(err, &e) || e.Stage != StageAuth {
			t.Errorf("%s with a withdrawn token: %v, want a refused login", name, err)
		}
		if err != nil && strings.Contains(err.Error(), "a-token-withdrawn") {
			t.Errorf("%s's message shows the token: %v", name, err)
		}
	}
}
