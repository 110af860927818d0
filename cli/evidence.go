package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"prava/casework"
	"prava/evidence"
)

// evidenceUsage is the help of "prava evidence".
const evidenceUsage = `Usage:
  prava evidence verify FILE    check an evidence bundle (.asice): every file against its
                                manifest, the timestamps, the kept DKIM results
`

// evidence writes the evidence PDF of a request ("prava request evidence
// ID --out FILE.pdf"), for the complaint to the supervisory authority.
func (c requestCmd) evidence() int {
	if *c.out == "" {
		return c.fail(errors.New("give the file to write: --out FILE.pdf"))
	}
	desk, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer desk.Close()
	pdf, err := desk.Evidence(context.Background(), c.pos[0], casework.EvidenceOptions{Lang: *c.lang})
	if err != nil {
		return c.fail(err)
	}
	if err := writeNew(*c.out, pdf); err != nil {
		return c.fail(err)
	}
	fmt.Fprintf(c.stdout, "Wrote %s (%d bytes): the request, its sending and the replies, with the original messages attached inside\n", *c.out, len(pdf))
	return exitOK
}

// maxBundle is the largest file "evidence verify" reads, the bundle
// reader's own limit on what it unpacks.
const maxBundle = evidence.MaxTotal

// runEvidence runs "prava evidence verify FILE".
func runEvidence(args []string, stdout, stderr io.Writer) int {
	if len(args) != 2 || args[0] != "verify" {
		fmt.Fprint(stderr, evidenceUsage)
		return exitUsage
	}
	fail := failWith(stderr, "evidence verify")
	path := args[1]
	st, err := os.Stat(path)
	switch {
	case err != nil:
		return fail(fmt.Errorf("cannot read %s: %w", path, unwrapPath(err)))
	case st.IsDir():
		return fail(fmt.Errorf("%s is a folder: give the bundle's file (.asice)", path))
	case st.Size() > maxBundle:
		return fail(fmt.Errorf("%s is %d bytes, more than an evidence bundle may be (%d)", path, st.Size(), maxBundle))
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return fail(fmt.Errorf("cannot read %s: %w", path, unwrapPath(err)))
	}
	if bytes.HasPrefix(b, []byte("%PDF-")) {
		return fail(fmt.Errorf("%s is a PDF, not a bundle: the evidence PDF carries its files inside (list them with pdfdetach -list) and prints each one's SHA-256 in its annex", path))
	}
	rep, err := evidence.VerifyBytes(b, evidence.VerifyOptions{})
	if err != nil {
		return fail(fmt.Errorf("%s: %w", path, err))
	}
	fmt.Fprint(stdout, rep.String())
	if !rep.OK() {
		return exitError
	}
	return exitOK
}
