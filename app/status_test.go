package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
	"prava/record"
)

// TestToastGoesWithItsView: a confirmation in the status line ("Code
// copied") is gone once the person moves to another view or tab.
func TestToastGoesWithItsView(t *testing.T) {
	u := homeUI(t, nil)
	u.toast("Code copied.")
	if !u.statusLine().Visible() {
		t.Fatal("the toast is not shown")
	}
	u.home.tabs.SelectIndex(tabProfile)
	if u.statusLine().Visible() || shows(u, "Code copied.") {
		t.Error("the toast stays on another tab")
	}
	u.toast("Saved PDF.")
	u.showAddCompany()
	if shows(u, "Saved PDF.") {
		t.Error("the toast stays on another page")
	}
	// A toast given with the page it is about stays.
	u.showCompanies()
	u.toast("Merged.")
	mustShow(t, u, "Merged.")
}

// TestWriterProblemGoesWhenFixed: the writer's refusal for a missing
// identity document goes when the person comes back from the profile with
// it filled in.
func TestWriterProblemGoesWhenFixed(t *testing.T) {
	u := homeUI(t, func(d *record.Data) {
		d.Profile = record.Profile{Name: "Olena Petrenko", Email: "olena@example.org", Address: "ул. Ленина 1, Москва"}
		d.Companies = []record.Company{{ID: "c", Name: "NETRACK", Jurisdiction: "RU", Language: "ru", Contacts: []record.Contact{{Kind: record.ByEmail, Value: "pd@netrack.ru"}}}}
	})
	u.showWriter("c")
	tap(t, u, "Write the letter")
	const problem = "identity document"
	mustShow(t, u, problem)
	u.home.tabs.SelectIndex(tabProfile)
	next := u.data().Profile
	next.IDDocument = "паспорт 45 10 123456, выдан 01.02.2010 ОУФМС России по г. Москве"
	u.change(func(k *casework.Desk) error { return k.SaveProfile(next) }, nil, nil)
	u.Settle()
	u.home.tabs.SelectIndex(tabCompanies)
	if shows(u, problem) {
		t.Error("the writer still says the identity document is missing")
	}
	mustShow(t, u, "Write the letter")
}

// TestRepeatedSaveConfirmsAgain: a second Save of the company's notes says
// so again, with the time, rather than leave the first "Saved." standing.
func TestRepeatedSaveConfirmsAgain(t *testing.T) {
	u := homeUI(t, func(d *record.Data) {
		d.Companies = []record.Company{{ID: "c", Name: "Alpha", Jurisdiction: "EU-LV"}}
	})
	u.showCompany("c")
	save := func() string {
		t.Helper()
		var last *widget.Button
		walk(u, func(o fyne.CanvasObject) {
			if b, ok := o.(*widget.Button); ok && b.Text == "Save" {
				last = b // the notes' Save, the page's last
			}
		})
		test.Tap(last)
		u.Settle()
		for _, s := range texts(u) {
			if strings.HasPrefix(s, "Saved") {
				return s
			}
		}
		t.Fatal("no confirmation after Save")
		return ""
	}
	first := save()
	u.opt.Now = func() time.Time { return today.Add(time.Minute) }
	if second := save(); second == first {
		t.Errorf("the second Save shows the same %q", second)
	}
}
