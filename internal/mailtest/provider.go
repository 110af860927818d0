package mailtest

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"

	"prava/mail"
)

// ClientID is the client the Provider knows.
const ClientID = "prava-test"

// Provider plays a mail provider's OAuth authorization server on
// loopback: its authorize page sends the browser straight back with a
// code, as after the person consents, and its token endpoint checks the
// PKCE verifier against the challenge and the redirect address, as
// Microsoft's does. It gives access-1/refresh-1 for the code and access-2
// for refresh-1; any other refresh token is revoked.
type Provider struct {
	srv       *httptest.Server
	mu        sync.Mutex
	challenge string
	redirect  string
	refreshed []string
	refuse    string
	secret    string
	query     url.Values
}

// StartProvider starts a provider; Close stops it.
func StartProvider() *Provider {
	p := &Provider{}
	mux := http.NewServeMux()
	mux.HandleFunc("/authorize", p.authorize)
	mux.HandleFunc("/token", p.token)
	p.srv = httptest.NewServer(mux)
	return p
}

// Close stops the provider.
func (p *Provider) Close() { p.srv.Close() }

// URL is the provider's base address.
func (p *Provider) URL() string { return p.srv.URL }

// SignIn reaches the provider as ClientID.
func (p *Provider) SignIn() mail.SignIn {
	return mail.SignIn{Provider: "Test", AuthURL: p.srv.URL + "/authorize", TokenURL: p.srv.URL + "/token",
		ClientID: ClientID, Scopes: []string{"imap", "offline_access"}}
}

// Refuse makes the authorize page send the browser back with this error
// (access_denied, as when the person declines); "" consents again.
func (p *Provider) Refuse(code string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.refuse = code
}

// RequireSecret makes the token endpoint want this client secret, as
// Google's does for desktop clients; "" wants none.
func (p *Provider) RequireSecret(secret string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.secret = secret
}

// Query is the last authorization request's parameters.
func (p *Provider) Query() url.Values {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.query
}

// Redirect is the redirect address the last sign-in asked for.
func (p *Provider) Redirect() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.redirect
}

// Refreshed lists the refresh tokens presented so far.
func (p *Provider) Refreshed() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.refreshed...)
}

// Browser follows an authorization address as the system browser would,
// through the provider's redirect to the loopback listener.
func Browser(u string) error {
	go func() {
		if resp, err := http.Get(u); err == nil {
			resp.Body.Close()
		}
	}()
	return nil
}

func (p *Provider) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("client_id") != ClientID || q.Get("code_challenge_method") != "S256" || q.Get("response_type") != "code" {
		http.Error(w, "bad authorize request: "+r.URL.RawQuery, http.StatusBadRequest)
		return
	}
	p.mu.Lock()
	p.challenge, p.redirect, p.query = q.Get("code_challenge"), q.Get("redirect_uri"), q
	refuse := p.refuse
	p.mu.Unlock()
	back := url.Values{"state": {q.Get("state")}}
	if refuse != "" {
		back.Set("error", refuse)
		back.Set("error_description", "The user declined.")
	} else {
		back.Set("code", "code-1")
	}
	http.Redirect(w, r, q.Get("redirect_uri")+"?"+back.Encode(), http.StatusFound)
}

func (p *Provider) token(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	p.mu.Lock()
	defer p.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	refuse := func(code string) {
		w.WriteHeader(http.StatusBadRequest)
		json.NewEncoder(w).Encode(map[string]string{"error": code, "error_description": "refused by the test provider"})
	}
	if r.Form.Get("client_id") != ClientID || r.Form.Get("client_secret") != p.secret {
		refuse("invalid_client")
		return
	}
	switch r.Form.Get("grant_type") {
	case "authorization_code":
		sum := sha256.Sum256([]byte(r.Form.Get("code_verifier")))
		if r.Form.Get("code") != "code-1" || base64.RawURLEncoding.EncodeToString(sum[:]) != p.challenge || r.Form.Get("redirect_uri") != p.redirect {
			refuse("invalid_grant")
			return
		}
		json.NewEncoder(w).Encode(map[string]any{"access_token": "access-1", "refresh_token": "refresh-1", "expires_in": 3600, "token_type": "Bearer"})
	case "refresh_token":
		p.refreshed = append(p.refreshed, r.Form.Get("refresh_token"))
		if r.Form.Get("refresh_token") != "refresh-1" {
			refuse("invalid_grant")
			return
		}
		json.NewEncoder(w).Encode(map[string]any{"access_token": "access-2", "expires_in": 3600, "token_type": "Bearer"})
	default:
		refuse("unsupported_grant_type")
	}
}
