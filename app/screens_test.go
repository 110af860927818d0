package app

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"prava/casework"
	"prava/policy"
	"prava/record"
)

// TestScreens saves a picture of every screen, in English and Ukrainian,
// drawn by Fyne's software painter in the real theme, for a person to
// look at. It runs only when PRAVA_SCREENS names the folder to write to:
//
//	PRAVA_SCREENS=/tmp/screens go test ./app -run TestScreens
func TestScreens(t *testing.T) {
	dir := os.Getenv("PRAVA_SCREENS")
	if dir == "" {
		t.Skip("set PRAVA_SCREENS=DIR to save pictures of every screen")
	}
	codes := []string{"en", "uk"}
	if l := os.Getenv("PRAVA_SCREENS_LANGS"); l != "" {
		codes = strings.Split(l, ",")
	}
	size := fyne.NewSize(960, 640)
	if s := os.Getenv("PRAVA_SCREENS_SIZE"); s != "" {
		var w, h float32
		if _, err := fmt.Sscanf(s, "%fx%f", &w, &h); err == nil {
			size = fyne.NewSize(w, h)
		}
	}
	for _, code := range codes {
		t.Run(code, func(t *testing.T) {
			shoot := func(u *UI, name string) {
				t.Helper()
				u.Settle()
				f, err := os.Create(filepath.Join(dir, code+"-"+name+".png"))
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				if err := png.Encode(f, u.win.Canvas().Capture()); err != nil {
					t.Fatal(err)
				}
			}
			ui := func(path string) *UI {
				u := newTestUI(t, path)
				UseLanguage(code)
				t.Cleanup(func() { UseLanguage("en") })
				u.app.Settings().SetTheme(theme.DefaultTheme())
				u.win.Resize(size)
				return u
			}
			// First run, and the recovery code.
			path := filepath.Join(t.TempDir(), "prava.vault")
			u := ui(path)
			u.Start()
			shoot(u, "01-first-run")
			u.showPassphraseSetup(casework.ErrKeyringUnavailable)
			shoot(u, "02-passphrase")
			u.showRecoveryCode(casework.NewRecoveryCode())
			shoot(u, "03-recovery-code")
			u.showRestore(path)
			shoot(u, "04-restore")
			u.showProblem(casework.ErrInUse)
			shoot(u, "05-problem-in-use")
			u.showUnlock(casework.VaultInfo{Protection: []string{"recovery", "passphrase"}})
			shoot(u, "06-unlock")

			// A vault with the seed companies.
			path2 := filepath.Join(t.TempDir(), "v.vault")
			newVault(t, path2, nil)
			u2 := ui(path2)
			u2.Start()
			u2.Settle()
			shoot(u2, "07-profile-empty")
			u2.home.tabs.SelectIndex(tabCompanies)
			shoot(u2, "08-companies-empty")
			u2.showAddCompany()
			shoot(u2, "09-add")
			for _, q := range []string{"goo", "youtube", "tele2", "rozetka"} {
				directorySearch(t, u2).SetText(q)
				shoot(u2, "09-add-known-"+q)
			}
			// A big paste shows its beginning; one over the limit is refused.
			box := pasteBoxOn(t, u2)
			pasteInto(u2, box, bigText(2<<20))
			shoot(u2, "09b-add-big-paste")
			tap(t, u2, T("add.paste_clear"))
			pasteInto(u2, box, strings.Repeat("x", policy.MaxInputBytes+1))
			shoot(u2, "09c-add-too-large")
			entries(u2)[0].SetText(seed(t, "003_667823663de3ed12.txt"))
			tap(t, u2, T("add.read"))
			shoot(u2, "10-review")
			tap(t, u2, T("review.save"))
			shoot(u2, "11-company")
			test.Tap(button(t, u2, T("company.policy_show", args("Date", "2026-11-23"))))
			u2.win.Resize(fyne.NewSize(960, 2400))
			shoot(u2, "11b-company-policy")
			u2.win.Resize(size)
			for _, s := range []string{"000_131528efbcf5aff0.txt", "001_a66e4632f88529cc.txt", "002_9689a5f9d2eaae8f.txt", "004_c9271ffe27ce26c1.txt"} {
				u2.showAddCompany()
				selectTab(t, u2, T("add.paste"))
				entries(u2)[0].SetText(seed(t, s))
				tap(t, u2, T("add.read"))
				if s == "000_131528efbcf5aff0.txt" {
					shoot(u2, "12-review-missing")
				}
				tap(t, u2, T("review.save"))
			}
			id := u2.data().Companies[0].ID
			u2.confirmDelete(id)
			shoot(u2, "12b-delete")
			tap(t, u2, lang.L("No"))
			src, _ := policy.ReadFile(filepath.Join("..", "policy", "testdata", "seeds", "003_667823663de3ed12.txt"))
			src.Text += "\nRašykite privacy@costless.lt."
			u2.showChanges(id, src, policy.Analyze(src.Text))
			shoot(u2, "12c-changes")
			tap(t, u2, T("common.cancel"))
			// Re-check with nothing given: the dialog says what to give.
			u2.showCompany(id)
			newCompanyPage(u2, u2.desk, id).recheckPolicy()
			entryAfter(t, u2, T("company.recheck_from")).SetText("")
			tap(t, u2, T("company.recheck_do"))
			shoot(u2, "12d-recheck-nothing")
			tap(t, u2, T("common.cancel"))
			// Requests: write one, send it, let it run late.
			if err := u2.desk.SaveProfile(record.Profile{Name: "Olena Petrenko", Address: "vul. Khreshchatyk 1\n01001 Kyiv", Email: "olena@example.org", Phone: "+380 44 000 00 00", BirthDate: "1985-04-23", Country: "LT"}); err != nil {
				t.Fatal(err)
			}
			u2.sync()
			costless := ""
			for _, c := range u2.data().Companies {
				if c.Name == "Costless Ukraine, LLC" {
					costless = c.ID
				}
			}
			u2.showWriter(costless)
			tap(t, u2, T("writer.preview"))
			shoot(u2, "16-writer")
			tap(t, u2, T("writer.write_one"))
			shoot(u2, "17-request-draft")
			rid := u2.data().Requests[len(u2.data().Requests)-1].ID
			tap(t, u2, T("request.edit_letter"))
			shoot(u2, "17b-edit-letter")
			tap(t, u2, T("common.cancel"))
			tap(t, u2, T("event.sent"))
			shoot(u2, "18-request-sent")
			setClock(u2, "2026-12-24")
			u2.showRequest(rid)
			shoot(u2, "19-request-overdue")
			tap(t, u2, T("request.write_reminder"))
			tap(t, u2, T("event.sent"))
			setClock(u2, "2027-02-15")
			u2.showRequest(rid)
			tap(t, u2, T("request.write_complaint"))
			shoot(u2, "20-complaint")
			u2.showRequest(rid)
			tap(t, u2, T("event.refused"))
			shoot(u2, "20b-refused")
			tap(t, u2, T("common.cancel"))
			u2.showCompanyEdit(costless)
			shoot(u2, "20c-company-edit")
			// Its legal entities: one added, one refused where it was typed.
			entryAfter(t, u2, T("company.entities_label")).SetText("Costless Holdings Limited")
			tap(t, u2, T("company.entity_add"))
			entryAfter(t, u2, T("company.entities_label")).SetText(strings.Repeat("Costless ", 30))
			tap(t, u2, T("company.entity_add"))
			shoot(u2, "20c-company-edit-entities")
			entryAfter(t, u2, T("review.name")).SetText(" ")
			tap(t, u2, T("common.save"))
			shoot(u2, "20d-company-edit-refused")
			u2.failed(&casework.Problem{Field: "law", Code: "company_unknown", Msg: "the law that applies to X is not known"})
			shoot(u2, "20e-notice")
			tap(t, u2, T("common.ok"))
			u2.home.tabs.SelectIndex(tabBoard)
			shoot(u2, "21-board")
			setClock(u2, "2026-11-23")
			u2.showCompanies()
			shoot(u2, "13-companies")
			u2.home.tabs.SelectIndex(tabProfile)
			shoot(u2, "14-profile")
			u2.home.tabs.SelectIndex(tabSettings)
			shoot(u2, "15-settings")
			u2.chooseFile([]string{".txt", ".html"}, func(string) {})
			shoot(u2, "22-file-open")
		})
	}
}
