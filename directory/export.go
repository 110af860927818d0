package directory

import (
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"prava/directory/internal/snapshot"
	"prava/directory/internal/textkey"
	"prava/record"
)

// Problem says why a company was left out of an export, or what a
// maintainer of the data repository must know about its record.
type Problem struct {
	Company string // the company's name in the vault
	Slug    string // the record's slug, when one was written
	Text    string
}

// String reads as one line of a report.
func (p Problem) String() string {
	if p.Slug != "" {
		return fmt.Sprintf("%s (%s): %s", p.Company, p.Slug, p.Text)
	}
	return p.Company + ": " + p.Text
}

// Export turns the person's own companies into records in the snapshot's
// schema, ready to contribute to datarequests.org: their names, postal
// address, privacy e-mail, web form, phone, web site, request language,
// the channel their requests go by, the policy's markings and promised
// time as comments, and the policies read as sources. It never writes the
// person's own notes. Companies added from the directory are left out
// (it has them already), as are those lacking what the schema requires
// (an address and a web source); problems lists each, and each record
// that breaks the current schema (a country it does not list yet, such
// as ua) with the reason.
func Export(companies []record.Company) (records []Record, problems []Problem) {
	used := map[string]bool{}
	rules := snapshot.DefaultRules()
	for _, c := range companies {
		if _, _, ok := FromDirectory(c); ok {
			problems = append(problems, Problem{Company: c.Name, Text: "left out: it came from the directory"})
			continue
		}
		r, why := entryOf(c)
		if why != "" {
			problems = append(problems, Problem{Company: c.Name, Text: "left out: " + why})
			continue
		}
		base := r.Slug
		for n := 2; used[r.Slug]; n++ {
			r.Slug = fmt.Sprintf("%s-%d", base, n)
		}
		used[r.Slug] = true
		if err := snapshot.Validate(r, rules); err != nil {
			problems = append(problems, Problem{Company: c.Name, Slug: r.Slug, Text: "written, but the current schema refuses it: " + err.Error()})
		}
		records = append(records, r)
	}
	return records, problems
}

// entryOf is one company as a record, or why it cannot be one.
func entryOf(c record.Company) (Record, string) {
	r := Record{Name: strings.TrimSpace(c.LegalName), Quality: "verified"}
	if r.Name == "" {
		r.Name = strings.TrimSpace(c.Name)
	} else if n := strings.TrimSpace(c.Name); n != "" && n != r.Name {
		r.Runs = []string{n}
	}
	country := countryOf(string(c.Jurisdiction))
	r.RelevantCountries = []string{"all"}
	if country != "" {
		r.RelevantCountries = []string{country}
	}
	r.Slug = slugify(r.Name)
	if country != "" && !strings.HasSuffix(r.Slug, "-"+country) {
		r.Slug += "-" + country
	}
	if r.Slug == "" {
		return r, "it has no name"
	}
	first := func(kind record.Channel) string {
		if i, ok := c.Use["access"]; ok && i >= 0 && i < len(c.Contacts) && c.Contacts[i].Kind == kind {
			return c.Contacts[i].Value
		}
		for _, ct := range c.Contacts {
			if ct.Kind == kind {
				return ct.Value
			}
		}
		return ""
	}
	r.Address = strings.TrimSpace(first(record.ByPost))
	r.Email = strings.TrimSpace(first(record.ByEmail))
	r.Webform = strings.TrimSpace(first(record.ByWebForm))
	r.Web = strings.TrimSpace(c.Website)
	if p := phoneFormat(first(record.ByPhone)); p != "" {
		r.Phone = p
	}
	if r.Address == "" {
		return r, "it has no postal address, which every record needs"
	}
	for _, p := range c.Policies {
		if isWebAddress(p.Source) && !contains(r.Sources, p.Source) {
			r.Sources = append(r.Sources, p.Source)
		}
	}
	if len(r.Sources) == 0 && isWebAddress(r.Web) {
		r.Sources = []string{r.Web}
	}
	if len(r.Sources) == 0 {
		return r, "no policy was read from a web address, and the record needs one as its source"
	}
	if len(c.Language) == 2 {
		r.RequestLanguage = strings.ToLower(c.Language)
	}
	if i, ok := c.Use["access"]; ok && i >= 0 && i < len(c.Contacts) {
		switch c.Contacts[i].Kind {
		case record.ByEmail:
			r.SuggestedMedium = "email"
		case record.ByPost:
			r.SuggestedMedium = "letter"
		case record.ByWebForm:
			r.SuggestedMedium = "webform"
		}
	}
	for kind, m := range c.Markings {
		if kind == "any" {
			r.Comments = append(r.Comments, "The privacy policy asks that requests be marked: "+m)
		} else {
			r.Comments = append(r.Comments, fmt.Sprintf("The privacy policy asks that %s requests be marked: %s", kind, m))
		}
	}
	if c.PromisedDays > 0 {
		r.Comments = append(r.Comments, fmt.Sprintf("The privacy policy promises an answer within %d days.", c.PromisedDays))
	}
	slices.Sort(r.Comments) // Markings is a map: keep the output stable
	return r, ""
}

// countryOf is the lower-case country code of a jurisdiction: "EU-LV" → "lv", "UA" → "ua".
func countryOf(code string) string {
	code = strings.ToUpper(strings.TrimSpace(code))
	if s, ok := strings.CutPrefix(code, "EU-"); ok {
		return strings.ToLower(s)
	}
	if code == "EU" || code == "" {
		return ""
	}
	c, _, _ := strings.Cut(code, "-") // US-CA → us
	return strings.ToLower(c)
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

// slugify makes a slug from a name: "Tele2 Latvija SIA" → "tele2-latvija-sia".
func slugify(name string) string {
	return strings.Trim(nonSlug.ReplaceAllString(textkey.Fold(name), "-"), "-")
}

var phoneDigits = regexp.MustCompile(`\d+`)

// phoneFormat writes a phone number the way the schema wants it
// ("+371 67 123 456"), or "" when it has no country code to start with.
func phoneFormat(p string) string {
	p = strings.TrimSpace(p)
	if !strings.HasPrefix(p, "+") {
		return ""
	}
	groups := phoneDigits.FindAllString(p, -1)
	if len(groups) == 2 && len(groups[1]) >= 2 { // "+371 67123456": the schema wants two groups after the code
		half := len(groups[1]) / 2
		groups = []string{groups[0], groups[1][:half], groups[1][half:]}
	}
	if len(groups) < 3 {
		return ""
	}
	return "+" + strings.Join(groups, " ")
}

func isWebAddress(s string) bool {
	return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// WriteRecords writes records as the JSON array Update reads back, indented
// with four spaces like the data repository's files.
func WriteRecords(w io.Writer, records []Record) error {
	if records == nil {
		records = []Record{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "    ")
	enc.SetEscapeHTML(false)
	return enc.Encode(records)
}
