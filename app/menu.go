package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// installMenu gives the window a main menu whose Quit item carries Ctrl+Q.
// Fyne handles menu shortcuts before the focused widget, so Ctrl+Q quits
// even while a text field has focus (a canvas shortcut would be typed
// into the entry instead). Quit goes through closeRequested, which asks
// first when a form holds unsaved changes.
func (u *UI) installMenu() {
	quit := fyne.NewMenuItem(T("ux.menu.quit"), u.closeRequested)
	quit.IsQuit = true
	quit.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	u.win.SetMainMenu(fyne.NewMainMenu(fyne.NewMenu(T("ux.menu.file"), quit)))
}
