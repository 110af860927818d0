package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
	"prava/record"
)

// companyList is the searchable list of companies. Only the rows on
// screen exist as widgets, so ten thousand companies cost no more than ten.
type companyList struct {
	u      *UI
	view   fyne.CanvasObject
	search *widget.Entry
	list   *widget.List
	empty  fyne.CanvasObject
	count  *widget.Label
	banner fyne.CanvasObject // asks for the profile while it has no name

	companyIndex
	shown []int // order filtered by the search
}

// companyIndex is what the search needs: the companies sorted by name,
// and the lower-case text each is found by.
type companyIndex struct {
	order []int    // indexes into the vault's companies, sorted by name
	keys  []string // lower-case name, legal name, jurisdiction and site, by index
}

// indexCompanies builds the search's index; it may run off the UI
// goroutine.
func indexCompanies(cs []record.Company) companyIndex {
	ix := companyIndex{keys: make([]string, len(cs)), order: make([]int, len(cs))}
	for i := range cs {
		ix.order[i] = i
		ix.keys[i] = strings.ToLower(cs[i].Name + "\x00" + cs[i].LegalName + "\x00" + string(cs[i].Jurisdiction) + "\x00" + cs[i].Website)
	}
	slices.SortStableFunc(ix.order, func(a, b int) int { return strings.Compare(ix.keys[a], ix.keys[b]) })
	return ix
}

// newCompanyList builds the list, from index when it is already made.
func newCompanyList(u *UI, index *companyIndex) *companyList {
	l := &companyList{u: u}
	l.search = widget.NewEntry()
	l.search.SetPlaceHolder(T("companies.search"))
	l.search.OnChanged = func(string) { l.filter() }
	// Enter opens the company found first, so a search and Enter reach
	// a company without the mouse.
	l.search.OnSubmitted = func(string) {
		if len(l.shown) > 0 {
			u.showCompany(u.data().Companies[l.shown[0]].ID)
		}
	}
	l.list = widget.NewList(
		func() int { return len(l.shown) },
		func() fyne.CanvasObject {
			name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			name.Truncation = fyne.TextTruncateEllipsis
			sub := widget.NewLabel("")
			sub.Truncation = fyne.TextTruncateEllipsis
			sub.SizeName = theme.SizeNameCaptionText
			state := widget.NewLabel("")
			return container.NewBorder(nil, nil, nil, state, container.NewVBox(name, sub))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(l.shown) {
				return
			}
			c := &u.data().Companies[l.shown[id]]
			row := o.(*fyne.Container)
			texts := row.Objects[0].(*fyne.Container).Objects
			texts[0].(*widget.Label).SetText(c.Name)
			texts[1].(*widget.Label).SetText(companySubtitle(c))
			state := row.Objects[1].(*widget.Label)
			text, imp := stateText(u.stateOf(c.ID))
			state.Importance = imp
			state.SetText(text)
			row.Refresh() // the state's width changed: lay the row out again
		},
	)
	l.list.OnSelected = func(id widget.ListItemID) {
		l.list.UnselectAll()
		if id < len(l.shown) {
			u.showCompany(u.data().Companies[l.shown[id]].ID)
		}
	}
	add := widget.NewButtonWithIcon(T("companies.add"), theme.ContentAddIcon(), u.showAddCompany)
	add.Importance = widget.HighImportance
	l.count = widget.NewLabel("")
	l.empty = container.NewVScroll(container.New(column{width: 560}, container.NewVBox(
		widget.NewLabelWithStyle(T("companies.empty"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
		para(T("companies.empty_hint")),
		u.packsView(),
	)))
	top := container.NewBorder(nil, nil, nil, add, l.search)
	go2 := widget.NewButton(T("companies.profile_go"), func() { u.home.tabs.SelectIndex(tabProfile) })
	l.banner = container.NewBorder(nil, nil, nil, go2, para(T("companies.profile_missing")))
	l.view = container.NewBorder(container.NewVBox(l.banner, top), l.count, nil, nil, container.NewStack(l.list, l.empty))
	if index != nil {
		l.companyIndex = *index
		l.filter()
	} else {
		l.reload()
	}
	return l
}

// reload rereads the companies after one was added, changed or deleted.
func (l *companyList) reload() {
	l.companyIndex = indexCompanies(l.u.data().Companies)
	l.filter()
}

// filter shows the companies whose name, legal name, jurisdiction or site
// contains every word typed in the search.
func (l *companyList) filter() {
	words := strings.Fields(strings.ToLower(l.search.Text))
	l.shown = l.shown[:0]
	for _, i := range l.order {
		ok := true
		for _, w := range words {
			if !strings.Contains(l.keys[i], w) {
				ok = false
				break
			}
		}
		if ok {
			l.shown = append(l.shown, i)
		}
	}
	if len(l.order) == 0 {
		l.empty.Show()
	} else {
		l.empty.Hide()
	}
	if l.u.data().Profile.Name == "" {
		l.banner.Show()
	} else {
		l.banner.Hide()
	}
	l.count.SetText(T("companies.count", args("Shown", len(l.shown), "All", len(l.order))))
	l.list.Refresh()
}

// companySubtitle is the line under a company's name in the list.
func companySubtitle(c *record.Company) string {
	parts := []string{}
	if c.LegalName != "" && c.LegalName != c.Name {
		parts = append(parts, c.LegalName)
	}
	if c.Jurisdiction != "" && c.Jurisdiction != "unknown" {
		parts = append(parts, lawShort(c.Jurisdiction))
	}
	if c.Website != "" {
		parts = append(parts, c.Website)
	}
	return strings.Join(parts, " · ")
}

// stateText words a company's request state for the list, with the
// emphasis it deserves.
func stateText(s casework.State) (string, widget.Importance) {
	switch s.Progress {
	case casework.Overdue:
		return T("state.overdue", args("Days", -s.Days)), widget.DangerImportance
	case casework.Waiting:
		switch {
		case s.Due.IsZero():
			return T("state.waiting"), widget.MediumImportance
		case s.Days == 0:
			return T("state.due_today"), widget.WarningImportance
		case s.Days <= 3:
			return T("state.waiting_days", args("Days", s.Days)), widget.WarningImportance
		}
		return T("state.waiting_days", args("Days", s.Days)), widget.MediumImportance
	case casework.Drafts:
		return T("state.drafts"), widget.HighImportance
	case casework.Refused:
		return T("state.refused"), widget.DangerImportance
	case casework.Done:
		return T("state.done"), widget.SuccessImportance
	}
	return T("state.none"), widget.MediumImportance
}
