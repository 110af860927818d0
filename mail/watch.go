package mail

import (
	"context"
	"errors"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// ErrNoIdle is Watch's answer for a server without IDLE (RFC 2177): the
// caller checks on a timer instead.
var ErrNoIdle = errors.New("the IMAP server does not offer IDLE")

// watchSession is how long one IDLE connection is kept: servers may drop
// a client idle for 30 minutes (RFC 2177 asks to re-issue IDLE within 29),
// and a fresh connection also takes a renewed OAuth token.
const watchSession = 25 * time.Minute

// Watch waits on INBOX with IDLE and calls arrived whenever the server says
// new mail is there, until ctx ends (then it returns nil). It only
// listens: arrived is where the caller checks the mail (Check), so the
// matching stays in one place. Each session ends after watchSession, or
// right after new mail, and Watch then returns nil with ctx still live:
// the caller calls it again (with a fresh token). A server without IDLE
// gives ErrNoIdle at once; a broken connection gives its error.
func (c *Client) Watch(ctx context.Context, arrived func()) error {
	sctx, cancel := context.WithTimeout(ctx, watchSession)
	defer cancel()
	news := make(chan struct{}, 1)
	w := *c
	w.unilateral = &imapclient.UnilateralDataHandler{Mailbox: func(d *imapclient.UnilateralDataMailbox) {
		if d.NumMessages != nil {
			select {
			case news <- struct{}{}:
			default:
			}
		}
	}}
	s, err := w.openIMAP(sctx, 1<<20)
	if err != nil {
		return ended(ctx, err)
	}
	defer s.close()
	if caps := s.c.Caps(); !caps.Has(imap.CapIdle) && !caps.Has(imap.CapIMAP4rev2) {
		return ErrNoIdle
	}
	if _, err := s.c.Select("INBOX", &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		return ended(ctx, classify(s.label, err, StageServer))
	}
	// What SELECT itself reported is not news.
	select {
	case <-news:
	default:
	}
	idle, err := s.c.Idle()
	if err != nil {
		return ended(ctx, classify(s.label, err, StageServer))
	}
	select {
	case <-news:
		idle.Close()
		arrived()
	case <-sctx.Done():
		idle.Close()
	}
	return nil
}

// ended is err unless ctx has ended: a connection the caller's cancel broke
// is the watch stopping, not a mail problem to show (nil).
func ended(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return nil
	}
	return err
}
