package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"prava/casework"
)

// home is the window once the vault is open: companies, profile and
// settings in tabs. The companies tab shows one page at a time (the list,
// a company, a review), swapped in place.
type home struct {
	tabs      *container.AppTabs
	companies *companyList
	pages     *fyne.Container
}

// showHome shows the open vault; opened, when given, holds the states and
// the list's order already worked out.
func (u *UI) showHome(opened ...*openVault) {
	var index *companyIndex
	if len(opened) > 0 && opened[0] != nil {
		u.byCompany, u.states, index = opened[0].byCompany, map[string]casework.State{}, &opened[0].index
	} else {
		u.refreshStates()
	}
	h := &home{pages: container.NewStack()}
	u.home = h
	h.companies = newCompanyList(u, index)
	h.pages.Objects = []fyne.CanvasObject{h.companies.view}
	// The board and the settings are built when they are opened, and
	// again each time: requests change on other pages, the settings ask
	// the keyring, and a start should wait for neither.
	rebuilt := map[*container.TabItem]func() fyne.CanvasObject{}
	board := container.NewTabItemWithIcon(T("tab.board"), theme.HistoryIcon(), container.NewStack())
	settings := container.NewTabItemWithIcon(T("tab.settings"), theme.SettingsIcon(), container.NewStack())
	rebuilt[board], rebuilt[settings] = u.boardView, u.settingsView
	h.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(T("tab.companies"), theme.HomeIcon(), h.pages),
		board,
		container.NewTabItemWithIcon(T("tab.profile"), theme.AccountIcon(), u.profileView()),
		settings,
	)
	h.tabs.OnSelected = func(item *container.TabItem) {
		// A confirmation is about the view it was given on.
		u.clearToast()
		if item == h.tabs.Items[tabCompanies] && u.onReturn != nil && len(h.pages.Objects) == 1 && h.pages.Objects[0] == u.returnPage {
			u.onReturn()
		}
		if build, ok := rebuilt[item]; ok {
			item.Content = build()
			h.tabs.Refresh()
		}
	}
	u.show(h.tabs)
	u.addShortcuts()
	if u.data().Profile.Name == "" && len(u.data().Companies) == 0 {
		h.tabs.SelectIndex(tabProfile) // a new vault: letters need the person first
	}
	if ready := u.opt.Ready; ready != nil {
		u.opt.Ready = nil
		ready()
	}
	u.watchDeadlines()
	if u.data().Mail != nil {
		u.watchMail()
	}
}

// The tabs of the home screen, in order.
const (
	tabCompanies = iota
	tabBoard
	tabProfile
	tabSettings
)

// refreshStates forgets the companies' request states after requests
// changed; the list works them out again for the rows it shows.
func (u *UI) refreshStates() {
	u.byCompany = casework.Requests(u.data())
	u.states = map[string]casework.State{}
}

// stateOf is a company's request state, worked out when a row first asks.
func (u *UI) stateOf(companyID string) casework.State {
	st, ok := u.states[companyID]
	if !ok {
		st = casework.StateOf(u.data(), u.byCompany[companyID], u.now())
		u.states[companyID] = st
	}
	return st
}

// openPage shows a page in the companies tab instead of the list.
func (u *UI) openPage(page fyne.CanvasObject) {
	h := u.home
	if h == nil {
		return
	}
	u.unsaved = false
	u.clearToast()
	h.tabs.SelectIndex(tabCompanies)
	h.pages.Objects = []fyne.CanvasObject{page}
	h.pages.Refresh()
}

// showCompanies goes back to the list, brought up to date.
func (u *UI) showCompanies() {
	h := u.home
	if h == nil {
		return
	}
	h.companies.reload()
	u.back, u.unsaved = nil, false
	u.clearToast()
	h.pages.Objects = []fyne.CanvasObject{h.companies.view}
	h.pages.Refresh()
	h.tabs.SelectIndex(tabCompanies)
}

// addShortcuts binds the keys people expect: Ctrl+N (Cmd+N) adds a
// company, Ctrl+F searches the list, Ctrl+Q quits. They are kept in
// u.keys as well, the table tests press them through.
func (u *UI) addShortcuts() {
	c := u.win.Canvas()
	mod := fyne.KeyModifierShortcutDefault
	bind := func(key fyne.KeyName, do func()) {
		sc := &desktop.CustomShortcut{KeyName: key, Modifier: mod}
		handler := func(fyne.Shortcut) { do() }
		c.AddShortcut(sc, handler)
		u.keys.AddShortcut(sc, handler)
	}
	bind(fyne.KeyN, u.showAddCompany)
	bind(fyne.KeyF, func() {
		if u.home != nil {
			u.showCompanies()
			c.Focus(u.home.companies.search)
		}
	})
	bind(fyne.KeyQ, u.closeRequested)
}
