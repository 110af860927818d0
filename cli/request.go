package cli

import (
	"flag"
	"fmt"
	"io"
	"time"

	"prava/casework"
)

const requestUsage = `Usage:
  prava request list [--json]
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

func runRequest(args []string, global string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || (args[0] != "list" && args[0] != "delete") {
		fmt.Fprint(stderr, requestUsage)
		return exitUsage
	}
	cmd := args[0]
	fs := flag.NewFlagSet("request "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	vf := addVaultFlags(fs, global)
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parseAll(fs, args[1:])
	if err != nil {
		return exitUsage
	}
	fail := failWith(stderr, "request "+cmd)
	id := firstArg(pos)
	if (cmd == "delete" && len(pos) != 1) || (cmd == "list" && len(pos) > 0) {
		fmt.Fprintf(stderr, "prava request %s: give one request's ID to delete, nothing to list (see \"prava request list\")\n", cmd)
		return exitUsage
	}
	v, err := vf.open(newLines(stdin))
	if err != nil {
		return fail(err)
	}
	defer v.Close()
	desk := casework.NewDesk(v, nil)
	if cmd == "delete" {
		ref := ""
		if r := desk.Data().Request(id); r != nil {
			ref = r.Reference
		}
		// The desk refuses an unknown ID, saying how to list them.
		if err := desk.DeleteRequest(id); err != nil {
			return fail(err)
		}
		fmt.Fprintf(stdout, "Deleted request %s (%s) and the reminders and complaints that followed it\n", id, ref)
		return exitOK
	}
	d := desk.Data()
	rows := []requestRow{}
	for _, r := range d.Requests {
		out := requestRow{ID: r.ID, Kind: string(r.Kind), Reference: r.Reference, Status: string(r.Status)}
		if c := d.Company(r.CompanyID); c != nil {
			out.Company = c.Name
		}
		if !r.Dates.Sent.IsZero() {
			out.Sent = r.Dates.Sent.Format(time.DateOnly)
		}
		if r.Status.Open() {
			if dl, err := casework.Deadline(r, d.Settings); err == nil && !dl.Due.IsZero() {
				out.Due = dl.Due.Format(time.DateOnly)
			}
		}
		rows = append(rows, out)
	}
	if *asJSON {
		return printJSON(stdout, rows)
	}
	for _, r := range rows {
		fmt.Fprintf(stdout, "%s  %s  %-30s %-11s %-8s due %s\n", r.ID, r.Reference, r.Company, r.Kind, r.Status, r.Due)
	}
	if len(rows) == 0 {
		fmt.Fprintln(stdout, "No requests yet.")
	}
	return exitOK
}
