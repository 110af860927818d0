package cli

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"prava/casework"
	"prava/files"

	"golang.org/x/term"
)

// vaultFlags are the flags every command that opens the vault takes.
type vaultFlags struct {
	path         *string
	passphrase   *bool
	recoveryCode *bool
}

func addVaultFlags(fs *flag.FlagSet, global string) vaultFlags {
	return vaultFlags{
		path:         fs.String("vault", global, "the vault file (default: $PRAVA_VAULT, or prava/prava.vault in the user's configuration folder)"),
		passphrase:   fs.Bool("passphrase", false, "the vault is protected by a passphrase: read it from the first line of standard input (at a terminal it is asked for and not shown)"),
		recoveryCode: fs.Bool("recovery-code-stdin", false, "open the vault with its recovery code, read from the first line of standard input (at a terminal it is asked for and not shown), when the keyring is locked or missing"),
	}
}

func (vf vaultFlags) resolve() (string, error) {
	if *vf.path != "" {
		return *vf.path, nil
	}
	return casework.DefaultVaultPath()
}

// unlock reads what --passphrase or --recovery-code-stdin ask for from in;
// with neither, the keyring opens the vault.
func (vf vaultFlags) unlock(in *lines) (casework.Unlock, error) {
	var u casework.Unlock
	var err error
	switch {
	case *vf.passphrase && *vf.recoveryCode:
		return u, errors.New("give --passphrase or --recovery-code-stdin, not both")
	case *vf.passphrase:
		u.Passphrase, err = in.secret("passphrase")
	case *vf.recoveryCode:
		u.RecoveryCode, err = in.secret("recovery code")
	}
	return u, err
}

// open opens the vault behind a desk, with the keyring, or with the
// passphrase or recovery code on stdin.
func (vf vaultFlags) open(in *lines) (*casework.Desk, error) {
	return vf.openWith(in, casework.Open)
}

// openCompanies opens the vault without its requests, for commands that
// work on companies alone: on a vault with many letters it is several
// times faster. The desk refuses what needs the requests.
func (vf vaultFlags) openCompanies(in *lines) (*casework.Desk, error) {
	return vf.openWith(in, casework.OpenCompanies)
}

func (vf vaultFlags) openWith(in *lines, open func(string, casework.Unlock, casework.Keyring, func() time.Time) (*casework.Desk, error)) (*casework.Desk, error) {
	path, err := vf.resolve()
	if err != nil {
		return nil, err
	}
	u, err := vf.unlock(in)
	if err != nil {
		return nil, err
	}
	return open(path, u, nil, nil)
}

// lines reads standard input a line at a time, so that one command can
// take two secrets from it: the one that opens the vault, then a new
// passphrase.
type lines struct {
	r   *bufio.Reader
	tty *os.File // standard input when it is a terminal: secrets are read unechoed
}

func newLines(r io.Reader) *lines {
	l := &lines{r: bufio.NewReader(r)}
	if f, ok := r.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		l.tty = f
	}
	return l
}

// secret reads the next line as typed, without its line ending: a
// passphrase is used exactly as the app uses it, spaces and all
// (casework.CheckPassphrase).
func (l *lines) secret(what string) (string, error) {
	if l.tty != nil {
		return l.typed(what)
	}
	line, err := l.r.ReadString('\n')
	line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
	if strings.TrimSpace(line) == "" {
		if err != nil && !errors.Is(err, io.EOF) {
			return "", fmt.Errorf("reading the %s: %w", what, err)
		}
		return "", fmt.Errorf("no %s on standard input: type it, or pipe it in", what)
	}
	return line, nil
}

// parseAll parses flags wherever they stand, before or after the command's
// other arguments ("company add URL --vault X" as well as "company add
// --vault X URL"), and returns those other arguments. After "--" the rest
// are arguments.
func parseAll(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if k := len(args) - len(rest); k > 0 && args[k-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// keyringAdvice adds the way on when no keyring can keep the vault's key.
func keyringAdvice(err error) error {
	if errors.Is(err, casework.ErrKeyringUnavailable) {
		return fmt.Errorf("%w\nThis computer has no keyring Prava can use (on Linux: the Secret Service of GNOME Keyring or KWallet, which may be locked). Protect the vault with a passphrase instead: \"prava vault passphrase --recovery-code-stdin\", with the recovery code on the first line of standard input and the new passphrase on the second", err)
	}
	return err
}

func runVault(args []string, global string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, "Usage: prava vault init|status|recover|passphrase|export FILE|import FILE\n")
		return exitUsage
	}
	fs := flag.NewFlagSet("vault "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	vf := addVaultFlags(fs, global)
	pos, err := parseAll(fs, args[1:])
	if err != nil {
		return exitUsage
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "prava vault %s: %v\n", args[0], err)
		return exitError
	}
	path, err := vf.resolve()
	if err != nil {
		return fail(err)
	}
	in := newLines(stdin)
	switch args[0] {
	case "init":
		passphrase := ""
		if *vf.passphrase {
			if passphrase, err = in.secret("passphrase"); err != nil {
				return fail(err)
			}
			if err := casework.CheckPassphrase(passphrase); err != nil {
				return fail(err)
			}
		}
		desk, code, err := casework.Create(path, passphrase, nil, nil)
		if err != nil {
			if errors.Is(err, casework.ErrKeyringUnavailable) {
				err = fmt.Errorf("%w\nThis computer has no keyring Prava can use (on Linux: the Secret Service of GNOME Keyring or KWallet). Run \"prava vault init --passphrase\" to protect the vault with a passphrase instead", err)
			}
			return fail(err)
		}
		defer desk.Close()
		fmt.Fprintf(stdout, "Created %s\n", desk.Path())
		fmt.Fprintf(stdout, "Recovery code: %s\n", code)
		fmt.Fprintln(stdout, "Write the recovery code on paper and keep it safe. It opens the vault on a new computer or if this keyring is lost; Prava shows it only now.")
		return exitOK
	case "status":
		info, err := casework.InspectVault(path, nil)
		if err != nil {
			return fail(err)
		}
		printStatus(stdout, info)
		return exitOK
	case "recover":
		code, err := in.secret("recovery code")
		if err != nil {
			return fail(err)
		}
		desk, err := casework.Open(path, casework.Unlock{RecoveryCode: code}, nil, nil)
		if err != nil {
			return fail(err)
		}
		defer desk.Close()
		if err := desk.StoreKeyringKey(); err != nil {
			return fail(keyringAdvice(err))
		}
		fmt.Fprintf(stdout, "The vault %s is open again: this computer's keyring now holds a key for it (other computers' keys still work).\n", path)
		return exitOK
	case "passphrase":
		desk, err := vf.open(in)
		if err != nil {
			return fail(keyringAdvice(err))
		}
		defer desk.Close()
		p, err := in.secret("new passphrase")
		if err != nil {
			return fail(fmt.Errorf("%w (after what opens the vault, give the new passphrase on the next line)", err))
		}
		if err := desk.SetPassphrase(p); err != nil {
			return fail(err)
		}
		fmt.Fprintf(stdout, "The vault %s now opens with this passphrase (\"--passphrase\"), and with the recovery code as before; an older passphrase no longer opens it.\n", path)
		return exitOK
	case "export":
		if len(pos) != 1 {
			return fail(errors.New("give the file to export to: prava vault export FILE"))
		}
		desk, err := vf.open(in)
		if err != nil {
			return fail(err)
		}
		defer desk.Close()
		if err := desk.Export(pos[0]); err != nil {
			return fail(err)
		}
		fmt.Fprintf(stdout, "Exported the vault, still encrypted, to %s. It opens anywhere with your recovery code.\n", pos[0])
		return exitOK
	case "import":
		if len(pos) != 1 {
			return fail(errors.New("give the backup to import: prava vault import FILE (the recovery code on standard input)"))
		}
		code, err := in.secret("recovery code")
		if err != nil {
			return fail(err)
		}
		desk, err := casework.Import(pos[0], path, code, nil, nil)
		if err != nil {
			return fail(err)
		}
		defer desk.Close()
		view := desk.View()
		fmt.Fprintf(stdout, "Imported %s as %s: %d companies, %d requests.\n", pos[0], path, len(view.Companies()), len(view.Requests()))
		return exitOK
	}
	fmt.Fprintf(stderr, "prava vault: unknown command %q: use init, status, recover, passphrase, export or import\n", args[0])
	return exitUsage
}

// printStatus says how a vault is protected and whether this computer's
// keyring really opens it.
func printStatus(w io.Writer, info casework.VaultInfo) {
	fmt.Fprintf(w, "Vault:      %s\nCreated:    %s\nModified:   %s\nSize:       %d bytes\nFormat:     %d (data version %d)\nProtection: %s\n",
		info.Path, info.Created.Format(time.DateTime), info.Modified.Format(time.DateTime), info.Size, info.Format, info.Schema, strings.Join(info.Protection, ", "))
	switch {
	case !slices.Contains(info.Protection, "keyring"):
		fmt.Fprintln(w, "Keyring:    not used: the vault opens with its passphrase or recovery code")
	case info.KeyInKeyring:
		fmt.Fprintln(w, "Keyring:    this computer's keyring holds the key")
	case info.OtherKeyInKeyring:
		fmt.Fprintln(w, "Keyring:    this computer's keyring holds a key under this vault's ID that does not open this file (it belongs to another copy); run \"prava vault recover\" with your recovery code")
	case info.KeyringErr != nil:
		fmt.Fprintf(w, "Keyring:    unavailable (%v); open with \"--recovery-code-stdin\" or \"--passphrase\"\n", info.KeyringErr)
	default:
		fmt.Fprintln(w, "Keyring:    no key here; run \"prava vault recover\" with your recovery code")
	}
}

// runICS writes every open deadline to an iCalendar file.
func runICS(args []string, global string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ics", flag.ContinueOnError)
	fs.SetOutput(stderr)
	vf := addVaultFlags(fs, global)
	pos, err := parseAll(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 1 {
		fmt.Fprint(stderr, "Usage: prava ics FILE\n")
		return exitUsage
	}
	desk, err := vf.open(newLines(stdin))
	if err != nil {
		fmt.Fprintln(stderr, "prava ics:", err)
		return exitError
	}
	defer desk.Close()
	events := desk.View().Calendar()
	// Through files.WriteFile: never half a calendar on a full disk, and
	// never over the vault, its .bak or its lock file.
	var b bytes.Buffer
	if err := files.WriteICS(&b, events, time.Now()); err != nil {
		fmt.Fprintln(stderr, "prava ics:", err)
		return exitError
	}
	if err := files.WriteFile(pos[0], b.Bytes()); err != nil {
		fmt.Fprintln(stderr, "prava ics:", err)
		return exitError
	}
	fmt.Fprintf(stdout, "Wrote %d deadlines to %s\n", len(events), pos[0])
	return exitOK
}

// typed asks for a secret at the terminal, with a prompt and without
// echoing it, so that it is neither on the screen nor in the scrollback
// (security review 2, F13).
func (l *lines) typed(what string) (string, error) {
	fmt.Fprintf(os.Stderr, "%s%s (not shown as you type): ", strings.ToUpper(what[:1]), what[1:])
	b, err := term.ReadPassword(int(l.tty.Fd()))
	fmt.Fprintln(os.Stderr)
	if err != nil {
		return "", fmt.Errorf("reading the %s: %w", what, err)
	}
	if strings.TrimSpace(string(b)) == "" {
		return "", fmt.Errorf("no %s was typed", what)
	}
	return string(b), nil
}
