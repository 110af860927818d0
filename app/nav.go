package app

// The UI's part in the screens is wiring: each show method builds the
// screen's type with the shell (the UI) and the desk, and puts its page up.

// showCompanyEdit opens the Edit page of a company.
func (u *UI) showCompanyEdit(id string) {
	page := newCompanyEdit(u, u.desk, id).build()
	if page == nil {
		u.showCompanies()
		return
	}
	u.openPage(page)
}

// showWriter opens the page that writes new requests to a company.
func (u *UI) showWriter(companyID string) {
	if page := newWriter(u, u.desk, companyID).build(); page != nil {
		u.openPage(page)
	}
}
