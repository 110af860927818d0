package cli

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"net/mail"
	"strings"

	"prava/casework"
	"prava/letters"
	"prava/record"
)

// draftFlags are the choices a letter's writer takes beyond its kind:
// the same for "prava letter" and "prava request write", so both fill
// one casework.Draft as the app's writer does.
type draftFlags struct {
	corrections, grounds   listFlag
	published, born, phone *bool
	transfer, extra        *string
	reasons, evidence      *string
	// The same texts from files, kept off the command line.
	correctionsFile, extraFile, reasonsFile *string
}

// addDraftFlags declares the draft's flags on fs.
func addDraftFlags(fs *flag.FlagSet) *draftFlags {
	f := &draftFlags{}
	fs.Var(&f.corrections, "correction", "for rectification: what to correct, as FIELD=VALUE (repeat for each)")
	fs.Var(&f.grounds, "ground", "for erasure or restriction: unneeded (a), consent (b), objection (c) or unlawful (d) (repeatable; default consent and objection)")
	f.published = fs.Bool("published", false, "for erasure: the company made the data public (asks it to tell others, GDPR Art. 17(2))")
	f.transfer = fs.String("transfer-to", "", "for portability: the controller to send the data to directly, as \"Name <e-mail>\"")
	f.extra = fs.String("extra", "", "a paragraph of your own, added to the letter")
	f.reasons = fs.String("reasons", "", "for objection, and erasure or restriction on that ground: your particular situation, why the processing should stop (GDPR Art. 21(1))")
	f.evidence = fs.String("evidence", "", "for rectification under 152-FZ: what you enclose to show the data is wrong")
	f.correctionsFile = fs.String("corrections-file", "", "for rectification: a file with one FIELD=VALUE per line"+fileNote)
	f.extraFile = fs.String("extra-file", "", "a file with the paragraph of your own"+fileNote)
	f.reasonsFile = fs.String("reasons-file", "", "a file with your reasons"+fileNote)
	f.born = fs.Bool("birthdate-known", false, "the company holds your date of birth: give it in the letter to identify you")
	f.phone = fs.Bool("give-phone", false, "give your phone number in the letter (left out otherwise: the company answers by e-mail or post)")
	return f
}

// fill checks the flags against the kind and puts them in dr.
func (f *draftFlags) fill(dr *casework.Draft) error {
	kind := dr.Kind
	if err := fromFile("extra", f.extra, *f.extraFile); err != nil {
		return err
	}
	if err := fromFile("reasons", f.reasons, *f.reasonsFile); err != nil {
		return err
	}
	if *f.correctionsFile != "" {
		text, err := readTextFile("corrections-file", *f.correctionsFile)
		if err != nil {
			return err
		}
		for line := range strings.SplitSeq(text, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				f.corrections = append(f.corrections, line)
			}
		}
	}
	for _, c := range f.corrections {
		fix, err := letters.ParseCorrection(c)
		if err != nil {
			return err
		}
		dr.Corrections = append(dr.Corrections, fix)
	}
	for _, g := range f.grounds {
		ground, err := letters.ParseGround(g)
		if err != nil {
			return err
		}
		dr.Grounds = append(dr.Grounds, ground)
	}
	if len(dr.Corrections) > 0 && kind != record.Rectification && kind != record.Restriction {
		return fmt.Errorf("--correction is for rectification (or restriction) letters, not %s", kind)
	}
	if len(dr.Grounds) > 0 && kind != record.Erasure && kind != record.Restriction {
		return fmt.Errorf("--ground is for erasure and restriction letters, not %s", kind)
	}
	if *f.transfer != "" {
		if kind != record.Portability {
			return fmt.Errorf("--transfer-to is for portability letters, not %s", kind)
		}
		a, err := mail.ParseAddress(*f.transfer)
		if err != nil {
			return fmt.Errorf("--transfer-to %q is not an address: write it as \"Name <privacy@example.org>\"", *f.transfer)
		}
		dr.TransferTo = &letters.Recipient{Name: cmp.Or(a.Name, a.Address), Email: a.Address}
	}
	if kind == record.Rectification && len(dr.Corrections) == 0 {
		return errors.New("a rectification letter says what to correct: add --correction FIELD=VALUE, for example --correction \"address=Elijas iela 17, Rīga\"")
	}
	dr.Published, dr.BirthDateKnown, dr.PhoneGiven = *f.published, *f.born, *f.phone
	dr.Extra, dr.Reasons, dr.Evidence = *f.extra, *f.reasons, *f.evidence
	return nil
}
