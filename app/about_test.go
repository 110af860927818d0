package app

import (
	"os"
	"path/filepath"
	"prava/appinfo"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestAbout opens the About page from its button and checks it says the
// version, the vault's place, the project's page, the credits and the
// modules, and that Back brings the settings back.
func TestAbout(t *testing.T) {
	defer func(v, w string) { appinfo.Version, appinfo.Website = v, w }(appinfo.Version, appinfo.Website)
	appinfo.Version, appinfo.Website = "9.8.7-test", "https://prava.example/project"
	u := homeUI(t, nil)

	test.Tap(u.aboutButton())
	u.Settle()
	if got := u.home.tabs.SelectedIndex(); got != tabSettings {
		t.Fatalf("About opened in tab %d, not in the settings tab", got)
	}
	mustShow(t, u, "Version: 9.8.7-test")
	mustShow(t, u, u.path)
	mustShow(t, u, "DejaVu Serif")
	mustShow(t, u, "datarequests.org")
	// go test records no modules in its binaries; a real build does
	// (go version -m shows the same list).
	if mods := goModules(); len(mods) > 0 {
		mustShow(t, u, mods[0])
	} else if shows(u, "built from these Go modules") {
		t.Error("the page introduces a list of modules it does not show")
	}
	var link *widget.Hyperlink
	walk(u, func(o fyne.CanvasObject) {
		if h, ok := o.(*widget.Hyperlink); ok {
			link = h
		}
	})
	if link == nil || link.URL == nil || link.URL.String() != appinfo.Website {
		t.Errorf("the page links to %v, want %s", link, appinfo.Website)
	}
	// A test binary has no licence folder beside it: the page says where
	// the packages put the texts instead.
	mustShow(t, u, "/usr/share/doc/prava")

	tap(t, u, "Back")
	mustShow(t, u, "Language")
	if shows(u, "Version: 9.8.7-test") {
		t.Error("Back left the About page on screen")
	}
}

// TestAboutWithoutWebsite: a build whose FyneApp.toml gave no website
// shows no link rather than an empty one.
func TestAboutWithoutWebsite(t *testing.T) {
	defer func(w string) { appinfo.Website = w }(appinfo.Website)
	appinfo.Website = ""
	u := homeUI(t, nil)
	u.showAbout()
	walk(u, func(o fyne.CanvasObject) {
		if _, ok := o.(*widget.Hyperlink); ok {
			t.Error("the About page shows a link with no website")
		}
	})
}

// TestLicenceDir finds the licences where each package puts them beside
// the binary, and none for a bare binary.
func TestLicenceDir(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	exe, _ = filepath.EvalSymlinks(exe)
	if got := licenceDir(); got != "" {
		t.Fatalf("a test binary in %s has licences at %s?", filepath.Dir(exe), got)
	}
	dir := filepath.Join(filepath.Dir(exe), "licenses")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Skip("cannot write beside the test binary:", err)
	}
	defer os.Remove(dir)
	if got := licenceDir(); got != dir {
		t.Errorf("licenceDir() = %q, want the zip's %q", got, dir)
	}
}
