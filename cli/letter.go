package cli

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/mail"
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
	lawArg := fs.String("law", "", "the law to cite: UA, RU, EU, EU-LV, EU-LT, … (default: the policy's)")
	outArg := fs.String("out", "", "where to save the PDF")
	emailArg := fs.String("email", "", "where to save the e-mail: FILE.eml is a message with the PDF attached that a mail program opens as a draft; FILE.txt the recipient, subject and text")
	var corrections, grounds listFlag
	fs.Var(&corrections, "correction", "for rectification: what to correct, as FIELD=VALUE (repeat for each)")
	fs.Var(&grounds, "ground", "for erasure or restriction: unneeded (a), consent (b), objection (c) or unlawful (d) (repeatable; default consent and objection)")
	published := fs.Bool("published", false, "for erasure: the company made the data public (asks it to tell others, GDPR Art. 17(2))")
	transferArg := fs.String("transfer-to", "", "for portability: the controller to send the data to directly, as \"Name <e-mail>\"")
	extraArg := fs.String("extra", "", "a paragraph of your own, added to the letter")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: prava letter --policy FILE|URL|--directory SLUG --kind KIND [--lang LANG] --from PROFILE.json\n"+
			"                    [--date YYYY-MM-DD] [--to CONTACT] [--law CODE] --out FILE.pdf [--email FILE.eml|FILE.txt]\n"+
			"                    [--correction FIELD=VALUE]... [--ground G]... [--published] [--transfer-to ADDRESS] [--extra TEXT]\n")
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
	kind, err := law.ParseKind(*kindArg)
	if err != nil {
		return fail(err)
	}
	if kind.IsFollowUp() {
		return fail(fmt.Errorf("a %s follows a stored request: write it from the app, which knows the request's history", kind))
	}
	if *langArg != "" && !slices.Contains(letters.Languages, *langArg) {
		return fail(fmt.Errorf("no letters in %q: choose one of %s", *langArg, strings.Join(letters.Languages, ", ")))
	}
	var fixes []letters.Correction
	for _, c := range corrections {
		fix, err := letters.ParseCorrection(c)
		if err != nil {
			return fail(err)
		}
		fixes = append(fixes, fix)
	}
	var why []letters.Ground
	for _, g := range grounds {
		ground, err := letters.ParseGround(g)
		if err != nil {
			return fail(err)
		}
		why = append(why, ground)
	}
	if len(fixes) > 0 && kind != law.Rectification && kind != law.Restriction {
		return fail(fmt.Errorf("--correction is for rectification (or restriction) letters, not %s", kind))
	}
	if len(why) > 0 && kind != law.Erasure && kind != law.Restriction {
		return fail(fmt.Errorf("--ground is for erasure and restriction letters, not %s", kind))
	}
	var transfer *letters.Recipient
	if *transferArg != "" {
		if kind != law.Portability {
			return fail(fmt.Errorf("--transfer-to is for portability letters, not %s", kind))
		}
		a, err := mail.ParseAddress(*transferArg)
		if err != nil {
			return fail(fmt.Errorf("--transfer-to %q is not an address: write it as \"Name <privacy@example.org>\"", *transferArg))
		}
		transfer = &letters.Recipient{Name: cmp.Or(a.Name, a.Address), Email: a.Address}
	}
	if kind == law.Rectification && len(fixes) == 0 {
		return fail(fmt.Errorf("a rectification letter says what to correct: add --correction FIELD=VALUE, for example --correction \"address=Elijas iela 17, Rīga\""))
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
	choice := casework.LetterChoice{Kind: kind, Lang: *langArg, To: *toArg, Law: *lawArg, Date: day}
	var req letters.Input
	if *dirArg != "" {
		dir, e, err := knownCompany(*dirArg)
		if err != nil {
			return fail(err)
		}
		if req, err = casework.LetterToCompany(dir.Prefill(e, "", day), profile, choice); err != nil {
			return fail(err)
		}
	} else {
		ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
		defer stop()
		src, err := policy.Load(ctx, *policyArg, stdin)
		if err != nil {
			return fail(err)
		}
		if req, err = casework.LetterFromPolicy(policy.Analyze(src.Text), profile, choice); err != nil {
			return fail(err)
		}
	}
	req.Corrections, req.Grounds, req.Published, req.TransferTo = fixes, why, *published, transfer
	if *extraArg != "" {
		req.Extra = *extraArg
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
