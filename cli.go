package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os/signal"
	"syscall"

	"prava/letters/policy"
)

// Exit codes of the command line.
const (
	exitOK    = 0
	exitError = 1 // the input was bad or an operation failed
	exitUsage = 2 // the command was not understood
)

const usage = `Usage: prava [COMMAND] [OPTIONS]

Without a command, prava opens the desktop app.

Commands:
  analyze [--json] FILE|URL|-   read a privacy policy (.txt or .html file, http(s) URL,
                                or - for standard input) and show what it says about
                                the controller, contacts, markings, deadlines and law
  due --law CODE --kind KIND --received YYYY-MM-DD [--json]
                                when the company must answer: the due date, the latest
                                date with an extension, and the rule in words
  authority [--country CC] CODE the supervisory authority that hears a complaint
  help                          show this help
  version                       show the version
`

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// runCLI runs one command and returns the process exit code.
func runCLI(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	switch args[0] {
	case "analyze":
		return runAnalyze(args[1:], stdin, stdout, stderr)
	case "due":
		return runDue(args[1:], stdout, stderr)
	case "authority":
		return runAuthority(args[1:], stdout, stderr)
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return exitOK
	case "version", "--version":
		fmt.Fprintln(stdout, "prava", version)
		return exitOK
	}
	fmt.Fprintf(stderr, "prava: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

func runAnalyze(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the findings as a JSON object")
	fs.Usage = func() { fmt.Fprint(stderr, "Usage: prava analyze [--json] FILE|URL|-\n") }
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	src, err := policy.Load(ctx, fs.Arg(0), stdin)
	if err != nil {
		fmt.Fprintln(stderr, "prava analyze:", err)
		return exitError
	}
	f := policy.Analyze(src.Text)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		err = enc.Encode(f)
	} else {
		err = f.WriteSummary(stdout)
	}
	if err != nil && !errors.Is(err, io.ErrClosedPipe) {
		fmt.Fprintln(stderr, "prava analyze:", err)
		return exitError
	}
	return exitOK
}
