package mail

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"html"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"golang.org/x/oauth2"
)

// MicrosoftClientID is the application (client) ID Prava signs in to
// Microsoft accounts with. Microsoft issues one per registered app, so it
// is set when a build is registered (go build -ldflags "-X
// prava/mail.MicrosoftClientID=…") or, for one run, by the environment
// variable PRAVA_MICROSOFT_CLIENT_ID; empty means sign-in is not possible
// and the person is told so.
var MicrosoftClientID string

// GoogleClientID and GoogleClientSecret are the OAuth client Prava signs
// in to Gmail with, set like MicrosoftClientID (or by
// PRAVA_GOOGLE_CLIENT_ID and PRAVA_GOOGLE_CLIENT_SECRET). Google gives a
// desktop client a "secret" that is not one (it ships in every copy);
// its token endpoint wants it all the same. Without them Gmail takes an
// app password, as before: Google's mail scope is restricted, and a
// client needs Google's review before strangers may use it.
var GoogleClientID, GoogleClientSecret string

// MicrosoftClient is the client ID to sign in with: the environment's,
// else the build's.
func MicrosoftClient() string { return setting("PRAVA_MICROSOFT_CLIENT_ID", MicrosoftClientID) }

// setting is the environment's value of name, else the build's.
func setting(name, built string) string {
	if v := strings.TrimSpace(os.Getenv(name)); v != "" {
		return v
	}
	return built
}

// SignIn is an OAuth 2.0 authorization server a mail provider signs its
// accounts in with: the authorization-code flow with PKCE for a public
// desktop client (RFC 8252: the system browser, a loopback redirect),
// whose access token then logs in by XOAUTH2.
type SignIn struct {
	Provider     string // the provider's name, for messages and buttons
	AuthURL      string
	TokenURL     string
	ClientID     string
	ClientSecret string // Google's desktop clients only; empty elsewhere
	Scopes       []string
	// AuthParams are the provider's own parameters on the authorization
	// address (Google gives a refresh token only with access_type=offline).
	AuthParams map[string]string
}

// MicrosoftSignIn is the sign-in of Outlook.com, Hotmail and Microsoft 365
// mailboxes: IMAP and SMTP access for the signed-in user, and a refresh
// token (offline_access) so the person signs in once.
func MicrosoftSignIn(clientID string) SignIn {
	return SignIn{
		Provider: "Microsoft",
		AuthURL:  "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
		TokenURL: "https://login.microsoftonline.com/common/oauth2/v2.0/token",
		ClientID: clientID,
		Scopes: []string{"https://outlook.office.com/IMAP.AccessAsUser.All",
			"https://outlook.office.com/SMTP.Send", "offline_access"},
		AuthParams: map[string]string{"prompt": "select_account"},
	}
}

// GoogleSignIn is Gmail's sign-in: the full mail scope, which IMAP and
// SMTP need, and offline access with consent asked each time, so that a
// refresh token comes back every time.
func GoogleSignIn(clientID, secret string) SignIn {
	return SignIn{
		Provider: "Google",
		AuthURL:  "https://accounts.google.com/o/oauth2/v2/auth",
		TokenURL: "https://oauth2.googleapis.com/token",
		ClientID: clientID, ClientSecret: secret,
		Scopes:     []string{"https://mail.google.com/"},
		AuthParams: map[string]string{"access_type": "offline", "prompt": "consent"},
	}
}

// SignInFor is the sign-in of the mailbox at address, with this build's
// (or the environment's) clients: Google's for Gmail, Microsoft's for
// everything else (Outlook.com, and Microsoft 365 on a company's own
// domain). The ClientID is empty when no client is configured.
func SignInFor(address string) SignIn {
	if _, p, ok := Guess(address); ok && p.Name == "Gmail" {
		return GoogleSignIn(setting("PRAVA_GOOGLE_CLIENT_ID", GoogleClientID), setting("PRAVA_GOOGLE_CLIENT_SECRET", GoogleClientSecret))
	}
	return MicrosoftSignIn(MicrosoftClient())
}

// Token is what a sign-in gives: the access token the servers take, the
// refresh token that gets the next one, and when the access token expires.
type Token struct {
	Access  string
	Refresh string
	Expiry  time.Time
}

// signInTimeout bounds the wait for the person to finish in the browser.
const signInTimeout = 10 * time.Minute

// ErrNoClientID is returned when the build has no client ID for the
// provider, so no sign-in can start.
var ErrNoClientID = errors.New("this build of Prava has no client ID for this provider, so it cannot sign in there")

// noClient says which client is missing and how to give one.
func (s SignIn) noClient() error {
	env := "PRAVA_" + strings.ToUpper(s.Provider) + "_CLIENT_ID"
	return fmt.Errorf("%w: set %s to an application ID registered with %s for IMAP and SMTP, or use an app password where the provider offers one", ErrNoClientID, env, s.Provider)
}

func (s SignIn) config(redirect string) *oauth2.Config {
	return &oauth2.Config{ClientID: s.ClientID, ClientSecret: s.ClientSecret, Scopes: s.Scopes, RedirectURL: redirect,
		Endpoint: oauth2.Endpoint{AuthURL: s.AuthURL, TokenURL: s.TokenURL, AuthStyle: oauth2.AuthStyleInParams}}
}

// Run signs the person in: it listens on a loopback port for the redirect,
// hands the authorization address to open (the system browser), waits for
// the provider to send the browser back with a code, and trades the code
// and the PKCE verifier for tokens. hint pre-fills the address on the
// provider's page. Nothing but the browser and the token endpoint is
// talked to; the listener closes when Run returns.
func (s SignIn) Run(ctx context.Context, hint string, open func(url string) error) (Token, error) {
	if s.ClientID == "" {
		return Token{}, s.noClient()
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return Token{}, fmt.Errorf("cannot listen on this computer for the %s sign-in: %w", s.Provider, err)
	}
	defer ln.Close()
	redirect := "http://" + ln.Addr().String() + "/"
	cfg := s.config(redirect)
	verifier, state := oauth2.GenerateVerifier(), randomState()
	opts := []oauth2.AuthCodeOption{oauth2.S256ChallengeOption(verifier), oauth2.SetAuthURLParam("login_hint", hint)}
	for k, v := range s.AuthParams {
		opts = append(opts, oauth2.SetAuthURLParam(k, v))
	}
	url := cfg.AuthCodeURL(state, opts...)

	codes := make(chan callback, 1)
	srv := &http.Server{Handler: callbackHandler(state, codes), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()
	if err := open(url); err != nil {
		return Token{}, fmt.Errorf("cannot open the browser for the %s sign-in (%v); open this address yourself: %s", s.Provider, err, url)
	}
	ctx, cancel := context.WithTimeout(ctx, signInTimeout)
	defer cancel()
	var cb callback
	select {
	case cb = <-codes:
	case <-ctx.Done():
		return Token{}, fmt.Errorf("the %s sign-in was not finished in the browser: %w", s.Provider, ctx.Err())
	}
	if cb.err != "" {
		return Token{}, fmt.Errorf("%s refused the sign-in: %s", s.Provider, cb.err)
	}
	tok, err := cfg.Exchange(ctx, cb.code, oauth2.VerifierOption(verifier))
	if err != nil {
		return Token{}, fmt.Errorf("%s did not give a token for the sign-in: %w", s.Provider, err)
	}
	return token(tok)
}

// Refresh gets a new access token with the refresh token; the provider may
// hand out a new refresh token with it, which replaces the old one.
func (s SignIn) Refresh(ctx context.Context, refresh string) (Token, error) {
	if s.ClientID == "" {
		return Token{}, s.noClient()
	}
	if refresh == "" {
		return Token{}, fmt.Errorf("the %s sign-in has no refresh token: sign in again", s.Provider)
	}
	tok, err := s.config("").TokenSource(ctx, &oauth2.Token{RefreshToken: refresh}).Token()
	if err != nil {
		return Token{}, fmt.Errorf("%s did not renew the sign-in (sign in again if it was withdrawn): %w", s.Provider, err)
	}
	t, err := token(tok)
	if t.Refresh == "" {
		t.Refresh = refresh
	}
	return t, err
}

func token(tok *oauth2.Token) (Token, error) {
	if tok.AccessToken == "" {
		return Token{}, errors.New("the token endpoint answered without an access token")
	}
	return Token{Access: tok.AccessToken, Refresh: tok.RefreshToken, Expiry: tok.Expiry}, nil
}

// callback is what the browser brought back to the loopback redirect.
type callback struct{ code, err string }

// callbackHandler takes the one redirect that carries our state and tells
// the person in the browser to go back to Prava. A request with another
// state (a page that guessed the port) is refused and changes nothing.
func callbackHandler(state string, codes chan<- callback) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if q.Get("state") != state {
			http.Error(w, "This is not the sign-in Prava started.", http.StatusBadRequest)
			return
		}
		cb := callback{code: q.Get("code")}
		if e := q.Get("error"); e != "" || cb.code == "" {
			cb.err = strings.TrimSpace(e + ": " + q.Get("error_description"))
		}
		select {
		case codes <- cb:
		default: // a second redirect: the first one counts
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		msg := "Signed in. You can close this page and go back to Prava."
		if cb.err != "" {
			msg = "The sign-in did not succeed: " + cb.err
		}
		fmt.Fprintf(w, "<!doctype html><meta charset=utf-8><title>Prava</title><p>%s</p>", html.EscapeString(msg))
	})
}

// randomState is the anti-forgery value the redirect must carry back.
func randomState() string {
	b := make([]byte, 18)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
