package mail

import (
	"context"
	"fmt"
	"mime"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-message/charset"
)

// session is one logged-in IMAP connection.
type session struct {
	c     *imapclient.Client
	label string
}

func (s *session) close() {
	done := make(chan struct{})
	go func() {
		// LOGOUT politely, but never wait long for it.
		_ = s.c.Logout().Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
	}
	s.c.Close()
}

// openIMAP connects, upgrades (STARTTLS), and logs in. ctx must carry the
// deadline.
func (c *Client) openIMAP(ctx context.Context, budget int64) (*session, error) {
	s := c.Account.IMAP
	label := "IMAP " + s.Addr()
	nc, err := c.dial(ctx, label, s, budget)
	if err != nil {
		return nil, err
	}
	opts := &imapclient.Options{
		TLSConfig:             c.tlsConfig(s.Host),
		WordDecoder:           &mime.WordDecoder{CharsetReader: charset.Reader},
		UnilateralDataHandler: c.unilateral,
	}
	var ic *imapclient.Client
	if s.Security == SecuritySTARTTLS {
		ic, err = imapclient.NewStartTLS(nc, opts)
		if err != nil {
			nc.Close()
			if st := stageOf(err, StageTLS); st != StageTLS && st != StageTimeout && st != StageConnect {
				return nil, &Error{Stage: StageTLS, Server: label, Err: err}
			}
			return nil, classify(label, err, StageTLS)
		}
	} else {
		ic = imapclient.New(nc, opts)
	}
	ss := &session{c: ic, label: label}
	if err := ic.WaitGreeting(); err != nil {
		ic.Close()
		return nil, classify(label, err, StageConnect)
	}
	if ic.Caps().Has(imap.CapLoginDisabled) {
		ic.Close()
		return nil, newError(label, StageAuth, "the server does not allow a password login here (LOGINDISABLED); it may need OAuth or another port")
	}
	if c.Account.OAuth {
		if !ic.Caps().Has(imap.AuthCap(XOAuth2)) {
			ic.Close()
			return nil, newError(label, StageAuth, "the server does not offer OAuth login (XOAUTH2)")
		}
		if err := ic.Authenticate(NewXOAuth2Client(c.Account.Login(), c.Account.Password)); err != nil {
			ic.Close()
			return nil, classify(label, err, StageAuth)
		}
		return ss, nil
	}
	if err := ic.Login(c.Account.Login(), c.Account.Password).Wait(); err != nil {
		ic.Close()
		return nil, classify(label, err, StageAuth)
	}
	return ss, nil
}

// folders finds the special-use folders by their attributes (RFC 6154); a
// server without them gets the usual names.
func (s *session) folders() (sent, junk string, err error) {
	list, err := s.c.List("", "*", nil).Collect()
	if err != nil {
		return "", "", classify(s.label, err, StageServer)
	}
	names := map[string]string{}
	for _, l := range list {
		names[strings.ToLower(l.Mailbox)] = l.Mailbox
		for _, a := range l.Attrs {
			switch {
			case a == imap.MailboxAttrSent && sent == "":
				sent = l.Mailbox
			case a == imap.MailboxAttrJunk && junk == "":
				junk = l.Mailbox
			}
		}
	}
	for _, n := range []string{"sent", "sent items", "sent messages", "inbox/sent", "inbox.sent"} {
		if sent == "" && names[n] != "" {
			sent = names[n]
		}
	}
	for _, n := range []string{"junk", "spam", "junk e-mail", "inbox/junk", "inbox.junk", "inbox.spam", "bulk mail"} {
		if junk == "" && names[n] != "" {
			junk = names[n]
		}
	}
	return sent, junk, nil
}

// appendSent files the exact bytes sent in the Sent folder, marked read.
func (c *Client) appendSent(ctx context.Context, msg []byte) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout())
	defer cancel()
	s, err := c.openIMAP(ctx, 1<<20)
	if err != nil {
		return "", err
	}
	defer s.close()
	folder := c.Account.SentFolder
	if folder == "" {
		folder, _, err = s.folders()
		if err != nil {
			return "", err
		}
		if folder == "" {
			return "", newError(s.label, StageServer, "no Sent folder was found; name one in the account settings")
		}
	}
	cmd := s.c.Append(folder, int64(len(msg)), &imap.AppendOptions{Flags: []imap.Flag{imap.FlagSeen}, Time: c.now()})
	if _, err := cmd.Write(msg); err != nil {
		return "", classify(s.label, err, StageConnect)
	}
	if err := cmd.Close(); err != nil {
		return "", classify(s.label, err, StageConnect)
	}
	if _, err := cmd.Wait(); err != nil {
		return "", classify(s.label, fmt.Errorf("filing the copy in %q: %w", folder, err), StageServer)
	}
	return folder, nil
}
