package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
	"prava/law"
	"prava/letters"
	"prava/record"
)

// profileView is the form for the identity letters are written from. Each
// field says why it is asked and where it is used.
func (u *UI) profileView() fyne.CanvasObject {
	p := u.data().Profile
	name := entryWith(p.Name)
	address := widget.NewMultiLineEntry()
	address.SetText(p.Address)
	address.SetMinRowsVisible(3)
	email := entryWith(p.Email)
	email.Validator = func(s string) error {
		if letters.CheckEmail(s) != nil {
			return errors.New(T("profile.err_email"))
		}
		return nil
	}
	phone := entryWith(p.Phone)
	phone.Validator = func(s string) error {
		if phoneProblem(s) {
			return errors.New(T("problem.phone.bad_phone"))
		}
		return nil
	}
	name.Validator = func(s string) error {
		if len([]rune(strings.TrimSpace(s))) > maxNameLength {
			return errors.New(T("problem.name.too_long"))
		}
		return nil
	}
	birth := entryWith(p.BirthDate)
	birth.SetPlaceHolder(T("common.date_format"))
	birth.Validator = func(s string) error {
		if letters.CheckBirthDate(s) != nil {
			return errors.New(T("profile.err_birth"))
		}
		return nil
	}
	customer := entryWith(p.CustomerRef)
	// The country decides which authority hears a complaint under the
	// GDPR (the one where the person lives, Art. 77(1)).
	countries := append([]string{""}, law.AuthorityCountries()...)
	country := newChoice(countries, func(code string) string {
		if code == "" {
			return T("profile.country_none")
		}
		return countryName(code)
	}, p.Country)
	id := widget.NewMultiLineEntry()
	id.SetText(p.IDDocument)
	id.SetMinRowsVisible(2)
	id.SetPlaceHolder(T("profile.id_placeholder"))

	u.watchEdits(name, address, email, phone, birth, customer, id)
	// Each checked field has a problem line under it: Save is at the foot
	// of a long form, and the field it refuses is scrolled to and focused.
	inputs := map[string]*widget.Entry{"name": name, "address": address, "email": email, "phone": phone, "birth": birth}
	problems := map[string]*widget.Label{}
	item := func(key string, w fyne.CanvasObject) fyne.CanvasObject {
		notes := []fyne.CanvasObject{hint(T("profile." + key + "_why"))}
		if inputs[key] != nil {
			problems[key] = problemLabel()
			notes = append(notes, problems[key])
		}
		return field(T("profile."+key), w, notes...)
	}
	var page fyne.CanvasObject
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	save := widget.NewButton(T("common.save"), nil)
	save.Importance = widget.HighImportance
	save.OnTapped = func() {
		next := record.Profile{
			Name: strings.TrimSpace(name.Text), Address: strings.TrimSpace(address.Text), Email: strings.TrimSpace(email.Text),
			Phone: strings.TrimSpace(phone.Text), BirthDate: strings.TrimSpace(birth.Text), CustomerRef: strings.TrimSpace(customer.Text),
			IDDocument: strings.TrimSpace(id.Text), Country: country.Code(),
		}
		for _, l := range problems {
			l.Hide()
		}
		if msg, key := profileProblem(next); msg != "" {
			status.Importance = widget.DangerImportance
			status.SetText(msg)
			problems[key].SetText(msg)
			problems[key].Show()
			scrollTo(page, inputs[key])
			if c := fyne.CurrentApp().Driver().CanvasForObject(page); c != nil {
				c.Focus(inputs[key])
			}
			return
		}
		u.change(func(k *casework.Desk) error { return k.SaveProfile(next) }, func() {
			u.saved()
			if u.home != nil {
				u.home.companies.filter() // the "fill in your profile" banner goes
			}
			showSaved(status, u.now()) // with the time: a second Save says so again
		}, func(err error) {
			status.Importance = widget.DangerImportance
			status.SetText(problemText(err))
		})
	}
	page = screen(
		heading(T("profile.heading")),
		para(T("profile.why")),
		item("name", name), item("address", address), item("email", email), item("phone", phone),
		item("birth", birth), item("customer", customer), item("country", country.Select), item("id", id),
		status, buttons(save),
	)
	return page
}

// profileProblem says, in the person's language, what keeps a profile
// from being used in letters, and the field to fix ("name", "address",
// "email", "phone", "birth"); "" when nothing does. The fields are taken
// in the form's order, so the first problem met is the highest one.
func profileProblem(p record.Profile) (msg, key string) {
	switch {
	case p.Name == "":
		return T("profile.err_name"), "name"
	case len([]rune(p.Name)) > maxNameLength:
		return T("problem.name.too_long"), "name"
	case p.Address == "" && p.Email == "":
		return T("profile.err_contact"), "address"
	case letters.CheckEmail(p.Email) != nil:
		return T("profile.err_email"), "email"
	case phoneProblem(p.Phone):
		return T("problem.phone.bad_phone"), "phone"
	case letters.CheckBirthDate(p.BirthDate) != nil:
		return T("profile.err_birth"), "birth"
	}
	return "", ""
}

// maxNameLength is the longest name the desk takes for a person.
const maxNameLength = 200

// phoneProblem reports whether a phone number typed in the profile is not
// one (empty is fine: the phone is optional).
func phoneProblem(s string) bool {
	if strings.TrimSpace(s) == "" {
		return false
	}
	return casework.CheckContact(&record.Contact{Kind: record.ByPhone, Value: s}) != nil
}
