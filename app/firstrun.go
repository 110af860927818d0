package app

import (
	"errors"
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
	"prava/files"
)

// clipboardKeep is how long a copied recovery code stays on the clipboard.
const clipboardKeep = time.Minute

// showFirstRun welcomes a person with no vault yet and creates one.
func (u *UI) showFirstRun() {
	create := widget.NewButton(T("first.create"), nil)
	create.Importance = widget.HighImportance
	restore := widget.NewButton(T("first.restore"), func() { u.showRestore(u.path) })
	create.OnTapped = func() {
		create.Disable()
		u.show(busy(T("first.creating")))
		var desk *casework.Desk
		var code string
		var err error
		u.background(func() {
			desk, code, err = casework.Create(u.path, "", u.opt.Keyring, u.now)
		}, func() {
			switch {
			case errors.Is(err, casework.ErrKeyringUnavailable):
				u.showPassphraseSetup(err)
			case err != nil:
				u.showProblem(err)
			default:
				u.setDesk(desk)
				u.showRecoveryCode(code)
			}
		})
	}
	u.show(screen(
		heading(T("first.heading")),
		para(T("welcome.body")),
		para(T("first.how")),
		hint(T("first.location", args("Path", u.path))),
		buttons(create, restore),
	))
}

// showPassphraseSetup explains that no keyring answered and protects the
// new vault with a passphrase instead.
func (u *UI) showPassphraseSetup(why error) {
	pass := widget.NewPasswordEntry()
	again := widget.NewPasswordEntry()
	problem := problemLabel()
	create := widget.NewButton(T("first.create"), nil)
	create.Importance = widget.HighImportance
	create.OnTapped = func() {
		switch {
		case casework.CheckPassphrase(pass.Text) != nil:
			problem.SetText(T("pass.too_short", args("N", casework.MinPassphraseLen)))
		case pass.Text != again.Text:
			problem.SetText(T("pass.mismatch"))
		default:
			problem.Hide()
			p := pass.Text
			u.show(busy(T("first.creating")))
			var desk *casework.Desk
			var code string
			var err error
			u.background(func() {
				desk, code, err = casework.Create(u.path, p, u.opt.Keyring, u.now)
			}, func() {
				if err != nil {
					u.showProblem(err)
					return
				}
				u.setDesk(desk)
				u.showRecoveryCode(code)
			})
			return
		}
		problem.Show()
	}
	again.OnSubmitted = func(string) { create.OnTapped() }
	form := widget.NewForm(
		widget.NewFormItem(T("pass.label"), pass),
		widget.NewFormItem(T("pass.again"), again),
	)
	u.show(screen(
		heading(T("pass.heading")),
		para(T("pass.why")),
		form, problem,
		// Why no keyring answered is for whoever helps: in English, folded.
		widget.NewAccordion(widget.NewAccordionItem(T("common.details_english"), selectable(why.Error()))),
		buttons(create),
	))
	u.win.Canvas().Focus(pass)
}

// showRecoveryCode shows the code once, offers to save it, and goes on
// only when the person says they kept it.
func (u *UI) showRecoveryCode(code string) {
	codeText := widget.NewLabelWithStyle(code, fyne.TextAlignCenter, fyne.TextStyle{Monospace: true})
	codeText.SizeName = theme.SizeNameSubHeadingText
	codeText.Selectable = true
	cont := widget.NewButton(T("code.continue"), func() { u.showHome() })
	cont.Importance = widget.HighImportance
	cont.Disable()
	kept := widget.NewCheck(T("code.kept"), func(on bool) {
		if on {
			cont.Enable()
		} else {
			cont.Disable()
		}
	})
	save := widget.NewButton(T("code.save"), func() { u.saveRecoveryCode(code) })
	copyIt := widget.NewButton(T("code.copy"), func() {
		u.app.Clipboard().SetContent(code)
		u.toast(T("code.copied"))
		// The code opens the vault: it does not stay on the clipboard,
		// where any program can read it, longer than it takes to paste.
		clip := u.app.Clipboard()
		time.AfterFunc(clipboardKeep, func() {
			fyne.Do(func() {
				if clip.Content() == code {
					clip.SetContent("")
				}
			})
		})
	})
	u.show(screen(
		heading(T("code.heading")),
		para(T("code.why")),
		widget.NewCard("", "", codeText),
		para(T("code.how")),
		buttons(save, copyIt),
		kept,
		buttons(cont),
	))
}

// saveRecoveryCode writes the code to a text file the person chooses, to
// print or keep on a stick. The file is theirs: Prava does not keep it.
func (u *UI) saveRecoveryCode(code string) {
	// Written by Prava's own writer: readable by the person only (0600),
	// never half-written, never onto the vault.
	u.chooseSaveFile("prava-recovery-code.txt", []string{".txt"}, func(path string) {
		text := fmt.Sprintf("%s\n\n    %s\n\n%s\n%s\n", T("code.file_title"), code, T("code.file_vault", args("Path", u.path)), T("code.how"))
		if err := files.WriteFile(path, []byte(text)); err != nil {
			u.notice(T("code.save_failed"), err)
			return
		}
		u.toast(T("code.saved", args("File", path)))
	})
}

// showRestore brings back an exported vault, with its recovery code, to
// path (which must not hold a vault yet).
func (u *UI) showRestore(path string) {
	file := widget.NewEntry()
	file.SetPlaceHolder(T("restore.file_hint"))
	choose := widget.NewButton(T("restore.choose"), func() {
		u.chooseFile(nil, file.SetText)
	})
	code := widget.NewEntry()
	code.SetPlaceHolder(T("restore.code_hint"))
	problem := problemLabel()
	restore := widget.NewButton(T("restore.do"), nil)
	restore.Importance = widget.HighImportance
	back := u.backButton(func() { u.startAt(u.path) })
	restore.OnTapped = func() {
		src, c := file.Text, code.Text
		if _, err := os.Stat(src); err != nil {
			problem.SetText(T("restore.no_file"))
			problem.Show()
			return
		}
		restore.Disable()
		var desk *casework.Desk
		var err error
		u.background(func() { desk, err = casework.Import(src, path, c, u.opt.Keyring, u.now) }, func() {
			restore.Enable()
			if err != nil {
				problem.SetText(err.Error())
				problem.Show()
				return
			}
			if path != u.path {
				u.app.Preferences().SetString(prefVaultPath, path)
			}
			u.path = path
			u.setDesk(desk)
			u.showHome()
		})
	}
	u.show(screen(
		heading(T("restore.heading")),
		para(T("restore.why")),
		widget.NewForm(
			widget.NewFormItem(T("restore.file"), container.NewBorder(nil, nil, nil, choose, file)),
			widget.NewFormItem(T("restore.code"), code),
		),
		hint(T("first.location", args("Path", path))),
		problem,
		buttons(restore, back),
	))
}
