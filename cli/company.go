package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"prava/casework"
	"prava/law"
	"prava/policy"
	"prava/record"
)

// companyRow is a company as the command line prints it in JSON.
type companyRow struct {
	ID           string            `json:"id"`
	Name         string            `json:"name"`
	LegalName    string            `json:"legal_name,omitempty"`
	Registration string            `json:"registration,omitempty"`
	Law          string            `json:"law"`
	Language     string            `json:"language"`
	Website      string            `json:"website,omitempty"`
	Contacts     []record.Contact  `json:"contacts"`
	Use          map[string]string `json:"use,omitempty"` // request kind → the contact's value
	Markings     map[string]string `json:"markings,omitempty"`
	PromisedDays int               `json:"promised_days,omitempty"`
	Notes        string            `json:"notes,omitempty"`
}

func rowOf(c record.Company) companyRow {
	r := companyRow{ID: c.ID, Name: c.Name, LegalName: c.LegalName, Registration: c.Registration, Law: string(c.Jurisdiction),
		Language: c.Language, Website: c.Website, Contacts: c.Contacts, Markings: c.Markings, PromisedDays: c.PromisedDays, Notes: c.Notes}
	if r.Contacts == nil {
		r.Contacts = []record.Contact{}
	}
	for kind, i := range c.Use {
		if i >= 0 && i < len(c.Contacts) {
			if r.Use == nil {
				r.Use = map[string]string{}
			}
			r.Use[kind] = c.Contacts[i].Value
		}
	}
	return r
}

const companyUsage = `Usage:
  prava company add FILE|URL [--again]
  prava company add --directory SLUG [--again]
  prava company export --datarequests FILE
  prava company list [--json]
  prava company show ID [--json]
  prava company edit ID [--name N] [--legal-name N] [--registration R] [--law CODE]
        [--language L] [--website W] [--add-contact EMAIL|ADDRESS|URL|PHONE]...
        [--remove-contact VALUE]... [--marking KIND=TEXT]... [--promised-days N] [--notes TEXT]
  prava company delete ID
`

func runCompany(args []string, global string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, companyUsage)
		return exitUsage
	}
	cmd := args[0]
	fs := flag.NewFlagSet("company "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	vf := addVaultFlags(fs, global)
	asJSON := fs.Bool("json", false, "print JSON")
	again := fs.Bool("again", false, "add the company even if it is already in the vault")
	fromDirectory := fs.String("directory", "", "add the company with this slug from the directory of known companies (see \"prava directory search\")")
	exportTo := fs.String("datarequests", "", "the file to write your companies to, in the datarequests.org schema")
	var e companyEdits
	if cmd == "edit" {
		e.define(fs)
	}
	pos, err := parseAll(fs, args[1:])
	if err != nil {
		return exitUsage
	}
	fail := failWith(stderr, "company "+cmd)
	id := firstArg(pos)
	needID := func() bool {
		if len(pos) != 1 {
			fmt.Fprintf(stderr, "prava company %s: give one company's ID (see \"prava company list\")\n", cmd)
			return false
		}
		return true
	}
	switch cmd {
	case "add":
		if *fromDirectory != "" {
			if len(pos) != 0 {
				return fail(errors.New("give either a policy or --directory SLUG, not both"))
			}
			return addFromDirectory(vf, *fromDirectory, *again, stdin, stdout, stderr)
		}
		if len(pos) != 1 {
			return fail(errors.New("give the policy: prava company add FILE|URL"))
		}
		// Read the policy before opening the vault: a bad policy then
		// leaves the vault untouched and unlocked.
		src, err := policy.Load(context.Background(), id, stdin)
		if err != nil {
			return fail(err)
		}
		f := policy.Analyze(src.Text)
		v, err := vf.openCompanies(newLines(stdin))
		if err != nil {
			return fail(err)
		}
		defer v.Close()
		desk := casework.NewDesk(v, nil)
		c, err := desk.AddCompany(casework.CompanyFromPolicy(src, f, time.Now().UTC()), *again, src.Location)
		var dup *casework.DuplicateError
		if errors.As(err, &dup) {
			return fail(fmt.Errorf("%w; to add it anyway: prava company add --again %s", err, id))
		}
		if err != nil {
			return fail(err)
		}
		fmt.Fprintf(stdout, "Added %s (%s, %s) as %s\n", c.Name, c.Jurisdiction, c.Language, c.ID)
		return exitOK
	case "list":
		v, err := vf.openCompanies(newLines(stdin))
		if err != nil {
			return fail(err)
		}
		defer v.Close()
		if *asJSON {
			rows := []companyRow{}
			for _, c := range v.Data.Companies {
				rows = append(rows, rowOf(c))
			}
			return printJSON(stdout, rows)
		}
		for _, c := range v.Data.Companies {
			fmt.Fprintf(stdout, "%s  %-40s %-6s %d contacts\n", c.ID, c.Name, c.Jurisdiction, len(c.Contacts))
		}
		if len(v.Data.Companies) == 0 {
			fmt.Fprintln(stdout, "No companies yet: add one with \"prava company add POLICY\".")
		}
		return exitOK
	case "export":
		if *exportTo == "" || len(pos) != 0 {
			return fail(errors.New("give the file: prava company export --datarequests FILE"))
		}
		v, err := vf.openCompanies(newLines(stdin))
		if err != nil {
			return fail(err)
		}
		defer v.Close()
		return exportCompanies(v.Data.Companies, *exportTo, stdout, stderr)
	case "show":
		if !needID() {
			return exitUsage
		}
		v, err := vf.openCompanies(newLines(stdin))
		if err != nil {
			return fail(err)
		}
		defer v.Close()
		c := v.Data.Company(id)
		if c == nil {
			return fail(fmt.Errorf("no company %q in the vault; list them with \"prava company list\"", id))
		}
		if *asJSON {
			return printJSON(stdout, rowOf(*c))
		}
		printCompany(stdout, rowOf(*c))
		return exitOK
	case "edit":
		if !needID() {
			return exitUsage
		}
		if !e.any() {
			return fail(errors.New("nothing to change: give at least one of --name, --legal-name, --registration, --law, --language, --website, --add-contact, --remove-contact, --marking, --promised-days, --notes"))
		}
		v, err := vf.openCompanies(newLines(stdin))
		if err != nil {
			return fail(err)
		}
		defer v.Close()
		desk := casework.NewDesk(v, nil)
		if err := desk.EditCompany(id, e.apply); err != nil {
			return fail(err)
		}
		c := desk.Data().Company(id)
		fmt.Fprintf(stdout, "Saved %s (%s)\n", c.Name, c.ID)
		return exitOK
	case "delete":
		if !needID() {
			return exitUsage
		}
		// Its requests go with it, so they must be read.
		v, err := vf.open(newLines(stdin))
		if err != nil {
			return fail(err)
		}
		defer v.Close()
		desk := casework.NewDesk(v, nil)
		name := ""
		if c := desk.Data().Company(id); c != nil {
			name = c.Name
		}
		// The desk refuses an unknown ID, saying how to list them.
		if err := desk.DeleteCompany(id); err != nil {
			return fail(err)
		}
		fmt.Fprintf(stdout, "Deleted %s (%s) and its requests\n", name, id)
		return exitOK
	}
	fmt.Fprintf(stderr, "prava company: unknown command %q\n%s", cmd, companyUsage)
	return exitUsage
}

// companyEdits are the flags of "company edit"; a flag not given changes
// nothing.
type companyEdits struct {
	fs                                            *flag.FlagSet
	name, legal, registration, law, lang, website *string
	notes                                         *string
	promised                                      *int
	add, remove, markings                         listFlag
}

func (e *companyEdits) define(fs *flag.FlagSet) {
	e.fs = fs
	e.name = fs.String("name", "", "the name shown in lists")
	e.legal = fs.String("legal-name", "", "the legal name letters are addressed to")
	e.registration = fs.String("registration", "", "the registration number")
	e.law = fs.String("law", "", "the law that applies: UA, RU, EU-LV, EU-LT, … (see \"prava due --help\")")
	e.lang = fs.String("language", "", "the language to write in: uk, ru, lv, lt, en, …")
	e.website = fs.String("website", "", "the web site")
	e.notes = fs.String("notes", "", "notes of your own")
	e.promised = fs.Int("promised-days", 0, "the answer time the company promises, in days (0: none)")
	fs.Var(&e.add, "add-contact", "add an e-mail, postal address, web form or phone (repeatable)")
	fs.Var(&e.remove, "remove-contact", "remove the contact with this value (repeatable)")
	fs.Var(&e.markings, "marking", "KIND=TEXT: the subject or mark the company wants on letters of KIND (access, erasure, …, or any); KIND= removes it (repeatable)")
}

// given reports whether the flag was on the command line.
func (e *companyEdits) given(name string) bool {
	found := false
	e.fs.Visit(func(f *flag.Flag) { found = found || f.Name == name })
	return found
}

func (e *companyEdits) any() bool {
	n := 0
	e.fs.Visit(func(f *flag.Flag) {
		if f.Name != "vault" && f.Name != "passphrase" && f.Name != "json" {
			n++
		}
	})
	return n > 0
}

// apply makes the edits on a copy of the company; the desk checks it.
func (e *companyEdits) apply(c *record.Company) error {
	set := func(flag string, dst *string, v *string) {
		if e.given(flag) {
			*dst = *v
		}
	}
	set("name", &c.Name, e.name)
	set("legal-name", &c.LegalName, e.legal)
	set("registration", &c.Registration, e.registration)
	if e.given("law") {
		c.Jurisdiction = law.Code(*e.law)
	}
	set("language", &c.Language, e.lang)
	set("website", &c.Website, e.website)
	set("notes", &c.Notes, e.notes)
	if e.given("law") && strings.TrimSpace(*e.law) == "" {
		return errors.New("--law needs a code: UA, RU, EU-LV, EU-LT, …")
	}
	if e.given("promised-days") {
		c.PromisedDays = *e.promised
	}
	for _, v := range e.remove {
		i := indexOfContact(c.Contacts, v)
		if i < 0 {
			return fmt.Errorf("%s has no contact %q", c.Name, v)
		}
		casework.RemoveContactAt(c, i)
	}
	for _, v := range e.add {
		c.Contacts = append(c.Contacts, record.Contact{Kind: casework.ContactKindOf(v), Value: v})
	}
	for _, m := range e.markings {
		kind, text, ok := strings.Cut(m, "=")
		if !ok {
			return fmt.Errorf("--marking %q: write it KIND=TEXT, as --marking access=\"GDPR request\"", m)
		}
		if c.Markings == nil {
			c.Markings = map[string]string{}
		}
		if text = strings.TrimSpace(text); text == "" {
			delete(c.Markings, strings.TrimSpace(kind))
		} else {
			c.Markings[strings.TrimSpace(kind)] = text
		}
	}
	return nil
}

// indexOfContact finds a contact by its value, ignoring case and spaces at
// the ends; -1 when there is none.
func indexOfContact(list []record.Contact, v string) int {
	for i, ct := range list {
		if strings.EqualFold(strings.TrimSpace(ct.Value), strings.TrimSpace(v)) {
			return i
		}
	}
	return -1
}

// printCompany writes a company for a person to read.
func printCompany(w io.Writer, r companyRow) {
	line := func(label, v string) {
		if v != "" {
			fmt.Fprintf(w, "%-14s %s\n", label+":", v)
		}
	}
	line("ID", r.ID)
	line("Name", r.Name)
	line("Legal name", r.LegalName)
	line("Registration", r.Registration)
	line("Law", r.Law)
	line("Language", r.Language)
	line("Web site", r.Website)
	for _, ct := range r.Contacts {
		line("Contact", string(ct.Kind)+": "+strings.ReplaceAll(ct.Value, "\n", ", "))
	}
	for kind, v := range r.Use {
		line("Use for "+kind, v)
	}
	for kind, m := range r.Markings {
		line("Marking "+kind, m)
	}
	if r.PromisedDays > 0 {
		line("Promised", strconv.Itoa(r.PromisedDays)+" days")
	}
	line("Notes", r.Notes)
}
