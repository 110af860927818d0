package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"prava/directory"
)

// directoryHit is one company of `prava directory search --json`: the
// fields a script or the person needs to write to it. Lists are never
// null.
type directoryHit struct {
	Slug      string              `json:"slug"`
	Name      string              `json:"name"`
	Runs      []string            `json:"runs"`
	Email     string              `json:"email"`
	Address   string              `json:"address"`
	Web       string              `json:"web"`
	WebForm   string              `json:"webform"`
	Phone     string              `json:"phone"`
	Channel   string              `json:"channel"`
	Required  []directory.Element `json:"required"`
	Countries []string            `json:"countries"`
	Quality   string              `json:"quality"`
}

func newDirectoryHit(e *directory.Entry) directoryHit {
	h := directoryHit{
		Slug: e.Slug, Name: e.Name, Runs: e.Runs, Email: e.Email, Address: e.Address, Web: e.Web, WebForm: e.WebForm,
		Phone: e.Phone, Channel: e.Channel, Required: e.Required, Countries: e.Countries, Quality: e.Quality,
	}
	if h.Runs == nil {
		h.Runs = []string{}
	}
	if h.Required == nil {
		h.Required = []directory.Element{}
	}
	if h.Countries == nil {
		h.Countries = []string{}
	}
	return h
}

const directoryUsage = `Usage: prava directory search QUERY [--json] [--limit N] [--country CC]
       prava directory show SLUG [--json] [--country CC]
       prava directory packs [--json] [--country CC]
`

func runDirectory(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, directoryUsage)
		return exitUsage
	}
	switch args[0] {
	case "search":
		return runDirectorySearch(args[1:], stdout, stderr)
	case "show":
		return runDirectoryShow(args[1:], stdout, stderr)
	case "packs":
		return runDirectoryPacks(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "prava directory: unknown command %q\n%s", args[0], directoryUsage)
	return exitUsage
}

func runDirectorySearch(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("directory search", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the companies as a JSON array, best first")
	limit := fs.Int("limit", 10, "the most companies to show (0 for all)")
	country := fs.String("country", "", "the country you live in (ISO code such as LV): its companies come first")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: prava directory search QUERY [--json] [--limit N] [--country CC]\n"+
			"QUERY is a company's name, a brand or service it runs (YouTube), its web domain (booking.com) or its slug.\n")
		fs.PrintDefaults()
	}
	words, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	query := strings.Join(words, " ")
	if strings.TrimSpace(query) == "" {
		fs.Usage()
		return exitUsage
	}
	if *limit < 0 {
		fmt.Fprintln(stderr, "prava directory search: --limit must be 0 (all) or more")
		return exitUsage
	}
	d, err := directory.Default()
	if err != nil {
		fmt.Fprintln(stderr, "prava directory search:", err)
		return exitError
	}
	hits := d.Search(query, directory.Options{Country: *country, Limit: *limit})
	if *asJSON {
		out := make([]directoryHit, len(hits))
		for i, h := range hits {
			out[i] = newDirectoryHit(h.Entry)
		}
		return printJSON(stdout, out)
	}
	if len(hits) == 0 {
		fmt.Fprintf(stdout, "No company in the directory matches %q.\nNot in the list? Read its privacy policy instead: prava company add FILE|URL\n", query)
		return exitOK
	}
	for _, h := range hits {
		e := h.Entry
		line := fmt.Sprintf("%-28s %s", e.Slug, e.Name)
		if h.Via != "" && h.Via != "slug" {
			line += fmt.Sprintf(" (%s)", h.Via)
		}
		fmt.Fprintln(stdout, line)
		if to := contactLine(e); to != "" {
			fmt.Fprintf(stdout, "%-28s %s\n", "", to)
		}
	}
	fmt.Fprintf(stdout, "\nFrom the datarequests.org company database (CC0), as of %s.\n", d.AsOf())
	return exitOK
}

// contactLine says how the company takes requests, as its record suggests.
func contactLine(e *directory.Entry) string {
	switch {
	case e.Channel == directory.ChannelWebForm && e.WebForm != "":
		return "web form: " + e.WebForm
	case e.Channel == directory.ChannelEmail && e.Email != "":
		return "e-mail: " + e.Email
	case e.Channel == directory.ChannelFax && e.Fax != "":
		return "fax: " + e.Fax
	}
	return "post: " + strings.ReplaceAll(e.Address, "\n", ", ")
}

// parseInterspersed parses flags wherever they stand among the words, so
// "search deutsche bank --json" works as well as "search --json deutsche bank".
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var words []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return words, nil
		}
		words = append(words, args[0])
		args = args[1:]
	}
}

// directoryEntry is one company of `prava directory show --json`: the
// search's fields and the rest of what the record says, with the law a
// letter would cite for a person in --country.
type directoryEntry struct {
	directoryHit
	Fax        string   `json:"fax"`
	Language   string   `json:"language"`
	NeedsID    bool     `json:"needs_id_document"`
	Comments   []string `json:"comments"`
	Categories []string `json:"categories"`
	Law        string   `json:"law"`
	LawWhy     string   `json:"law_why"`
	Source     string   `json:"source"`
	AsOf       string   `json:"as_of"`
}

func runDirectoryShow(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("directory show", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the company as a JSON object")
	country := fs.String("country", "", "the country you live in (ISO code such as LV): it decides the law for a company outside the EU")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: prava directory show SLUG [--json] [--country CC]\nSLUG is the first column of prava directory search.\n")
		fs.PrintDefaults()
	}
	words, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(words) != 1 {
		fs.Usage()
		return exitUsage
	}
	d, e, err := knownCompany(words[0])
	if err != nil {
		fmt.Fprintln(stderr, "prava directory show:", err)
		return exitError
	}
	choice := directory.Law(e, *country)
	out := directoryEntry{
		directoryHit: newDirectoryHit(e), Fax: e.Fax, Language: e.Language, NeedsID: e.NeedsIDDocument,
		Comments: nonNil(e.Comments), Categories: nonNil(e.Categories), Law: string(choice.Code), LawWhy: choice.Why,
		Source: e.SourceURL(), AsOf: d.AsOf(),
	}
	if *asJSON {
		return printJSON(stdout, out)
	}
	fmt.Fprintln(stdout, e.Name)
	row := func(label, value string) {
		if value != "" {
			fmt.Fprintf(stdout, "  %-22s %s\n", label+":", strings.ReplaceAll(value, "\n", "\n"+strings.Repeat(" ", 25)))
		}
	}
	row("Also runs", strings.Join(e.Runs, ", "))
	row("Send requests by", e.Channel)
	row("Privacy e-mail", e.Email)
	row("Web form", e.WebForm)
	row("Postal address", e.Address)
	row("Phone", e.Phone)
	row("Fax", e.Fax)
	row("Web site", e.Web)
	row("Request language", e.Language)
	var need []string
	for _, el := range e.Required {
		s := el.Desc
		if el.Optional {
			s += " (optional)"
		}
		need = append(need, s)
	}
	row("To identify you", strings.Join(need, "; "))
	if e.NeedsIDDocument {
		row("ID document", "asked for with every request")
	}
	for _, c := range e.Comments {
		row("Comment", c)
	}
	law := string(choice.Code)
	if law == "" {
		law = "choose it"
	}
	row("Law", law+" ("+choice.Why+")")
	row("Record", e.Quality+", "+e.SourceURL())
	fmt.Fprintf(stdout, "\nFrom the datarequests.org company database (CC0), as of %s.\n", d.AsOf())
	return exitOK
}

func runDirectoryPacks(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("directory packs", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the packs as a JSON array")
	country := fs.String("country", "", "the country you live in (ISO code such as DE): its packs come first")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: prava directory packs [--json] [--country CC]\nCompanies worth asking what they hold about you, suggested for people in a country.\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return exitUsage
	}
	d, err := directory.Default()
	if err != nil {
		fmt.Fprintln(stderr, "prava directory packs:", err)
		return exitError
	}
	type pack struct {
		Country   string   `json:"country"`
		Slug      string   `json:"slug"`
		Type      string   `json:"type"`
		Companies []string `json:"companies"`
	}
	packs := d.Packs(*country)
	if *asJSON {
		out := make([]pack, len(packs))
		for i, p := range packs {
			out[i] = pack{p.Country, p.Slug, p.Type, nonNil(p.Companies)}
		}
		return printJSON(stdout, out)
	}
	for _, p := range packs {
		fmt.Fprintf(stdout, "%s/%s (%s):\n", p.Country, p.Slug, p.Type)
		for _, e := range d.PackEntries(p) {
			fmt.Fprintf(stdout, "  %-28s %s\n", e.Slug, e.Name)
		}
	}
	return exitOK
}

func nonNil(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}

// knownCompany is the directory and its company with slug, or an error
// that says how to find the slug.
func knownCompany(slug string) (*directory.Directory, *directory.Entry, error) {
	d, err := directory.Default()
	if err != nil {
		return nil, nil, err
	}
	e, ok := d.Lookup(slug)
	if !ok {
		return nil, nil, fmt.Errorf("no company has the slug %q in the directory: find it with \"prava directory search NAME\"", slug)
	}
	return d, e, nil
}
