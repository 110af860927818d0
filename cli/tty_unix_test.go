//go:build linux

package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain lets a test run the command line as a child process: with
// PRAVA_CLI_CHILD set, the test binary is "prava" with the arguments after
// "--".
func TestMain(m *testing.M) {
	if os.Getenv("PRAVA_CLI_CHILD") == "1" {
		args := os.Args
		for i, a := range args {
			if a == "--" {
				args = args[i+1:]
				break
			}
		}
		os.Exit(Run(args, os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// TestSecretsAtATerminalAreNotEchoed is security review 2's F13: a
// passphrase typed at a terminal was echoed, with no prompt, and stayed in
// the scrollback. The command runs on a real pseudo-terminal (script from
// util-linux); the passphrase is typed a second after the start, once the
// prompt has turned echo off.
func TestSecretsAtATerminalAreNotEchoed(t *testing.T) {
	if _, err := exec.LookPath("script"); err != nil {
		t.Skip("no script(1) to make a terminal")
	}
	vault := filepath.Join(t.TempDir(), "prava.vault")
	const secret = "correct horse battery staple"
	child := strings.Join([]string{os.Args[0], "-test.run=^$", "--", "--vault", vault, "vault", "init", "--passphrase"}, " ")
	cmd := exec.Command("sh", "-c", `(sleep 2; printf '%s\n' "$SECRET") | script -qec "$CHILD" /dev/null`)
	cmd.Env = append(os.Environ(), "PRAVA_CLI_CHILD=1", "SECRET="+secret, "CHILD="+child)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("vault init at a terminal: %v\n%s", err, out)
	}
	if strings.Contains(string(out), secret) {
		t.Errorf("the passphrase was echoed:\n%s", out)
	}
	if !strings.Contains(string(out), "Passphrase (not shown as you type):") || !strings.Contains(string(out), "Recovery code:") {
		t.Errorf("no prompt, or the vault was not made:\n%s", out)
	}
	// The passphrase typed opens the vault.
	if code, _, errOut := run(t, secret+"\n", "--vault", vault, "vault", "status", "--passphrase"); code != exitOK {
		t.Errorf("the typed passphrase does not open the vault: %s", errOut)
	}
}
