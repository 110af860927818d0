package app

import (
	"testing"

	"fyne.io/fyne/v2"

	"prava/record"
)

// TestKeysAndUnsavedChanges: Esc goes back, Enter in the search opens the
// company found, and quitting with a form half-typed asks first.
func TestKeysAndUnsavedChanges(t *testing.T) {
	u := homeUI(t, func(d *record.Data) {
		d.Companies = []record.Company{{ID: "a", Name: "Alpha", Jurisdiction: "EU-LV"}, {ID: "b", Name: "Beta", Jurisdiction: "UA"}}
	})
	u.home.companies.search.SetText("bet")
	u.home.companies.search.OnSubmitted("bet")
	mustShow(t, u, "Write a request…")
	mustShow(t, u, "Beta")
	u.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	mustShow(t, u, "Companies shown: 1 of 2")

	u.showCompanyEdit("a")
	entryAfter(t, u, "Name").SetText("Alpha Ltd")
	u.closeRequested()
	mustShow(t, u, "Quit without saving?")
	tap(t, u, "No")
	tap(t, u, "Save")
	if u.unsaved {
		t.Error("a saved form still counts as unsaved")
	}
	// A review is all unsaved: quitting asks before it is thrown away.
	addPasted(t, u, seed(t, "003_667823663de3ed12.txt"))
	u.closeRequested()
	mustShow(t, u, "Quit without saving?")
	tap(t, u, "No")
	// Back from a form with a typed paragraph asks too.
	u.showWriter("a")
	entryAfter(t, u, "A paragraph of your own (optional)").SetText("my account: alpha-1")
	tap(t, u, "Back")
	mustShow(t, u, "Leave without saving?")
	tap(t, u, "Yes")
	mustShow(t, u, "Write a request…")
}
