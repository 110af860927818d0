// Package app is Prava's desktop user interface, built with Fyne. It is the
// only package that imports fyne; it calls down into casework, letters and
// storage and holds no business rules of its own.
package app

import (
	"log"
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"prava/assets"
	"prava/files"
)

// ID is the application ID, the same as in FyneApp.toml; Fyne keys the
// preferences and the storage folder on it.
const ID = "app.prava.desktop"

// Run opens the desktop app on the vault at vaultPath ("" for the one
// PRAVA_VAULT, the settings or the default name) and returns when its
// window is closed.
//
// With PRAVA_DEBUG set it logs how long the window took to become usable.
func Run(vaultPath string) {
	started := time.Now()
	// Copies opened to print that a crash left behind go now.
	files.RemoveStalePlainCopies()
	a := fyneapp.NewWithID(ID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	UseLanguage(a.Preferences().String(prefLanguage))
	opt := Options{VaultPath: vaultPath}
	if os.Getenv("PRAVA_DEBUG") != "" {
		opt.Ready = func() {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			log.Printf("prava: usable after %d ms; heap %d MB in use, %d MB from the system", time.Since(started).Milliseconds(), m.HeapInuse>>20, (m.HeapSys-m.HeapReleased)>>20)
		}
	}
	u := New(a, opt)
	quitOnSignal(a)
	// The vault is opened once the window is up: its decoding takes every
	// core, and started before it, it delays the window the person waits
	// to see (issue 25).
	u.show(busy(T("start.opening")))
	a.Lifecycle().SetOnStarted(u.Start)
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
