package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"prava/casework"
)

// sign writes the request's letter as PDF/A-2b for signing with a
// national e-signature ("prava request sign ID --out FILE.pdf") and says
// where to sign it and how to bring the signed file back.
func (c requestCmd) sign() int {
	if *c.out == "" {
		return c.fail(errors.New("give the file to write: --out FILE.pdf"))
	}
	desk, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer desk.Close()
	copy, err := desk.SigningCopy(c.pos[0])
	if err != nil {
		return c.fail(err)
	}
	if err := writeNew(*c.out, copy.Data); err != nil {
		return c.fail(err)
	}
	fmt.Fprintf(c.stdout, "Wrote %s (%d bytes, PDF/A-2b). Sign exactly this file with your e-signature at:\n", *c.out, len(copy.Data))
	for _, p := range casework.SigningPortals(desk.View().Profile().Country) {
		fmt.Fprintf(c.stdout, "  %s  %s\n", p.Name, p.URL)
	}
	fmt.Fprintf(c.stdout, "then attach what the service gives back: prava request signed %s --file SIGNED_FILE\n", c.pos[0])
	return exitOK
}

// signed attaches the signed letter ("prava request signed ID --file F")
// after checking that it signs the copy "request sign" wrote.
func (c requestCmd) signed() int {
	if *c.file == "" {
		return c.fail(errors.New("give the signed file: --file FILE (.edoc, .asice, .adoc, .p7s or the signed .pdf)"))
	}
	b, err := readSignedFile(*c.file)
	if err != nil {
		return c.fail(err)
	}
	desk, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer desk.Close()
	s, err := desk.AttachSigned(c.pos[0], filepath.Base(*c.file), b)
	if err != nil {
		return c.fail(err)
	}
	checked := "its signature was checked against the certificate inside"
	if !s.Checked {
		checked = "its digests were checked, not the signature value"
	}
	fmt.Fprintf(c.stdout, "Attached %s (%s): it signs this letter; signed by %s; %s.\n%s\n",
		s.Signed.Name, s.Format, strings.Join(s.Signers, "; "), checked, s.Note)
	return exitOK
}

// receipt attaches the scan or photo of the post receipt ("prava request
// receipt ID --file F") to a request sent by post, for its evidence.
func (c requestCmd) receipt() int {
	if *c.file == "" {
		return c.fail(errors.New("give the scan or photo of the post receipt: --file FILE (PDF, PNG or JPEG)"))
	}
	b, err := readSignedFile(*c.file)
	if err != nil {
		return c.fail(err)
	}
	desk, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer desk.Close()
	if err := desk.AttachReceipt(c.pos[0], filepath.Base(*c.file), b); err != nil {
		return c.fail(err)
	}
	fmt.Fprintf(c.stdout, "Attached the post receipt %s; \"prava request evidence %s\" now carries it.\n", filepath.Base(*c.file), c.pos[0])
	return exitOK
}

// readSignedFile reads a signed letter or a receipt, refusing a folder or
// a file too big to be one before reading it.
func readSignedFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, unwrapPath(err))
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("%s is a folder: give the file itself", path)
	}
	b, err := io.ReadAll(io.LimitReader(f, casework.MaxAttachment+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, unwrapPath(err))
	}
	if len(b) > casework.MaxAttachment {
		return nil, fmt.Errorf("%s is larger than %d MB: a signed letter is smaller; choose the file the signing service gave you", path, casework.MaxAttachment>>20)
	}
	return b, nil
}
