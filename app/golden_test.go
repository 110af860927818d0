package app

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"prava/casework"
	"prava/record"
)

// goldenPath is a vault path that is the same on every run, since the
// screens show it.
func goldenPath(t *testing.T, name string) string {
	t.Helper()
	dir := filepath.Join(os.TempDir(), "prava-golden", name)
	os.RemoveAll(dir)
	t.Cleanup(func() { os.RemoveAll(dir) })
	return filepath.Join(dir, "prava.vault")
}

// TestGoldenScreens compares the main screens' markup with the files in
// testdata: what they show and how it is laid out. After an intended
// change, copy testdata/failed/*.xml over testdata/*.xml, and read the
// difference first.
func TestGoldenScreens(t *testing.T) {
	t.Run("first run", func(t *testing.T) {
		u := startedUI(t, goldenPath(t, "first"))
		test.AssertRendersToMarkup(t, "first_run.xml", u.win.Canvas())
	})
	t.Run("unlock", func(t *testing.T) {
		u := newTestUI(t, goldenPath(t, "unlock"))
		u.showUnlock(casework.VaultInfo{Protection: []string{"recovery", "passphrase"}})
		test.AssertRendersToMarkup(t, "unlock.xml", u.win.Canvas())
	})
	t.Run("companies", func(t *testing.T) {
		path := goldenPath(t, "companies")
		newVault(t, path, func(d *record.Data) {
			d.Profile.Name = "Olena Petrenko"
			d.Companies = []record.Company{
				{ID: "1", Name: "NETRACK", LegalName: "ООО «НЕТРЭК»", Jurisdiction: "RU", Website: "netrack.ru"},
				{ID: "2", Name: "SIA “LatInSoft”", Jurisdiction: "EU-LV"},
				{ID: "3", Name: "Costless Ukraine, LLC", Jurisdiction: "EU-LT", Website: "costless.lt"},
			}
			d.Requests = []record.Request{
				{ID: "r", CompanyID: "2", Kind: "access", Law: "EU-LV", Channel: "email", Status: record.StatusSent, Dates: record.Dates{Sent: today.AddDate(0, 0, -3)}},
				{ID: "s", CompanyID: "3", Kind: "erasure", Law: "EU-LT", Channel: "email", Status: record.StatusSent, Dates: record.Dates{Sent: today.AddDate(0, -3, 0)}},
			}
		})
		u := startedUI(t, path)
		test.AssertRendersToMarkup(t, "companies.xml", u.win.Canvas())
	})
	t.Run("review and company", func(t *testing.T) {
		u := homeUIAt(t, goldenPath(t, "review"))
		addPasted(t, u, seed(t, "001_a66e4632f88529cc.txt"))
		test.AssertRendersToMarkup(t, "review.xml", u.win.Canvas())
		tap(t, u, "Save company")
		test.AssertRendersToMarkup(t, "company.xml", u.win.Canvas())
	})
	t.Run("profile and settings", func(t *testing.T) {
		u := homeUIAt(t, goldenPath(t, "profile"))
		u.home.tabs.SelectIndex(tabProfile)
		test.AssertRendersToMarkup(t, "profile.xml", u.win.Canvas())
		u.home.tabs.SelectIndex(tabSettings)
		u.Settle()
		test.AssertRendersToMarkup(t, "settings.xml", u.win.Canvas())
	})
}
