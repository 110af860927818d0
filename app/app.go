// Package app is Prava's desktop user interface, built with Fyne. It is the
// only package that imports fyne; it calls down into casework, letters and
// storage and holds no business rules of its own.
package app

import (
	"os"
	"os/signal"
	"syscall"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"prava/assets"
)

// ID is the application ID, the same as in FyneApp.toml; Fyne keys the
// preferences and the storage folder on it.
const ID = "app.prava.desktop"

// Run opens the desktop app on the vault at vaultPath ("" for the one
// PRAVA_VAULT, the settings or the default name) and returns when its
// window is closed.
func Run(vaultPath string) {
	a := fyneapp.NewWithID(ID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	UseLanguage(a.Preferences().String(prefLanguage))
	u := New(a, Options{VaultPath: vaultPath})
	quitOnSignal(a)
	u.Start()
	u.Window().ShowAndRun()
	u.Close()
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
