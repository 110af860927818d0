package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"

	"prava/casework"
	"prava/directory"
	"prava/record"
)

// addFromDirectory stores the company with slug from the directory of
// known companies, prefilled for the person's country, through the same
// duplicate check as every add.
func addFromDirectory(vf vaultFlags, slug string, again bool, stdin io.Reader, stdout, stderr io.Writer) int {
	fail := func(err error) int {
		fmt.Fprintf(stderr, "prava company add: %v\n", err)
		return exitError
	}
	dir, e, err := knownCompany(slug)
	if err != nil {
		return fail(err)
	}
	v, err := vf.openCompanies(newLines(stdin))
	if err != nil {
		return fail(err)
	}
	defer v.Close()
	desk := casework.NewDesk(v, nil)
	c, err := desk.AddCompany(dir.Prefill(e, desk.Data().Profile.Country, time.Now().UTC()), again, "directory:"+slug)
	var dup *casework.DuplicateError
	if errors.As(err, &dup) {
		return fail(fmt.Errorf("%w; to add it anyway: prava company add --again --directory %s", err, slug))
	}
	if err != nil {
		return fail(err)
	}
	law := string(c.Jurisdiction)
	if law == "" {
		law = "law not decided: set it with \"prava company edit " + c.ID + " --law CODE\""
	}
	fmt.Fprintf(stdout, "Added %s (%s, %s) from the directory as of %s as %s\n", c.Name, law, c.Language, dir.AsOf(), c.ID)
	return exitOK
}

// exportCompanies writes the person's own companies (those read from
// policies, not taken from the directory) in the datarequests.org schema,
// ready to contribute, and says which records the schema would refuse.
func exportCompanies(companies []record.Company, path string, stdout, stderr io.Writer) int {
	records, problems := directory.Export(companies)
	var buf bytes.Buffer
	if err := directory.WriteRecords(&buf, records); err != nil {
		fmt.Fprintln(stderr, "prava company export:", err)
		return exitError
	}
	if err := writeNew(path, buf.Bytes()); err != nil {
		fmt.Fprintln(stderr, "prava company export:", err)
		return exitError
	}
	for _, p := range problems {
		fmt.Fprintln(stderr, "note:", p)
	}
	fmt.Fprintf(stdout, "Wrote %d companies to %s in the datarequests.org schema\n", len(records), path)
	return exitOK
}
