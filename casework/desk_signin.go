package casework

import (
	"context"
	"encoding/json"
	"time"

	"prava/mail"
	"prava/record"
)

// EntryMailSignedIn is the timeline's word for a mailbox signed in with
// its provider (OAuth) instead of a password.
const EntryMailSignedIn Entry = "mailbox signed in"

// refreshAhead renews an access token this long before it expires, so a
// check or a sending does not start with a token about to lapse.
const refreshAhead = 5 * time.Minute

// SetSignIn sets how OAuth mailboxes sign in and renew their tokens; nil
// (the default) is each address's provider (mail.SignInFor), with the
// build's clients. Tests play the provider on loopback.
func (k *Desk) SetSignIn(s *mail.SignIn) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.signIn = s
}

func (k *Desk) signInOf(address string) mail.SignIn {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.signIn != nil {
		return *k.signIn
	}
	return mail.SignInFor(address)
}

// CanSignIn says whether the mailbox at address can sign in with its
// provider, and the provider's name: a build or an environment without
// that provider's client ID cannot.
func (k *Desk) CanSignIn(address string) (string, bool) {
	s := k.signInOf(address)
	return s.Provider, s.ClientID != ""
}

// SignInMailAccount signs the mailbox a in with its provider (Microsoft
// accounts take no password over IMAP and SMTP; Gmail takes OAuth when
// the build has a Google client): the provider's page opens
// in the browser through open, and the tokens it gives are kept in the
// vault with the account, whose servers come from a as given. Nothing is
// stored when the sign-in does not finish.
func (k *Desk) SignInMailAccount(ctx context.Context, a mail.Account, open func(url string) error) error {
	tok, err := k.signInOf(a.Address).Run(ctx, a.Address, open)
	if err != nil {
		return problem("mail", "sign_in", "%v", err)
	}
	a.OAuth, a.Password, a.Refresh, a.Expiry = true, tok.Access, tok.Refresh, tok.Expiry.UTC()
	return k.keepAccount(a, EntryMailSignedIn)
}

// freshToken renews an OAuth account's access token when it is about to
// expire, and keeps the new one in the vault; a password account comes
// back as it is. A renewal refused (the person withdrew Prava's access)
// says to sign in again.
func (k *Desk) freshToken(ctx context.Context, a mail.Account) (mail.Account, error) {
	if !a.OAuth || a.Refresh == "" || k.now().Add(refreshAhead).Before(a.Expiry) {
		return a, nil
	}
	tok, err := k.signInOf(a.Address).Refresh(ctx, a.Refresh)
	if err != nil {
		return a, problem("mail", "sign_in", "%v", err)
	}
	a.Password, a.Refresh, a.Expiry = tok.Access, tok.Refresh, tok.Expiry.UTC()
	js, err := json.Marshal(a)
	if err != nil {
		return a, err
	}
	// Only the tokens change: not an event of the person's, so no entry on
	// the timeline.
	return a, k.update(func(d *record.Data) error {
		if d.Mail == nil {
			return problem("mail", "no_account", "the mail account was removed while its sign-in was renewed")
		}
		d.Mail.Account = js
		return nil
	})
}
