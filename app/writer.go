package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
	"prava/law"
	"prava/letters"
	"prava/storage"
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
	kindRow := container.NewHBox()
	for _, k := range []law.Kind{law.Access, law.Erasure, law.Withdrawal} {
		ch := widget.NewCheck(T("kind."+string(k)), nil)
		kinds[k] = ch
		kindRow.Add(ch)
	}
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
		if ct.Kind == storage.ContactEmail || ct.Kind == storage.ContactPost {
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

	preview := widget.NewLabel("")
	preview.Wrapping = fyne.TextWrapWord
	preview.Selectable = true
	problem := problemLabel()

	// choices are the letters asked for on screen, one per chosen kind.
	choices := func() []casework.Draft {
		var out []casework.Draft
		for _, k := range []law.Kind{law.Access, law.Erasure, law.Withdrawal} {
			if !kinds[k].Checked {
				continue
			}
			dr := casework.Draft{Kind: k, Contact: -1, Extra: extra.Text, Date: u.today()}
			if i := lang.SelectedIndex(); i > 0 {
				dr.Lang = letters.Languages[i-1]
			}
			if i := contact.SelectedIndex(); i > 0 {
				dr.Contact = contactIndex[i-1]
			}
			out = append(out, dr)
		}
		return out
	}
	// drafts composes the letters for the preview; nothing is stored.
	drafts := func() ([]casework.Written, error) {
		var out []casework.Written
		for _, dr := range choices() {
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
		if err == errNoKind {
			problem.SetText(T("writer.no_kind"))
			problem.Show()
			return
		}
		showProblem(problem, err)
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
		drs := choices()
		if len(drs) == 0 {
			fail(errNoKind)
			return
		}
		var ws []casework.Written
		u.change(func(k *casework.Desk) (err error) {
			ws, err = k.WriteRequests(companyID, drs)
			return err
		}, func() { u.showRequest(ws[0].Request.ID) }, fail)
	})
	write.Importance = widget.HighImportance
	back := widget.NewButtonWithIcon(T("common.back"), theme.NavigateBackIcon(), func() { u.showCompany(companyID) })

	if d := u.data(); d.Profile.Name == "" {
		problem.SetText(T("writer.no_profile"))
		problem.Show()
	}
	u.openPage(container.NewBorder(
		container.NewPadded(container.NewBorder(nil, nil, back, nil, heading(T("writer.heading", args("Name", c.Name))))),
		nil, nil, nil,
		screen(
			field(T("writer.kinds"), kindRow, hint(T("writer.kinds_hint"))),
			field(T("writer.lang"), lang),
			field(T("writer.contact"), contact, hint(T("writer.contact_hint"))),
			field(T("writer.extra"), extra),
			problem,
			buttons(show, write),
			preview,
		)))
}

// errNoKind: no kind of letter was chosen.
var errNoKind = errors.New("no kind chosen")
