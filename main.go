// Command prava helps a person use their data-protection rights: it reads
// companies' privacy policies, writes access, erasure and consent-withdrawal
// letters, and keeps track of the legal deadlines.
//
// With no arguments (or only --vault PATH) it opens the desktop app; with a
// subcommand it runs the command line (package cli, or run "prava help").
package main

import (
	_ "embed"
	"os"

	"prava/app"
	"prava/appinfo"
	"prava/cli"
)

// fyneApp is FyneApp.toml, the one place the version is written: the
// binary reads it from here, scripts/package.sh asks the binary.
//
//go:embed FyneApp.toml
var fyneApp []byte

func main() {
	// A FyneApp.toml that does not parse is caught by cli's tests; the
	// binary then says "dev" rather than refusing to start.
	_ = appinfo.Set(fyneApp)
	vault, rest, err := cli.SplitGlobal(os.Args[1:])
	if err != nil || len(rest) > 0 {
		useParentConsole()
		os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	app.Run(vault)
}
