package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"prava/casework"
	"prava/record"
)

// smallWindow is the smallest window every screen must fit: a netbook's,
// or a window beside another on a small screen.
var smallWindow = fyne.NewSize(800, 600)

// fitVault is a vault with what makes screens widest: a long company
// name, contacts of every kind, requests with follow-ups, a long legal
// name.
func fitVault(d *record.Data) {
	d.Profile = record.Profile{Name: "Olena Petrenko", Address: "Brīvības iela 1, Rīga, LV-1010", Email: "olena@example.org", Country: "LT"}
	d.Companies = []record.Company{{
		ID: "c", Name: "Akcinė bendrovė „Lietuvos geležinkeliai“ ir partneriai, tarptautinė logistikos grupė", LegalName: "AB „Lietuvos geležinkeliai“",
		Registration: "110053842", Jurisdiction: "EU-LT", Language: "lt", Website: "litrail.lt",
		Contacts: []record.Contact{
			{Kind: record.ByEmail, Value: "duomenu.apsauga@litrail.lt"},
			{Kind: record.ByPost, Value: "Mindaugo g. 12, LT-03603 Vilnius, Lietuva"},
			{Kind: record.ByWebForm, Value: "https://www.litrail.lt/asmens-duomenu-apsauga/prasymo-forma"},
			{Kind: record.ByPhone, Value: "+370 5 269 3353"},
		},
		Markings: map[string]string{"any": "Duomenų subjekto prašymas"},
	}}
	d.Requests = []record.Request{
		{ID: "r1", CompanyID: "c", Kind: record.Access, Law: "EU-LT", Language: "lt", Reference: "PR-20261001-AAAA", Channel: record.ByEmail, Contact: "duomenu.apsauga@litrail.lt",
			Status: record.StatusSent, Dates: record.Dates{Created: today.AddDate(0, -2, 0), Sent: today.AddDate(0, -2, 0)}, LetterText: record.NewText("Laiškas")},
		{ID: "r2", CompanyID: "c", Kind: record.Reminder, ParentID: "r1", Law: "EU-LT", Language: "lt", Reference: "PR-20261105-BBBB", Channel: record.ByEmail, Contact: "duomenu.apsauga@litrail.lt",
			Status: record.StatusDraft, Dates: record.Dates{Created: today.AddDate(0, 0, -18)}, LetterText: record.NewText("Priminimas")},
		{ID: "r3", CompanyID: "c", Kind: record.Erasure, Law: "EU-LT", Language: "lt", Reference: "PR-20261120-CCCC", Channel: record.ByPost, Contact: "Mindaugo g. 12, LT-03603 Vilnius, Lietuva",
			Status: record.StatusDraft, Dates: record.Dates{Created: today.AddDate(0, 0, -3)}, LetterText: record.NewText("Laiškas")},
	}
}

// fitScreens shows each screen in turn and calls check with its name.
func fitScreens(t *testing.T, u *UI, check func(name string)) {
	t.Helper()
	screens := []struct {
		name string
		show func()
	}{
		{"companies", u.showCompanies},
		{"add", u.showAddCompany},
		{"company", func() { u.showCompany("c") }},
		{"company-edit", func() { u.showCompanyEdit("c") }},
		{"writer", func() { u.showWriter("c") }},
		{"request-sent", func() { u.showRequest("r1") }},
		{"request-draft", func() { u.showRequest("r3") }},
		{"reminder", func() { u.showRequest("r2") }},
		{"board", func() { u.home.tabs.SelectIndex(tabBoard) }},
		{"profile", func() { u.home.tabs.SelectIndex(tabProfile) }},
		{"settings", func() { u.home.tabs.SelectIndex(tabSettings) }},
		{"about", u.showAbout},
		{"first-run", u.showFirstRun},
		{"passphrase", func() { u.showPassphraseSetup(casework.ErrKeyringUnavailable) }},
		{"recovery-code", func() { u.showRecoveryCode(casework.NewRecoveryCode()) }},
		{"restore", func() { u.showRestore(u.path) }},
		{"problem", func() { u.showProblem(casework.ErrInUse) }},
		{"unlock", func() { u.showUnlock(casework.VaultInfo{Protection: []string{"recovery", "passphrase"}}) }},
		{"review", func() {
			u.showHome()
			u.showAddCompany()
			selectTab(t, u, T("add.paste"))
			entries(u)[0].SetText(seed(t, "001_a66e4632f88529cc.txt"))
			tap(t, u, T("add.read"))
		}},
		{"edit-letter", func() { u.showRequest("r3"); u.editLetter("r3") }},
		{"recheck", func() { u.showCompany("c"); newCompanyPage(u, u.desk, "c").recheckPolicy() }},
		{"merge", func() { u.showCompany("c"); newCompanyPage(u, u.desk, "c").askMerge() }},
		{"refused", func() { u.showRequest("r1"); tap(t, u, T("event.refused")) }},
		{"answer", func() { u.showRequest("r1"); u.askAnswer("r1") }},
		{"notice", func() { u.failed(errors.New(strings.Repeat("a long technical detail ", 20))) }},
	}
	for _, s := range screens {
		s.show()
		u.Settle()
		check(s.name)
	}
}

// TestEveryScreenFits800x600: in Lithuanian and Russian, whose labels are
// the longest, no screen needs a window wider than 800 or taller than 600
// points: the window can be made that small and nothing is cut off.
func TestEveryScreenFits800x600(t *testing.T) {
	for _, code := range []string{"lt", "ru", "uk", "en"} {
		t.Run(code, func(t *testing.T) {
			u := homeUIAt(t, filepath.Join(t.TempDir(), "v.vault"), fitVault)
			UseLanguage(code)
			t.Cleanup(func() { UseLanguage("en") })
			u.app.Settings().SetTheme(theme.DefaultTheme())
			u.showHome()
			u.win.Resize(smallWindow)
			var wide []string
			fitScreens(t, u, func(name string) {
				min := u.win.Content().MinSize()
				if top := u.win.Canvas().Overlays().Top(); top != nil {
					min = min.Max(top.MinSize())
				}
				for _, o := range u.win.Canvas().Overlays().List() {
					defer u.win.Canvas().Overlays().Remove(o)
				}
				if min.Width > smallWindow.Width || min.Height > smallWindow.Height {
					wide = append(wide, fmt.Sprintf("%s needs %.0f×%.0f", name, min.Width, min.Height))
				}
			})
			if len(wide) > 0 {
				t.Errorf("screens that do not fit %v:\n%s", smallWindow, strings.Join(wide, "\n"))
			}
			_ = test.NewTempApp
		})
	}
}
