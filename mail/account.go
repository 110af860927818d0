package mail

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// Security says how a connection to a mail server is encrypted.
type Security string

// The ways a mail server can be reached.
const (
	// SecurityTLS is TLS from the first byte (IMAP 993, SMTP 465).
	SecurityTLS Security = "tls"
	// SecuritySTARTTLS starts plain and upgrades before anything secret is
	// sent (IMAP 143, SMTP 587); a server that does not offer it is refused.
	SecuritySTARTTLS Security = "starttls"
	// SecurityPlain sends everything, the password too, unencrypted. It is
	// allowed only to a loopback host (a local bridge such as Proton's).
	SecurityPlain Security = "plain"
)

// Server is one mail server: where it is and how it is encrypted.
type Server struct {
	Host     string   `json:"host"`
	Port     int      `json:"port"`
	Security Security `json:"security"`
}

// Addr is the server's host:port, as net.Dial takes it.
func (s Server) Addr() string { return net.JoinHostPort(s.Host, strconv.Itoa(s.Port)) }

// Account is the person's own mailbox: what Prava sends from and reads the
// answers in. It holds the password, so it belongs in the vault and nowhere
// else; String leaves the password out.
type Account struct {
	// Address is the person's e-mail address, the From of every request.
	Address string `json:"address"`
	// Name is shown beside the address in From; it may be empty.
	Name string `json:"name,omitempty"`
	IMAP Server `json:"imap"`
	SMTP Server `json:"smtp"`
	// Username logs in to both servers; empty means the address.
	Username string `json:"username,omitempty"`
	// Password is the mailbox password or, where the provider demands one,
	// an app password; with OAuth set, an OAuth access token.
	Password string `json:"password,omitempty"`
	// OAuth logs in with XOAUTH2 and Password as the access token (Microsoft
	// accounts). Refreshing the token is the caller's, with Refresh before
	// Expiry.
	OAuth bool `json:"oauth,omitempty"`
	// Refresh is the OAuth refresh token that gets the next access token.
	Refresh string `json:"refresh,omitempty"`
	// Expiry is when the OAuth access token in Password stops working.
	Expiry time.Time `json:"expiry,omitzero"`
	// SentFolder names the folder for the copy of what was sent; empty means
	// the folder the server marks \Sent, else "Sent".
	SentFolder string `json:"sent_folder,omitempty"`
	// ServerFilesSent is true for providers that file a Sent copy of what
	// goes through their SMTP server themselves (Gmail, Office 365): a
	// second copy would show the letter twice.
	ServerFilesSent bool `json:"server_files_sent,omitempty"`
}

// String describes the account without its password, for logs and messages.
func (a Account) String() string {
	return fmt.Sprintf("%s (IMAP %s %s, SMTP %s %s)", a.Address, a.IMAP.Addr(), a.IMAP.Security, a.SMTP.Addr(), a.SMTP.Security)
}

// Login is the user name both servers are logged in to with.
func (a Account) Login() string {
	if a.Username != "" {
		return a.Username
	}
	return a.Address
}

// Validate checks every field and says, for each one that is wrong, what to
// change. It returns nil when the account can be used.
func (a Account) Validate() error {
	var errs []error
	if err := CheckAddress(a.Address); err != nil {
		errs = append(errs, fmt.Errorf("address: %w", err))
	}
	if err := checkHeaderText(a.Name, 200); err != nil {
		errs = append(errs, fmt.Errorf("name: %w", err))
	}
	if err := a.IMAP.validate(); err != nil {
		errs = append(errs, fmt.Errorf("IMAP server: %w", err))
	}
	if err := a.SMTP.validate(); err != nil {
		errs = append(errs, fmt.Errorf("SMTP server: %w", err))
	}
	if err := checkSecret("user name", a.Username, 320); err != nil {
		errs = append(errs, err)
	}
	if a.Password == "" {
		errs = append(errs, errors.New("password: it is empty; give the mailbox password or the app password your provider made for Prava"))
	} else if err := checkSecret("password", a.Password, secretLimit(a.OAuth)); err != nil {
		errs = append(errs, err)
	}
	if err := checkSecret("refresh token", a.Refresh, secretLimit(true)); err != nil {
		errs = append(errs, err)
	}
	if a.SentFolder != "" && (!utf8.ValidString(a.SentFolder) || strings.ContainsFunc(a.SentFolder, isControl) || len(a.SentFolder) > 200) {
		errs = append(errs, errors.New("Sent folder: the name holds control characters or is too long; leave it empty to use the server's Sent folder"))
	}
	return errors.Join(errs...)
}

func (s Server) validate() error {
	if s.Host == "" {
		return errors.New("the host is empty; give it as host:port, e.g. imap.example.com:993")
	}
	if err := checkHost(s.Host); err != nil {
		return err
	}
	if s.Port < 1 || s.Port > 65535 {
		return fmt.Errorf("port %d is not a port; use 1 to 65535 (usually 993 for IMAP, 465 or 587 for SMTP)", s.Port)
	}
	switch s.Security {
	case SecurityTLS, SecuritySTARTTLS:
	case SecurityPlain:
		if !isLoopback(s.Host) {
			return fmt.Errorf("security plain would send the password unencrypted to %s; use tls or starttls (plain is only for a program on this computer, such as a mail bridge on 127.0.0.1)", s.Host)
		}
	case "":
		return errors.New("the security is not set; use tls, starttls or plain")
	default:
		return fmt.Errorf("security %q is not known; use tls, starttls or plain", string(s.Security))
	}
	return nil
}

// ParseServer reads host:port as typed on the command line. An empty
// security is taken from the well-known ports (993 and 465 TLS, 143, 587
// and 25 STARTTLS); any other port needs it given.
func ParseServer(hostport string, security Security) (Server, error) {
	host, portText, err := net.SplitHostPort(strings.TrimSpace(hostport))
	if err != nil {
		return Server{}, fmt.Errorf("%q is not host:port; write it like imap.example.com:993", hostport)
	}
	port, err := strconv.Atoi(portText)
	if err != nil {
		return Server{}, fmt.Errorf("port %q is not a number; write it like imap.example.com:993", portText)
	}
	if security == "" {
		switch port {
		case 993, 465:
			security = SecurityTLS
		case 143, 587, 25:
			security = SecuritySTARTTLS
		default:
			return Server{}, fmt.Errorf("port %d is not a usual mail port, so the security cannot be guessed; give it (tls or starttls)", port)
		}
	}
	s := Server{Host: host, Port: port, Security: Security(strings.ToLower(string(security)))}
	if err := s.validate(); err != nil {
		return Server{}, err
	}
	return s, nil
}

// isLoopback is true for a host that can only be this computer. "localhost"
// counts only by name: a resolver could answer anything for other names.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func checkHost(host string) error {
	if len(host) > 253 {
		return errors.New("the host name is longer than 253 characters")
	}
	if net.ParseIP(host) != nil {
		return nil
	}
	if strings.ContainsFunc(host, func(r rune) bool { return isControl(r) || r == ' ' || r == '/' || r == '@' }) {
		return fmt.Errorf("host %q holds a space, control character, / or @; give only the server's name, e.g. imap.example.com", sanitize(host, 80))
	}
	if _, err := idna.Lookup.ToASCII(host); err != nil {
		return fmt.Errorf("host %q is not a valid host name; check the spelling", sanitize(host, 80))
	}
	return nil
}

func checkSecret(what, s string, max int) error {
	if len(s) > max {
		return fmt.Errorf("%s: longer than %d bytes; check what was pasted", what, max)
	}
	if !utf8.ValidString(s) || strings.ContainsFunc(s, isControl) {
		return fmt.Errorf("%s: holds a line break or control character; paste it again without them", what)
	}
	return nil
}

// secretLimit bounds a password, or an OAuth token: Microsoft's access
// tokens run to a few kilobytes, a password never does.
func secretLimit(oauth bool) int {
	if oauth {
		return 16384
	}
	return 4096
}
