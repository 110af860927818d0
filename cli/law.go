package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"prava/law"
	"prava/record"
)

// runDue prints when an answer is due: the date, the latest date with an
// extension (or "no extension"), and the basis in words.
func runDue(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("due", flag.ContinueOnError)
	fs.SetOutput(stderr)
	code := fs.String("law", "", "jurisdiction code: UA, RU, EU, EU-LV, EU-LT, … US-CA")
	kindName := fs.String("kind", "", "request kind: "+strings.Join(kindNames(), ", "))
	received := fs.String("received", "", "the day the company received the request, YYYY-MM-DD")
	noMartial := fs.Bool("no-martial-law", false, "count Ukrainian public holidays as days off (martial law not in force)")
	asJSON := fs.Bool("json", false, "print the result as a JSON object")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: prava due --law CODE --kind KIND --received YYYY-MM-DD [--json]\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if *code == "" || *kindName == "" || *received == "" || fs.NArg() > 0 {
		fs.Usage()
		return exitUsage
	}
	opt := law.DefaultOptions()
	opt.MartialLaw = !*noMartial
	j, err := law.Lookup(*code, opt)
	if err != nil {
		fmt.Fprintln(stderr, "prava due:", err)
		return exitError
	}
	kind, err := record.ParseKind(*kindName)
	if err != nil {
		fmt.Fprintln(stderr, "prava due:", err)
		return exitError
	}
	day, err := time.Parse(time.DateOnly, *received)
	if err != nil {
		fmt.Fprintf(stderr, "prava due: %q is not a date: write it as YYYY-MM-DD, for example 2026-11-23\n", *received)
		return exitError
	}
	d, err := law.Due(j, kind, law.Clock{Received: day}, opt)
	if err != nil {
		fmt.Fprintln(stderr, "prava due:", err)
		return exitError
	}
	if *asJSON {
		out := map[string]any{
			"law": j.Code, "kind": kind, "received": dateOrNil(d.Received), "due": dateOrNil(d.Due),
			"latest": dateOrNil(d.Latest), "statutory": d.Statutory, "interim": dateOrNil(d.Interim), "basis": d.Basis,
		}
		return printJSON(stdout, out)
	}
	if d.Due.IsZero() {
		fmt.Fprintln(stdout, "no deadline")
	} else {
		fmt.Fprintln(stdout, d.Due.Format(time.DateOnly))
	}
	if d.Latest.IsZero() {
		fmt.Fprintln(stdout, "no extension")
	} else {
		fmt.Fprintln(stdout, d.Latest.Format(time.DateOnly))
	}
	fmt.Fprintln(stdout, d.Basis)
	return exitOK
}

func dateOrNil(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Format(time.DateOnly)
}

func kindNames() []string {
	var out []string
	for _, k := range record.Kinds {
		out = append(out, string(k))
	}
	return out
}

// runAuthority prints the supervisory authority for a jurisdiction.
func runAuthority(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("authority", flag.ContinueOnError)
	fs.SetOutput(stderr)
	country := fs.String("country", "", "the country you live in (ISO code such as LV); under the GDPR you may complain there")
	address := fs.String("address", "", "the company's address: in Germany its postcode picks the Land authority that oversees private companies")
	asJSON := fs.Bool("json", false, "print the entry as a JSON object")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: prava authority [--country CC] [--address TEXT] [--json] CODE\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	code := strings.ToUpper(fs.Arg(0))
	if len(code) == 2 && code != "UA" && code != "RU" && code != "EU" {
		code = "EU-" + code // "LV" means the Latvian authority
	}
	a, err := law.AuthorityFor(record.Code(code), *country)
	if err != nil {
		fmt.Fprintln(stderr, "prava authority:", err)
		return exitError
	}
	if *address != "" {
		a = law.AuthorityAt(a, *address)
	}
	if *asJSON {
		return printJSON(stdout, a)
	}
	fmt.Fprintln(stdout, a.NameLocal)
	if a.NameEn != a.NameLocal {
		fmt.Fprintln(stdout, a.NameEn)
	}
	fmt.Fprintln(stdout, a.Address)
	for _, f := range [][2]string{{"E-mail", a.Email}, {"Website", a.Website}, {"Web form", a.WebForm}, {"Phone", a.Phone}, {"Complaints in", a.Language}, {"Note", a.Notes}} {
		if f[1] != "" {
			fmt.Fprintf(stdout, "%s: %s\n", f[0], f[1])
		}
	}
	if a.Source != "" {
		fmt.Fprintln(stdout, "Source:", a.Source)
	}
	if !a.Verified {
		fmt.Fprintln(stdout, "Note: this entry has not yet been checked against the authority's own site; check the address before posting.")
	}
	// Where a region's or sector's controllers answer to another
	// authority (Germany's Länder, its churches), name those too.
	if others := law.AuthoritiesIn(a.Country); len(others) > 1 {
		fmt.Fprintln(stdout, "\nFor some controllers another authority is competent:")
		for _, o := range others[1:] {
			fmt.Fprintf(stdout, "  %s (%s): %s\n", o.NameLocal, o.Region, strings.ReplaceAll(o.Address, "\n", ", "))
		}
	}
	return exitOK
}
