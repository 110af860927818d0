package app

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"prava/internal/mailtest"
	"prava/record"
)

// TestMailFromTheApp follows a person who sets up their mailbox in
// Settings, sends a request from the request's page and sees the
// company's answer arrive: a wrong password is refused with the step
// that failed and nothing stored; the letter reaches the submission
// server with its PDF, the request is sent by e-mail; the threaded answer
// is attached to it and notified. Settings is looked at in Ukrainian too.
// The servers are real ones on loopback (internal/mailtest); the same
// path against Dovecot is cli's TestMailFromTheCommandLine.
func TestMailFromTheApp(t *testing.T) {
	b, err := mailtest.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	u := homeUI(t, nil)
	addPasted(t, u, seed(t, "003_667823663de3ed12.txt"))
	tap(t, u, "Save company")
	tap(t, u, "Write a request…")
	tap(t, u, "Write the letter")
	r := u.data().Requests[0]
	if r.Channel != record.ByEmail {
		t.Fatalf("the request goes by %s to %q", r.Channel, r.Contact)
	}
	mustShow(t, u, "To send it from Prava itself, set up your mailbox in Settings.")

	settings := func() {
		u.showHome()
		u.home.tabs.SelectIndex(tabSettings)
		u.Settle()
	}
	settings()
	entryAfter(t, u, "Your e-mail address").SetText(mailtest.User)
	entryAfter(t, u, "Incoming mail server (IMAP), host:port").SetText("127.0.0.1")
	tap(t, u, "Test and save")
	mustShow(t, u, "Check the field “Incoming mail server (IMAP), host:port”. Write it as host:port")
	entryAfter(t, u, "Incoming mail server (IMAP), host:port").SetText(b.Account.IMAP.Addr())
	entryAfter(t, u, "Outgoing mail server (SMTP), host:port").SetText(b.Account.SMTP.Addr())
	walk(u, func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok && len(s.Options) == len(securities) {
			s.SetSelectedIndex(3) // no encryption: the servers are on loopback
		}
	})
	entryAfter(t, u, "Password or app password").SetText("not the password")
	tap(t, u, "Test and save")
	mustShow(t, u, "Incoming mail (IMAP): the user name or password was refused")
	mustShow(t, u, "Nothing was saved")
	if u.data().Mail != nil {
		t.Fatal("a mailbox whose login failed was stored")
	}
	entryAfter(t, u, "Password or app password").SetText(mailtest.Password)
	tap(t, u, "Test and save")
	if u.data().Mail == nil {
		t.Fatalf("the mailbox was not stored; the window shows:\n%s", strings.Join(texts(u), "\n"))
	}
	mustShow(t, u, "Saved: requests can now be sent from "+mailtest.User)

	u.showRequest(r.ID)
	if dir := os.Getenv("PRAVA_SCREENS"); dir != "" {
		u.win.Resize(fyne.NewSize(800, 600))
		capture(t, u, T("request.send_mail"), filepath.Join(dir, "mail-send-en.png"))
	}
	tap(t, u, "Send by e-mail")
	mustShow(t, u, "Send this letter now from "+mailtest.User+" to "+r.Contact+"?")
	tap(t, u, "Yes")
	got := b.Messages()
	if len(got) != 1 || !strings.Contains(string(got[0]), "application/pdf") {
		t.Fatalf("the submission server got %d messages", len(got))
	}
	sent := u.data().Request(r.ID)
	if sent.Status == record.StatusDraft || sent.Email == nil || sent.Email.MessageID == "" {
		t.Fatalf("after sending the request is %s with %+v", sent.Status, sent.Email)
	}
	mustShow(t, u, "Sent to "+r.Contact)
	if shows(u, "Send by e-mail") {
		t.Error("a sent request still offers to be sent")
	}

	answer := "From: privacy@costless.com.ua\nTo: " + mailtest.User + "\nSubject: Re: your request\n" +
		"Message-ID: <answer-1@costless.example>\nIn-Reply-To: <" + sent.Email.MessageID + ">\n" +
		"Date: Tue, 24 Nov 2026 10:00:00 +0000\n\nHere is what we hold about you.\n"
	if err := b.Deliver("INBOX", answer); err != nil {
		t.Fatal(err)
	}
	u.checkMail(nil)
	u.Settle()
	if rr := u.data().Request(r.ID); len(rr.Replies) == 0 {
		t.Fatalf("the answer was not attached: %+v", rr.Email)
	}
	if !strings.Contains(u.lastNotice, "Answers arrived from") {
		t.Errorf("notification %q", u.lastNotice)
	}

	UseLanguage("uk")
	defer UseLanguage("en")
	settings()
	mustShow(t, u, "Ваша поштова скринька")
	mustShow(t, u, "Запити можна надсилати з "+mailtest.User+".")

	// With PRAVA_SCREENS=DIR, pictures of the section and the sent
	// request to look at.
	if dir := os.Getenv("PRAVA_SCREENS"); dir != "" {
		for _, code := range []string{"en", "uk"} {
			UseLanguage(code)
			u.win.Resize(fyne.NewSize(800, 600))
			settings()
			capture(t, u, T("mail.save"), filepath.Join(dir, "mail-settings-"+code+".png"))
			u.showRequest(r.ID)
			u.Settle()
			capture(t, u, T("request.send"), filepath.Join(dir, "mail-request-"+code+".png"))
		}
	}
}

// capture scrolls the page to the button or label with text and saves a
// picture of the window.
func capture(t *testing.T, u *UI, text, path string) {
	t.Helper()
	var page *container.Scroll
	walk(u, func(o fyne.CanvasObject) {
		if sc, ok := o.(*container.Scroll); ok && page == nil {
			page = sc
		}
		if b, ok := o.(*widget.Button); ok && b.Text == text && page != nil {
			scrollTo(page, b)
		}
		if l, ok := o.(*widget.Label); ok && l.Text == text && page != nil {
			scrollTo(page, l)
		}
	})
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	png.Encode(f, u.win.Canvas().Capture())
}

// TestSignInFromTheApp: an Outlook.com address shows "Sign in with
// Microsoft…" instead of asking for a password; a sign-in the person
// declines in the browser stores nothing and says so; one that finishes
// keeps the mailbox. Without a client ID the button is not offered.
func TestSignInFromTheApp(t *testing.T) {
	t.Setenv("PRAVA_MICROSOFT_CLIENT_ID", "")
	u := homeUI(t, nil)
	settings := func() {
		u.showHome()
		u.home.tabs.SelectIndex(tabSettings)
		u.Settle()
	}
	settings()
	entryAfter(t, u, "Your e-mail address").SetText("olena.test@outlook.com")
	mustShow(t, u, "Prava cannot sign in there yet")
	if shows(u, "Sign in with Microsoft…") {
		t.Error("a build without a client ID offers to sign in")
	}
	// Gmail takes an app password, or a sign-in with Google when the
	// build has a Google client.
	entryAfter(t, u, "Your e-mail address").SetText("olena.test@gmail.com")
	if shows(u, "Sign in with Google…") {
		t.Error("a build without a Google client offers to sign in with Google")
	}
	t.Setenv("PRAVA_GOOGLE_CLIENT_ID", "a-google-client")
	entryAfter(t, u, "Your e-mail address").SetText("olena.test@gmail.com ")
	mustShow(t, u, "Sign in with Google…")
	mustShow(t, u, "app password")

	p := mailtest.StartProvider()
	defer p.Close()
	s := p.SignIn()
	s.Provider = "Microsoft"
	u.desk.SetSignIn(&s)
	u.openURL = mailtest.Browser
	settings()
	entryAfter(t, u, "Your e-mail address").SetText("olena.test@outlook.com")
	mustShow(t, u, "sign in with Microsoft in your browser instead")
	if dir := os.Getenv("PRAVA_SCREENS"); dir != "" {
		u.win.Resize(fyne.NewSize(800, 600))
		capture(t, u, "Sign in with Microsoft…", filepath.Join(dir, "mail-signin-en.png"))
	}
	p.Refuse("access_denied")
	tap(t, u, "Sign in with Microsoft…")
	mustShow(t, u, "The sign-in did not finish, and nothing was saved.")
	if u.data().Mail != nil {
		t.Fatal("a declined sign-in stored a mailbox")
	}
	p.Refuse("")
	tap(t, u, "Sign in with Microsoft…")
	mustShow(t, u, "Saved: requests can now be sent from olena.test@outlook.com")
	if a, ok, err := u.desk.MailAccount(); !ok || err != nil || !a.OAuth || a.Password != "access-1" {
		t.Errorf("the mailbox kept: %v %v %v", a, ok, err)
	}
}
