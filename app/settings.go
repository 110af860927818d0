package app

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
)

// languageNames are the languages as their speakers write them.
var languageNames = map[string]string{"en": "English", "uk": "Українська", "ru": "Русский", "lv": "Latviešu", "lt": "Lietuvių"}

// settingsView holds the person's choices: language, the vault and its
// backups, the keyring, and how deadlines are counted.
func (u *UI) settingsView() fyne.CanvasObject {
	// Language: kept in Fyne's preferences, since the unlock screen needs
	// it before the vault is open.
	names := []string{T("settings.language_system")}
	for _, code := range Languages {
		names = append(names, languageNames[code])
	}
	langSel := widget.NewSelect(names, nil)
	current := u.app.Preferences().String(prefLanguage)
	langSel.SetSelectedIndex(slices.Index(Languages, current) + 1)
	langSel.OnChanged = func(string) {
		code := ""
		if i := langSel.SelectedIndex(); i > 0 {
			code = Languages[i-1]
		}
		u.setLanguage(code)
	}

	// The vault.
	path := widget.NewLabel(u.path)
	path.Wrapping = fyne.TextWrapBreak
	path.Selectable = true
	other := widget.NewButton(T("problem.other_vault"), u.chooseVault)
	export := widget.NewButton(T("settings.export"), u.exportBackup)
	restore := widget.NewButton(T("settings.restore"), u.restoreElsewhere)
	dirState := widget.NewLabel("")
	dirState.Wrapping = fyne.TextWrapWord
	if d := knownCompanies(); d != nil {
		dirState.SetText(T("settings.directory_state", args("N", d.Len(), "Date", d.AsOf())))
	}
	updateDir := widget.NewButton(T("settings.directory_update"), func() { u.updateDirectory(dirState) })
	keyring := widget.NewLabel(T("settings.keyring_checking"))
	keyring.Wrapping = fyne.TextWrapWord
	u.describeKeyring(keyring)

	// Deadlines.
	s := u.data().Settings
	martial := widget.NewCheck(T("settings.martial_law"), nil)
	counting := casework.Options(s)
	martial.SetChecked(counting.MartialLaw)
	transit := widget.NewEntry()
	transit.SetText(strconv.Itoa(counting.TransitDays))
	status := widget.NewLabel("")
	saveCounting := widget.NewButton(T("common.save"), func() {
		n, err := strconv.Atoi(strings.TrimSpace(transit.Text))
		if err != nil || n < 0 || n > 60 {
			status.Importance = widget.DangerImportance
			status.SetText(T("settings.err_transit"))
			return
		}
		on := martial.Checked
		next := u.data().Settings
		next.MartialLaw, next.TransitDays = &on, n
		u.change(func(k *casework.Desk) error { return k.SaveSettings(next) }, func() {
			u.refreshStates()
			showSaved(status, u.now())
		}, nil)
	})

	return screen(
		heading(T("tab.settings")),
		section(T("settings.language"), langSel),
		section(T("settings.vault"),
			path, buttons(other),
			para(T("settings.backup_why")), buttons(export, restore),
		),
		section(T("settings.keyring"), keyring),
		section(T("settings.directory"), dirState, hint(T("settings.directory_why")), buttons(updateDir)),
		section(T("settings.counting"),
			martial, hint(T("settings.martial_law_why")),
			field(T("settings.transit"), transit, hint(T("settings.transit_why"))),
			container.NewHBox(saveCounting, status),
		),
		u.mailSection(),
		u.timestampSection(),
		buttons(u.aboutButton()),
	)
}

// setLanguage switches the UI language and rebuilds the window in it.
func (u *UI) setLanguage(code string) {
	u.app.Preferences().SetString(prefLanguage, code)
	UseLanguage(code)
	u.win.SetTitle(T("app.title"))
	u.installMenu() // the menu's words too, not only the window's
	u.showHome()
	u.home.tabs.SelectIndex(tabSettings)
}

// describeKeyring says, off the UI goroutine, whether this computer's
// keyring holds the vault's key.
func (u *UI) describeKeyring(l *widget.Label) {
	var info casework.VaultInfo
	var err error
	u.background(func() { info, err = casework.InspectVault(u.path, u.opt.Keyring) }, func() {
		switch {
		case err != nil:
			l.SetText(err.Error())
		case !slices.Contains(info.Protection, "keyring"):
			l.SetText(T("settings.keyring_unused"))
		case info.KeyInKeyring:
			l.SetText(T("settings.keyring_ok"))
		case info.KeyringErr != nil:
			l.SetText(T("settings.keyring_unavailable", args("Error", info.KeyringErr.Error())))
		default:
			l.SetText(T("settings.keyring_missing"))
		}
	})
}

// exportBackup writes the vault, still encrypted, to a file the person
// chooses.
func (u *UI) exportBackup() {
	u.chooseSaveFile("prava-backup-"+u.now().Format("2006-01-02")+".vault", nil, func(path string) {
		if err := u.desk.Export(path); err != nil {
			u.notice(T("settings.export_failed"), err)
			return
		}
		u.toast(T("settings.exported", args("File", path)))
	})
}

// restoreElsewhere restores a backup as a new vault at a place the person
// chooses, and switches to it once it opens.
func (u *UI) restoreElsewhere() {
	u.chooseSaveFile("restored.vault", nil, func(path string) {
		u.closeVault()
		u.home = nil
		u.showRestore(path)
	})
}
