package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// backButton is a page's Back button; Esc does the same while the page is
// shown.
func (u *UI) backButton(back func()) *widget.Button {
	leave := func() { u.leave(back) }
	u.back = leave
	return widget.NewButtonWithIcon(T("common.back"), theme.NavigateBackIcon(), leave)
}

// leave goes where back leads, asking first when the page holds changes
// not saved yet.
func (u *UI) leave(back func()) {
	if !u.unsaved {
		back()
		return
	}
	dialog.ShowConfirm(T("leave.title"), T("leave.body"), func(ok bool) {
		if ok {
			u.unsaved = false
			back()
		}
	}, u.win)
}

// typedKey handles the keys no widget took: Esc goes back.
func (u *UI) typedKey(k *fyne.KeyEvent) {
	// A dialog over the page takes Esc for itself: the page stays.
	if u.win.Canvas().Overlays().Top() != nil {
		return
	}
	if k.Name == fyne.KeyEscape && u.back != nil {
		u.back()
	}
}

// watchEdits marks the screen as holding unsaved changes when any of the
// entries is typed in, so that quitting asks first. A save or leaving the
// page clears the mark (see saved and show).
func (u *UI) watchEdits(entries ...*widget.Entry) {
	for _, e := range entries {
		before := e.OnChanged
		e.OnChanged = func(s string) {
			u.unsaved = true
			if before != nil {
				before(s)
			}
		}
	}
}

func (u *UI) edited() { u.unsaved = true }

// saved clears the unsaved-changes mark after a form was stored.
func (u *UI) saved() { u.unsaved = false }

// closeRequested asks before quitting when a form holds unsaved changes.
func (u *UI) closeRequested() {
	u.rememberSize()
	if !u.unsaved {
		u.app.Quit()
		return
	}
	dialog.ShowConfirm(T("quit.title"), T("quit.body"), func(quit bool) {
		if quit {
			u.app.Quit()
		}
	}, u.win)
}
