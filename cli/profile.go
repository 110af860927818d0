package cli

import (
	"flag"
	"fmt"
	"io"
)

const profileUsage = `Usage:
  prava profile show [--json]
  prava profile set FILE.json   (the fields "profile show --json" prints; the desk checks them)
`

// runProfile shows the identity letters are written from, or sets it from
// a JSON file: a file, not flags, so that a name, an address and an
// identity document never stand in the shell's history.
func runProfile(args []string, global string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || (args[0] != "show" && args[0] != "set") {
		fmt.Fprint(stderr, profileUsage)
		return exitUsage
	}
	cmd := args[0]
	fs := flag.NewFlagSet("profile "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	vf := addVaultFlags(fs, global)
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parseAll(fs, args[1:])
	if err != nil {
		return exitUsage
	}
	fail := failWith(stderr, "profile "+cmd)
	if cmd == "set" && len(pos) != 1 || cmd == "show" && len(pos) != 0 {
		fmt.Fprint(stderr, profileUsage)
		return exitUsage
	}
	if cmd == "set" {
		// Read the file before opening the vault: a bad file changes nothing.
		p, err := readProfile(pos[0])
		if err != nil {
			return fail(err)
		}
		desk, err := vf.openCompanies(newLines(stdin))
		if err != nil {
			return fail(err)
		}
		defer desk.Close()
		if err := desk.SaveProfile(p); err != nil {
			return fail(err)
		}
		fmt.Fprintf(stdout, "Saved the profile of %s: letters are written from it\n", p.Name)
		return exitOK
	}
	desk, err := vf.openCompanies(newLines(stdin))
	if err != nil {
		return fail(err)
	}
	defer desk.Close()
	p := desk.View().Profile()
	if *asJSON {
		return printJSON(stdout, p)
	}
	for _, l := range [][2]string{{"Name", p.Name}, {"Address", oneLine(p.Address)}, {"E-mail", p.Email}, {"Phone", p.Phone},
		{"Born", p.BirthDate}, {"Customer no.", p.CustomerRef}, {"ID document", p.IDDocument}, {"Country", p.Country}} {
		if l[1] != "" {
			fmt.Fprintf(stdout, "%-13s %s\n", l[0]+":", l[1])
		}
	}
	if p.Name == "" {
		fmt.Fprintln(stdout, "No profile yet: write one to a JSON file and run \"prava profile set FILE.json\".")
	}
	return exitOK
}
