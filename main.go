// Command prava helps a person use their data-protection rights: it reads
// companies' privacy policies, writes access, erasure and consent-withdrawal
// letters, and keeps track of the legal deadlines.
//
// With no arguments it opens the desktop app; with a subcommand it runs on
// the command line (see cli.go, or run "prava help").
package main

import (
	"os"

	"prava/app"
)

func main() {
	vault, rest, err := splitGlobal(os.Args[1:])
	if err != nil || len(rest) > 0 {
		os.Exit(runCLI(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	app.Run(vault)
}
