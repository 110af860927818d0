package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
	"prava/directory"
	"prava/letters"
	"prava/record"
)

// writer is the page where a person writes new requests to a company:
// which kinds (one letter each), the grounds, corrections or reasons some
// kinds need, the language, the contact, a paragraph of their own; a
// preview with what to know before sending; then the letters are kept as
// drafts.
type writer struct {
	sh        shell
	desk      writerDesk
	companyID string

	kinds        map[record.Kind]*widget.Check
	grounds      map[letters.Ground]*widget.Check
	published    *widget.Check
	born         *widget.Check // nil when the profile has no date of birth
	phone        *widget.Check // nil when the profile has no phone number
	corrections  *widget.Entry
	reasons      *widget.Entry
	extra        *widget.Entry
	lang         *widget.Select
	contact      *widget.Select
	contactIndex []int // the contact list's choices, as indexes in the company's contacts

	// The parts shown only for the kinds that need them.
	groundsField, correctionsField, reasonsField fyne.CanvasObject

	warnings *fyne.Container // what to know before sending, from the preview
	preview  *widget.Label
	problem  *widget.Label
	// writeButton says "letter" or "letters" as many kinds are ticked.
	writeButton *widget.Button
	page        fyne.CanvasObject
}

// writerDesk is what the writer changes: it keeps the letters as drafts.
type writerDesk interface {
	WriteRequests(companyID string, drafts []casework.Draft) ([]casework.Written, error)
}

func newWriter(sh shell, desk writerDesk, companyID string) *writer {
	return &writer{sh: sh, desk: desk, companyID: companyID,
		kinds: map[record.Kind]*widget.Check{}, grounds: map[letters.Ground]*widget.Check{}}
}

// build lays the page out; nil when the company is gone.
func (w *writer) build() fyne.CanvasObject {
	c := w.sh.data().Company(w.companyID)
	if c == nil {
		return nil
	}
	kinds := w.kindsPart()
	w.groundsField = w.groundsPart()
	w.correctionsField = w.correctionsPart()
	w.reasonsField = w.reasonsPart()
	asked := w.askedDetails(c)
	extra := w.extraPart(asked)
	w.langPart(c)
	w.contactPart(c)
	born := container.NewVBox() // what of the profile the letter gives
	if w.sh.data().Profile.BirthDate != "" {
		// The date of birth identifies the person only to a company that
		// holds it: to any other it is data the letter would give away.
		w.born = widget.NewCheck(T("writer.birthdate_known"), nil)
		born.Add(container.NewVBox(w.born, hint(T("writer.birthdate_known_hint"))))
	}
	if w.sh.data().Profile.Phone != "" {
		// A phone number is given only when asked for (review 2, L11):
		// by the company, in the directory's list of what identifies a
		// person, or by the person ticking it.
		w.phone = widget.NewCheck(T("writer.give_phone"), nil)
		w.phone.SetChecked(w.asksForPhone(c))
		born.Add(container.NewVBox(w.phone, hint(T("writer.give_phone_hint"))))
	}
	w.preview = para("")
	w.preview.Selectable = true
	w.warnings = container.NewVBox()
	w.problem = problemLabel()
	if w.sh.data().Profile.Name == "" {
		w.problem.SetText(T("writer.no_profile"))
		w.problem.Show()
	}
	show := widget.NewButtonWithIcon(T("writer.preview"), theme.VisibilityIcon(), w.showPreview)
	w.writeButton = widget.NewButtonWithIcon(T("writer.write"), theme.DocumentCreateIcon(), w.write)
	w.writeButton.Importance = widget.HighImportance
	back := w.sh.backButton(func() { w.sh.showCompany(w.companyID) })
	w.page = screen(
		field(T("writer.kinds"), kinds, hint(T("writer.kinds_hint"))),
		w.groundsField,
		w.correctionsField,
		w.reasonsField,
		field(T("writer.lang"), w.lang),
		field(T("writer.contact"), w.contact, hint(policyWords(c, T("writer.contact_hint"), T("writer.contact_hint_no_policy")))),
		born,
		field(T("writer.extra"), extra, askedHint(asked)),
		w.problem,
		buttons(show, w.writeButton),
		w.warnings,
		w.preview,
	)
	w.showNeeded()
	out := container.NewBorder(
		container.NewPadded(container.NewBorder(nil, nil, back, nil, heading(T("writer.heading", args("Name", c.Name))))),
		nil, nil, nil, w.page)
	w.sh.whenBack(out, w.recheck)
	return out
}

// recheck looks again at the problem the page shows when the person
// comes back from another tab: fixed in the profile, it goes; one still
// there is said as it now stands.
func (w *writer) recheck() {
	if !w.problem.Visible() || w.sh.data().Profile.Name == "" {
		return
	}
	if _, err := w.drafts(); err != nil {
		w.fail(err)
		return
	}
	w.problem.Hide()
	w.page.Refresh()
}

// kindsPart offers every kind that starts a case, access chosen.
func (w *writer) kindsPart() fyne.CanvasObject {
	row := container.NewGridWithColumns(2)
	for _, k := range record.FirstKinds {
		ch := widget.NewCheck(kindName(k), func(bool) { w.showNeeded() })
		w.kinds[k] = ch
		row.Add(ch)
	}
	w.kinds[record.Access].SetChecked(true)
	return row
}

// groundsPart asks what an erasure rests on: a company may refuse one
// that names no ground.
func (w *writer) groundsPart() fyne.CanvasObject {
	rows := container.NewVBox()
	for _, g := range letters.Grounds {
		ch := widget.NewCheck(T("ground."+string(g)), func(bool) { w.showNeeded() })
		w.grounds[g] = ch
		rows.Add(ch)
	}
	for _, g := range letters.DefaultGrounds {
		w.grounds[g].SetChecked(true)
	}
	w.published = widget.NewCheck(T("writer.published"), nil)
	return field(T("writer.grounds"), container.NewVBox(rows, w.published), hint(T("writer.grounds_hint")))
}

// correctionsPart asks what a rectification corrects, one a line.
func (w *writer) correctionsPart() fyne.CanvasObject {
	w.corrections = widget.NewMultiLineEntry()
	w.corrections.SetPlaceHolder(T("writer.corrections_hint"))
	w.corrections.SetMinRowsVisible(3)
	w.sh.watchEdits(w.corrections)
	return field(T("writer.corrections"), w.corrections)
}

// reasonsPart asks for the person's particular situation: an objection
// to processing on legitimate interests or a public task (Art. 21(1)
// GDPR) must give it, and so must what rests on one (an erasure on the
// objection ground, a restriction while the objection is weighed).
func (w *writer) reasonsPart() fyne.CanvasObject {
	w.reasons = widget.NewMultiLineEntry()
	w.reasons.Wrapping = fyne.TextWrapWord
	w.reasons.SetPlaceHolder(T("writer.reasons_hint"))
	w.reasons.SetMinRowsVisible(3)
	w.sh.watchEdits(w.reasons)
	return field(T("writer.reasons"), w.reasons, hint(T("writer.reasons_why")))
}

// needsReasons reports whether a kind chosen on the page rests on an
// objection under Art. 21(1).
func (w *writer) needsReasons() bool {
	return w.kinds[record.Objection].Checked || w.kinds[record.Restriction].Checked ||
		(w.kinds[record.Erasure].Checked && w.grounds[letters.GroundObjection].Checked)
}

// showNeeded shows the parts the chosen kinds need, and only those.
func (w *writer) showNeeded() {
	if w.groundsField == nil || w.reasonsField == nil {
		return // still being built
	}
	setVisible(w.groundsField, w.kinds[record.Erasure].Checked, nil)
	setVisible(w.correctionsField, w.kinds[record.Rectification].Checked, nil)
	setVisible(w.reasonsField, w.needsReasons(), w.page)
	n := 0
	for _, ch := range w.kinds {
		if ch.Checked {
			n++
		}
	}
	text := T("writer.write")
	if n == 1 {
		text = T("writer.write_one")
	}
	if w.writeButton != nil && w.writeButton.Text != text {
		w.writeButton.SetText(text)
	}
}

// extraPart is the person's own paragraph. A company from the directory
// may ask for details to identify the person that the profile does not
// hold (a customer number, a user name): the paragraph starts with a line
// for each, to fill in, so the letter carries them.
func (w *writer) extraPart(asked []string) fyne.CanvasObject {
	w.extra = widget.NewMultiLineEntry()
	w.extra.Wrapping = fyne.TextWrapWord
	w.extra.SetPlaceHolder(T("writer.extra_hint"))
	w.extra.SetMinRowsVisible(3)
	if len(asked) > 0 {
		w.extra.SetText(strings.Join(asked, ":\n") + ": ")
	}
	w.sh.watchEdits(w.extra)
	return w.extra
}

// langPart offers the letter's language: the policy's (the company's, when
// no policy was read), or one Prava writes.
func (w *writer) langPart(c *record.Company) {
	names := []string{policyWords(c, T("writer.lang_policy"), T("writer.lang_company"))}
	for _, l := range letters.Languages {
		names = append(names, languageName(l))
	}
	w.lang = widget.NewSelect(names, nil)
	w.lang.SetSelectedIndex(0)
}

// contactPart offers the company's e-mail and postal addresses, the one
// chosen for each kind first.
func (w *writer) contactPart(c *record.Company) {
	names := []string{policyWords(c, T("company.use_auto"), T("company.use_auto_no_policy"))}
	for i, ct := range c.Contacts {
		if ct.Kind == record.ByEmail || ct.Kind == record.ByPost {
			names = append(names, T("contact."+string(ct.Kind))+": "+oneLine(ct.Value))
			w.contactIndex = append(w.contactIndex, i)
		}
	}
	w.contact = widget.NewSelect(names, nil)
	w.contact.SetSelectedIndex(0)
}

// askedDetails are the details a company from the directory asks for to
// identify the person, that the profile does not answer: what the writer
// asks the person to fill in.
func (w *writer) askedDetails(c *record.Company) []string {
	e := directoryEntry(c)
	if e == nil {
		return nil
	}
	p := w.sh.data().Profile
	have := map[string]bool{
		directory.FieldName: p.Name != "", directory.FieldEmail: p.Email != "", directory.FieldAddress: p.Address != "",
		directory.FieldBirthDate: p.BirthDate != "", directory.FieldPhone: p.Phone != "", directory.FieldCustomerRef: p.CustomerRef != "",
	}
	var out []string
	for _, el := range e.Required {
		if f := el.ProfileField(); f == "" || !have[f] {
			out = append(out, el.Desc)
		}
	}
	return out
}

// asksForPhone reports whether a company from the directory asks for the
// person's phone number to identify them.
func (w *writer) asksForPhone(c *record.Company) bool {
	if e := directoryEntry(c); e != nil {
		for _, el := range e.Required {
			if el.ProfileField() == directory.FieldPhone {
				return true
			}
		}
	}
	return false
}

// askedHint says why the paragraph starts with lines to fill in.
func askedHint(asked []string) fyne.CanvasObject {
	if len(asked) == 0 {
		return hint(T("writer.extra_why"))
	}
	return hint(T("writer.asked", args("What", strings.Join(asked, "; "))))
}

// setVisible shows or hides part of a page and lays the page out again.
func setVisible(o fyne.CanvasObject, on bool, page fyne.CanvasObject) {
	if on {
		o.Show()
	} else {
		o.Hide()
	}
	if page != nil {
		page.Refresh()
	}
}
