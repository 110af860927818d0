package app

import (
	"cmp"
	"context"
	"net/url"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
	"prava/mail"
)

// mailTimeout bounds a test of the connection or a check started by hand:
// a server that never answers must not leave the button spinning.
const mailTimeout = 2 * time.Minute

// securities are the encryption choices, in the Select's order; "" takes
// it from the port.
var securities = []mail.Security{"", mail.SecurityTLS, mail.SecuritySTARTTLS, mail.SecurityPlain}

// mailForm is the mailbox section's inputs.
type mailForm struct {
	address, imap, smtp, user, password *widget.Entry
	security                            *widget.Select
	provider, status                    *widget.Label
	// signIn is shown for providers that take no passwords, when this
	// build can sign in to them.
	signIn    *widget.Button
	canSignIn func(address string) (provider string, ok bool)
}

// mailSection sets up the person's own mailbox: most people type their
// address and password, and the provider table fills the servers. Both
// logins are tried before anything is saved.
func (u *UI) mailSection() fyne.CanvasObject {
	f := &mailForm{address: widget.NewEntry(), imap: widget.NewEntry(), smtp: widget.NewEntry(),
		user: widget.NewEntry(), password: widget.NewPasswordEntry(),
		provider: para(""), status: para(""), canSignIn: u.desk.CanSignIn}
	names := make([]string, len(securities))
	for i, s := range securities {
		names[i] = T("mail.security_" + cmp.Or(string(s), "auto"))
	}
	f.security = widget.NewSelect(names, nil)
	f.security.SetSelectedIndex(0)
	f.imap.SetPlaceHolder("imap.example.com:993")
	f.smtp.SetPlaceHolder("smtp.example.com:465")
	if a, ok, _ := u.desk.MailAccount(); ok {
		f.address.SetText(a.Address)
		f.imap.SetText(a.IMAP.Addr())
		f.smtp.SetText(a.SMTP.Addr())
		f.user.SetText(a.Username)
		f.security.SetSelectedIndex(max(0, slices.Index(securities, a.IMAP.Security)))
		f.status.SetText(T("mail.set_up", args("Address", a.Address)))
	}
	f.address.OnChanged = func(string) { f.guess() }
	test := widget.NewButton(T("mail.test"), func() { u.testMail(f, false) })
	save := widget.NewButton(T("mail.save"), func() { u.testMail(f, true) })
	save.Importance = widget.HighImportance
	remove := widget.NewButton(T("mail.remove"), func() {
		u.change(func(k *casework.Desk) error { return k.RemoveMailAccount() }, func() {
			f.status.Importance = widget.SuccessImportance
			f.status.SetText(T("mail.removed"))
		}, nil)
	})
	f.signIn = widget.NewButton(T("mail.sign_in"), func() { u.signInMail(f) })
	f.signIn.Importance = widget.HighImportance
	f.signIn.Hide()
	checkNow := widget.NewButton(T("mail.check_now"), func() { u.checkMail(f.status) })
	return section(T("settings.mail_title"),
		hint(T("settings.mail_why")),
		field(T("mail.address"), f.address, f.provider, f.signIn),
		field(T("mail.password"), f.password),
		field(T("mail.imap"), f.imap),
		field(T("mail.smtp"), f.smtp),
		field(T("mail.security"), f.security),
		field(T("mail.user"), f.user),
		buttons(save, test), buttons(checkNow, remove), f.status,
	)
}

// guess fills the servers of a known provider while they are empty or
// still another provider's, and says what that provider needs.
func (f *mailForm) guess() {
	a, p, ok := mail.Guess(f.address.Text)
	f.signIn.Hide()
	if !ok {
		f.provider.SetText("")
		return
	}
	f.imap.SetText(a.IMAP.Addr())
	f.smtp.SetText(a.SMTP.Addr())
	f.user.SetText(a.Username)
	f.security.SetSelectedIndex(0)
	by, can := f.canSignIn(f.address.Text)
	if can && (p.OAuthOnly || p.AppPassword) {
		f.signIn.SetText(T("mail.sign_in", args("Provider", by)))
		f.signIn.Show()
	}
	switch {
	case p.OAuthOnly && can:
		f.provider.SetText(T("mail.provider_signin", args("Name", p.Name, "Provider", by)))
	case p.OAuthOnly:
		f.provider.SetText(T("mail.provider_oauth", args("Name", p.Name)))
	case p.AppPassword:
		f.provider.SetText(T("mail.provider_app_password", args("Name", p.Name)))
	default:
		f.provider.SetText(T("mail.provider", args("Name", p.Name)))
	}
}

// account is the mailbox the form describes, or the line saying which
// field to fix.
func (f *mailForm) account() (mail.Account, string) {
	addr := strings.TrimSpace(f.address.Text)
	a, _, _ := mail.Guess(addr)
	a.Address, a.Username, a.Password = addr, strings.TrimSpace(f.user.Text), f.password.Text
	sec := securities[max(0, f.security.SelectedIndex())]
	for _, s := range []struct {
		text  string
		to    *mail.Server
		label string
	}{{f.imap.Text, &a.IMAP, T("mail.imap")}, {f.smtp.Text, &a.SMTP, T("mail.smtp")}} {
		srv, err := mail.ParseServer(s.text, sec)
		if err != nil {
			return a, T("mail.bad_field", args("Field", s.label)) + " " + T("mail.err_server")
		}
		*s.to = srv
	}
	if err := a.Validate(); err != nil {
		return a, T("mail.bad_field", args("Field", f.label(err)))
	}
	return a, ""
}

// label names the form's field an account's refusal is about.
func (f *mailForm) label(err error) string {
	msg := err.Error()
	for _, l := range []struct{ prefix, key string }{
		{"address:", "mail.address"}, {"IMAP server:", "mail.imap"}, {"SMTP server:", "mail.smtp"},
		{"user name:", "mail.user"}, {"password:", "mail.password"},
	} {
		if strings.HasPrefix(msg, l.prefix) {
			return T(l.key)
		}
	}
	return T("mail.address")
}

// testMail logs in to both servers off the UI goroutine and says, per
// server, that it worked or what failed; with save, a mailbox that
// worked is kept in the vault, and one that did not changes nothing.
func (u *UI) testMail(f *mailForm, save bool) {
	a, bad := f.account()
	if bad != "" {
		f.status.Importance = widget.DangerImportance
		f.status.SetText(bad)
		return
	}
	desk := u.desk
	f.status.Importance = widget.MediumImportance
	f.status.SetText(T("mail.testing"))
	var rep *mail.TestReport
	u.background(func() {
		ctx, cancel := context.WithTimeout(context.Background(), mailTimeout)
		defer cancel()
		rep = desk.TestMailAccount(ctx, a)
	}, func() {
		lines := []string{serverLine("mail.imap_state", rep.IMAP), serverLine("mail.smtp_state", rep.SMTP)}
		if rep.Err() != nil {
			if save {
				lines = append(lines, T("mail.not_saved"))
			}
			f.status.Importance = widget.DangerImportance
			f.status.SetText(strings.Join(lines, "\n"))
			return
		}
		f.status.Importance = widget.SuccessImportance
		f.status.SetText(strings.Join(lines, "\n"))
		if !save {
			return
		}
		u.change(func(k *casework.Desk) error { return k.SetMailAccount(a) }, func() {
			f.password.SetText("")
			f.status.SetText(strings.Join(append(lines, T("mail.saved", args("Address", a.Address))), "\n"))
			u.watchMail()
		}, func(err error) {
			f.status.Importance = widget.DangerImportance
			f.status.SetText(problemLine(err))
		})
	})
}

// serverLine says of one server that the login worked or why it failed.
func serverLine(key string, err error) string {
	if err == nil {
		return T(key, args("State", T("mail.ok")))
	}
	return T(key, args("State", mailWhy(err)))
}

// signInWait bounds a sign-in: the person may need a while in the
// browser (a password, a second factor), but not forever.
const signInWait = 10 * time.Minute

// signInMail signs the form's mailbox in with its provider in the
// browser, off the UI goroutine, and keeps it when the sign-in finishes;
// one that does not stores nothing and says why.
func (u *UI) signInMail(f *mailForm) {
	addr := strings.TrimSpace(f.address.Text)
	a, _, _ := mail.Guess(addr)
	a.Address = addr
	for _, s := range []struct {
		text string
		to   *mail.Server
	}{{f.imap.Text, &a.IMAP}, {f.smtp.Text, &a.SMTP}} {
		if srv, err := mail.ParseServer(s.text, securities[max(0, f.security.SelectedIndex())]); err == nil {
			*s.to = srv
		}
	}
	f.status.Importance = widget.MediumImportance
	f.status.SetText(T("mail.signing_in"))
	f.signIn.Disable()
	open := u.openURL
	if open == nil {
		open = func(s string) error {
			link, err := url.Parse(s)
			if err == nil {
				fyne.Do(func() { u.app.OpenURL(link) })
			}
			return err
		}
	}
	u.change(func(k *casework.Desk) error {
		ctx, cancel := context.WithTimeout(context.Background(), signInWait)
		defer cancel()
		return k.SignInMailAccount(ctx, a, open)
	}, func() {
		f.signIn.Enable()
		f.status.Importance = widget.SuccessImportance
		f.status.SetText(T("mail.saved", args("Address", a.Address)))
		u.watchMail()
	}, func(err error) {
		f.signIn.Enable()
		f.status.Importance = widget.DangerImportance
		f.status.SetText(problemLine(err))
	})
}
