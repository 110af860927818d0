package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// Ctrl+Q must be a menu shortcut: a canvas shortcut is typed into a
// focused entry instead of quitting.
func TestQuitIsAMenuShortcut(t *testing.T) {
	u := newTestUI(t, t.TempDir()+"/v.prava")
	menu := u.win.MainMenu()
	if menu == nil {
		t.Fatal("the window has no main menu")
	}
	var quit *fyne.MenuItem
	for _, m := range menu.Items {
		for _, it := range m.Items {
			if it.IsQuit {
				quit = it
			}
		}
	}
	if quit == nil || quit.Action == nil {
		t.Fatal("no Quit item with an action in the main menu")
	}
	sc, ok := quit.Shortcut.(*desktop.CustomShortcut)
	if !ok || sc.KeyName != fyne.KeyQ || sc.Modifier != fyne.KeyModifierShortcutDefault {
		t.Fatalf("Quit's shortcut = %#v, want Ctrl+Q", quit.Shortcut)
	}
}

// The window's size is remembered between runs, within bounds.
func TestWindowSizeRemembered(t *testing.T) {
	u := newTestUI(t, t.TempDir()+"/v.prava")
	u.win.Resize(fyne.NewSize(1100, 700))
	u.rememberSize()
	u2 := New(u.app, Options{VaultPath: t.TempDir() + "/v.prava", Keyring: testKeyring, Now: u.opt.Now})
	t.Cleanup(func() { u2.Close(); u2.win.Close() })
	if got := u2.win.Canvas().Size(); got != fyne.NewSize(1100, 700) {
		t.Fatalf("new window's size = %v, want 1100x700", got)
	}
	u.app.Preferences().SetFloat(prefWindowWidth, 10000)
	u.app.Preferences().SetFloat(prefWindowHeight, 100)
	if got := u.savedSize(); got != fyne.NewSize(3840, 600) {
		t.Fatalf("bounded size = %v, want 3840x600", got)
	}
}

// TestMenuFollowsTheLanguage: switching the UI language in Settings
// renames the main menu too, not only the window (it kept "Файл" after a
// switch to Lithuanian).
func TestMenuFollowsTheLanguage(t *testing.T) {
	path := t.TempDir() + "/v.prava"
	newVault(t, path, nil)
	u := startedUI(t, path)
	t.Cleanup(func() { UseLanguage("en") })
	u.setLanguage("uk")
	u.setLanguage("lt")
	want := T("ux.menu.file")
	if menu := u.win.MainMenu(); menu == nil || len(menu.Items) == 0 || menu.Items[0].Label != want {
		t.Fatalf("after a switch to lt the menu is %+v, want %q", menu, want)
	}
}
