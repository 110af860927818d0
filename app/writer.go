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
	"prava/law"
	"prava/letters"
	"prava/record"
)

// showWriter is the page where a person writes new requests to a company:
// which kinds (one letter each), the language, the contact, a paragraph
// of their own; a preview; then the letters are kept as drafts.
func (u *UI) showWriter(companyID string) {
	c := u.data().Company(companyID)
	if c == nil {
		return
	}
	kinds := map[law.Kind]*widget.Check{}
	kindRow := container.NewGridWithColumns(2)
	// Erasure rests on grounds; a rectification needs the corrections.
	grounds := map[letters.Ground]*widget.Check{}
	groundRows := container.NewVBox()
	for _, g := range letters.Grounds {
		ch := widget.NewCheck(T("ground."+string(g)), nil)
		grounds[g] = ch
		groundRows.Add(ch)
	}
	for _, g := range letters.DefaultGrounds {
		grounds[g].SetChecked(true)
	}
	published := widget.NewCheck(T("writer.published"), nil)
	groundsField := field(T("writer.grounds"), container.NewVBox(groundRows, published), hint(T("writer.grounds_hint")))
	corrections := widget.NewMultiLineEntry()
	corrections.SetPlaceHolder(T("writer.corrections_hint"))
	corrections.SetMinRowsVisible(3)
	correctionsField := field(T("writer.corrections"), corrections)
	groundsField.Hide()
	correctionsField.Hide()
	var page fyne.CanvasObject
	for _, k := range writerKinds {
		ch := widget.NewCheck(T("kind."+string(k)), nil)
		kinds[k] = ch
		kindRow.Add(ch)
	}
	kinds[law.Erasure].OnChanged = func(on bool) { setVisible(groundsField, on, page) }
	kinds[law.Rectification].OnChanged = func(on bool) { setVisible(correctionsField, on, page) }
	kinds[law.Access].SetChecked(true)

	langNames := []string{T("writer.lang_policy")}
	for _, l := range letters.Languages {
		langNames = append(langNames, languageNames[l])
	}
	lang := widget.NewSelect(langNames, nil)
	lang.SetSelectedIndex(0)

	contactNames := []string{T("company.use_auto")}
	var contactIndex []int
	for i, ct := range c.Contacts {
		if ct.Kind == record.ByEmail || ct.Kind == record.ByPost {
			contactNames = append(contactNames, T("contact."+string(ct.Kind))+": "+oneLine(ct.Value))
			contactIndex = append(contactIndex, i)
		}
	}
	contact := widget.NewSelect(contactNames, nil)
	contact.SetSelectedIndex(0)

	extra := widget.NewMultiLineEntry()
	extra.Wrapping = fyne.TextWrapWord
	extra.SetPlaceHolder(T("writer.extra_hint"))
	extra.SetMinRowsVisible(3)
	// A company from the directory may ask for details to identify the
	// person that the profile does not hold (a customer number, a user
	// name): the paragraph starts with a line for each, to fill in, so
	// the letter carries them.
	asked := u.askedDetails(c)
	if len(asked) > 0 {
		extra.SetText(strings.Join(asked, ":\n") + ": ")
	}
	u.watchEdits(extra)

	preview := widget.NewLabel("")
	preview.Wrapping = fyne.TextWrapWord
	preview.Selectable = true
	problem := problemLabel()

	// choices are the letters asked for on screen, one per chosen kind.
	choices := func() ([]casework.Draft, error) {
		var out []casework.Draft
		for _, k := range writerKinds {
			if !kinds[k].Checked {
				continue
			}
			dr := casework.Draft{Kind: k, Contact: -1, Extra: extra.Text, Date: u.today()}
			switch k {
			case law.Erasure:
				for _, g := range letters.Grounds {
					if grounds[g].Checked {
						dr.Grounds = append(dr.Grounds, g)
					}
				}
				dr.Published = published.Checked
			case law.Rectification:
				var bad string
				if dr.Corrections, bad = parseCorrections(corrections.Text); bad != "" {
					return nil, errBadCorrection{bad}
				}
			}
			if i := lang.SelectedIndex(); i > 0 {
				dr.Lang = letters.Languages[i-1]
			}
			if i := contact.SelectedIndex(); i > 0 {
				dr.Contact = contactIndex[i-1]
			}
			out = append(out, dr)
		}
		return out, nil
	}
	// drafts composes the letters for the preview; nothing is stored.
	drafts := func() ([]casework.Written, error) {
		drs, err := choices()
		if err != nil {
			return nil, err
		}
		var out []casework.Written
		for _, dr := range drs {
			w, err := casework.Write(u.data(), companyID, dr)
			if err != nil {
				return nil, err
			}
			out = append(out, w)
		}
		if len(out) == 0 {
			return nil, errNoKind
		}
		return out, nil
	}
	fail := func(err error) {
		var bad errBadCorrection
		switch {
		case err == errNoKind:
			problem.SetText(T("writer.no_kind"))
			problem.Show()
		case errors.As(err, &bad):
			problem.SetText(T("writer.err_correction", args("Line", bad.line)))
			problem.Show()
		default:
			showProblem(problem, err)
		}
		page.Refresh()
	}
	show := widget.NewButtonWithIcon(T("writer.preview"), theme.VisibilityIcon(), func() {
		ws, err := drafts()
		if err != nil {
			fail(err)
			return
		}
		problem.Hide()
		var b strings.Builder
		for i, w := range ws {
			if i > 0 {
				b.WriteString("\n\n────────\n\n")
			}
			b.WriteString(w.Letter.Text())
		}
		preview.SetText(b.String())
	})
	write := widget.NewButtonWithIcon(T("writer.write"), theme.DocumentCreateIcon(), func() {
		drs, err := choices()
		if err != nil {
			fail(err)
			return
		}
		if len(drs) == 0 {
			fail(errNoKind)
			return
		}
		var ws []casework.Written
		u.change(func(k *casework.Desk) (err error) {
			ws, err = k.WriteRequests(companyID, drs)
			return err
		}, func() { u.saved(); u.showRequest(ws[0].Request.ID) }, fail)
	})
	write.Importance = widget.HighImportance
	back := u.backButton(func() { u.showCompany(companyID) })

	if d := u.data(); d.Profile.Name == "" {
		problem.SetText(T("writer.no_profile"))
		problem.Show()
	}
	page = screen(
		field(T("writer.kinds"), kindRow, hint(T("writer.kinds_hint"))),
		groundsField,
		correctionsField,
		field(T("writer.lang"), lang),
		field(T("writer.contact"), contact, hint(T("writer.contact_hint"))),
		field(T("writer.extra"), extra, askedHint(asked)),
		problem,
		buttons(show, write),
		preview,
	)
	u.openPage(container.NewBorder(
		container.NewPadded(container.NewBorder(nil, nil, back, nil, heading(T("writer.heading", args("Name", c.Name))))),
		nil, nil, nil, page))
}

// writerKinds are the first letters a person can write, in the order the
// writer offers them.
var writerKinds = []law.Kind{law.Access, law.Erasure, law.Withdrawal, law.Rectification, law.Objection, law.Restriction, law.Portability}

// parseCorrections reads the corrections as typed, one a line: "what =
// what it should say" (or "what: what it should say"); bad is the first
// line that is neither.
func parseCorrections(text string) (out []letters.Correction, bad string) {
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		field, value, ok := strings.Cut(line, "=")
		if !ok {
			field, value, ok = strings.Cut(line, ":")
		}
		field, value = strings.TrimSpace(field), strings.TrimSpace(value)
		if !ok || field == "" || value == "" {
			return nil, line
		}
		out = append(out, letters.Correction{Field: field, Value: value})
	}
	return out, ""
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

// errBadCorrection: a line of the corrections says neither what is wrong
// nor what it should say.
type errBadCorrection struct{ line string }

func (e errBadCorrection) Error() string { return "not a correction: " + e.line }

// errNoKind: no kind of letter was chosen.
var errNoKind = errors.New("no kind chosen")

// askedDetails are the details a company from the directory asks for to
// identify the person, that the profile does not answer: what the writer
// asks the person to fill in.
func (u *UI) askedDetails(c *record.Company) []string {
	e := directoryEntry(c)
	if e == nil {
		return nil
	}
	p := u.data().Profile
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

// askedHint says why the paragraph starts with lines to fill in.
func askedHint(asked []string) fyne.CanvasObject {
	if len(asked) == 0 {
		return hint(T("writer.extra_why"))
	}
	return hint(T("writer.asked", args("What", strings.Join(asked, "; "))))
}
