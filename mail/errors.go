package mail

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"syscall"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-smtp"
)

// Stage names the step of talking to a mail server that failed, so the desk
// can say it in the person's language and suggest the right fix.
type Stage string

// The steps, in the order they happen.
const (
	StageDNS       Stage = "dns"       // the host name does not resolve
	StageConnect   Stage = "connect"   // nothing answers at host:port, or it hung up
	StageTLS       Stage = "tls"       // no STARTTLS, or the certificate is not valid for the host
	StageAuth      Stage = "auth"      // user name or password refused
	StageRecipient Stage = "recipient" // the SMTP server refused an address
	StageSize      Stage = "size"      // the message is larger than the server takes
	StageServer    Stage = "server"    // the server refused something else, or spoke nonsense
	StageTimeout   Stage = "timeout"   // the server took too long
)

// Error is a failure talking to a mail server: which server, which step,
// and what it said, cleaned of control characters.
type Error struct {
	Stage  Stage
	Server string // "IMAP imap.example.com:993" or "SMTP …"
	// MaybeSent is true when the connection broke after the whole message
	// was handed to the SMTP server but before it answered: it may have
	// been sent. Look in Sent before sending again.
	MaybeSent bool
	Err       error
}

func (e *Error) Error() string {
	var what string
	switch e.Stage {
	case StageDNS:
		what = "the server's name was not found; check the host name and the network"
	case StageConnect:
		what = "could not connect; check the host, the port and the network"
	case StageTLS:
		what = "the secure connection failed (the certificate is not valid for this server, or encryption is not offered); nothing was sent unencrypted"
	case StageAuth:
		what = "the user name or password was refused; check them, or make an app password if your provider asks for one"
	case StageRecipient:
		what = "the server refused the recipient's address"
	case StageSize:
		what = "the message is larger than the server accepts"
	case StageTimeout:
		what = "the server did not answer in time; try again later"
	default:
		what = "the server refused"
	}
	s := e.Server + ": " + what
	if e.MaybeSent {
		s += "; the connection broke after the message was handed over, so it may have been sent: look in Sent before sending again"
	}
	if e.Err != nil {
		s += " (" + sanitize(e.Err.Error(), 300) + ")"
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// classify turns a low-level error into an *Error with the right stage.
// fallback is the stage to use when the error says nothing more specific.
func classify(server string, err error, fallback Stage) error {
	if err == nil {
		return nil
	}
	var me *Error
	if errors.As(err, &me) {
		return err
	}
	return &Error{Stage: stageOf(err, fallback), Server: server, Err: err}
}

func stageOf(err error, fallback Stage) Stage {
	var dnsErr *net.DNSError
	var certErr *tls.CertificateVerificationError
	var hostErr x509.HostnameError
	var unknownCA x509.UnknownAuthorityError
	var invalid x509.CertificateInvalidError
	var recordErr tls.RecordHeaderError
	var alert tls.AlertError
	var imapErr *imap.Error
	var smtpErr *smtp.SMTPError
	switch {
	case errors.As(err, &dnsErr):
		return StageDNS
	case errors.As(err, &certErr), errors.As(err, &hostErr), errors.As(err, &unknownCA),
		errors.As(err, &invalid), errors.As(err, &recordErr), errors.As(err, &alert):
		return StageTLS
	case errors.Is(err, os.ErrDeadlineExceeded):
		return StageTimeout
	case errors.As(err, &imapErr):
		if imapErr.Code == imap.ResponseCodeAuthenticationFailed || imapErr.Code == imap.ResponseCodeAuthorizationFailed ||
			imapErr.Code == imap.ResponseCodePrivacyRequired {
			return StageAuth
		}
		return fallback
	case errors.As(err, &smtpErr):
		switch {
		case smtpErr.Code == 535 || smtpErr.Code == 534 || smtpErr.Code == 530 || smtpErr.Code == 538:
			return StageAuth
		case smtpErr.Code == 552 || smtpErr.EnhancedCode == smtp.EnhancedCode{5, 3, 4}:
			return StageSize
		}
		return fallback
	case errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EHOSTUNREACH),
		errors.Is(err, syscall.ENETUNREACH):
		return StageConnect
	}
	if strings.Contains(err.Error(), "tls: ") || strings.Contains(err.Error(), "x509: ") {
		return StageTLS
	}
	return fallback
}

// newError makes an *Error that is not from a lower layer.
func newError(server string, stage Stage, format string, args ...any) error {
	return &Error{Stage: stage, Server: server, Err: fmt.Errorf(format, args...)}
}
