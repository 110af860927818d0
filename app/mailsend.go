package app

import (
	"context"
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
	"prava/mail"
	"prava/record"
)

// mailEvery is how often the mailbox is looked at while Prava runs.
const mailEvery = 5 * time.Minute

// mailWhy words a mail failure in the person's language: the step that
// failed for a mail server's error, else the desk's refusal.
func mailWhy(err error) string {
	var me *mail.Error
	if errors.As(err, &me) {
		why := T("mail.stage." + string(me.Stage))
		if me.MaybeSent {
			why += " " + T("request.maybe_sent")
		}
		return why
	}
	var p *casework.Problem
	if errors.As(err, &p) && p.Code == "bad_account" {
		return T("mail.bad_account")
	}
	return problemText(err)
}

// sendButton sends a draft from the person's own mailbox, after saying
// from where to where; nil when the request cannot go that way.
func (u *UI) sendButton(r *record.Request) fyne.CanvasObject {
	if r.Status != record.StatusDraft || r.Channel != record.ByEmail || !strings.Contains(r.Contact, "@") {
		return nil
	}
	if u.data().Mail == nil {
		return hint(T("request.send_mail_setup"))
	}
	id := r.ID
	b := widget.NewButtonWithIcon(T("request.send_mail"), theme.MailSendIcon(), nil)
	b.Importance = widget.HighImportance
	b.OnTapped = func() {
		a, _, _ := u.desk.MailAccount()
		text := T("request.send_mail_confirm", args("From", a.Address, "To", oneLine(r.Contact)))
		if needsSignature(r) {
			text += "\n\n" + T("warning.ru_signature")
		}
		dialog.ShowConfirm(T("request.send_mail"), text, func(ok bool) {
			if ok {
				b.Disable()
				u.sendByMail(id)
			}
		}, u.win)
	}
	return b
}

// sendByMail hands the letter to the person's SMTP server off the UI
// goroutine; the request page is shown again with what happened.
func (u *UI) sendByMail(id string) {
	u.toast(T("request.sending"))
	var err error
	u.change(func(k *casework.Desk) error {
		ctx, cancel := context.WithTimeout(context.Background(), mailTimeout)
		defer cancel()
		_, err = k.SendRequestByMail(ctx, id)
		return nil // the desk recorded the outcome, whatever it was
	}, func() {
		u.showRequest(id)
		r := u.data().Request(id)
		switch {
		case err == nil && r != nil:
			u.toast(T("request.sent_mail", args("To", oneLine(r.Contact))))
		case errors.Is(err, casework.ErrMaybeSent):
			u.notice(T("request.maybe_sent"), err)
		default:
			u.notice(T("request.not_sent", args("Why", mailWhy(err))), err)
		}
	}, nil)
}

// checkMail looks in the mailbox now and says in status, when given, what
// it found; answers attached to their requests are also notified.
func (u *UI) checkMail(status *widget.Label) {
	if u.desk == nil || u.data().Mail == nil || u.checking {
		return
	}
	u.checking = true
	if status != nil {
		status.Importance = widget.MediumImportance
		status.SetText(T("mail.checking"))
	}
	var msgs []mail.Message
	var err error
	u.change(func(k *casework.Desk) error {
		ctx, cancel := context.WithTimeout(context.Background(), mailTimeout)
		defer cancel()
		msgs, err = k.CheckMail(ctx)
		return nil
	}, func() {
		u.checking = false
		answers := answered(msgs)
		if err != nil {
			if status != nil {
				status.Importance = widget.DangerImportance
				status.SetText(T("mail.check_failed", args("Why", mailWhy(err))))
			}
			return
		}
		if status != nil {
			status.Importance = widget.SuccessImportance
			status.SetText(T("mail.checked", args("N", len(msgs), "Answers", len(answers))))
		}
		if len(answers) > 0 {
			u.refreshStates()
			u.notifyAnswers(answers)
		}
	}, nil)
}

// answered are the requests a check attached a reply to, each once.
func answered(msgs []mail.Message) []string {
	var ids []string
	seen := map[string]bool{}
	for _, m := range msgs {
		if m.Request != "" && m.Kind == mail.KindReply && (m.Match == mail.MatchCertain || m.Match == mail.MatchLikely) && !seen[m.Request] {
			seen[m.Request] = true
			ids = append(ids, m.Request)
		}
	}
	return ids
}

// notifyAnswers tells the person, in the window and on the desktop, which
// companies answered.
func (u *UI) notifyAnswers(requests []string) {
	d := u.data()
	var companies []string
	names := map[string]string{}
	for _, id := range requests {
		if r := d.Request(id); r != nil {
			companies = append(companies, r.CompanyID)
		}
	}
	for _, c := range d.Companies {
		names[c.ID] = c.Name
	}
	text := T("notify.answers", args("N", len(requests), "Names", someNames(companies, names)))
	u.toast(text)
	n := fyne.NewNotification(T("notify.title"), text)
	u.lastNotice = n.Content
	u.background(func() { u.app.SendNotification(n) }, func() {})
}

// watchMail checks the mailbox now and then every few minutes while a
// mailbox is set up, and at once when a server that offers IDLE says new
// mail is in; Close stops both.
func (u *UI) watchMail() {
	u.checkMail(nil)
	u.idle()
	if u.mailTicker != nil {
		return
	}
	t, stop := time.NewTicker(mailEvery), make(chan struct{})
	u.mailTicker, u.stopMail = t, stop
	go func() {
		for {
			select {
			case <-t.C:
				fyne.Do(func() { u.checkMail(nil) })
			case <-stop:
				return
			}
		}
	}()
}

// idle listens on the mailbox for new mail (Desk.WatchMail) and checks it
// when the server says so, until Close; the timer stays as the fallback
// for servers without IDLE and for a watch that ended. Tests, which drive
// the checks themselves on their own goroutine (u.queue), do not idle.
func (u *UI) idle() {
	if u.idling || u.queue != nil || u.desk == nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	u.idling, u.stopIdle = true, cancel
	desk := u.desk
	go func() {
		_ = desk.WatchMail(ctx, func() { fyne.Do(func() { u.checkMail(nil) }) })
		fyne.Do(func() {
			if u.stopIdle != nil && ctx.Err() == nil {
				u.idling = false // a watch that ended may start again with the next setup
			}
		})
	}()
}
