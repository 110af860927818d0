// Command prava helps a person use their data-protection rights: it reads
// companies' privacy policies, writes access, erasure and consent-withdrawal
// letters, and keeps track of the legal deadlines.
//
// With no arguments (or only --vault PATH) it opens the desktop app; with a
// subcommand it runs the command line (package cli, or run "prava help").
package main

import (
	"os"

	"prava/app"
	"prava/cli"
)

func main() {
	vault, rest, err := cli.SplitGlobal(os.Args[1:])
	if err != nil || len(rest) > 0 {
		os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	app.Run(vault)
}
