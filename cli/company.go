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
	"prava/policy"
	"prava/record"
)

// companyRow is a company as the command line prints it in JSON.
type companyRow struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	LegalName string `json:"legal_name,omitempty"`
	// LegalEntities are the legal persons behind a brand, whom a letter
	// is addressed to (letters-review 2, B3).
	LegalEntities []string          `json:"legal_entities,omitempty"`
	Registration  string            `json:"registration,omitempty"`
	Law           string            `json:"law"`
	Language      string            `json:"language"`
	Website       string            `json:"website,omitempty"`
	Contacts      []record.Contact  `json:"contacts"`
	Use           map[string]string `json:"use,omitempty"` // request kind → the contact's value
	Markings      map[string]string `json:"markings,omitempty"`
	PromisedDays  int               `json:"promised_days,omitempty"`
	Notes         string            `json:"notes,omitempty"`
}

func rowOf(c record.Company) companyRow {
	r := companyRow{ID: c.ID, Name: c.Name, LegalName: c.LegalName, LegalEntities: c.LegalEntities, Registration: c.Registration, Law: string(c.Jurisdiction),
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
        [--remove-contact VALUE]... [--legal-entity NAME]... [--marking KIND=TEXT]... [--promised-days N] [--notes TEXT | --notes-file FILE]
  prava company delete ID
`

// companyCmd is one "prava company" command, parsed: its flags and the
// arguments after them.
type companyCmd struct {
	name          string
	vf            vaultFlags
	pos           []string
	asJSON, again *bool
	fromDirectory listFlag
	exportTo      *string
	edits         companyEdits
	stdin         io.Reader
	stdout        io.Writer
	stderr        io.Writer
	fail          func(error) int
}

func runCompany(args []string, global string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, companyUsage)
		return exitUsage
	}
	c := companyCmd{name: args[0], stdin: stdin, stdout: stdout, stderr: stderr, fail: failWith(stderr, "company "+args[0])}
	fs := flag.NewFlagSet("company "+c.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	c.vf = addVaultFlags(fs, global)
	c.asJSON = fs.Bool("json", false, "print JSON")
	c.again = fs.Bool("again", false, "add the company even if it is already in the vault")
	fs.Var(&c.fromDirectory, "directory", "add the company with this slug from the directory of known companies (see \"prava directory search\"); repeat it, or give several slugs after it, to add many in one save")
	c.exportTo = fs.String("datarequests", "", "the file to write your companies to, in the datarequests.org schema")
	if c.name == "edit" {
		c.edits.define(fs)
	}
	var err error
	if c.pos, err = parseAll(fs, args[1:]); err != nil {
		return exitUsage
	}
	run := map[string]func() int{
		"add": c.add, "list": c.list, "export": c.export, "show": c.show, "edit": c.edit, "delete": c.delete,
	}[c.name]
	if run == nil {
		fmt.Fprintf(stderr, "prava company: unknown command %q\n%s", c.name, companyUsage)
		return exitUsage
	}
	if c.name == "show" || c.name == "edit" || c.name == "delete" {
		if len(c.pos) != 1 {
			fmt.Fprintf(stderr, "prava company %s: give one company's ID (see \"prava company list\")\n", c.name)
			return exitUsage
		}
	}
	return run()
}

func (c companyCmd) add() int {
	if len(c.fromDirectory) > 0 {
		// Slugs may follow the flag too: --directory a b c.
		return addFromDirectory(c.vf, append(c.fromDirectory, c.pos...), *c.again, c.stdin, c.stdout, c.fail)
	}
	if len(c.pos) != 1 {
		return c.fail(errors.New("give the policy: prava company add FILE|URL"))
	}
	// Read the policy before opening the vault: a bad policy then leaves
	// the vault untouched and unlocked.
	src, err := policy.Load(context.Background(), c.pos[0], c.stdin)
	if err != nil {
		return c.fail(err)
	}
	f := policy.Analyze(src.Text)
	desk, err := c.vf.openCompanies(newLines(c.stdin))
	if err != nil {
		return c.fail(err)
	}
	defer desk.Close()
	added, err := desk.AddCompany(casework.CompanyFromPolicy(src, f, time.Now().UTC()), *c.again, src.Location)
	var dup *casework.DuplicateError
	if errors.As(err, &dup) {
		return c.fail(fmt.Errorf("%w; to add it anyway: prava company add --again %s", err, c.pos[0]))
	}
	if err != nil {
		return c.fail(err)
	}
	fmt.Fprintf(c.stdout, "Added %s (%s, %s) as %s\n", added.Name, added.Jurisdiction, added.Language, added.ID)
	return exitOK
}

func (c companyCmd) list() int {
	desk, err := c.vf.openCompanies(newLines(c.stdin))
	if err != nil {
		return c.fail(err)
	}
	defer desk.Close()
	companies := desk.View().Companies()
	if *c.asJSON {
		rows := []companyRow{}
		for _, co := range companies {
			rows = append(rows, rowOf(co))
		}
		return printJSON(c.stdout, rows)
	}
	for _, co := range companies {
		fmt.Fprintf(c.stdout, "%s  %-40s %-6s %d contacts\n", co.ID, co.Name, co.Jurisdiction, len(co.Contacts))
	}
	if len(companies) == 0 {
		fmt.Fprintln(c.stdout, "No companies yet: add one with \"prava company add POLICY\".")
	}
	return exitOK
}

func (c companyCmd) export() int {
	if *c.exportTo == "" || len(c.pos) != 0 {
		return c.fail(errors.New("give the file: prava company export --datarequests FILE"))
	}
	desk, err := c.vf.openCompanies(newLines(c.stdin))
	if err != nil {
		return c.fail(err)
	}
	defer desk.Close()
	return exportCompanies(desk.View().Companies(), *c.exportTo, c.stdout, c.stderr)
}

func (c companyCmd) show() int {
	desk, err := c.vf.openCompanies(newLines(c.stdin))
	if err != nil {
		return c.fail(err)
	}
	defer desk.Close()
	co, ok := desk.View().Company(c.pos[0])
	if !ok {
		return c.fail(fmt.Errorf("no company %q in the vault; list them with \"prava company list\"", c.pos[0]))
	}
	if *c.asJSON {
		return printJSON(c.stdout, rowOf(co))
	}
	printCompany(c.stdout, rowOf(co))
	return exitOK
}

func (c companyCmd) edit() int {
	if !c.edits.any() {
		return c.fail(errors.New("nothing to change: give at least one of --name, --legal-name, --registration, --law, --language, --website, --add-contact, --remove-contact, --legal-entity, --marking, --promised-days, --notes, --notes-file"))
	}
	edit, err := c.edits.value()
	if err != nil {
		return c.fail(err)
	}
	desk, err := c.vf.openCompanies(newLines(c.stdin))
	if err != nil {
		return c.fail(err)
	}
	defer desk.Close()
	if err := desk.EditCompany(c.pos[0], edit); err != nil {
		return c.fail(err)
	}
	co, _ := desk.View().Company(c.pos[0])
	fmt.Fprintf(c.stdout, "Saved %s (%s)\n", co.Name, co.ID)
	return exitOK
}

func (c companyCmd) delete() int {
	// Its requests go with it, so they must be read.
	desk, err := c.vf.open(newLines(c.stdin))
	if err != nil {
		return c.fail(err)
	}
	defer desk.Close()
	co, _ := desk.View().Company(c.pos[0])
	// The desk refuses an unknown ID, saying how to list them.
	if err := desk.DeleteCompany(c.pos[0]); err != nil {
		return c.fail(err)
	}
	fmt.Fprintf(c.stdout, "Deleted %s (%s) and its requests\n", co.Name, c.pos[0])
	return exitOK
}

// companyEdits are the flags of "company edit"; a flag not given changes
// nothing.
type companyEdits struct {
	fs                                            *flag.FlagSet
	name, legal, registration, law, lang, website *string
	notes, notesFile                              *string
	promised                                      *int
	add, remove, markings, entities               listFlag
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
	e.notesFile = fs.String("notes-file", "", "notes of your own, from a file"+fileNote)
	e.promised = fs.Int("promised-days", 0, "the answer time the company promises, in days (0: none)")
	fs.Var(&e.add, "add-contact", "add an e-mail, postal address, web form or phone (repeatable)")
	fs.Var(&e.remove, "remove-contact", "remove the contact with this value (repeatable)")
	fs.Var(&e.entities, "legal-entity", "a legal person behind the brand, whom letters are addressed to (repeatable; replaces the list; --legal-entity \"\" clears it)")
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

// value is the edit the flags given ask for; the desk checks it.
func (e *companyEdits) value() (casework.CompanyEdit, error) {
	var ce casework.CompanyEdit
	str := func(flag string, v *string) *string {
		if e.given(flag) {
			return v
		}
		return nil
	}
	ce.Name, ce.LegalName, ce.Registration = str("name", e.name), str("legal-name", e.legal), str("registration", e.registration)
	ce.Language, ce.Website, ce.Notes = str("language", e.lang), str("website", e.website), str("notes", e.notes)
	if e.given("notes-file") {
		if err := fromFile("notes", e.notes, *e.notesFile); err != nil {
			return ce, err
		}
		ce.Notes = e.notes
	}
	if e.given("law") {
		if strings.TrimSpace(*e.law) == "" {
			return ce, errors.New("--law needs a code: UA, RU, EU-LV, EU-LT, …")
		}
		ce.Jurisdiction = new(record.Code(*e.law))
	}
	if e.given("promised-days") {
		ce.PromisedDays = e.promised
	}
	if e.given("legal-entity") {
		ce.LegalEntities = new([]string(e.entities))
	}
	ce.RemoveContacts = e.remove
	for _, v := range e.add {
		ce.AddContacts = append(ce.AddContacts, record.Contact{Value: v})
	}
	for _, m := range e.markings {
		kind, text, ok := strings.Cut(m, "=")
		if !ok {
			return ce, fmt.Errorf("--marking %q: write it KIND=TEXT, as --marking access=\"GDPR request\"", m)
		}
		if ce.Markings == nil {
			ce.Markings = map[record.Kind]string{}
		}
		ce.Markings[record.Kind(strings.TrimSpace(kind))] = text
	}
	return ce, nil
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
	line("Legal entity", strings.Join(r.LegalEntities, "; "))
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
