package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"prava/casework"
	"prava/directory"
	"prava/record"
)

// addFromDirectory stores the companies with these slugs from the
// directory of known companies, prefilled for the person's country: one
// through the same duplicate check as every add, several in one save
// (those already kept are skipped and named).
func addFromDirectory(vf vaultFlags, slugs []string, again bool, stdin io.Reader, stdout io.Writer, fail func(error) int) int {
	dir, err := directory.Default()
	if err != nil {
		return fail(err)
	}
	desk, err := vf.openCompanies(newLines(stdin))
	if err != nil {
		return fail(err)
	}
	defer desk.Close()
	if len(slugs) > 1 {
		added, err := desk.AddManyFromDirectory(dir, slugs)
		if err != nil {
			return fail(err)
		}
		for _, c := range added {
			fmt.Fprintf(stdout, "Added %s as %s\n", c.Name, c.ID)
		}
		fmt.Fprintf(stdout, "Added %d of %d companies from the directory as of %s (the others are kept already)\n", len(added), len(slugs), dir.AsOf())
		return exitOK
	}
	c, err := desk.AddFromDirectory(dir, slugs[0], again)
	var dup *casework.DuplicateError
	if errors.As(err, &dup) {
		return fail(fmt.Errorf("%w; to add it anyway: prava company add --again --directory %s", err, slugs[0]))
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
