package app

import (
	"os"
	"path/filepath"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
	"prava/directory"
	"prava/record"
)

// searchEntry is an entry whose Up and Down keys move through a list of
// results instead of the text, so a person can type, pick with the arrows
// and press Enter.
type searchEntry struct {
	widget.Entry
	move func(delta int)
}

func newSearchEntry() *searchEntry {
	e := &searchEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey moves through the results on Up and Down.
func (e *searchEntry) TypedKey(k *fyne.KeyEvent) {
	switch {
	case k.Name == fyne.KeyDown && e.move != nil:
		e.move(1)
	case k.Name == fyne.KeyUp && e.move != nil:
		e.move(-1)
	default:
		e.Entry.TypedKey(k)
	}
}

// directoryPath is where an updated directory is kept: beside the vault's
// default folder, in the user's configuration folder.
func directoryPath() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "prava", "directory.bin")
}

// updatedOnce guards the one look at the updated directory's file.
var updatedOnce sync.Once

// knownCompanies is the directory of known companies, the updated one
// when the person has loaded a newer snapshot; nil when none can be read.
// The updated file is looked at once a run (OpenNewest makes the newer one
// the default, as updateDirectory does for a new snapshot), not at every
// page that shows the directory.
func knownCompanies() *directory.Directory {
	updatedOnce.Do(func() {
		if p := directoryPath(); p != "" {
			if _, err := directory.OpenNewest(p); err != nil {
				fyne.LogError("reading the updated directory of companies", err)
			}
		}
	})
	d, err := directory.Default()
	if err != nil {
		fyne.LogError("reading the directory of companies", err)
		return nil
	}
	return d
}

// directoryEntry is the directory's record of a company added from it;
// nil for a company read from its policy, or one the directory no longer
// has.
func directoryEntry(c *record.Company) *directory.Entry {
	slug, _, ok := directory.FromDirectory(*c)
	if !ok {
		return nil
	}
	dir := knownCompanies()
	if dir == nil {
		return nil
	}
	e, found := dir.Lookup(slug)
	if !found {
		return nil
	}
	return e
}

// directorySearch is the "known companies" part of the add page: a search
// field with results as the person types, and the chosen company's record.
func (u *UI) directorySearch() fyne.CanvasObject {
	dir := knownCompanies()
	if dir == nil {
		return para(T("dir.unavailable"))
	}
	country := u.data().Profile.Country
	var hits []directory.Hit
	chosen := -1
	query := newSearchEntry()
	query.SetPlaceHolder(T("dir.search_hint"))
	details := container.NewVBox()
	problem := problemLabel()
	// A search that finds nothing says so, and where to go instead: an
	// empty list looked as if the search had not run.
	none := para("")
	none.Hide()
	var page *fyne.Container // laid out again when none comes or goes
	add := widget.NewButtonWithIcon(T("dir.add"), theme.ContentAddIcon(), nil)
	add.Importance = widget.HighImportance
	add.Disable()

	list := widget.NewList(
		func() int { return len(hits) },
		func() fyne.CanvasObject {
			name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			name.Truncation = fyne.TextTruncateEllipsis
			sub := widget.NewLabel("")
			sub.SizeName = theme.SizeNameCaptionText
			sub.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(name, sub)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(hits) {
				return
			}
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(hits[id].Entry.Name)
			box.Objects[1].(*widget.Label).SetText(hitLine(hits[id]))
		},
	)
	showEntry := func(i int) {
		chosen = i
		details.RemoveAll()
		problem.Hide()
		if i < 0 || i >= len(hits) {
			add.Disable()
			return
		}
		details.Add(entryCard(dir, hits[i].Entry, country))
		add.Enable()
	}
	list.OnSelected = func(id widget.ListItemID) { showEntry(id) }
	search := func(text string) {
		hits = nil
		if strings.TrimSpace(text) != "" {
			hits = dir.Search(text, directory.Options{Country: country, Limit: 50})
		}
		list.UnselectAll()
		list.Refresh()
		showEntry(-1)
		if len(hits) > 0 {
			list.Select(0)
		}
		if strings.TrimSpace(text) != "" && len(hits) == 0 {
			none.SetText(T("dir.none", args("Query", strings.TrimSpace(text),
				"Paste", T("add.paste"), "File", T("add.file"), "Web", T("add.web"))))
			none.Show()
		} else {
			none.Hide()
		}
		if page != nil {
			page.Refresh()
		}
	}
	query.OnChanged = search
	query.move = func(delta int) {
		if len(hits) == 0 {
			return
		}
		next := min(max(chosen+delta, 0), len(hits)-1)
		list.Select(next)
		list.ScrollTo(next)
	}
	add.OnTapped = func() {
		if chosen < 0 || chosen >= len(hits) {
			return
		}
		u.addFromDirectory(dir, hits[chosen].Entry, false, problem)
	}
	query.OnSubmitted = func(string) { add.OnTapped() }
	u.focusOnShow = query
	credit := hint(T("dir.credit", args("Date", dir.AsOf(), "N", dir.Len())))
	page = container.NewBorder(
		container.NewVBox(query, none, credit),
		container.NewVBox(problem, container.NewHBox(add)),
		nil, nil,
		container.NewGridWithColumns(2, list, container.NewVScroll(details)),
	)
	return page
}

// hitLine is the line under a found company's name: what matched (a brand
// or a web site) and where it is.
func hitLine(h directory.Hit) string {
	var parts []string
	if h.Via != "" && h.Via != "slug" {
		parts = append(parts, T("dir.via", args("What", h.Via)))
	} else if len(h.Entry.Runs) > 0 {
		runs := h.Entry.Runs
		if len(runs) > 3 {
			runs = runs[:3]
		}
		parts = append(parts, strings.Join(runs, ", "))
	}
	if c := h.Entry.Country(); c != "" {
		parts = append(parts, countryName(strings.ToUpper(c)))
	}
	return strings.Join(parts, " · ")
}

// entryCard shows a directory record before it is added: its contacts,
// how it wants requests, what it asks to identify the person, the law
// Prava would use, and the record's comments.
func entryCard(dir *directory.Directory, e *directory.Entry, country string) fyne.CanvasObject {
	rows := []fyne.CanvasObject{widget.NewLabelWithStyle(e.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	line := func(key, value string) {
		if value != "" {
			rows = append(rows, para(T(key)+": "+oneLine(value)))
		}
	}
	line("contact.email", e.Email)
	line("contact.post", e.Address)
	line("contact.web form", e.WebForm)
	line("contact.phone", e.Phone)
	line("review.website", e.Web)
	if len(e.Runs) > 0 {
		line("dir.runs", strings.Join(e.Runs, ", "))
	}
	if e.Channel != "" {
		rows = append(rows, para(T("dir.channel_"+e.Channel)))
	}
	choice := directory.Law(e, country)
	if choice.Decided() {
		rows = append(rows, para(T("dir.law", args("Law", lawName(choice.Code)))))
	} else {
		rows = append(rows, para(T("dir.law_undecided")))
	}
	if len(e.Required) > 0 {
		var need []string
		for _, el := range e.Required {
			need = append(need, el.Desc)
		}
		rows = append(rows, para(T("dir.required", args("What", strings.Join(need, "; ")))))
	}
	if e.NeedsIDDocument {
		rows = append(rows, para(T("dir.id_document")))
	}
	if len(e.Comments) > 0 && uiLanguageCode() != "en" {
		// datarequests.org writes its notes in English only: say so
		// rather than leave a page in Ukrainian with English in it.
		rows = append(rows, hint(T("dir.notes_english")))
	}
	for _, c := range e.Comments {
		rows = append(rows, hint(c))
	}
	if e.Quality == "scraped" {
		l := para(T("dir.scraped"))
		l.Importance = widget.WarningImportance
		rows = append(rows, l)
	}
	rows = append(rows, hint(T("dir.as_of", args("Date", dir.AsOf()))))
	return container.NewVBox(rows...)
}

// addFromDirectory stores a directory company, prefilled for the person's
// country, and opens its page; a company already kept is offered instead.
func (u *UI) addFromDirectory(dir *directory.Directory, e *directory.Entry, again bool, problem *widget.Label) {
	c := dir.Prefill(e, u.data().Profile.Country, u.now().UTC())
	var added record.Company
	u.change(func(k *casework.Desk) (err error) {
		added, err = k.AddCompany(c, again, "directory:"+e.Slug)
		return err
	}, func() { u.showCompany(added.ID) }, func(err error) {
		u.offerExisting(err, problem, func() { u.addFromDirectory(dir, e, true, problem) })
	})
}
