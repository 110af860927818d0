// Package app is Prava's desktop user interface, built with Fyne. It is the
// only package that imports fyne; it calls down into letters and storage
// and holds no business rules of its own.
package app

import (
	"os"
	"os/signal"
	"syscall"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prava/assets"
)

// ID is the application ID, the same as in FyneApp.toml; Fyne keys the
// preferences and the storage folder on it.
const ID = "app.prava.desktop"

// Run opens the desktop app on the vault at vaultPath ("" for the default)
// and returns when its window is closed. The vault screens are still being
// built, so vaultPath is not used yet.
func Run(vaultPath string) {
	_ = vaultPath
	LoadTranslations()
	a := fyneapp.NewWithID(ID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := NewMainWindow(a)
	quitOnSignal(a)
	w.ShowAndRun()
}

// quitOnSignal closes the app the normal way when the system asks it to
// stop (logout, shutdown, Ctrl+C in a terminal), so that nothing is cut off
// half-written.
func quitOnSignal(a fyne.App) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sig
		fyne.Do(a.Quit)
	}()
}

// LoadTranslations registers the UI strings of every language Prava ships;
// Fyne then picks the one closest to the system's locale.
func LoadTranslations() {
	if err := lang.AddTranslationsFS(assets.Translations, assets.TranslationsDir); err != nil {
		fyne.LogError("loading translations", err)
	}
}

// NewMainWindow builds Prava's main window in a.
func NewMainWindow(a fyne.App) fyne.Window {
	w := a.NewWindow(lang.L("app.title"))
	w.SetContent(welcome())
	w.Resize(fyne.NewSize(720, 480))
	return w
}

// welcome says what Prava does while its screens are being built.
func welcome() fyne.CanvasObject {
	icon := widget.NewIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	heading := widget.NewLabelWithStyle(lang.L("welcome.heading"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameHeadingText
	body := widget.NewLabel(lang.L("welcome.body"))
	body.Wrapping = fyne.TextWrapWord
	coming := widget.NewLabel(lang.L("welcome.coming"))
	coming.Wrapping = fyne.TextWrapWord
	top := container.NewGridWrap(fyne.NewSize(96, 96), icon)
	return container.NewPadded(container.NewVBox(container.NewCenter(top), heading, body, coming))
}
