package cli

import (
	"strings"
	"testing"

	"prava/casework"
	"prava/internal/mailtest"
)

// TestMailSignIn: an Outlook.com address is refused by setup with the way
// to sign in; a sign-in the person declines saves nothing; one that
// finishes keeps the account, and never prints its tokens.
func TestMailSignIn(t *testing.T) {
	p := mailtest.StartProvider()
	defer p.Close()
	signInWith = func(k *casework.Desk) func(string) error {
		s := p.SignIn()
		k.SetSignIn(&s)
		return mailtest.Browser
	}
	t.Cleanup(func() { signInWith = nil })
	vault, _ := passVault(t)
	t.Setenv("PRAVA_MICROSOFT_CLIENT_ID", "")
	cmd := func(want int, stdin string, args ...string) string {
		t.Helper()
		code, out, errOut := run(t, pass+stdin, append([]string{"--vault", vault}, append(args, "--passphrase")...)...)
		if code != want {
			t.Fatalf("prava %s: exit %d, want %d\n%s%s", strings.Join(args, " "), code, want, out, errOut)
		}
		return out + errOut
	}
	const addr = "olena.test@outlook.com"
	if out := cmd(exitError, "secret\n", "mail", "setup", "--address", addr, "--password-stdin"); !strings.Contains(out, "prava mail signin --address "+addr) {
		t.Errorf("setup of an Outlook.com address:\n%s", out)
	}
	// A build without a Microsoft client ID says so, and what to do.
	signInWith = nil
	if out := cmd(exitError, "", "mail", "signin", "--address", addr); !strings.Contains(out, "PRAVA_MICROSOFT_CLIENT_ID") {
		t.Errorf("a sign-in without a client ID:\n%s", out)
	}
	signInWith = func(k *casework.Desk) func(string) error {
		s := p.SignIn()
		k.SetSignIn(&s)
		return mailtest.Browser
	}
	p.Refuse("access_denied")
	if out := cmd(exitError, "", "mail", "signin", "--address", addr, "--no-test"); !strings.Contains(out, "declined") {
		t.Errorf("a declined sign-in:\n%s", out)
	}
	if out := cmd(exitError, "", "mail", "test"); !strings.Contains(out, "no mail account") {
		t.Errorf("a declined sign-in saved something:\n%s", out)
	}
	p.Refuse("")
	out := cmd(exitOK, "", "mail", "signin", "--address", addr, "--no-test")
	if !strings.Contains(out, "Signed in; saved the mail account") || !strings.Contains(out, addr) || strings.Contains(out, "access-1") || strings.Contains(out, "refresh-1") {
		t.Errorf("signin:\n%s", out)
	}
	if !strings.HasPrefix(p.Redirect(), "http://127.0.0.1:") {
		t.Errorf("the redirect is not on loopback: %q", p.Redirect())
	}
}
