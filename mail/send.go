package mail

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Receipt is the proof of one sending: what was sent, to which server, over
// what connection, and what the server answered. The desk keeps it in the
// vault with the request.
type Receipt struct {
	MessageID string    `json:"message_id"`
	SHA256    string    `json:"sha256"` // of Bytes, hex
	Server    string    `json:"server"` // host:port
	Response  string    `json:"response"`
	Accepted  time.Time `json:"accepted"` // local clock, UTC
	TLS       string    `json:"tls,omitempty"`
	Cipher    string    `json:"cipher,omitempty"`
	// CertSHA256 is the server certificate's fingerprint, hex.
	CertSHA256 string `json:"cert_sha256,omitempty"`
	// SentFolder is where the copy was filed; empty if none was (the
	// provider files its own, or filing failed: see SentCopyError).
	SentFolder    string `json:"sent_folder,omitempty"`
	SentCopyError string `json:"sent_copy_error,omitempty"`
}

func sha256Hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// Send hands the message to the SMTP server and, once the server has
// accepted it, files a copy in the Sent folder over IMAP. The message is
// sent only once: an error with MaybeSent set means the server may have it,
// and the caller must not simply try again. A failed Sent copy does not undo
// a sending; it is reported in the Receipt.
func (c *Client) Send(ctx context.Context, out *Outgoing) (*Receipt, error) {
	if out == nil || len(out.Bytes) == 0 {
		return nil, errors.New("send: nothing to send; compose the message first")
	}
	if err := c.Account.Validate(); err != nil {
		return nil, fmt.Errorf("the mail account is not usable: %w", err)
	}
	rc, err := c.submit(ctx, out)
	if err != nil {
		return nil, err
	}
	if !c.Account.ServerFilesSent {
		folder, err := c.appendSent(ctx, out.Bytes)
		if err != nil {
			rc.SentCopyError = sanitize(err.Error(), 300)
		} else {
			rc.SentFolder = folder
		}
	}
	return rc, nil
}

func (c *Client) submit(ctx context.Context, out *Outgoing) (*Receipt, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout())
	defer cancel()
	s := c.Account.SMTP
	label := "SMTP " + s.Addr()
	nc, err := c.dial(ctx, label, s, 1<<20)
	if err != nil {
		return nil, err
	}
	sc, err := c.smtpClient(nc, s)
	if err != nil {
		return nil, classify(label, err, StageServer)
	}
	defer sc.Close()
	if err := c.smtpAuth(sc, label); err != nil {
		return nil, err
	}
	if max, ok := sc.MaxMessageSize(); ok && max > 0 && len(out.Bytes) > max {
		return nil, newError(label, StageSize, "the message is %d bytes, the server takes at most %d", len(out.Bytes), max)
	}
	if err := sc.Mail(out.From, nil); err != nil {
		return nil, classify(label, err, StageServer)
	}
	for _, to := range out.To {
		if err := sc.Rcpt(to, nil); err != nil {
			return nil, &Error{Stage: recipientStage(err), Server: label, Err: fmt.Errorf("<%s>: %w", to, err)}
		}
	}
	w, err := sc.Data()
	if err != nil {
		return nil, classify(label, err, StageServer)
	}
	if _, err := w.Write(out.Bytes); err != nil {
		// The final dot was not sent: the server discards a partial message.
		return nil, classify(label, err, StageConnect)
	}
	resp, err := w.CloseWithResponse()
	if err != nil {
		var se *smtp.SMTPError
		if errors.As(err, &se) {
			return nil, classify(label, err, StageServer)
		}
		return nil, &Error{Stage: StageConnect, Server: label, MaybeSent: true, Err: err}
	}
	rc := &Receipt{
		MessageID: out.MessageID,
		SHA256:    sha256Hex(out.Bytes),
		Server:    s.Addr(),
		Response:  sanitize(resp.StatusText, 500),
		Accepted:  c.now().UTC(),
	}
	if st, ok := sc.TLSConnectionState(); ok {
		rc.TLS, rc.Cipher, rc.CertSHA256 = tlsFacts(st)
	}
	_ = sc.Quit() // accepted is accepted; a failed QUIT changes nothing
	return rc, nil
}

func recipientStage(err error) Stage {
	if st := stageOf(err, StageRecipient); st == StageConnect || st == StageTimeout || st == StageSize {
		return st
	}
	return StageRecipient
}

// smtpClient greets the server and, for STARTTLS, upgrades and proves the
// certificate before anything else is said.
func (c *Client) smtpClient(nc net.Conn, s Server) (*smtp.Client, error) {
	var sc *smtp.Client
	if s.Security == SecuritySTARTTLS {
		var err error
		sc, err = smtp.NewClientStartTLS(nc, c.tlsConfig(s.Host))
		if err != nil {
			nc.Close()
			if stageOf(err, StageServer) == StageServer {
				return nil, &Error{Stage: StageTLS, Server: "SMTP " + s.Addr(), Err: err}
			}
			return nil, err
		}
	} else {
		sc = smtp.NewClient(nc)
	}
	// go-smtp sets its own deadline per command; keep them inside ours.
	sc.CommandTimeout = c.timeout()
	sc.SubmissionTimeout = c.timeout()
	if err := sc.Hello("localhost"); err != nil {
		sc.Close()
		return nil, err
	}
	return sc, nil
}

func (c *Client) smtpAuth(sc *smtp.Client, label string) error {
	if ok, _ := sc.Extension("AUTH"); !ok {
		return newError(label, StageAuth, "the server offers no login (AUTH); check that this is the submission server and port")
	}
	var a sasl.Client
	switch {
	case c.Account.OAuth:
		if !sc.SupportsAuth(XOAuth2) {
			return newError(label, StageAuth, "the server does not offer OAuth login (XOAUTH2)")
		}
		a = NewXOAuth2Client(c.Account.Login(), c.Account.Password)
	case sc.SupportsAuth(sasl.Plain):
		a = sasl.NewPlainClient("", c.Account.Login(), c.Account.Password)
	case sc.SupportsAuth(sasl.Login):
		a = sasl.NewLoginClient(c.Account.Login(), c.Account.Password)
	default:
		return newError(label, StageAuth, "the server offers no password login Prava knows (PLAIN, LOGIN); it may need OAuth")
	}
	if err := sc.Auth(a); err != nil {
		return classify(label, err, StageAuth)
	}
	return nil
}
