package app

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
	"prava/policy"
	"prava/record"
)

// companyPage is a company's page: its facts, the letters written to it
// with their follow-ups, its contacts and which to use for each request,
// what it promised, the person's notes and the policy as read.
type companyPage struct {
	sh   shell
	desk companyDesk
	id   string
}

// companyDesk is what the company's page changes.
type companyDesk interface {
	EditCompany(id string, edit casework.CompanyEdit) error
	AddContact(companyID string, ct record.Contact) error
	RemoveContact(companyID string, i int) error
	UseContact(companyID, kind string, i int) error
	DeleteCompany(id string) error
	MergeCompanies(keepID, goneID string) error
	AddPolicy(companyID string, src policy.Source, f *policy.Findings) error
}

func newCompanyPage(sh shell, desk companyDesk, id string) *companyPage {
	return &companyPage{sh: sh, desk: desk, id: id}
}

// build lays the page out; nil when the company is gone.
func (p *companyPage) build() fyne.CanvasObject {
	c := p.sh.data().Company(p.id)
	if c == nil {
		return nil
	}
	back := p.sh.backButton(p.sh.showCompanies)
	edit := widget.NewButtonWithIcon(T("company.edit"), theme.DocumentCreateIcon(), func() { p.sh.showCompanyEdit(p.id) })
	merge := widget.NewButtonWithIcon(T("company.merge"), theme.ContentPasteIcon(), p.askMerge)
	recheck := widget.NewButtonWithIcon(T("company.recheck"), theme.ViewRefreshIcon(), p.recheckPolicy)
	del := widget.NewButtonWithIcon(T("company.delete"), theme.DeleteIcon(), p.confirmDelete)
	del.Importance = widget.DangerImportance
	// The name wraps and the buttons wrap under it: a long name or long
	// labels never push a button off a small window.
	top := container.NewVBox(container.NewBorder(nil, nil, back, nil, heading(c.Name)), buttons(edit, merge, recheck, del))

	body := container.NewVBox(
		para(companyFacts(c)),
		p.requestsCard(c),
		p.contactsCard(c),
		p.promiseCard(c),
		p.notesCard(c),
	)
	if len(c.Policies) > 0 {
		body.Add(policyCard(c.Policies[len(c.Policies)-1]))
	}
	return container.NewBorder(container.NewPadded(top), nil, nil, nil, container.NewVScroll(container.NewPadded(body)))
}

// companyFacts is the line of facts under a company's name.
func companyFacts(c *record.Company) string {
	facts := []string{}
	if c.LegalName != "" {
		facts = append(facts, c.LegalName)
	}
	if len(c.LegalEntities) > 0 {
		// A brand's letters go to these, so the person sees whom.
		facts = append(facts, T("company.entities", args("Names", strings.Join(c.LegalEntities, "; "))))
	}
	if c.Registration != "" {
		facts = append(facts, T("company.registration", args("Code", c.Registration)))
	}
	if c.Jurisdiction != "" && c.Jurisdiction != "unknown" {
		facts = append(facts, lawName(c.Jurisdiction))
	} else {
		facts = append(facts, T("company.law_unknown"))
	}
	if c.Language != "" && c.Language != policy.LangUnknown {
		facts = append(facts, T("company.language", args("Name", languageName(c.Language))))
	}
	if c.Website != "" {
		facts = append(facts, c.Website)
	}
	return strings.Join(facts, " · ")
}

// editFacts has the desk apply an edit, read from the widgets already;
// then done runs (or the person is told why not).
func (p *companyPage) editFacts(edit casework.CompanyEdit, done func()) {
	p.sh.apply(func() error { return p.desk.EditCompany(p.id, edit) }, done, nil)
}

// promiseCard shows what the company promised and the markings it wants.
func (p *companyPage) promiseCard(c *record.Company) fyne.CanvasObject {
	days := widget.NewEntry()
	if c.PromisedDays > 0 {
		days.SetText(strconv.Itoa(c.PromisedDays))
	}
	days.SetPlaceHolder(T("company.days_none"))
	status := widget.NewLabel("")
	save := widget.NewButton(T("common.save"), func() {
		n := 0
		if t := strings.TrimSpace(days.Text); t != "" {
			var err error
			if n, err = strconv.Atoi(t); err != nil || n <= 0 || n > 365 {
				status.Importance = widget.DangerImportance
				status.SetText(T("review.err_days"))
				return
			}
		}
		p.editFacts(casework.CompanyEdit{PromisedDays: new(n)}, func() { showSaved(status, p.sh.now()) })
	})
	rows := container.NewVBox(
		field(T("review.days"), container.NewBorder(nil, nil, nil, container.NewHBox(save, status), days)),
		hint(T("company.days_hint")),
	)
	for _, kind := range markingKinds {
		if m := c.Markings[string(kind)]; m != "" {
			rows.Add(para(markingLabel(kind) + ": “" + m + "”"))
		}
	}
	return section(T("company.promise"), rows)
}

// notesCard keeps the person's own notes on the company.
func (p *companyPage) notesCard(c *record.Company) fyne.CanvasObject {
	notes := widget.NewMultiLineEntry()
	notes.SetText(c.Notes)
	p.sh.watchEdits(notes)
	notes.Wrapping = fyne.TextWrapWord
	notes.SetPlaceHolder(T("company.notes_hint"))
	status := widget.NewLabel("")
	save := widget.NewButton(T("common.save"), func() {
		text := notes.Text
		p.editFacts(casework.CompanyEdit{Notes: new(text)}, func() { p.sh.saved(); showSaved(status, p.sh.now()) })
	})
	return section(T("company.notes"), notes, container.NewHBox(save, status))
}

// requestsCard lists the letters written to the company, each opening
// its page, with its reminders, replies and complaints under it; and
// offers to write new ones.
func (p *companyPage) requestsCard(c *record.Company) fyne.CanvasObject {
	write := widget.NewButtonWithIcon(T("company.write"), theme.MailComposeIcon(), func() { p.sh.showWriter(p.id) })
	write.Importance = widget.HighImportance
	rows := container.NewVBox(buttons(write))
	d := p.sh.data()
	mine := p.sh.requestsOf(c.ID)
	children := map[string][]*record.Request{}
	for _, r := range mine {
		if r.ParentID != "" && d.Request(r.ParentID) != nil {
			children[r.ParentID] = append(children[r.ParentID], r)
		}
	}
	for _, r := range mine {
		if r.ParentID != "" && d.Request(r.ParentID) != nil {
			continue // listed under the request it follows
		}
		rows.Add(p.requestButton(d, r))
		if len(children[r.ID]) > 0 {
			under := container.NewVBox()
			for _, f := range children[r.ID] {
				under.Add(p.requestButton(d, f))
			}
			rows.Add(indented(under))
		}
	}
	if len(mine) == 0 {
		rows.Add(para(T("company.no_requests")))
	}
	return section(T("company.requests"), rows)
}

// requestButton is a request's line, opening its page: the kind, the
// reference, where it stands and, for an open one, the next step.
func (p *companyPage) requestButton(d *record.Data, r *record.Request) fyne.CanvasObject {
	parts := []string{kindName(r.Kind), r.Reference}
	if r.Status == record.StatusSent && !r.Dates.Sent.IsZero() {
		parts = append(parts, T("request.sent_on", args("Date", r.Dates.Sent.Format(time.DateOnly))))
	} else {
		parts = append(parts, T("status."+string(r.Status)))
		if !r.Dates.Sent.IsZero() {
			parts = append(parts, T("request.sent_on", args("Date", r.Dates.Sent.Format(time.DateOnly))))
		}
	}
	if r.ParentID == "" && r.Status.Open() {
		text, _ := stepText(casework.Next(d, *r, p.sh.now()))
		parts = append(parts, text)
	}
	// The button names the letter; where it stands wraps beside it, so
	// a long step never widens the page.
	id := r.ID
	b := widget.NewButtonWithIcon(parts[0]+" · "+parts[1], theme.DocumentIcon(), func() { p.sh.showRequest(id) })
	b.Alignment = widget.ButtonAlignLeading
	return container.NewBorder(nil, nil, b, nil, para(strings.Join(parts[2:], " · ")))
}

// indented sets a part of a page in from the left, under what it belongs to.
func indented(o fyne.CanvasObject) fyne.CanvasObject {
	return container.New(&indent{}, o)
}

// indent is the layout of indented: one theme padding's worth times four.
type indent struct{}

func (indent) width() float32 { return 4 * theme.Padding() }

func (i indent) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) == 0 {
		return fyne.Size{}
	}
	return objs[0].MinSize().AddWidthHeight(i.width(), 0)
}

func (i indent) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(i.width(), 0))
		o.Resize(fyne.NewSize(size.Width-i.width(), size.Height))
	}
}
