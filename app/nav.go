package app

import "prava/policy"

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

// showCompany opens a company's page; the list, when it is gone.
func (u *UI) showCompany(id string) {
	page := newCompanyPage(u, u.desk, id).build()
	if page == nil {
		u.showCompanies()
		return
	}
	u.openPage(page)
}

// showChanges lists what a newer reading of a company's policy says
// differently and keeps it if the person agrees.
func (u *UI) showChanges(id string, src policy.Source, f *policy.Findings) {
	newPolicyChanges(u, u.desk, id, src, f).show()
}

// confirmDelete deletes a company after asking.
func (u *UI) confirmDelete(id string) { newCompanyPage(u, u.desk, id).confirmDelete() }
