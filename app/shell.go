package app

import (
	"net/http"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
	"prava/record"
)

// shell is what a screen asks of the window it is shown in: the data to
// read, a place to put its page, the way back, a word to the person, and
// work off the UI goroutine. The UI is the one shell; a screen knows
// nothing else of it, so a screen's type says by its fields what it uses.
type shell interface {
	navigator
	// data is the desk's snapshot the screens are built from: read it,
	// never write it.
	data() *record.Data
	// requestsOf are a company's requests in the snapshot, in the order
	// they were written.
	requestsOf(companyID string) []*record.Request
	// client is what fetches a policy from the web.
	client() *http.Client
	now() time.Time
	today() time.Time
	// Window is the window dialogs open over.
	Window() fyne.Window
	// openPage shows a page in the companies tab.
	openPage(page fyne.CanvasObject)
	// backButton is the page's Back button; Esc does the same.
	backButton(back func()) *widget.Button
	// watchEdits marks the page as holding unsaved work once typed in.
	watchEdits(entries ...*widget.Entry)
	// edited marks the page as holding unsaved work made without typing
	// (a row of a list removed).
	edited()
	saved()
	notice(summary string, err error)
	failed(err error)
	toast(text string)
	// whenBack has again run when the person comes back to page from
	// another tab.
	whenBack(page fyne.CanvasObject, again func())
	// chooseFile asks for a file to read, of the extensions given.
	chooseFile(exts []string, then func(path string))
	// background runs work off the UI goroutine, then done on it.
	background(work func(), done func())
	// apply runs a change through the desk off the UI goroutine; do must
	// read no widget (read them into values first, on the UI goroutine).
	// Then, on the UI goroutine, the screens take the new data and done
	// runs, or fail gets the refusal (nil fail: a dialog says it).
	apply(do func() error, done func(), fail func(error))
}

// navigator opens the screens a screen leads to.
type navigator interface {
	showCompanies()
	showCompany(id string)
	showCompanyEdit(id string)
	showRequest(id string)
	showWriter(companyID string)
}

// apply is change for a screen that holds its own narrow desk.
func (u *UI) apply(do func() error, done func(), fail func(error)) {
	u.change(func(*casework.Desk) error { return do() }, done, fail)
}

// The desk's methods each screen calls, declared here where they are
// used: a screen's desk field names the whole of what it may change.
type (
	// editDesk is what the company's Edit page changes.
	editDesk interface {
		EditCompany(id string, edit casework.CompanyEdit) error
	}
)

// requestsOf are a company's requests, from the index of the data shown.
func (u *UI) requestsOf(companyID string) []*record.Request {
	d := u.data()
	var out []*record.Request
	for _, i := range u.byCompany[companyID] {
		out = append(out, &d.Requests[i])
	}
	return out
}

// client is the HTTP client policies are fetched with.
func (u *UI) client() *http.Client { return u.opt.HTTP }
