package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"prava/casework"
	"prava/files"
	"prava/law"
	"prava/letters"
	"prava/policy"
	"prava/record"
)

// runLetter writes a letter from a policy and a profile. Everything is
// composed and rendered before the first byte is written, so a bad input
// leaves no half-written file behind.
func runLetter(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("letter", flag.ContinueOnError)
	fs.SetOutput(stderr)
	policyArg := fs.String("policy", "", "the company's privacy policy: a .txt or .html file, an http(s) URL, or -")
	dirArg := fs.String("directory", "", "instead of --policy: the company's slug in the directory of known companies (see \"prava directory search\")")
	kindArg := fs.String("kind", "", "access, erasure, withdrawal, rectification, objection, restriction or portability")
	langArg := fs.String("lang", "", "the letter's language: uk, ru, lv, lt or en (default: the policy's)")
	fromArg := fs.String("from", "", "your profile, a JSON file with name, address, email, phone, birthdate, id_document, customer_ref")
	dateArg := fs.String("date", "", "the letter's date, YYYY-MM-DD (default: today)")
	toArg := fs.String("to", "", "the e-mail or postal address to write to (default: the one the policy names)")
	toNameArg := fs.String("to-name", "", "the controller's legal name, when the policy names only its site or you know better")
	lawArg := fs.String("law", "", "the law to cite: UA, RU, EU, EU-LV, EU-LT, … (default: the policy's)")
	outArg := fs.String("out", "", "where to save the PDF")
	emailArg := fs.String("email", "", "where to save the e-mail: FILE.eml is a message with the PDF attached that a mail program opens as a draft; FILE.txt the recipient, subject and text")
	draft := addDraftFlags(fs)
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: prava letter --policy FILE|URL|--directory SLUG --kind KIND [--lang LANG] --from PROFILE.json\n"+
			"                    [--date YYYY-MM-DD] [--to CONTACT] [--to-name NAME] [--law CODE] --out FILE.pdf [--email FILE.eml|FILE.txt]\n"+
			"                    [--correction FIELD=VALUE]... [--ground G]... [--published] [--transfer-to ADDRESS] [--extra TEXT | --extra-file F]\n"+
			"                    [--reasons TEXT | --reasons-file F] [--corrections-file F] [--evidence TEXT] [--birthdate-known] [--give-phone]\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if (*policyArg == "") == (*dirArg == "") || *kindArg == "" || *fromArg == "" || *outArg == "" || fs.NArg() > 0 {
		fs.Usage()
		return exitUsage
	}
	fail := func(err error) int {
		fmt.Fprintln(stderr, "prava letter:", err)
		return exitError
	}
	kind, err := record.ParseKind(*kindArg)
	if err != nil {
		return fail(err)
	}
	if kind.IsFollowUp() {
		return fail(fmt.Errorf("a %s follows a stored request: write it from the app, which knows the request's history", kind))
	}
	if *langArg != "" && !slices.Contains(letters.Languages, *langArg) {
		return fail(fmt.Errorf("no letters in %q: choose one of %s", *langArg, strings.Join(letters.Languages, ", ")))
	}
	day := time.Now()
	if *dateArg != "" {
		if day, err = time.Parse(time.DateOnly, *dateArg); err != nil {
			return fail(fmt.Errorf("%q is not a date: write it as YYYY-MM-DD, for example 2026-11-23", *dateArg))
		}
	}
	day = law.Day(day)
	pf, err := os.Open(*fromArg)
	if err != nil {
		return fail(fmt.Errorf("cannot read the profile: %w", err))
	}
	profile, err := letters.ReadProfile(pf)
	pf.Close()
	if err != nil {
		return fail(fmt.Errorf("%s: %w", *fromArg, err))
	}
	choice := casework.LetterChoice{Draft: casework.Draft{Kind: kind, Lang: *langArg, Date: day}, To: *toArg, ToName: *toNameArg, Law: *lawArg}
	if err := draft.fill(&choice.Draft); err != nil {
		return fail(err)
	}
	var req letters.Input
	if *dirArg != "" {
		dir, e, err := knownCompany(*dirArg)
		if err != nil {
			return fail(err)
		}
		if req, err = casework.LetterToCompany(dir.Prefill(e, "", day), profile, choice); err != nil {
			return fail(letterProblem(err))
		}
	} else {
		ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
		defer stop()
		src, err := policy.Load(ctx, *policyArg, stdin)
		if err != nil {
			return fail(err)
		}
		if req, err = casework.LetterFromPolicy(src, policy.Analyze(src.Text), profile, choice); err != nil {
			return fail(letterProblem(err))
		}
	}
	l, err := letters.Compose(req)
	if err != nil {
		return fail(err)
	}
	pdf, err := l.PDF()
	if err != nil {
		return fail(err)
	}
	var message []byte
	if *emailArg != "" && req.Channel == record.ByPost {
		// The policy takes this request by post, so the letter has no
		// e-mail recipient (any address the policy gives is for other
		// things, letters-review-2 L18): the person is told why the
		// draft has no To: line rather than left to wonder.
		fmt.Fprintln(stderr, "note: the policy takes this request by post, so the e-mail draft has no recipient: post the signed PDF, or give the e-mail address to write to with --to")
	}
	switch ext := strings.ToLower(filepath.Ext(*emailArg)); {
	case *emailArg == "":
	case ext == ".eml":
		if message, err = l.Message(pdf); err != nil {
			return fail(err)
		}
	default:
		message = []byte(l.EmailText())
	}
	if err := writeNew(*outArg, pdf); err != nil {
		return fail(err)
	}
	if message != nil {
		if err := writeNew(*emailArg, message); err != nil {
			os.Remove(*outArg)
			return fail(err)
		}
	}
	for _, w := range l.Warnings {
		fmt.Fprintln(stderr, "note:", w)
	}
	fmt.Fprintf(stdout, "%s letter in %s to %s (%s), reference %s\n", kind, l.Lang, req.To.Name, req.Channel, l.Reference)
	if !l.Due.IsZero() {
		fmt.Fprintf(stdout, "answer due by %s\n", l.Due.Format(time.DateOnly))
	}
	fmt.Fprintln(stdout, "saved", *outArg)
	if message != nil {
		fmt.Fprintln(stdout, "saved", *emailArg)
	}
	return exitOK
}

// letterProblem says what to do in the command line's words where the
// desk's message speaks of the app's pages.
func letterProblem(err error) error {
	var p *casework.Problem
	if errors.As(err, &p) {
		switch p.Field + "/" + p.Code {
		case "contact/none":
			return errors.New("the policy names no e-mail or postal address to write to: give one with --to")
		case "profile/no_email":
			return errors.New("add your e-mail address (\"email\") to the profile in --from: the company answers a letter sent by e-mail there")
		}
	}
	return err
}

// listFlag is a flag that may be given more than once.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ", ") }

// Set adds one more value.
func (l *listFlag) Set(s string) error {
	*l = append(*l, s)
	return nil
}

// writeNew writes data to path the way the vault is written
// (files.WriteFile), so a failed write never leaves a truncated file
// under the name, with messages worded for the command line.
func writeNew(path string, data []byte) error {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return fmt.Errorf("%s is a folder: give a file name, such as %s", path, filepath.Join(path, "letter.pdf"))
	}
	if err := files.WriteFile(path, data); err != nil {
		return fmt.Errorf("cannot write to %s: %w; choose a folder you can write to", path, unwrapPath(err))
	}
	return nil
}

// unwrapPath drops the temporary file's name from an error.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
