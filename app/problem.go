package app

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
)

// problemKey names the explanation for an error that stops the vault from
// opening; the storage error itself is shown under it as the detail.
func problemKey(err error) string {
	switch {
	case errors.Is(err, casework.ErrInUse):
		return "problem.in_use"
	case errors.Is(err, casework.ErrDamaged):
		return "problem.damaged"
	case errors.Is(err, casework.ErrTooNew):
		return "problem.too_new"
	case errors.Is(err, casework.ErrNotAVault):
		return "problem.not_a_vault"
	case errors.Is(err, casework.ErrKeyringUnavailable):
		return "problem.no_keyring"
	case errors.Is(err, casework.ErrWrongKey), errors.Is(err, casework.ErrNoKeyringKey):
		return "problem.wrong_key"
	}
	return "problem.other"
}

// showProblem explains why the vault cannot be opened and offers the ways
// out; it never changes the vault.
func (u *UI) showProblem(err error) {
	key := problemKey(err)
	retry := widget.NewButton(T("problem.retry"), u.Start)
	retry.Importance = widget.HighImportance
	row := []fyne.CanvasObject{retry}
	if key == "problem.damaged" && casework.HasBackup(u.path) {
		row = append(row, widget.NewButton(T("problem.use_backup"), func() { u.confirmUseBackup(err) }))
	}
	row = append(row, widget.NewButton(T("problem.other_vault"), u.chooseVault), widget.NewButton(T("common.quit"), u.app.Quit))
	u.show(screen(
		heading(T(key+".title")),
		para(T(key+".body")),
		u.problemDetails(key, err),
		buttons(row...),
	))
}

// problemDetails is what the problem screen shows under "Details": for a
// problem Prava knows, the facts in the person's language (which file,
// who holds it) and the English error only as something to copy for
// whoever helps them; for any other, the English error itself, since
// that is all there is to say.
func (u *UI) problemDetails(key string, err error) fyne.CanvasObject {
	if key == "problem.other" {
		return widget.NewAccordion(widget.NewAccordionItem(T("common.details_english"), selectable(err.Error())))
	}
	copyEnglish := widget.NewButton(T("problem.copy_details"), func() {
		u.app.Clipboard().SetContent(err.Error())
		u.toast(T("problem.details_copied"))
	})
	facts := container.NewVBox(selectable(problemFacts(u.path, err)), container.NewHBox(copyEnglish))
	return widget.NewAccordion(widget.NewAccordionItem(T("problem.details"), facts))
}

// problemFacts says in the person's language which vault the problem is
// about and, when it is in use, who holds it.
func problemFacts(path string, err error) string {
	facts := T("problem.fact.vault", args("Path", path))
	var inUse *casework.InUseError
	if errors.As(err, &inUse) {
		if inUse.PID > 0 {
			facts += "\n" + T("problem.fact.process", args("PID", inUse.PID))
		} else {
			facts += "\n" + T("problem.fact.lock", args("Lock", inUse.Lock))
		}
	}
	return facts
}

// confirmUseBackup puts the previous version of a damaged vault back,
// keeping the damaged file beside it; damaged is the error the problem
// screen shows, shown again if nothing could be restored.
func (u *UI) confirmUseBackup(damaged error) {
	dialog.ShowConfirm(T("problem.use_backup"), T("problem.use_backup_body"), func(ok bool) {
		if !ok {
			return
		}
		u.show(busy(T("start.opening")))
		var opened *openVault
		var err error
		// The desk restores and opens in one go, so that the timeline
		// records the restore; it tries the keyring's key, as a start does.
		u.background(func() {
			var desk *casework.Desk
			if desk, err = casework.RestoreBackup(u.path, casework.Unlock{}, u.opt.Keyring, u.now); err == nil {
				opened = prepare(desk)
			}
		}, func() {
			switch {
			case err == nil:
				u.setDesk(opened.desk)
				u.showHome(opened)
			case casework.HasBackup(u.path):
				// The previous version is still beside the vault: nothing
				// was restored, and the damaged vault's problem stays.
				u.showProblem(damaged)
				u.notice(T("problem.use_backup_failed"), err)
			default:
				// The previous version is in place but did not open with
				// the keyring: start on it, which asks for the passphrase
				// or the recovery code, or says what is wrong.
				u.startAt(u.path)
			}
		})
	}, u.win)
}

// chooseVault opens another vault file and remembers the choice.
func (u *UI) chooseVault() {
	u.chooseFile(nil, func(path string) {
		u.app.Preferences().SetString(prefVaultPath, path)
		u.opt.VaultPath = ""
		u.startAt(path)
	})
}

// notice tells the person that something failed, what it means for them
// (summary) and the error's own words.
func (u *UI) notice(summary string, err error) {
	if errors.Is(err, casework.ErrChanged) {
		// The one save failure with a way out the person can take.
		summary += "\n\n" + T("notice.vault_changed")
	}
	more := widget.NewAccordion(widget.NewAccordionItem(T("common.details_english"), selectable(err.Error())))
	d := dialog.NewCustom(T("common.problem"), T("common.ok"), container.NewPadded(container.NewVBox(para(summary), more)), u.win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

// toast shows a short confirmation in the window's status line, where it
// goes away by itself. It is not a pop-up: the next click goes to what
// the person clicks, never to closing the message.
func (u *UI) toast(text string) {
	l := u.statusLine()
	l.SetText(text)
	l.Show()
	// One timer at a time, stopped when the window closes: a timer left
	// running would touch a status line that is gone.
	if u.toastTimer != nil {
		u.toastTimer.Stop()
	}
	u.toastTimer = time.AfterFunc(toastTime, func() {
		fyne.Do(func() {
			if l.Text == text {
				l.SetText("")
				l.Hide()
			}
		})
	})
}

// clearToast empties the status line at once: a confirmation is about
// the view it was given on, and read on the next one it misleads ("Code
// copied" on the profile).
func (u *UI) clearToast() {
	if u.toastTimer != nil {
		u.toastTimer.Stop()
	}
	if u.status != nil && u.status.Visible() {
		u.status.SetText("")
		u.status.Hide()
	}
}

// whenBack has again run each time the companies tab is selected again
// while page is open there: what it said may be out of date after a
// change on another tab (the profile filled in).
func (u *UI) whenBack(page fyne.CanvasObject, again func()) {
	u.returnPage, u.onReturn = page, again
}

// toastTime is how long a confirmation stays in the status line.
const toastTime = 4 * time.Second

// statusLine is the line under every screen where confirmations appear.
func (u *UI) statusLine() *widget.Label {
	if u.status == nil {
		u.status = widget.NewLabel("")
		u.status.Importance = widget.SuccessImportance
		u.status.Wrapping = fyne.TextWrapWord
		u.status.Hide()
	}
	return u.status
}
