package casework

import (
	"context"
	"errors"
	"time"

	"prava/mail"
)

// watchRetry is the wait after a watch's connection broke, doubled up to
// watchRetryMax while it keeps breaking: a mailbox offline for a while is
// not asked every second.
const (
	watchRetry    = 30 * time.Second
	watchRetryMax = 5 * time.Minute
)

// WatchMail listens on the mailbox's INBOX with IDLE and calls arrived
// each time new mail is there, until ctx ends (nil) — arrived runs the
// usual CheckMail, which does the matching and the saving. It returns at
// once with ErrNoMailAccount's problem when no mailbox is set up, and with
// mail.ErrNoIdle when the server cannot idle (the caller's timer is then
// the only check). A connection that breaks is tried again after a wait;
// each session builds a fresh client, so an OAuth token is renewed in time.
// It stores nothing itself.
func (k *Desk) WatchMail(ctx context.Context, arrived func()) error {
	wait := watchRetry
	for ctx.Err() == nil {
		client, err := k.mailClient(ctx)
		if err == nil {
			err = client.Watch(ctx, arrived)
		}
		switch {
		case ctx.Err() != nil:
			// Whatever the cancel broke, the watch was asked to stop.
			return nil
		case err == nil:
			wait = watchRetry
			continue
		case errors.Is(err, mail.ErrNoIdle), client == nil:
			// No IDLE, or no client: no mailbox, no token — trying again
			// would not help.
			return err
		}
		select {
		case <-ctx.Done():
		case <-time.After(wait):
		}
		wait = min(2*wait, watchRetryMax)
	}
	return nil
}
