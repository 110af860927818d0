package casework

import (
	"context"

	"prava/mail"
	"prava/record"
)

// EntryMailAccountRemoved is the timeline's entry when the person takes
// the mail account, password included, out of the vault.
const EntryMailAccountRemoved Entry = "mail account removed"

// TestMailAccount logs in to both servers of an account the person is
// setting up, with the desk's certificate authorities, and touches
// nothing: no message is sent, nothing is stored. An account Validate
// refuses is reported on both servers, with the first wrong field named
// as SetMailAccount would.
func (k *Desk) TestMailAccount(ctx context.Context, a mail.Account) *mail.TestReport {
	if err := a.Validate(); err != nil {
		p := accountProblem(err)
		return &mail.TestReport{IMAP: p, SMTP: p}
	}
	k.mu.Lock()
	roots := k.mailRoots
	k.mu.Unlock()
	return (&mail.Client{Account: a, RootCAs: roots, Now: k.now}).Test(ctx)
}

// RemoveMailAccount takes the mail account and where the last check
// stopped out of the vault. What was sent and received stays with the
// requests. Removing when there is none is not an error.
func (k *Desk) RemoveMailAccount() error {
	if k.Data().Mail == nil {
		return nil
	}
	return k.update(func(d *record.Data) error {
		d.Mail = nil
		k.log(d, EntryMailAccountRemoved, "", "", "")
		return nil
	})
}
