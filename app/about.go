package app

import (
	"net/url"
	"os"
	"path/filepath"
	"prava/appinfo"
	"runtime/debug"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// aboutButton opens the About page; the settings page shows it.
func (u *UI) aboutButton() *widget.Button {
	return widget.NewButtonWithIcon(T("about.open"), theme.InfoIcon(), u.showAbout)
}

// showAbout puts the About page in the settings tab, where its button is;
// Back brings the settings back.
func (u *UI) showAbout() {
	h := u.home
	if h == nil {
		return
	}
	h.tabs.SelectIndex(tabSettings) // first: selecting rebuilds the settings
	item := h.tabs.Items[tabSettings]
	item.Content = u.aboutView(func() {
		item.Content = u.settingsView()
		h.tabs.Refresh()
	})
	h.tabs.Refresh()
}

// aboutView is the About page: the version, where the vault is, the
// project's page, and the credits and licences of what Prava is made
// from, which their licences ask to be shown with the program.
func (u *UI) aboutView(back func()) fyne.CanvasObject {
	top := []fyne.CanvasObject{
		container.NewBorder(nil, nil, u.backButton(back), nil, heading(T("about.title"))),
		para(T("about.version", args("Version", appinfo.Version))),
	}
	if link, err := url.Parse(appinfo.Website); err == nil && link.Scheme == "https" {
		top = append(top, widget.NewHyperlink(T("about.website")+": "+appinfo.Website, link))
	}

	path := widget.NewLabel(u.path)
	path.Wrapping = fyne.TextWrapBreak
	path.Selectable = true

	var licences []fyne.CanvasObject
	if mods := goModules(); len(mods) > 0 { // a test binary records none
		modules := hint(strings.Join(mods, "\n"))
		modules.Selectable = true
		licences = append(licences, para(T("about.built_with")), modules)
	}
	if dir := licenceDir(); dir != "" {
		where := widget.NewLabel(dir)
		where.Wrapping = fyne.TextWrapBreak
		where.Selectable = true
		open := widget.NewButtonWithIcon(T("about.open_folder"), theme.FolderOpenIcon(), func() {
			if err := u.app.OpenURL(&url.URL{Scheme: "file", Path: filepath.ToSlash(dir)}); err != nil {
				u.notice(T("about.open_folder"), err)
			}
		})
		licences = append(licences, para(T("about.licences_here")), where, buttons(open))
	} else {
		licences = append(licences, para(T("about.licences_missing")))
	}

	return screen(append(top,
		section(T("about.vault"), path, hint(T("about.vault_hint"))),
		section(T("about.credits"), para(T("about.fonts")), para(T("about.data"))),
		section(T("about.licences"), licences...),
	)...)
}

// goModules lists the Go modules linked into this binary with their
// versions, as the Go tool recorded them in it.
func goModules() []string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return nil
	}
	var out []string
	for _, m := range info.Deps {
		line := m.Path + " " + m.Version
		if r := m.Replace; r != nil {
			line += " → " + r.Path
		}
		out = append(out, line)
	}
	return out
}

// licenceDir is the folder of licence texts shipped beside the binary: in
// the Windows zip the licenses folder next to prava.exe, on Linux
// share/doc/prava/licenses under the prefix the binary's bin is in (/usr
// for the .deb, /usr/local for the tar.xz). "" when there is none, as for
// a binary built from source.
func licenceDir() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	if real, err := filepath.EvalSymlinks(exe); err == nil {
		exe = real
	}
	dir := filepath.Dir(exe)
	for _, d := range []string{
		filepath.Join(dir, "licenses"),
		filepath.Join(dir, "..", "share", "doc", "prava", "licenses"),
	} {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return filepath.Clean(d)
		}
	}
	return ""
}
