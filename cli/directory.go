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

func runDirectory(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "search" {
		fmt.Fprint(stderr, "Usage: prava directory search QUERY [--json] [--limit N] [--country CC]\n")
		return exitUsage
	}
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
	words, err := parseInterspersed(fs, args[1:])
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
