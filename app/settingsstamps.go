package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
)

// timestampSection turns trusted timestamps on or off and names the
// time-stamping authority: only a hash of each message leaves the
// computer, never the message.
func (u *UI) timestampSection() fyne.CanvasObject {
	s := u.data().Settings
	on := widget.NewCheck(T("settings.stamps"), nil)
	on.SetChecked(s.Timestamps)
	authority := widget.NewEntry()
	authority.SetPlaceHolder(casework.DefaultTSA)
	authority.SetText(s.TSA)
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	save := widget.NewButton(T("common.save"), func() {
		next := u.data().Settings
		next.Timestamps, next.TSA = on.Checked, strings.TrimSpace(authority.Text)
		u.change(func(k *casework.Desk) error { return k.SaveSettings(next) }, func() {
			showSaved(status, u.now())
		}, func(err error) {
			status.Importance = widget.DangerImportance
			status.SetText(problemLine(err))
		})
	})
	return section(T("settings.stamps_title"),
		on, hint(T("settings.stamps_why")),
		field(T("settings.stamps_tsa"), authority),
		container.NewHBox(save), status,
	)
}
