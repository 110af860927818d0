// Package cli is Prava's command line: reading policies, writing letters,
// deadlines and authorities, and the vault's companies and requests. It builds
// and tests without Fyne.
package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os/signal"
	"strings"
	"syscall"

	"prava/appinfo"
	"prava/policy"
)

// Exit codes of the command line.
const (
	exitOK    = 0
	exitError = 1 // the input was bad or an operation failed
	exitUsage = 2 // the command was not understood
)

const usage = `Usage: prava [--vault PATH] [COMMAND] [OPTIONS]

Without a command, prava opens the desktop app. The vault is PATH, or
$PRAVA_VAULT, or prava/prava.vault in the user's configuration folder.

Commands:
  analyze [--json] FILE|URL|-   read a privacy policy (.txt or .html file, http(s) URL,
                                or - for standard input) and show what it says about
                                the controller, contacts, markings, deadlines and law
  letter --policy FILE|URL|--directory SLUG --kind KIND --from PROFILE.json --out FILE.pdf
         [--lang LANG] [--date YYYY-MM-DD] [--to CONTACT] [--law CODE]
         [--email FILE.eml|FILE.txt] [--correction FIELD=VALUE]... [--ground G]...
                                write an access, erasure, withdrawal, rectification,
                                objection, restriction or portability letter to the
                                company a policy names, as a PDF to print and sign
                                (and with --email as a draft message, PDF attached)
  due --law CODE --kind KIND --received YYYY-MM-DD [--json]
                                when the company must answer: the due date, the latest
                                date with an extension, and the rule in words
  authority [--country CC] CODE the supervisory authority that hears a complaint
  directory search QUERY [--json] [--limit N] [--country CC]
                                find a company in the built-in directory (from
                                datarequests.org) by name, brand, web domain or slug
  directory show SLUG [--json] [--country CC]
                                everything the directory says about one company
  directory packs [--json] [--country CC]
                                companies worth asking, suggested for your country
  vault init [--passphrase]     create the vault; prints the recovery code once
  vault status                  where the vault is, how it is protected, whether this
                                keyring holds its key
  vault recover                 open with the recovery code (read from standard input)
                                and put a new key in this computer's keyring
  vault passphrase              add or change the vault's passphrase (the new one on the
                                last line of standard input; at least 10 characters)
  vault export FILE             write an encrypted backup
  vault import FILE             restore a backup here (recovery code on standard input)
  company add FILE|URL [--again]
                                read a company's policy and store the company (a
                                company already stored is refused unless --again)
  company add --directory SLUG [--again]
                                store a company from the directory of known companies
  company export --datarequests FILE
                                write your own companies in the datarequests.org schema
  company list [--json]         the stored companies
  company show ID [--json]      one company's facts
  company edit ID [--name N] [--legal-name N] [--registration R] [--law CODE]
         [--language L] [--website W] [--add-contact VALUE]... [--remove-contact VALUE]...
         [--legal-entity NAME]... [--marking KIND=TEXT]... [--promised-days N] [--notes TEXT]
                                correct a stored company's facts
  company delete ID             delete a company and its requests
  request list [--json]         the stored requests with their due dates
  request write COMPANY_ID --kind KIND [--from PROFILE.json] [--lang L] [--to CONTACT]
                                write a letter to a stored company as the app does (prints its ID)
  request show ID [--json]      a request: its letter, status, due date and next step
  request record ID --event sent|delivered|identity-asked|identity-provided|extended|answered|refused|done
        [--date D] [--channel C] [--tracking N] [--reason TEXT]
                                record what happened; the due date follows
  request followup ID --kind reminder|complaint|reply [--refusal R]
                                write the reminder, the complaint or the reply to a refusal
  request pdf ID --out FILE     save a request's PDF to print and sign
  request evidence ID --out FILE.pdf [--lang L]
                                the evidence PDF for the supervisory authority: the request
                                as sent, the replies with their DKIM verdicts, a timeline,
                                and the original messages attached inside (PDF/A-3)
  request sign ID --out FILE.pdf
                                the letter as PDF/A-2b to sign with your national
                                e-signature (eParaksts, GoSign/Dokobit, Diia), and where
  request signed ID --file SIGNED_FILE
                                attach the signed .edoc/.asice/.adoc/.p7s/.pdf after
                                checking that it signs exactly this letter
  request delete ID             delete a request written by mistake (and its follow-ups)
  mail setup --address ADDR [--imap HOST:PORT] [--smtp HOST:PORT] [--user U]
       [--security tls|starttls|plain] [--name NAME] --password-stdin [--no-test]
                                set up your own mailbox to send from and read answers in
                                (the password from standard input, kept in the vault)
  mail test                     log in to both mail servers and say what failed
  mail send REQUEST_ID          send a draft request from your mailbox; it becomes sent
  mail check [--json]           look for answers once; matched ones are attached
  evidence verify FILE          check an evidence bundle (.asice) against its manifest
  profile show [--json]         the identity letters are written from
  profile set FILE.json         set it from a JSON file (kept out of the shell's history)
  ics FILE                      every open deadline as an iCalendar file
  help                          show this help
  version                       show the version

Commands that open the vault use this computer's keyring, or take
--passphrase or --recovery-code-stdin to read that secret from the first
line of standard input instead (when the keyring is locked or missing).
`

// SplitGlobal takes a leading --vault PATH (or --vault=PATH) off args.
func SplitGlobal(args []string) (vault string, rest []string, err error) {
	for len(args) > 0 {
		switch a := args[0]; {
		case a == "--vault" || a == "-vault":
			if len(args) < 2 {
				return "", nil, fmt.Errorf("--vault needs a file: prava --vault PATH COMMAND")
			}
			vault, args = args[1], args[2:]
		case strings.HasPrefix(a, "--vault="):
			vault, args = strings.TrimPrefix(a, "--vault="), args[1:]
		default:
			return vault, args, nil
		}
	}
	return vault, args, nil
}

// Run runs one command of the command line (args without the program name)
// and returns the process exit code.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	out, errOut := &shown{w: stdout}, &shown{w: stderr}
	defer out.Flush()
	defer errOut.Flush()
	return dispatch(args, stdin, out, errOut)
}

// dispatch is Run with its output escaped for a terminal (shown).
func dispatch(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	vault, args, err := SplitGlobal(args)
	if err != nil {
		fmt.Fprintln(stderr, "prava:", err)
		return exitUsage
	}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "vault":
		return runVault(args[1:], vault, stdin, stdout, stderr)
	case "company":
		return runCompany(args[1:], vault, stdin, stdout, stderr)
	case "request":
		return runRequest(args[1:], vault, stdin, stdout, stderr)
	case "profile":
		return runProfile(args[1:], vault, stdin, stdout, stderr)
	case "mail":
		return runMail(args[1:], vault, stdin, stdout, stderr)
	case "ics":
		return runICS(args[1:], vault, stdin, stdout, stderr)
	case "analyze":
		return runAnalyze(args[1:], stdin, stdout, stderr)
	case "letter":
		return runLetter(args[1:], stdin, stdout, stderr)
	case "due":
		return runDue(args[1:], stdout, stderr)
	case "authority":
		return runAuthority(args[1:], stdout, stderr)
	case "directory":
		return runDirectory(args[1:], stdout, stderr)
	case "evidence":
		return runEvidence(args[1:], stdout, stderr)
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return exitOK
	case "version", "--version":
		fmt.Fprintln(stdout, "prava", appinfo.Version)
		return exitOK
	}
	fmt.Fprintf(stderr, "prava: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

func runAnalyze(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the findings as a JSON object")
	fs.Usage = func() { fmt.Fprint(stderr, "Usage: prava analyze [--json] FILE|URL|-\n") }
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	src, err := policy.Load(ctx, fs.Arg(0), stdin)
	if err != nil {
		fmt.Fprintln(stderr, "prava analyze:", err)
		return exitError
	}
	f := policy.Analyze(src.Text)
	if *asJSON {
		return printJSON(stdout, f)
	}
	if err := f.WriteSummary(stdout); err != nil {
		fmt.Fprintln(stderr, "prava analyze:", err)
		return exitError
	}
	return exitOK
}

// printJSON writes v as indented JSON, leaving characters such as < and &
// as they are for a person reading it.
func printJSON(w io.Writer, v any) int {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return exitError
	}
	return exitOK
}

// failWith is a command's way to fail: "prava WHAT: the error" on stderr,
// and the exit code for an input that was bad or an operation that failed.
func failWith(stderr io.Writer, what string) func(error) int {
	return func(err error) int {
		fmt.Fprintf(stderr, "prava %s: %v\n", what, err)
		return exitError
	}
}
