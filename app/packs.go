package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
	"prava/directory"
	"prava/record"
)

// maxPacks is how many company packs the empty list suggests.
const maxPacks = 3

// packsView suggests, on an empty companies list, a way to start: the
// directory's company packs for the person's country ("ask these five
// what they hold"), each added with one button.
func (u *UI) packsView() fyne.CanvasObject {
	dir := knownCompanies()
	if dir == nil {
		return container.NewVBox()
	}
	country := u.data().Profile.Country
	packs := dir.Packs(country)
	if len(packs) == 0 {
		return container.NewVBox()
	}
	rows := []fyne.CanvasObject{widget.NewLabelWithStyle(T("packs.heading"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	for _, p := range packs[:min(maxPacks, len(packs))] {
		entries := dir.PackEntries(p)
		if len(entries) == 0 {
			continue
		}
		if len(entries) > 5 {
			entries = entries[:5]
		}
		var names []string
		for _, e := range entries {
			names = append(names, e.Name)
		}
		chosen := entries
		add := widget.NewButtonWithIcon(T("packs.add", args("N", len(chosen))), theme.ContentAddIcon(), func() {
			u.addPack(dir, chosen)
		})
		rows = append(rows, widget.NewCard(packName(p.Slug), "", container.NewVBox(para(strings.Join(names, " · ")), buttons(add))))
	}
	rows = append(rows, hint(T("dir.credit", args("Date", dir.AsOf(), "N", dir.Len()))))
	return container.NewVBox(rows...)
}

// packName is a pack's title in the person's language, its slug made
// readable where the translation files have none.
func packName(slug string) string {
	if t := T("pack." + slug); t != "pack."+slug {
		return t
	}
	return strings.ReplaceAll(slug, "-", " ")
}

// addPack adds a pack's companies, prefilled for the person's country,
// skipping those already kept, and goes back to the list.
func (u *UI) addPack(dir *directory.Directory, entries []*directory.Entry) {
	country, now := u.data().Profile.Country, u.now().UTC()
	cs := make([]record.Company, len(entries))
	for i, e := range entries {
		cs[i] = dir.Prefill(e, country, now)
	}
	u.change(func(k *casework.Desk) error {
		_, err := k.AddCompanies(cs, "directory pack")
		return err
	}, u.showCompanies, nil)
}

// updateDirectory takes a newer snapshot of the directory of known
// companies from a file the person chooses (the data repository's tarball
// or a JSON array of records), checks every record, and uses it from now
// on. A bad file changes nothing and says why; the person's own companies
// are never touched.
func (u *UI) updateDirectory(state *widget.Label) {
	u.chooseFile([]string{".gz", ".tgz", ".json"}, func(path string) {
		dir := knownCompanies()
		dst := directoryPath()
		if dir == nil || dst == "" {
			u.notice(T("settings.directory_failed"), errNoDirectory)
			return
		}
		var next *directory.Directory
		var err error
		u.background(func() { next, err = dir.Update(path, dst) }, func() {
			if err != nil {
				u.notice(T("settings.directory_failed"), err)
				return
			}
			directory.Use(next)
			state.SetText(T("settings.directory_state", args("N", next.Len(), "Date", next.AsOf())))
			u.toast(T("settings.directory_updated"))
		})
	})
}

// errNoDirectory: no directory could be read, or no place to keep one.
var errNoDirectory = errors.New("the directory of known companies is not available on this computer")
