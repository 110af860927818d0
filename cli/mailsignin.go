package cli

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"os/signal"
	"runtime"
	"syscall"
	"time"

	"prava/casework"
)

// signInWith, when set, replaces Microsoft's sign-in: the tests play the
// provider on loopback and follow its page themselves.
var signInWith func(*casework.Desk) func(url string) error

// signInWait is how long signin waits for the person in the browser.
const signInWait = 10 * time.Minute

// signIn is "prava mail signin": the provider's page in the browser, the
// tokens kept in the vault, then both logins tried with them.
func (c mailCmd) signIn() int {
	a, err := c.account(true)
	if err != nil {
		return c.fail(err)
	}
	desk, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer desk.Close()
	open := c.browse
	if signInWith != nil {
		open = signInWith(desk)
	}
	// The browser may take a while (a password, a second factor): the
	// sign-in's own bound, not the network commands' two minutes.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, signInWait)
	defer cancel()
	if err := desk.SignInMailAccount(ctx, a, open); err != nil {
		return c.fail(err)
	}
	kept, _, err := desk.MailAccount()
	if err != nil {
		return c.fail(err)
	}
	fmt.Fprintf(c.stdout, "Signed in; saved the mail account %s in the vault\n", kept)
	if *c.noTest {
		return exitOK
	}
	tctx, tcancel := c.context()
	defer tcancel()
	rep := desk.TestMailAccount(tctx, kept)
	c.printTest(rep)
	if rep.Err() != nil {
		return c.fail(errors.New("signed in, but a login failed; see above (the sign-in is kept: \"prava mail test\" tries again)"))
	}
	return exitOK
}

// browse prints the sign-in address and opens it in the system's
// browser; when no browser opens, the printed address is the way.
func (c mailCmd) browse(url string) error {
	fmt.Fprintf(c.stdout, "Sign in with your provider in the browser; if it does not open, open this address:\n  %s\n", url)
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		cmd = exec.Command("open", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err == nil {
		go cmd.Wait()
	}
	return nil
}
