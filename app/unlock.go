package app

import (
	"errors"
	"slices"

	"fyne.io/fyne/v2/widget"

	"prava/casework"
)

// showUnlock asks for the passphrase or the recovery code of a vault whose
// key this computer's keyring does not hold, and says why it asks.
func (u *UI) showUnlock(info casework.VaultInfo) {
	hasPass := slices.Contains(info.Protection, "passphrase")
	why := T("unlock.why_new_computer")
	switch {
	case info.OtherKeyInKeyring:
		why = T("unlock.why_other_key")
	case info.KeyringErr != nil:
		why = T("unlock.why_no_keyring")
	case hasPass && !slices.Contains(info.Protection, "keyring"):
		why = T("unlock.why_passphrase")
	}
	pass := widget.NewPasswordEntry()
	code := widget.NewEntry()
	code.SetPlaceHolder("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
	problem := problemLabel()
	open := widget.NewButton(T("unlock.open"), nil)
	open.Importance = widget.HighImportance
	open.OnTapped = func() {
		with := casework.Unlock{Passphrase: pass.Text, RecoveryCode: code.Text}
		if with.Passphrase == "" && with.RecoveryCode == "" {
			problem.SetText(T("unlock.give_something"))
			problem.Show()
			return
		}
		open.Disable()
		problem.Hide()
		u.unlock(with, func(err error) {
			open.Enable()
			switch {
			case errors.Is(err, casework.ErrRecoveryCodeTypo):
				problem.SetText(T("unlock.code_typo"))
			case with.RecoveryCode != "":
				problem.SetText(T("unlock.wrong_code"))
			default:
				problem.SetText(T("unlock.wrong"))
			}
			problem.Show()
		})
	}
	pass.OnSubmitted = func(string) { open.OnTapped() }
	code.OnSubmitted = func(string) { open.OnTapped() }
	form := widget.NewForm()
	if hasPass {
		form.Append(T("pass.label"), pass)
	}
	form.Append(T("unlock.code"), code)
	other := widget.NewButton(T("problem.other_vault"), u.chooseVault)
	u.show(screen(
		heading(T("unlock.heading")),
		para(why),
		form,
		hint(T("unlock.code_hint")),
		problem,
		buttons(open, other),
		hint(T("first.location", args("Path", u.path))),
	))
	if hasPass {
		u.win.Canvas().Focus(pass)
	} else {
		u.win.Canvas().Focus(code)
	}
}
