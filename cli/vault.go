package cli

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"prava/casework"
	"prava/storage"
)

// vaultFlags are the flags every command that opens the vault takes.
type vaultFlags struct {
	path       *string
	passphrase *bool
}

func addVaultFlags(fs *flag.FlagSet, global string) vaultFlags {
	return vaultFlags{
		path:       fs.String("vault", global, "the vault file (default: $PRAVA_VAULT, or prava/prava.vault in the user's configuration folder)"),
		passphrase: fs.Bool("passphrase", false, "the vault is protected by a passphrase: read it from the first line of standard input"),
	}
}

func (vf vaultFlags) resolve() (string, error) {
	if *vf.path != "" {
		return *vf.path, nil
	}
	return storage.DefaultPath()
}

// open opens the vault with the keyring, or with the passphrase on stdin.
func (vf vaultFlags) open(stdin io.Reader) (*storage.Vault, error) {
	return vf.openWith(stdin, storage.Open)
}

// openCompanies opens the vault without its requests, for commands that
// work on companies alone: on a vault with many letters it is several
// times faster.
func (vf vaultFlags) openCompanies(stdin io.Reader) (*storage.Vault, error) {
	return vf.openWith(stdin, storage.OpenWithoutRequests)
}

func (vf vaultFlags) openWith(stdin io.Reader, open func(string, storage.Unlock, storage.Keyring) (*storage.Vault, error)) (*storage.Vault, error) {
	path, err := vf.resolve()
	if err != nil {
		return nil, err
	}
	var u storage.Unlock
	if *vf.passphrase {
		if u.Passphrase, err = readLine(stdin, "passphrase"); err != nil {
			return nil, err
		}
	}
	return open(path, u, nil)
}

func readLine(r io.Reader, what string) (string, error) {
	line, err := bufio.NewReader(r).ReadString('\n')
	line = strings.TrimSpace(line)
	if line == "" {
		if err != nil && !errors.Is(err, io.EOF) {
			return "", fmt.Errorf("reading the %s: %w", what, err)
		}
		return "", fmt.Errorf("no %s on standard input: type it, or pipe it in", what)
	}
	return line, nil
}

func runVault(args []string, global string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, "Usage: prava vault init|status|recover|export FILE|import FILE\n")
		return exitUsage
	}
	fs := flag.NewFlagSet("vault "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	vf := addVaultFlags(fs, global)
	if err := fs.Parse(args[1:]); err != nil {
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
	switch args[0] {
	case "init":
		opt := storage.CreateOptions{}
		if *vf.passphrase {
			if opt.Passphrase, err = readLine(stdin, "passphrase"); err != nil {
				return fail(err)
			}
		}
		v, code, err := storage.Create(path, opt)
		if err != nil {
			if errors.Is(err, storage.ErrKeyringUnavailable) {
				err = fmt.Errorf("%w\nThis computer has no keyring Prava can use (on Linux: the Secret Service of GNOME Keyring or KWallet). Run \"prava vault init --passphrase\" to protect the vault with a passphrase instead", err)
			}
			return fail(err)
		}
		defer v.Close()
		fmt.Fprintf(stdout, "Created %s\n", v.Path())
		fmt.Fprintf(stdout, "Recovery code: %s\n", code)
		fmt.Fprintln(stdout, "Write the recovery code on paper and keep it safe. It opens the vault on a new computer or if this keyring is lost; Prava shows it only now.")
		return exitOK
	case "status":
		info, err := storage.Inspect(path, nil)
		if err != nil {
			return fail(err)
		}
		fmt.Fprintf(stdout, "Vault:      %s\nCreated:    %s\nModified:   %s\nSize:       %d bytes\nFormat:     %d (data version %d)\nProtection: %s\n",
			info.Path, info.Created.Format(time.DateTime), info.Modified.Format(time.DateTime), info.Size, info.Format, info.Schema, strings.Join(info.Protection, ", "))
		usesKeyring := false
		for _, p := range info.Protection {
			usesKeyring = usesKeyring || p == "keyring"
		}
		switch {
		case !usesKeyring:
			fmt.Fprintln(stdout, "Keyring:    not used: the vault opens with its passphrase or recovery code")
		case info.KeyInKeyring:
			fmt.Fprintln(stdout, "Keyring:    this computer's keyring holds the key")
		case info.KeyringErr != nil:
			fmt.Fprintf(stdout, "Keyring:    unavailable (%v)\n", info.KeyringErr)
		default:
			fmt.Fprintln(stdout, "Keyring:    no key here; run \"prava vault recover\" with your recovery code")
		}
		return exitOK
	case "recover":
		code, err := readLine(stdin, "recovery code")
		if err != nil {
			return fail(err)
		}
		v, err := storage.Open(path, storage.Unlock{RecoveryCode: code}, nil)
		if err != nil {
			return fail(err)
		}
		defer v.Close()
		if err := v.StoreKeyringKey(); err != nil {
			return fail(err)
		}
		fmt.Fprintf(stdout, "The vault %s is open again: a new key for it is in this computer's keyring.\n", path)
		return exitOK
	case "export":
		if fs.NArg() != 1 {
			return fail(errors.New("give the file to export to: prava vault export FILE"))
		}
		v, err := vf.open(stdin)
		if err != nil {
			return fail(err)
		}
		defer v.Close()
		if err := v.ExportTo(fs.Arg(0)); err != nil {
			return fail(err)
		}
		fmt.Fprintf(stdout, "Exported the vault, still encrypted, to %s. It opens anywhere with your recovery code.\n", fs.Arg(0))
		return exitOK
	case "import":
		if fs.NArg() != 1 {
			return fail(errors.New("give the backup to import: prava vault import FILE (the recovery code on standard input)"))
		}
		code, err := readLine(stdin, "recovery code")
		if err != nil {
			return fail(err)
		}
		v, err := storage.Import(fs.Arg(0), path, code, nil)
		if err != nil {
			return fail(err)
		}
		defer v.Close()
		fmt.Fprintf(stdout, "Imported %s as %s: %d companies, %d requests.\n", fs.Arg(0), path, len(v.Data.Companies), len(v.Data.Requests))
		return exitOK
	}
	fmt.Fprintf(stderr, "prava vault: unknown command %q: use init, status, recover, export or import\n", args[0])
	return exitUsage
}

// runICS writes every open deadline to an iCalendar file.
func runICS(args []string, global string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ics", flag.ContinueOnError)
	fs.SetOutput(stderr)
	vf := addVaultFlags(fs, global)
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() != 1 {
		fmt.Fprint(stderr, "Usage: prava ics FILE\n")
		return exitUsage
	}
	v, err := vf.open(stdin)
	if err != nil {
		fmt.Fprintln(stderr, "prava ics:", err)
		return exitError
	}
	defer v.Close()
	events := casework.CalendarEvents(v.Data)
	f, err := os.OpenFile(fs.Arg(0), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		fmt.Fprintln(stderr, "prava ics:", err)
		return exitError
	}
	if err := storage.WriteICS(f, events, time.Now()); err != nil {
		f.Close()
		fmt.Fprintln(stderr, "prava ics:", err)
		return exitError
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(stderr, "prava ics:", err)
		return exitError
	}
	fmt.Fprintf(stdout, "Wrote %d deadlines to %s\n", len(events), fs.Arg(0))
	return exitOK
}
