package app

import (
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
	"prava/policy"
	"prava/record"
)

// showCompanyEdit is the page where a person corrects a stored company's
// facts: its names, registration, law (chosen from the laws Prava knows),
// language and web site. Each refused field says why beside it.
func (u *UI) showCompanyEdit(id string) {
	c := u.data().Company(id)
	if c == nil {
		u.showCompanies()
		return
	}
	title := entryWith(c.Name)
	legal := entryWith(c.LegalName)
	registration := entryWith(c.Registration)
	website := entryWith(c.Website)
	lawSel := lawChoice(c.Jurisdiction)
	langs := append([]string{""}, casework.CompanyLanguages...)
	if c.Language != "" && !slices.Contains(langs, c.Language) {
		langs = append(langs, c.Language) // one the directory gave
	}
	lang := newChoice(langs, func(code string) string {
		if code == "" {
			return T("company.language_unknown")
		}
		return languageName(code)
	}, c.Language)

	// The marks a company wants on requests (a subject line, a heading),
	// per kind of request and for every request.
	markKinds := append(slices.Clone(requestKinds), policy.KindAny)
	marks := map[string]*widget.Entry{}
	for _, kind := range markKinds {
		marks[kind] = entryWith(c.Markings[kind])
		u.watchEdits(marks[kind])
	}
	u.watchEdits(title, legal, registration, website)
	problems := map[string]*widget.Label{}
	row := func(key, name string, w fyne.CanvasObject) fyne.CanvasObject {
		p := problemLabel()
		problems[name] = p
		return field(T(key), w, p)
	}
	general := problemLabel()
	var page fyne.CanvasObject
	// A problem line shown under a field takes room: the page is laid out
	// again so that nothing overlaps.
	refused := func(l *widget.Label, err error) {
		showProblem(l, err)
		page.Refresh()
	}
	save := widget.NewButtonWithIcon(T("common.save"), theme.DocumentSaveIcon(), nil)
	save.Importance = widget.HighImportance
	save.OnTapped = func() {
		for _, p := range problems {
			p.Hide()
		}
		general.Hide()
		if strings.TrimSpace(title.Text) == "" {
			refused(problems["name"], &casework.Problem{Field: "name", Code: "empty"})
			return
		}
		// The widgets are read here, on the UI goroutine; the desk applies
		// the value in the background. Markings of kinds this page does
		// not show are not named, so they stay as stored.
		edit := casework.CompanyEdit{
			Name: new(title.Text), LegalName: new(legal.Text), Registration: new(registration.Text),
			Website: new(website.Text), Jurisdiction: new(record.Code(lawSel.Code())), Language: new(lang.Code()),
			Markings: map[record.Kind]string{},
		}
		for kind, e := range marks {
			edit.Markings[record.Kind(kind)] = e.Text
		}
		u.change(func(k *casework.Desk) error { return k.EditCompany(id, edit) }, func() { u.saved(); u.showCompany(id) }, func(err error) {
			var p *casework.Problem
			if errors.As(err, &p) && problems[p.Field] != nil {
				refused(problems[p.Field], err)
				return
			}
			refused(general, err)
		})
	}
	cancel := widget.NewButton(T("common.cancel"), func() { u.showCompany(id) })
	back := u.backButton(func() { u.showCompany(id) })
	page = screen(
		para(T("company.edit_why")),
		row("review.name", "name", title),
		row("review.legal", "legal_name", legal),
		row("review.registration", "registration", registration),
		row("review.jurisdiction", "law", lawSel.Select),
		row("review.language", "language", lang.Select),
		row("review.website", "website", website),
		hint(T("company.markings_why")),
		row("review.marking_access", "marking", marks[policy.KindAccess]),
		row("review.marking_erasure", "marking_erasure", marks[policy.KindErasure]),
		row("review.marking_withdrawal", "marking_withdrawal", marks[policy.KindWithdrawal]),
		row("review.marking_any", "marking_any", marks[policy.KindAny]),
		general,
		buttons(save, cancel),
	)
	u.openPage(container.NewBorder(
		container.NewPadded(container.NewBorder(nil, nil, back, nil, heading(T("company.edit_heading", args("Name", c.Name))))),
		nil, nil, nil, page))
}
