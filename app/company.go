package app

import (
	"context"
	"errors"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
	"prava/directory"
	"prava/policy"
	"prava/record"
)

// requestKinds are the first letters a person writes, in the order the
// company page offers a contact for each.
var requestKinds = []string{policy.KindAccess, policy.KindErasure, policy.KindWithdrawal}

// showCompany opens a company's page.
func (u *UI) showCompany(id string) {
	c := u.data().Company(id)
	if c == nil {
		u.showCompanies()
		return
	}
	back := u.backButton(u.showCompanies)
	edit := widget.NewButtonWithIcon(T("company.edit"), theme.DocumentCreateIcon(), func() { u.showCompanyEdit(id) })
	merge := widget.NewButtonWithIcon(T("company.merge"), theme.ContentPasteIcon(), func() { u.askMerge(id) })
	recheck := widget.NewButtonWithIcon(T("company.recheck"), theme.ViewRefreshIcon(), func() { u.recheckPolicy(id) })
	del := widget.NewButtonWithIcon(T("company.delete"), theme.DeleteIcon(), func() { u.confirmDelete(id) })
	del.Importance = widget.DangerImportance
	top := container.NewBorder(nil, nil, back, container.NewHBox(edit, merge, recheck, del), heading(c.Name))

	body := container.NewVBox(
		para(companyFacts(c)),
		u.requestsCard(c),
		u.contactsCard(c),
		u.promiseCard(c),
		u.notesCard(c),
	)
	if len(c.Policies) > 0 {
		body.Add(policyCard(c.Policies[len(c.Policies)-1]))
	}
	u.openPage(container.NewBorder(container.NewPadded(top), nil, nil, nil, container.NewVScroll(container.NewPadded(body))))
}

// companyFacts is the line of facts under a company's name.
func companyFacts(c *record.Company) string {
	facts := []string{}
	if c.LegalName != "" {
		facts = append(facts, c.LegalName)
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

// editCompany applies an edit, read from the widgets already, through the
// desk; then done runs (or the person is told why not).
func (u *UI) editCompany(id string, edit casework.CompanyEdit, done func()) {
	u.change(func(k *casework.Desk) error { return k.EditCompany(id, edit) }, done, nil)
}

// contactsCard lists the company's contacts, lets the person add or
// remove one, and choose which to use for each kind of request.
func (u *UI) contactsCard(c *record.Company) fyne.CanvasObject {
	id := c.ID
	rows := container.NewVBox()
	if len(c.Contacts) == 0 {
		l := para(T("company.no_contacts"))
		l.Importance = widget.WarningImportance
		rows.Add(l)
	}
	for i, ct := range c.Contacts {
		value := widget.NewLabel(ct.Value)
		value.Wrapping = fyne.TextWrapWord
		value.Selectable = true
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			u.change(func(k *casework.Desk) error { return k.RemoveContact(id, i) }, func() { u.showCompany(id) }, nil)
		})
		kind := widget.NewLabelWithStyle(T("contact."+string(ct.Kind)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		rows.Add(container.NewBorder(nil, nil, kind, remove, value))
	}
	kinds := []record.Channel{record.ByEmail, record.ByPost, record.ByWebForm, record.ByPhone}
	kindNames := make([]string, len(kinds))
	for i, k := range kinds {
		kindNames[i] = T("contact." + string(k))
	}
	newKind := widget.NewSelect(kindNames, nil)
	newKind.SetSelectedIndex(0)
	newValue := widget.NewEntry()
	newValue.SetPlaceHolder(T("company.contact_hint"))
	// The kind follows what is typed until the person picks one.
	picked := false
	newKind.OnChanged = func(string) { picked = true }
	newValue.OnChanged = func(v string) {
		if !picked {
			newKind.SetSelectedIndex(slices.Index(kinds, casework.ContactKindOf(v)))
			picked = false
		}
	}
	contactProblem := problemLabel()
	add := widget.NewButtonWithIcon(T("company.contact_add"), theme.ContentAddIcon(), func() {
		v := strings.TrimSpace(newValue.Text)
		if v == "" {
			return
		}
		ct := record.Contact{Kind: kinds[max(newKind.SelectedIndex(), 0)], Value: v}
		u.change(func(k *casework.Desk) error { return k.AddContact(id, ct) }, func() { u.showCompany(id) }, func(err error) {
			showProblem(contactProblem, err)
		})
	})
	newValue.OnSubmitted = func(string) { add.OnTapped() }
	rows.Add(container.NewBorder(nil, nil, newKind, add, newValue))
	rows.Add(contactProblem)

	if len(c.Contacts) > 0 {
		use := widget.NewForm()
		for _, kind := range requestKinds {
			options := []string{T("company.use_auto")}
			for _, ct := range c.Contacts {
				options = append(options, T("contact."+string(ct.Kind))+": "+oneLine(ct.Value))
			}
			sel := widget.NewSelect(options, nil)
			if i, ok := c.Use[kind]; ok && i < len(c.Contacts) {
				sel.SetSelectedIndex(i + 1)
			} else {
				sel.SetSelectedIndex(0)
			}
			sel.OnChanged = func(string) {
				i := sel.SelectedIndex() - 1
				u.change(func(k *casework.Desk) error { return k.UseContact(id, kind, i) }, nil, nil)
			}
			use.Append(T("kind."+kind), sel)
		}
		rows.Add(widget.NewLabelWithStyle(T("company.use"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		rows.Add(use)
	}
	return section(T("company.contacts"), rows)
}

// promiseCard shows what the company promised and the markings it wants.
func (u *UI) promiseCard(c *record.Company) fyne.CanvasObject {
	id := c.ID
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
				status.SetText(T("review.err_days"))
				return
			}
		}
		u.editCompany(id, casework.CompanyEdit{PromisedDays: new(n)}, func() { status.SetText(T("common.saved")) })
	})
	rows := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(T("review.days")), container.NewHBox(save, status), days),
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
func (u *UI) notesCard(c *record.Company) fyne.CanvasObject {
	id := c.ID
	notes := widget.NewMultiLineEntry()
	notes.SetText(c.Notes)
	u.watchEdits(notes)
	notes.Wrapping = fyne.TextWrapWord
	notes.SetPlaceHolder(T("company.notes_hint"))
	status := widget.NewLabel("")
	save := widget.NewButton(T("common.save"), func() {
		text := notes.Text
		u.editCompany(id, casework.CompanyEdit{Notes: new(text)}, func() { u.saved(); status.SetText(T("common.saved")) })
	})
	return section(T("company.notes"), notes, container.NewHBox(save, status))
}

// requestsCard lists the letters written to the company, each opening
// its page, and offers to write new ones.
func (u *UI) requestsCard(c *record.Company) fyne.CanvasObject {
	id := c.ID
	write := widget.NewButtonWithIcon(T("company.write"), theme.MailComposeIcon(), func() { u.showWriter(id) })
	write.Importance = widget.HighImportance
	rows := container.NewVBox(buttons(write))
	n := 0
	d := u.data()
	for _, i := range u.byCompany[c.ID] {
		r := d.Requests[i]
		n++
		line := kindName(r.Kind) + " · " + r.Reference + " · " + T("status."+string(r.Status))
		if !r.Dates.Sent.IsZero() {
			line += " · " + T("request.sent_on", args("Date", r.Dates.Sent.Format(time.DateOnly)))
		}
		if r.ParentID == "" {
			if text, _ := stepText(casework.Next(d, r, u.now())); r.Status.Open() {
				line += " · " + text
			}
		}
		rid := r.ID
		b := widget.NewButtonWithIcon(line, theme.DocumentIcon(), func() { u.showRequest(rid) })
		b.Alignment = widget.ButtonAlignLeading
		rows.Add(b)
	}
	if n == 0 {
		rows.Add(hint(T("company.no_requests")))
	}
	return section(T("company.requests"), rows)
}

// confirmDelete deletes the company, and the requests written to it,
// after asking.
func (u *UI) confirmDelete(id string) {
	c := u.data().Company(id)
	if c == nil {
		return
	}
	n := len(u.byCompany[id])
	msg := T("company.delete_body", args("Name", c.Name))
	if n > 0 {
		msg += "\n" + T("company.delete_requests", args("N", n))
	}
	dialog.ShowConfirm(T("company.delete_title"), msg, func(ok bool) {
		if ok {
			u.change(func(k *casework.Desk) error { return k.DeleteCompany(id) }, u.showCompanies, nil)
		}
	}, u.win)
}

// recheckPolicy reads the company's policy again from where it came from
// (or from another place the person gives) and shows what changed.
func (u *UI) recheckPolicy(id string) {
	c := u.data().Company(id)
	if c == nil {
		return
	}
	from := widget.NewEntry()
	// Only a place the policy can be read from again is offered: a pasted
	// policy is pasted again below.
	if n := len(c.Policies); n > 0 {
		if src := c.Policies[n-1].Source; policy.IsURL(src) || fileExists(src) {
			from.SetText(src)
		}
	}
	from.SetPlaceHolder(T("company.recheck_hint"))
	// A policy that was pasted has no place to read it from again: it is
	// pasted again.
	pasted := widget.NewMultiLineEntry()
	pasted.SetPlaceHolder(T("company.recheck_paste"))
	pasted.SetMinRowsVisible(5)
	pasted.Wrapping = fyne.TextWrapWord
	d := dialog.NewForm(T("company.recheck"), T("company.recheck_do"), T("common.cancel"),
		[]*widget.FormItem{widget.NewFormItem(T("company.recheck_from"), from), widget.NewFormItem(T("company.recheck_or"), pasted)},
		func(ok bool) {
			if !ok {
				return
			}
			location := strings.TrimSpace(from.Text)
			text := pasted.Text
			if location == "" && strings.TrimSpace(text) == "" {
				u.notice(T("company.recheck_failed"), errors.New(T("company.recheck_nothing")))
				return
			}
			prog := dialog.NewCustomWithoutButtons(T("company.recheck"), busy(T("add.reading")), u.win)
			prog.Show()
			var src policy.Source
			var f *policy.Findings
			var err error
			u.background(func() {
				ctx, cancel := context.WithTimeout(context.Background(), policy.FetchTimeout)
				defer cancel()
				switch {
				case strings.TrimSpace(text) != "":
					var dec policy.Decoded
					dec, err = policy.Decode([]byte(text), "")
					src = policy.Source{Decoded: dec, Location: T("add.pasted_source"), RetrievedAt: u.now()}
				case policy.IsURL(location):
					src, err = policy.Fetch(ctx, u.opt.HTTP, location)
				default:
					src, err = policy.ReadFileContext(ctx, location)
				}
				if err == nil {
					f = policy.Analyze(src.Text)
				}
			}, func() {
				prog.Hide()
				if err != nil {
					u.notice(T("company.recheck_failed"), err)
					return
				}
				u.showChanges(id, src, f)
			})
		}, u.win)
	d.Resize(fyne.NewSize(620, 0))
	d.Show()
}

// showChanges lists what a newer reading of the policy says differently
// and keeps it if the person agrees.
func (u *UI) showChanges(id string, src policy.Source, f *policy.Findings) {
	c := u.data().Company(id)
	if c == nil {
		return
	}
	var old *policy.Findings
	oldHash := ""
	if n := len(c.Policies); n > 0 {
		old = casework.SnapshotFindings(c.Policies[n-1])
		oldHash = c.Policies[n-1].SHA256
	}
	changes := casework.PolicyChanges(old, f)
	rows := container.NewVBox()
	// A company added from the directory: where its policy says otherwise.
	if diffs := u.directoryDifferences(c, src, f); len(diffs) > 0 {
		rows.Add(widget.NewLabelWithStyle(T("company.dir_differs"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, d := range diffs {
			rows.Add(para(T("diff."+strings.ReplaceAll(d.Field, " ", "_")) + ": " + T("company.dir_says", args("Dir", orDash(d.Directory), "Policy", orDash(d.Company)))))
		}
		rows.Add(hint(T("company.dir_choose")))
		rows.Add(widget.NewSeparator())
	}
	if len(changes) == 0 {
		rows.Add(para(T("company.no_changes")))
	} else {
		for _, ch := range changes {
			rows.Add(widget.NewLabelWithStyle(T("change."+ch.Field), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
			rows.Add(para(T("change.was", args("Old", orDash(ch.Old)))))
			rows.Add(para(T("change.now", args("New", orDash(ch.New)))))
		}
	}
	same := oldHash != "" && casework.PolicyHash(src.Text) == oldHash
	if same {
		rows.Add(hint(T("company.same_text")))
	}
	d := dialog.NewCustomConfirm(T("company.changes"), T("company.keep_new"), T("common.cancel"), container.NewVScroll(rows), func(ok bool) {
		if !ok {
			return
		}
		u.change(func(k *casework.Desk) error { return k.AddPolicy(id, src, f) }, func() { u.showCompany(id) }, nil)
	}, u.win)
	d.Resize(fyne.NewSize(560, 420))
	d.Show()
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return strings.ReplaceAll(s, "\n", "; ")
}

// oneLine shortens a multi-line address for a choice list.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:59]) + "…"
	}
	return s
}

// askMerge folds another company, the same one added twice, into this one:
// its requests, contacts and policies come here, and it goes.
func (u *UI) askMerge(id string) {
	d := u.data()
	var names, ids []string
	for _, c := range d.Companies {
		if c.ID != id {
			names = append(names, c.Name+" · "+lawShort(c.Jurisdiction))
			ids = append(ids, c.ID)
		}
	}
	if len(ids) == 0 {
		u.toast(T("company.merge_none"))
		return
	}
	other := widget.NewSelect(names, nil)
	other.PlaceHolder = T("common.choose")
	keep := d.Company(id).Name
	other.SetSelectedIndex(0) // never an empty choice that closes silently
	dlg := dialog.NewForm(T("company.merge"), T("company.merge_do"), T("common.cancel"),
		[]*widget.FormItem{
			widget.NewFormItem("", para(T("company.merge_keeps", args("Name", keep)))),
			widget.NewFormItem(T("company.merge_which"), other),
		}, func(ok bool) {
			i := other.SelectedIndex()
			if !ok || i < 0 {
				return
			}
			gone, goneName := ids[i], names[i]
			u.change(func(k *casework.Desk) error { return k.MergeCompanies(id, gone) }, func() {
				u.showCompany(id)
				u.toast(T("company.merged", args("Name", goneName)))
			}, nil)
		}, u.win)
	dlg.Resize(fyne.NewSize(560, 0))
	dlg.Show()
}

// directoryDifferences lists where a company added from the directory and
// its policy, read now, disagree; nil for a company not from the directory.
func (u *UI) directoryDifferences(c *record.Company, src policy.Source, f *policy.Findings) []directory.Difference {
	e := directoryEntry(c)
	if e == nil {
		return nil
	}
	return directory.Differences(e, casework.CompanyFromPolicy(src, f, u.now().UTC()))
}

// fileExists reports whether path names a regular file.
func fileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}
