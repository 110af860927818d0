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
	"prava/record"
)

// companyEdit is the page where a person corrects a stored company's
// facts: its names, registration, law (chosen from the laws Prava knows),
// language, web site, the legal entities behind a brand and the marking
// it wants on each kind of request.
// Each refused field says why beside it.
type companyEdit struct {
	sh   shell
	desk editDesk
	id   string

	name, legal, registration, website *widget.Entry
	law, language                      *choice
	entities                           *entitiesEditor
	marks                              map[record.Kind]*widget.Entry
	problems                           map[string]*widget.Label // by the desk's field name
	general                            *widget.Label
	page                               fyne.CanvasObject
}

// markingKinds are the kinds a company's marking may be for: every kind
// that starts a case, then "any" for those without one of their own.
var markingKinds = append(slices.Clone(record.FirstKinds), record.AnyKind)

// markingLabel names the marking for a kind: "Marking for access
// requests" for the kinds a policy's reader finds markings for (the
// review's own words), "Marking — Objection" for the others.
func markingLabel(k record.Kind) string {
	switch k {
	case record.Access, record.Erasure, record.Withdrawal, record.AnyKind:
		return T("review.marking_" + string(k))
	}
	return T("company.marking_for", args("Kind", kindName(k)))
}

func newCompanyEdit(sh shell, desk editDesk, id string) *companyEdit {
	return &companyEdit{sh: sh, desk: desk, id: id, marks: map[record.Kind]*widget.Entry{}, problems: map[string]*widget.Label{}}
}

// build lays the page out with the company's facts as they are stored;
// nil when the company is gone.
func (e *companyEdit) build() fyne.CanvasObject {
	c := e.sh.data().Company(e.id)
	if c == nil {
		return nil
	}
	e.name, e.legal = entryWith(c.Name), entryWith(c.LegalName)
	e.registration, e.website = entryWith(c.Registration), entryWith(c.Website)
	e.law = lawChoice(c.Jurisdiction)
	langs := append([]string{""}, casework.CompanyLanguages...)
	if c.Language != "" && !slices.Contains(langs, c.Language) {
		langs = append(langs, c.Language) // one the directory gave
	}
	e.language = newChoice(langs, func(code string) string {
		if code == "" {
			return T("company.language_unknown")
		}
		return languageName(code)
	}, c.Language)
	e.sh.watchEdits(e.name, e.legal, e.registration, e.website)
	e.entities = newEntitiesEditor(e.sh, c.LegalEntities, func(show fyne.CanvasObject) {
		e.page.Refresh()
		if show != nil {
			scrollTo(e.page, show)
		}
	})
	// The desk's refusal of the list goes where a name is added.
	e.problems["legal_entities"] = e.entities.problem
	rows := []fyne.CanvasObject{
		para(policyWords(c, T("company.edit_why"), T("company.edit_why_no_policy"))),
		e.row("review.name", "name", e.name),
		e.row("review.legal", "legal_name", e.legal),
		e.row("review.registration", "registration", e.registration),
		field(T("company.entities_label"), hint(T("company.entities_why")), e.entities.box()),
		e.row("review.jurisdiction", "law", e.law.Select),
		e.row("review.language", "language", e.language.Select),
		e.row("review.website", "website", e.website),
		hint(T("company.markings_why")),
	}
	for _, k := range markingKinds {
		e.marks[k] = entryWith(c.Markings[string(k)])
		e.sh.watchEdits(e.marks[k])
		rows = append(rows, field(markingLabel(k), e.marks[k]))
	}
	// The desk names one field for every marking: its problem goes under
	// the last of them.
	e.problems["marking"] = problemLabel()
	e.general = problemLabel()
	save := widget.NewButtonWithIcon(T("common.save"), theme.DocumentSaveIcon(), e.save)
	save.Importance = widget.HighImportance
	cancel := widget.NewButton(T("common.cancel"), func() { e.sh.showCompany(e.id) })
	back := e.sh.backButton(func() { e.sh.showCompany(e.id) })
	rows = append(rows, e.problems["marking"], e.general, buttons(save, cancel))
	e.page = screen(rows...)
	return container.NewBorder(
		container.NewPadded(container.NewBorder(nil, nil, back, nil, heading(T("company.edit_heading", args("Name", c.Name))))),
		nil, nil, nil, e.page)
}

// row is a field with the line under it where the desk's refusal of the
// field it names (deskField) goes.
func (e *companyEdit) row(key, deskField string, w fyne.CanvasObject) fyne.CanvasObject {
	p := problemLabel()
	e.problems[deskField] = p
	return field(T(key), w, p)
}

// values reads the page's widgets into the edit the desk applies. It runs
// on the UI goroutine; the desk may apply the value anywhere. Every kind
// the page shows is named in the markings ("" removes one): a marking for
// a kind the page does not show is kept as stored.
func (e *companyEdit) values() casework.CompanyEdit {
	v := casework.CompanyEdit{
		Name: new(e.name.Text), LegalName: new(e.legal.Text), Registration: new(e.registration.Text),
		Website: new(e.website.Text), Jurisdiction: new(record.Code(e.law.Code())), Language: new(e.language.Code()),
		Markings: map[record.Kind]string{}, LegalEntities: new(e.entities.values()),
	}
	for k, entry := range e.marks {
		v.Markings[k] = entry.Text
	}
	return v
}

// save checks the name, then has the desk store the facts.
func (e *companyEdit) save() {
	for _, p := range e.problems {
		p.Hide()
	}
	e.general.Hide()
	v := e.values()
	if strings.TrimSpace(*v.Name) == "" {
		e.refused(e.problems["name"], &casework.Problem{Field: "name", Code: "empty"})
		return
	}
	e.sh.apply(func() error { return e.desk.EditCompany(e.id, v) }, func() { e.sh.saved(); e.sh.showCompany(e.id) }, func(err error) {
		var p *casework.Problem
		if errors.As(err, &p) && e.problems[p.Field] != nil {
			e.refused(e.problems[p.Field], err)
			return
		}
		e.refused(e.general, err)
	})
}

// refused shows a problem under its field. The line takes room: the page
// is laid out again so that nothing overlaps, and scrolled to the line.
func (e *companyEdit) refused(l *widget.Label, err error) {
	showProblem(l, err)
	e.page.Refresh()
	scrollTo(e.page, l)
}
