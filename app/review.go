package app

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
	"prava/policy"
	"prava/record"
)

// review is the screen that shows what Prava read in a policy, each value
// with the words it came from, and lets the person correct it before the
// company is saved.
type review struct {
	u    *UI
	src  policy.Source
	read *policy.Findings

	name, legal, registration, website, days *widget.Entry
	emails, addresses                        *widget.Entry
	markings                                 map[string]*widget.Entry
	law, language                            *choice
	problem                                  *widget.Label
}

// showReview opens the review of a policy just read.
func (u *UI) showReview(src policy.Source, f *policy.Findings) {
	r := &review{u: u, src: src, read: f, markings: map[string]*widget.Entry{}}
	u.openPage(r.view())
	u.unsaved = true // nothing of a review is kept until it is saved
}

func (r *review) view() fyne.CanvasObject {
	f := r.read
	r.name = entryWith(f.DisplayName)
	r.legal = entryWith(deref(f.Controller))
	r.registration = entryWith(deref(f.Registration))
	r.website = entryWith(first(f.Websites))
	r.emails = linesEntry(f.Emails)
	r.addresses = linesEntry(f.Addresses)
	days := ""
	if f.ResponseDays != nil {
		days = strconv.Itoa(*f.ResponseDays)
	}
	r.days = entryWith(days)
	r.u.watchEdits(r.name, r.legal, r.registration, r.website, r.emails, r.addresses, r.days)
	r.law = lawChoice(record.Code(f.Jurisdiction))
	r.language = newChoice(casework.CompanyLanguages, languageName, f.Language)
	r.problem = problemLabel()

	rows := []fyne.CanvasObject{
		heading(reviewHeading(f.DisplayName)),
		para(T("review.why")),
		hint(T("review.source", args("Source", r.src.Location))),
	}
	for _, n := range f.Notes {
		l := para("⚠ " + noteText(n))
		l.Importance = widget.WarningImportance
		rows = append(rows, l)
	}
	rows = append(rows,
		r.field("review.name", r.name, f.DisplayName == "", "brand", "controller"),
		r.field("review.legal", r.legal, f.Controller == nil, "controller"),
		r.alsoNamed(),
		r.field("review.registration", r.registration, f.Registration == nil, "registration"),
		r.field("review.jurisdiction", r.law.Select, f.Jurisdiction == "unknown", "jurisdiction"),
		r.field("review.language", r.language.Select, f.Language == policy.LangUnknown),
		r.field("review.emails", r.emails, len(f.Emails) == 0, "emails", "dpo"),
		r.field("review.addresses", r.addresses, len(f.Addresses) == 0, "addresses"),
		r.field("review.website", r.website, len(f.Websites) == 0, "websites"),
		r.field("review.days", r.days, f.ResponseDays == nil, "promises"),
	)
	for _, kind := range []string{policy.KindAccess, policy.KindErasure, policy.KindWithdrawal, policy.KindAny} {
		m := f.Markings.Own(kind)
		e := entryWith(deref(m))
		r.markings[kind] = e
		if m != nil || kind == policy.KindAny {
			rows = append(rows, r.field("review.marking_"+kind, e, m == nil, "markings."+kind))
		}
	}
	save := widget.NewButton(T("review.save"), r.save)
	save.Importance = widget.HighImportance
	cancel := widget.NewButton(T("common.cancel"), r.u.showCompanies)
	bar := container.NewVBox(widget.NewSeparator(), container.New(column{width: 640}, container.NewVBox(r.problem, buttons(save, cancel))))
	return container.NewBorder(nil, bar, nil, nil, screen(rows...))
}

// optional are the findings a letter does without: their absence is
// said plainly, not as a warning.
var optional = map[string]bool{
	"review.registration": true, "review.website": true, "review.days": true, "review.marking_any": true,
	"review.marking_access": true, "review.marking_erasure": true, "review.marking_withdrawal": true,
}

// field is one finding: its label, the entry holding the value, the words
// of the policy it was read from, or, when the policy does not give it, a
// line saying so and asking the person to add it.
func (r *review) field(key string, input fyne.CanvasObject, missing bool, evidence ...string) fyne.CanvasObject {
	var parts []fyne.CanvasObject
	if missing {
		l := hint(T(key + "_missing"))
		if !optional[key] {
			l.Importance = widget.WarningImportance
		}
		parts = append(parts, l)
	}
	seen := map[string]bool{}
	for _, field := range evidence {
		for _, ev := range r.read.EvidenceFor(field) {
			if seen[ev.Snippet] || len(seen) >= 3 {
				continue
			}
			seen[ev.Snippet] = true
			parts = append(parts, quote(strings.TrimSpace(ev.Snippet)))
		}
	}
	return field(T(key), input, parts...)
}

// save checks the corrected values and stores the company.
func (r *review) save() {
	name := strings.TrimSpace(r.name.Text)
	if name == "" {
		r.fail(T("review.err_name"))
		return
	}
	edited := *r.read
	edited.DisplayName = name
	edited.Controller = ptr(r.legal.Text)
	edited.Registration = ptr(r.registration.Text)
	edited.Jurisdiction = r.law.Code()
	if edited.Jurisdiction == "" {
		edited.Jurisdiction = "unknown"
	}
	edited.Language = r.language.Code()
	if edited.Language == "" {
		edited.Language = policy.LangUnknown
	}
	edited.Websites = nil
	if w := strings.TrimSpace(r.website.Text); w != "" {
		edited.Websites = []string{w}
	}
	edited.Emails = lines(r.emails.Text)
	for _, e := range edited.Emails {
		if !strings.Contains(e, "@") || strings.ContainsAny(e, " ,;") {
			r.fail(T("review.err_email", args("Email", e)))
			return
		}
	}
	if edited.DPO != nil && !contains(edited.Emails, edited.DPO.Email) {
		edited.DPO = nil // the person removed the DPO's address
	}
	edited.Addresses = lines(r.addresses.Text)
	edited.ResponseDays = nil
	if d := strings.TrimSpace(r.days.Text); d != "" {
		n, err := strconv.Atoi(d)
		if err != nil || n <= 0 || n > 365 {
			r.fail(T("review.err_days"))
			return
		}
		edited.ResponseDays = &n
	}
	edited.Markings = policy.Markings{
		Access: ptr(r.markings[policy.KindAccess].Text), Erasure: ptr(r.markings[policy.KindErasure].Text),
		Withdrawal: ptr(r.markings[policy.KindWithdrawal].Text), Any: ptr(r.markings[policy.KindAny].Text),
	}
	c := casework.ReviewedCompany(r.src, r.read, &edited, r.u.now().UTC())
	r.add(c, false)
}

// add stores the reviewed company; a company already in the vault is
// offered to open instead, or to add again on purpose.
func (r *review) add(c record.Company, again bool) {
	var added record.Company
	r.u.change(func(k *casework.Desk) (err error) {
		added, err = k.AddCompany(c, again, r.src.Location)
		return err
	}, func() { r.u.saved(); r.u.showCompany(added.ID) }, func(err error) {
		r.u.offerExisting(err, r.problem, func() { r.add(c, true) })
	})
}

// offerExisting answers a refused add: a company already kept is offered
// to open, or to add again on purpose (again); any other refusal goes into
// the page's problem line.
func (u *UI) offerExisting(err error, problem *widget.Label, again func()) {
	var dup *casework.DuplicateError
	if !errors.As(err, &dup) {
		showProblem(problem, err)
		return
	}
	existing := dup.Existing.ID
	var d dialog.Dialog
	open := widget.NewButtonWithIcon(T("review.duplicate_open"), theme.NavigateNextIcon(), func() {
		d.Hide()
		u.showCompany(existing)
	})
	open.Importance = widget.HighImportance
	addAgain := widget.NewButtonWithIcon(T("review.duplicate_again"), theme.ContentAddIcon(), func() {
		d.Hide()
		again()
	})
	cancel := widget.NewButtonWithIcon(T("common.cancel"), theme.CancelIcon(), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(T("review.duplicate_title"), container.NewVBox(
		para(T("problem.duplicate", args("Name", dup.Existing.Name))),
		container.NewHBox(cancel, addAgain, open),
	), u.win)
	d.Show()
}

func (r *review) fail(msg string) {
	r.problem.SetText(msg)
	r.problem.Show()
}

// noteText words one of the reader's notes for the person.
func noteText(n policy.Note) string {
	data := map[string]any{}
	for i, d := range n.Detail {
		data["D"+strconv.Itoa(i)] = d
	}
	return T("note."+n.Code, data)
}

func entryWith(text string) *widget.Entry {
	e := widget.NewEntry()
	e.SetText(text)
	return e
}

func linesEntry(values []string) *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.SetText(strings.Join(values, "\n"))
	e.SetMinRowsVisible(max(2, min(len(values)+1, 6)))
	return e
}

// lines are the non-empty, trimmed lines of s.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func ptr(s string) *string {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	return &s
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func first(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return list[0]
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}

// alsoNamed lists the other organisations and people the policy names,
// each with the role its words give it ("also named: X — processor"), so
// that a person who sees the wrong controller picks the right one with
// one click.
func (r *review) alsoNamed() fyne.CanvasObject {
	box := container.NewVBox()
	if len(r.read.Alternatives) == 0 {
		return box
	}
	box.Add(hint(T("review.also_named")))
	row := container.NewGridWrap(fyne.NewSize(300, 36))
	for _, p := range r.read.Alternatives {
		name := p.Name
		label := name + " — " + roleName(p.Role)
		row.Add(widget.NewButton(label, func() {
			r.legal.SetText(name)
			if strings.TrimSpace(r.name.Text) == "" {
				r.name.SetText(name)
			}
		}))
	}
	box.Add(row)
	return box
}

// roleName is a party's role in the person's language.
func roleName(role string) string {
	if t := T("role." + strings.ReplaceAll(role, " ", "_")); !strings.HasPrefix(t, "role.") {
		return t
	}
	return role
}

// reviewHeading names the company being checked; when the reader found no
// name the heading says only what to do, instead of ending in ": ".
func reviewHeading(name string) string {
	if strings.TrimSpace(name) == "" {
		return T("ux.review.heading_unnamed")
	}
	return T("review.heading", args("Name", name))
}
