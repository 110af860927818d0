// Command prava-cli is Prava's command line without the desktop app: the
// same commands as "prava COMMAND" (package cli), in a binary that links
// no graphics library, so that a script calling it many times pays a
// plain Go program's start, not the window's (issue 25: "prava version"
// 3.7 ms here against 11.5 ms for the app's binary).
package main

import (
	"os"

	"prava/cli"
)

func main() { os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
