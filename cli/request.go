package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"prava/casework"
	"prava/record"
)

const requestUsage = `Usage:
  prava request list [--json]
  prava request write COMPANY_ID --kind KIND [--from PROFILE.json] [--lang L] [--to CONTACT]
        [--correction FIELD=VALUE]... [--ground G]... [--published] [--transfer-to ADDRESS]
        [--extra TEXT | --extra-file F] [--reasons TEXT | --reasons-file F] [--corrections-file F] [--evidence TEXT] [--birthdate-known] [--give-phone]
  prava request show ID [--json]
  prava request record ID --event sent|delivered|identity-asked|identity-provided|extended|answered|refused|done
        [--date YYYY-MM-DD] [--channel email|post|web form|in person] [--tracking N] [--reason TEXT]
  prava request followup ID --kind reminder|complaint|reply [--refusal id-copy|portal-only|excessive|incomplete|language]
  prava request pdf ID --out FILE
  prava request evidence ID --out FILE.pdf [--lang L]
  prava request sign ID --out FILE.pdf
  prava request signed ID --file SIGNED_FILE
  prava request receipt ID --file SCAN   (the post receipt: a PDF, PNG or JPEG)
  prava request delete ID
`

// requestRow is a request as the command line prints it in JSON.
type requestRow struct {
	ID        string `json:"id"`
	Company   string `json:"company"`
	Kind      string `json:"kind"`
	Reference string `json:"reference"`
	Status    string `json:"status"`
	Sent      string `json:"sent,omitempty"`
	Due       string `json:"due,omitempty"`
}

// requestCmd is one "prava request" command, parsed.
type requestCmd struct {
	name                        string
	vf                          vaultFlags
	pos                         []string
	asJSON                      *bool
	kind, from, lang, to        *string
	event, date, channel, track *string
	reason, refusal, out, file  *string
	draft                       *draftFlags
	stdin                       io.Reader
	stdout                      io.Writer
	fail                        func(error) int
}

func runRequest(args []string, global string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, requestUsage)
		return exitUsage
	}
	c := requestCmd{name: args[0], stdin: stdin, stdout: stdout, fail: failWith(stderr, "request "+args[0])}
	fs := flag.NewFlagSet("request "+c.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	c.vf = addVaultFlags(fs, global)
	c.asJSON = fs.Bool("json", false, "print JSON")
	c.kind = fs.String("kind", "", "the kind of letter: access, erasure, withdrawal, rectification, objection, restriction, portability; for followup: reminder, complaint or reply")
	c.from = fs.String("from", "", "a JSON file with the profile to write from (name, address, email, …); it is saved as the vault's profile first")
	c.lang = fs.String("lang", "", "the letter's language (uk, ru, lv, lt, en); default: the company's")
	c.to = fs.String("to", "", "the company's contact to write to (its e-mail or address, as \"prava company show\" lists it); default: the one chosen for the kind")
	c.event = fs.String("event", "", "what happened: sent, delivered, identity-asked, identity-provided, extended, answered, refused, done")
	c.date = fs.String("date", "", "the day it happened, YYYY-MM-DD (default: today)")
	c.channel = fs.String("channel", "", "for sent: how it went (email, post, web form, in person)")
	c.track = fs.String("tracking", "", "for sent: the registered-mail number")
	c.reason = fs.String("reason", "", "for refused: why the company refused (it goes into the complaint); for answered: a note")
	c.refusal = fs.String("refusal", "", "for followup --kind reply: what the company did (id-copy, portal-only, excessive, incomplete, language)")
	c.out = fs.String("out", "", "for pdf, evidence and sign: the file to write")
	c.file = fs.String("file", "", "for signed: the signed letter (.edoc, .asice, .adoc, .p7s or signed .pdf); for receipt: the scan or photo of the post receipt")
	c.draft = addDraftFlags(fs)
	var err error
	if c.pos, err = parseAll(fs, args[1:]); err != nil {
		return exitUsage
	}
	run := map[string]func() int{
		"list": c.list, "delete": c.delete, "write": c.write, "show": c.show,
		"record": c.record, "followup": c.followUp, "pdf": c.pdf, "evidence": c.evidence,
		"sign": c.sign, "signed": c.signed, "receipt": c.receipt,
	}[c.name]
	if run == nil {
		fmt.Fprintf(stderr, "prava request: unknown command %q\n%s", c.name, requestUsage)
		return exitUsage
	}
	if want := map[string]int{"list": 0}[c.name]; c.name != "list" && len(c.pos) != 1 || c.name == "list" && len(c.pos) != want {
		fmt.Fprintf(stderr, "prava request %s: give one ID (a company's for write, a request's otherwise; see \"prava company list\", \"prava request list\")\n", c.name)
		return exitUsage
	}
	return run()
}

// open opens the vault behind a desk; the caller closes it.
func (c requestCmd) open() (*casework.Desk, error) { return c.vf.open(newLines(c.stdin)) }

func (c requestCmd) list() int {
	desk, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer desk.Close()
	v := desk.View()
	rows := []requestRow{}
	for _, r := range v.Requests() {
		rows = append(rows, rowOfRequest(v, r))
	}
	if *c.asJSON {
		return printJSON(c.stdout, rows)
	}
	for _, r := range rows {
		fmt.Fprintf(c.stdout, "%s  %s  %-30s %-11s %-8s due %s\n", r.ID, r.Reference, r.Company, r.Kind, r.Status, r.Due)
	}
	if len(rows) == 0 {
		fmt.Fprintln(c.stdout, "No requests yet.")
	}
	return exitOK
}

func rowOfRequest(v casework.View, r record.Request) requestRow {
	out := requestRow{ID: r.ID, Kind: string(r.Kind), Reference: r.Reference, Status: string(r.Status)}
	if co, ok := v.Company(r.CompanyID); ok {
		out.Company = co.Name
	}
	if !r.Dates.Sent.IsZero() {
		out.Sent = r.Dates.Sent.Format(time.DateOnly)
	}
	if r.Status.Open() {
		if dl, err := v.Deadline(r); err == nil && !dl.Due.IsZero() {
			out.Due = dl.Due.Format(time.DateOnly)
		}
	}
	return out
}

func (c requestCmd) delete() int {
	desk, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer desk.Close()
	r, _ := desk.View().Request(c.pos[0])
	// The desk refuses an unknown ID, saying how to list them.
	if err := desk.DeleteRequest(c.pos[0]); err != nil {
		return c.fail(err)
	}
	fmt.Fprintf(c.stdout, "Deleted request %s (%s) and the reminders and complaints that followed it\n", c.pos[0], r.Reference)
	return exitOK
}

// printWritten says what was written: the ID first, alone on its line,
// so a script can take it with "head -1".
func printWritten(w io.Writer, ws casework.Written) {
	r := ws.Request
	fmt.Fprintln(w, r.ID)
	fmt.Fprintf(w, "Wrote the %s letter %s (%s, %s) to %s by %s; it is a draft until you record it sent: prava request record %s --event sent\n",
		r.Kind, r.Reference, r.Language, r.Law, oneLine(r.Contact), r.Channel, r.ID)
	for _, warn := range ws.Letter.Warnings {
		fmt.Fprintln(w, "warning:", warn)
	}
}

// oneLine joins an address's lines for a message.
func oneLine(s string) string { return strings.ReplaceAll(strings.TrimSpace(s), "\n", ", ") }

// parseDay reads --date, today when empty.
func parseDay(s string) (time.Time, error) {
	if strings.TrimSpace(s) == "" {
		return time.Now().UTC(), nil
	}
	d, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, errors.New("--date is a day written YYYY-MM-DD, such as 2026-12-04")
	}
	return d, nil
}
