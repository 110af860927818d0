package mail

import (
	"context"
	"errors"
	"fmt"
)

// TestReport is what "Test the connection" found: for each server, nil or
// an *Error naming the step that failed, and what the IMAP server offers.
type TestReport struct {
	IMAP error
	SMTP error
	// SentFolder and JunkFolder are the folders Prava will use; empty if
	// the server has none it could recognise.
	SentFolder string
	JunkFolder string
	// MaxMessageBytes is the SMTP server's SIZE, 0 if it does not say.
	MaxMessageBytes int
}

// Err joins both servers' errors; nil means both logins worked.
func (r *TestReport) Err() error { return errors.Join(r.IMAP, r.SMTP) }

// Test logs in to both servers, one after the other, and touches nothing:
// no message is sent, no folder changed.
func (c *Client) Test(ctx context.Context) *TestReport {
	r := &TestReport{}
	if err := c.Account.Validate(); err != nil {
		err = fmt.Errorf("the mail account is not usable: %w", err)
		r.IMAP, r.SMTP = err, err
		return r
	}
	r.IMAP = c.testIMAP(ctx, r)
	r.SMTP = c.testSMTP(ctx, r)
	return r
}

func (c *Client) testIMAP(ctx context.Context, r *TestReport) error {
	ctx, cancel := context.WithTimeout(ctx, c.timeout())
	defer cancel()
	s, err := c.openIMAP(ctx, 4<<20)
	if err != nil {
		return err
	}
	defer s.close()
	r.SentFolder, r.JunkFolder, err = s.folders()
	if c.Account.SentFolder != "" {
		r.SentFolder = c.Account.SentFolder
	}
	return err
}

func (c *Client) testSMTP(ctx context.Context, r *TestReport) error {
	ctx, cancel := context.WithTimeout(ctx, c.timeout())
	defer cancel()
	s := c.Account.SMTP
	label := "SMTP " + s.Addr()
	nc, err := c.dial(ctx, label, s, 1<<20)
	if err != nil {
		return err
	}
	sc, err := c.smtpClient(nc, s)
	if err != nil {
		return classify(label, err, StageServer)
	}
	defer sc.Close()
	if err := c.smtpAuth(sc, label); err != nil {
		return err
	}
	if n, ok := sc.MaxMessageSize(); ok {
		r.MaxMessageBytes = n
	}
	_ = sc.Quit()
	return nil
}
