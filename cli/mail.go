package cli

import (
	"context"
	"crypto/x509"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"prava/casework"
	"prava/mail"
)

// exitMaybeSent is "prava mail send"'s exit code when the message may
// have reached the server although it did not say so: look in Sent.
const exitMaybeSent = 3

const mailUsage = `Usage:
  prava mail setup --address ADDR [--imap HOST:PORT] [--smtp HOST:PORT] [--user U]
        [--security tls|starttls|plain] [--name NAME] [--sent-folder F] --password-stdin [--no-test]
  prava mail signin --address ADDR [--imap HOST:PORT] [--smtp HOST:PORT]
  prava mail test
  prava mail send REQUEST_ID
  prava mail check [--json]

setup reads the password (or app password) from standard input, after the
vault's passphrase when --passphrase is given; it is kept only in the
vault. --imap and --smtp may be left out for a known provider. --security
applies to both servers; without it, it is taken from the ports (993, 465:
tls; 143, 587: starttls). Both logins are tried before anything is saved,
unless --no-test. signin is for Outlook.com and Microsoft 365, which take
no passwords (and for Gmail, with a Google client): it opens the provider's
sign-in page in your browser (and prints its address) and keeps the
sign-in in the vault. Every command takes
--timeout (default 2m; signin waits up to 10 minutes for the browser).
`

// mailCmd is one "prava mail" command, parsed.
type mailCmd struct {
	name                          string
	vf                            vaultFlags
	pos                           []string
	asJSON, passwordStdin, noTest *bool
	address, imapAddr, smtpAddr   *string
	user, security, display, sent *string
	imapSec, smtpSec, caFile      *string
	timeout                       *time.Duration
	in                            *lines
	stdout                        io.Writer
	fail                          func(error) int
}

func runMail(args []string, global string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, mailUsage)
		return exitUsage
	}
	c := mailCmd{name: args[0], in: newLines(stdin), stdout: stdout, fail: failWith(stderr, "mail "+args[0])}
	fs := flag.NewFlagSet("mail "+c.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, mailUsage) }
	c.vf = addVaultFlags(fs, global)
	c.asJSON = fs.Bool("json", false, "print JSON")
	c.address = fs.String("address", "", "your e-mail address")
	c.imapAddr = fs.String("imap", "", "the IMAP server, host:port")
	c.smtpAddr = fs.String("smtp", "", "the SMTP (submission) server, host:port")
	c.user = fs.String("user", "", "the user name for both servers (default: the address)")
	c.security = fs.String("security", "", "tls, starttls or plain (plain only to this computer) for both servers")
	c.imapSec = fs.String("imap-security", "", "the IMAP server's security, when it differs")
	c.smtpSec = fs.String("smtp-security", "", "the SMTP server's security, when it differs")
	c.display = fs.String("name", "", "the name shown beside your address")
	c.sent = fs.String("sent-folder", "", "the folder for copies of what was sent (default: the server's Sent)")
	c.passwordStdin = fs.Bool("password-stdin", false, "read the password from standard input")
	c.noTest = fs.Bool("no-test", false, "save without trying both logins first")
	c.timeout = fs.Duration("timeout", 2*time.Minute, "give up after this long")
	// For tests and mail bridges with their own CA: it adds roots to
	// verify with, and never turns verification off. Not in the usage.
	c.caFile = fs.String("ca-file", "", "")
	var err error
	if c.pos, err = parseAll(fs, args[1:]); err != nil {
		return exitUsage
	}
	run := map[string]func() int{"setup": c.setup, "signin": c.signIn, "test": c.test, "send": c.send, "check": c.check}[c.name]
	if run == nil {
		fmt.Fprintf(stderr, "prava mail: unknown command %q\n%s", c.name, mailUsage)
		return exitUsage
	}
	if want := map[string]int{"send": 1}[c.name]; len(c.pos) != want {
		fmt.Fprintf(stderr, "prava mail %s: %s\n%s", c.name, map[bool]string{true: "give the request's ID (see \"prava request list\")", false: "takes no arguments"}[want == 1], mailUsage)
		return exitUsage
	}
	return run()
}

// context is the command's context: cancelled by Ctrl-C or the timeout.
func (c mailCmd) context() (context.Context, context.CancelFunc) {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	ctx, cancel := context.WithTimeout(ctx, *c.timeout)
	return ctx, func() { cancel(); stop() }
}

// roots reads --ca-file; nil means the system's roots.
func (c mailCmd) roots() (*x509.CertPool, error) {
	if *c.caFile == "" {
		return nil, nil
	}
	pem, err := os.ReadFile(*c.caFile)
	if err != nil {
		return nil, fmt.Errorf("--ca-file: %w", unwrapPath(err))
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("--ca-file %s holds no PEM certificate", *c.caFile)
	}
	return pool, nil
}

// open opens the vault behind a desk that verifies the mail servers with
// --ca-file's roots; the caller closes it.
func (c mailCmd) open() (*casework.Desk, error) {
	roots, err := c.roots()
	if err != nil {
		return nil, err
	}
	desk, err := c.vf.open(c.in)
	if err != nil {
		return nil, err
	}
	desk.SetMailRoots(roots)
	return desk, nil
}

// account builds the account from the flags, starting from the provider
// table when it knows the address's domain; oauth is for signin, where a
// provider without password logins is what is expected.
func (c mailCmd) account(oauth bool) (mail.Account, error) {
	addr := strings.TrimSpace(*c.address)
	if addr == "" {
		return mail.Account{}, errors.New("give your e-mail address: --address you@example.com")
	}
	a, p, known := mail.Guess(addr)
	if known {
		if p.OAuthOnly && !oauth {
			return a, fmt.Errorf("%s: %s Sign in with \"prava mail signin --address %s\" instead", p.Name, p.Note, addr)
		}
		fmt.Fprintf(c.stdout, "Provider: %s. %s\n", p.Name, p.Note)
	}
	a.Address = addr
	for _, s := range []struct {
		flag, sec string
		to        *mail.Server
		label     string
	}{{*c.imapAddr, *c.imapSec, &a.IMAP, "--imap"}, {*c.smtpAddr, *c.smtpSec, &a.SMTP, "--smtp"}} {
		sec := mail.Security(strings.ToLower(strings.TrimSpace(cmpOr(s.sec, *c.security))))
		switch {
		case s.flag != "":
			srv, err := mail.ParseServer(s.flag, sec)
			if err != nil {
				return a, fmt.Errorf("%s: %w", s.label, err)
			}
			*s.to = srv
		case !known:
			return a, fmt.Errorf("the servers of %s are not in Prava's table: give %s HOST:PORT (your provider's help pages list them)", addr, s.label)
		case sec != "":
			s.to.Security = sec
		}
	}
	if *c.user != "" {
		a.Username = *c.user
	}
	if *c.display != "" {
		a.Name = *c.display
	}
	if *c.sent != "" {
		a.SentFolder = *c.sent
	}
	return a, nil
}

func cmpOr(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return a
	}
	return b
}

func (c mailCmd) setup() int {
	if !*c.passwordStdin {
		return c.fail(errors.New("give --password-stdin and the password on standard input: a password in a flag is seen by every program on the computer"))
	}
	a, err := c.account(false)
	if err != nil {
		return c.fail(err)
	}
	desk, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer desk.Close()
	if a.Password, err = c.in.secret("password"); err != nil {
		return c.fail(err)
	}
	if err := a.Validate(); err != nil {
		return c.fail(fmt.Errorf("the mail account is not usable: %w", err))
	}
	if !*c.noTest {
		ctx, cancel := c.context()
		defer cancel()
		rep := desk.TestMailAccount(ctx, a)
		c.printTest(rep)
		if err := rep.Err(); err != nil {
			return c.fail(errors.New("nothing was saved; fix what failed and run setup again (or save anyway with --no-test)"))
		}
	}
	if err := desk.SetMailAccount(a); err != nil {
		return c.fail(err)
	}
	fmt.Fprintf(c.stdout, "Saved the mail account %s in the vault\n", a)
	return exitOK
}

// printTest says, per server, that the login worked or what failed.
func (c mailCmd) printTest(rep *mail.TestReport) {
	if rep.IMAP == nil {
		fmt.Fprintf(c.stdout, "IMAP: ok (Sent folder: %s, Junk folder: %s)\n", cmpOr(rep.SentFolder, "none found"), cmpOr(rep.JunkFolder, "none found"))
	} else {
		fmt.Fprintf(c.stdout, "IMAP: %v\n", rep.IMAP)
	}
	if rep.SMTP == nil {
		size := ""
		if rep.MaxMessageBytes > 0 {
			size = fmt.Sprintf(" (messages up to %d MB)", rep.MaxMessageBytes>>20)
		}
		fmt.Fprintf(c.stdout, "SMTP: ok%s\n", size)
	} else {
		fmt.Fprintf(c.stdout, "SMTP: %v\n", rep.SMTP)
	}
}

// stored is the account kept in the vault, or why there is none.
func stored(desk *casework.Desk) (mail.Account, error) {
	a, ok, err := desk.MailAccount()
	if err == nil && !ok {
		err = errors.New("no mail account is set up: prava mail setup --address ADDR --password-stdin")
	}
	return a, err
}

func (c mailCmd) test() int {
	desk, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer desk.Close()
	a, err := stored(desk)
	if err != nil {
		return c.fail(err)
	}
	ctx, cancel := c.context()
	defer cancel()
	rep := desk.TestMailAccount(ctx, a)
	c.printTest(rep)
	if rep.Err() != nil {
		return exitError
	}
	return exitOK
}

func (c mailCmd) send() int {
	desk, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer desk.Close()
	ctx, cancel := c.context()
	defer cancel()
	rc, err := desk.SendRequestByMail(ctx, c.pos[0])
	if errors.Is(err, casework.ErrMaybeSent) {
		c.fail(err)
		return exitMaybeSent
	}
	if err != nil {
		return c.fail(err)
	}
	v := desk.View()
	r, _ := v.Request(c.pos[0])
	row := rowOfRequest(v, r)
	fmt.Fprintf(c.stdout, "Sent %s to %s: Message-ID <%s>\nThe server answered: %s\nNow %s", r.Reference, r.Contact, rc.MessageID, rc.Response, r.Status)
	if row.Due != "" {
		fmt.Fprintf(c.stdout, ", due %s", row.Due)
	}
	fmt.Fprintln(c.stdout)
	if rc.SentCopyError != "" {
		fmt.Fprintf(c.stdout, "warning: no copy was filed in your Sent folder: %s\n", rc.SentCopyError)
	}
	return exitOK
}

// seenRow is a message "mail check --json" prints: request and match
// are null when no request fits.
type seenRow struct {
	MessageID string  `json:"message_id"`
	From      string  `json:"from"`
	Subject   string  `json:"subject"`
	Request   *string `json:"request"`
	Match     *string `json:"match"`
	Kind      string  `json:"kind"`
	Folder    string  `json:"folder"`
	Problem   string  `json:"problem,omitempty"`
}

func (c mailCmd) check() int {
	desk, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer desk.Close()
	ctx, cancel := c.context()
	defer cancel()
	msgs, err := desk.CheckMail(ctx)
	if err != nil {
		return c.fail(err)
	}
	rows := []seenRow{}
	for _, m := range msgs {
		row := seenRow{MessageID: m.MessageID, From: m.From, Subject: m.Subject, Kind: string(m.Kind), Folder: m.Folder, Problem: m.Problem}
		if m.Request != "" && m.Match != mail.MatchNone {
			req, match := m.Request, string(m.Match)
			row.Request, row.Match = &req, &match
		}
		rows = append(rows, row)
	}
	if *c.asJSON {
		return printJSON(c.stdout, rows)
	}
	for _, r := range rows {
		match, req := "-", "-"
		if r.Match != nil {
			match, req = *r.Match, *r.Request
		}
		fmt.Fprintf(c.stdout, "%-9s %-24s %-10s %s: %s\n", match, req, r.Kind, r.From, r.Subject)
		if r.Problem != "" {
			fmt.Fprintln(c.stdout, "          ", r.Problem)
		}
	}
	if len(rows) == 0 {
		fmt.Fprintln(c.stdout, "No new mail.")
	}
	return exitOK
}
