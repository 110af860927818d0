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

// contactKinds are the kinds of contact a person adds, in the order the
// choice lists them.
var contactKinds = []record.Channel{record.ByEmail, record.ByPost, record.ByWebForm, record.ByPhone}

// contactsCard lists the company's contacts, lets the person add or
// remove one, and choose which to use for each kind of request.
func (p *companyPage) contactsCard(c *record.Company) fyne.CanvasObject {
	rows := container.NewVBox()
	if len(c.Contacts) == 0 {
		l := para(T("company.no_contacts"))
		l.Importance = widget.WarningImportance
		rows.Add(l)
	}
	for i, ct := range c.Contacts {
		rows.Add(p.contactRow(i, ct))
	}
	rows.Add(p.addContact())
	if len(c.Contacts) > 0 {
		rows.Add(widget.NewLabelWithStyle(T("company.use"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		rows.Add(p.useForm(c))
	}
	return section(T("company.contacts"), rows)
}

// contactRow is one contact, with a button that removes it.
func (p *companyPage) contactRow(i int, ct record.Contact) fyne.CanvasObject {
	shown := ct.Value
	if ct.Entity != "" {
		// Another controller's own address (the policy names it beside
		// the address): letters to the company are copied to it.
		shown = T("contact.of_entity", args("Value", ct.Value, "Entity", ct.Entity))
	}
	value := selectable(shown)
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		p.sh.apply(func() error { return p.desk.RemoveContact(p.id, i) }, func() { p.sh.showCompany(p.id) }, nil)
	})
	kind := widget.NewLabelWithStyle(T("contact."+string(ct.Kind)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(nil, nil, kind, remove, value)
}

// addContact is the row that adds a contact: its kind follows what is
// typed until the person picks one.
func (p *companyPage) addContact() fyne.CanvasObject {
	names := make([]string, len(contactKinds))
	for i, k := range contactKinds {
		names[i] = T("contact." + string(k))
	}
	kind := widget.NewSelect(names, nil)
	kind.SetSelectedIndex(0)
	value := widget.NewEntry()
	value.SetPlaceHolder(T("company.contact_hint"))
	picked := false
	kind.OnChanged = func(string) { picked = true }
	value.OnChanged = func(v string) {
		if !picked {
			kind.SetSelectedIndex(slices.Index(contactKinds, casework.ContactKindOf(v)))
			picked = false
		}
	}
	problem := problemLabel()
	add := widget.NewButtonWithIcon(T("company.contact_add"), theme.ContentAddIcon(), func() {
		v := strings.TrimSpace(value.Text)
		if v == "" {
			return
		}
		ct := record.Contact{Kind: contactKinds[max(kind.SelectedIndex(), 0)], Value: v}
		p.sh.apply(func() error { return p.desk.AddContact(p.id, ct) }, func() { p.sh.showCompany(p.id) }, func(err error) {
			showProblem(problem, err)
		})
	})
	value.OnSubmitted = func(string) { add.OnTapped() }
	return container.NewVBox(container.NewBorder(nil, nil, kind, add, value), problem)
}

// useForm chooses the contact each kind of request goes to; "as the
// policy says" leaves it to the policy's instructions.
func (p *companyPage) useForm(c *record.Company) fyne.CanvasObject {
	options := []string{policyWords(c, T("company.use_auto"), T("company.use_auto_no_policy"))}
	for _, ct := range c.Contacts {
		options = append(options, T("contact."+string(ct.Kind))+": "+oneLine(ct.Value))
	}
	use := widget.NewForm()
	for _, kind := range record.FirstKinds {
		sel := widget.NewSelect(options, nil)
		if i, ok := c.Use[string(kind)]; ok && i < len(c.Contacts) {
			sel.SetSelectedIndex(i + 1)
		} else {
			sel.SetSelectedIndex(0)
		}
		sel.OnChanged = func(string) {
			i := sel.SelectedIndex() - 1
			p.sh.apply(func() error { return p.desk.UseContact(p.id, string(kind), i) }, nil, nil)
		}
		use.Append(kindName(kind), sel)
	}
	return use
}

// oneLine shortens a multi-line address for a choice list.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:59]) + "…"
	}
	return s
}
