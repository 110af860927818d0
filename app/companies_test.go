package app

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"prava/record"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// homeUI opens a vault with a profile, on the companies list.
func homeUI(t *testing.T, fill func(d *record.Data)) *UI {
	t.Helper()
	return homeUIAt(t, filepath.Join(t.TempDir(), "v.vault"), fill)
}

// homeUIAt is homeUI with the vault at path.
func homeUIAt(t *testing.T, path string, fill ...func(d *record.Data)) *UI {
	t.Helper()
	newVault(t, path, func(d *record.Data) {
		d.Profile = record.Profile{Name: "Olena Petrenko", Address: "vul. Khreshchatyk 1, Kyiv", Email: "olena@example.org"}
		for _, f := range fill {
			if f != nil {
				f(d)
			}
		}
	})
	u := startedUI(t, path)
	if u.desk == nil {
		t.Fatalf("vault did not open: %q", texts(u))
	}
	return u
}

// addPasted goes through "Add company" with a pasted policy and returns
// on the review screen.
func addPasted(t *testing.T, u *UI, text string) {
	t.Helper()
	u.showAddCompany()
	selectTab(t, u, "Paste text")
	entries(u)[0].SetText(text)
	tap(t, u, "Read this policy")
}

func TestAddCompanyFromEverySeed(t *testing.T) {
	want := expectations(t)
	u := homeUI(t, nil)
	files := make([]string, 0, len(want))
	for f := range want {
		files = append(files, f)
	}
	slices.Sort(files)
	for _, file := range files {
		exp := want[file]
		addPasted(t, u, seed(t, file))
		mustShow(t, u, "Check what Prava found: "+exp.DisplayName)
		if got := entryAfter(t, u, "Name").Text; got != exp.DisplayName {
			t.Errorf("%s: name field %q, want %q", file, got, exp.DisplayName)
		}
		if len(exp.Addresses) == 0 {
			mustShow(t, u, "No postal address in this policy: add one.")
		}
		if len(exp.Emails) == 0 {
			mustShow(t, u, "No e-mail address in this policy")
		}
		tap(t, u, "Save company")
		c := u.data().Companies[len(u.data().Companies)-1]
		if c.Name != exp.DisplayName || string(c.Jurisdiction) != exp.Jurisdiction {
			t.Errorf("%s: saved %q (%s), want %q (%s)", file, c.Name, c.Jurisdiction, exp.DisplayName, exp.Jurisdiction)
		}
		var emails, posts []string
		for _, ct := range c.Contacts {
			switch ct.Kind {
			case record.ByEmail:
				emails = append(emails, ct.Value)
			case record.ByPost:
				posts = append(posts, ct.Value)
			}
		}
		for _, e := range exp.Emails {
			if !slices.Contains(emails, e) {
				t.Errorf("%s: e-mail %s not among the contacts %v", file, e, emails)
			}
		}
		for _, a := range exp.Addresses {
			if !slices.Contains(posts, a) {
				t.Errorf("%s: address %q not among the contacts %q", file, a, posts)
			}
		}
		// Saved: the company page is open.
		mustShow(t, u, "Contacts")
		mustShow(t, u, "Re-check policy")
	}
	u.showCompanies()
	mustShow(t, u, fmt.Sprintf("Companies shown: %d of %d", len(want), len(want)))
	for _, exp := range want {
		mustShow(t, u, exp.DisplayName)
	}
	// Everything is in the file, not only in memory.
	d := reopen(t, u)
	if len(d.Companies) != len(want) {
		t.Errorf("the vault file holds %d companies, want %d", len(d.Companies), len(want))
	}
}

func TestReviewEditsAFinding(t *testing.T) {
	u := homeUI(t, nil)
	addPasted(t, u, seed(t, "000_131528efbcf5aff0.txt"))
	mustShow(t, u, "The policy names no legal entity")
	name := entryAfter(t, u, "Name")
	name.SetText("Lantrace")
	entryAfter(t, u, "Legal name (the controller)").SetText("TOV \"Lantrace\"")
	entryAfter(t, u, "Postal addresses (one per line)").SetText("vul. Naukova 7, Lviv, 79060")
	entryAfter(t, u, "E-mail addresses (one per line)").SetText("office@lantrace.net\nnot an address")
	tap(t, u, "Save company")
	mustShow(t, u, "“not an address” is not an e-mail address")
	if len(u.data().Companies) != 0 {
		t.Fatal("a company with a bad e-mail was saved")
	}
	entryAfter(t, u, "E-mail addresses (one per line)").SetText("office@lantrace.net")
	tap(t, u, "Save company")
	c := u.data().Companies[0]
	if c.Name != "Lantrace" || c.LegalName != "TOV \"Lantrace\"" {
		t.Errorf("edits not kept: %q / %q", c.Name, c.LegalName)
	}
	if !slices.Contains(c.Contacts, record.Contact{Kind: record.ByPost, Value: "vul. Naukova 7, Lviv, 79060"}) {
		t.Errorf("the added address is not a contact: %+v", c.Contacts)
	}
	// The snapshot keeps what the reader found, not the edits.
	if !strings.Contains(string(c.Policies[0].Findings), `"display_name":"lantrase.com.ua"`) {
		t.Error("the snapshot lost the findings as read")
	}
}

func TestDeleteCompany(t *testing.T) {
	u := homeUI(t, func(d *record.Data) {
		d.Companies = []record.Company{{ID: "a", Name: "Alpha"}, {ID: "b", Name: "Beta"}}
		d.Requests = []record.Request{{ID: "r", CompanyID: "a", Kind: "access", Status: record.StatusDraft}}
	})
	u.showCompany("a")
	tap(t, u, "Delete")
	mustShow(t, u, "Delete this company?")
	mustShow(t, u, "Requests deleted with it: 1")
	tap(t, u, "No")
	if len(u.data().Companies) != 2 {
		t.Fatal("deleted without confirmation")
	}
	tap(t, u, "Delete")
	tap(t, u, "Yes")
	mustShow(t, u, "Companies shown: 1 of 1")
	d := reopen(t, u)
	if len(d.Companies) != 1 || d.Companies[0].Name != "Beta" || len(d.Requests) != 0 {
		t.Errorf("after delete the vault holds %+v, %+v", d.Companies, d.Requests)
	}
}

func TestAddCompanyFromFileAndURL(t *testing.T) {
	page := seed(t, "003_667823663de3ed12.txt")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/privacy":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, "<html><body><h1>Privatumo politika</h1><p>%s</p></body></html>", strings.ReplaceAll(page, "\n", "</p><p>"))
		case "/slow":
			<-r.Context().Done()
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	u := homeUI(t, nil)
	u.opt.HTTP = srv.Client()

	fetch := func(url string) {
		u.showAddCompany()
		var web *widget.Entry
		selectTab(t, u, "From the web")
		for _, e := range entries(u) {
			if e.PlaceHolder == "https://example.com/privacy" {
				web = e
			}
		}
		web.SetText(url)
		tap(t, u, "Fetch")
	}
	fetch(srv.URL + "/missing")
	mustShow(t, u, "The page could not be downloaded")
	mustShow(t, u, "404")

	fetch(srv.URL + "/privacy")
	mustShow(t, u, "Check what Prava found: Costless")
	mustShow(t, u, "Read from: "+srv.URL+"/privacy")

	// A slow server: the download shows progress and can be cancelled.
	u.showAddCompany()
	selectTab(t, u, "From the web")
	for _, e := range entries(u) {
		if e.PlaceHolder == "https://example.com/privacy" {
			e.SetText(srv.URL + "/slow")
		}
	}
	test.Tap(button(t, u, "Fetch"))
	mustShow(t, u, "Downloading "+srv.URL+"/slow")
	time.Sleep(50 * time.Millisecond)
	tap(t, u, "Cancel")
	mustShow(t, u, "Stopped. Nothing was saved.")

	// A file: bad ones are refused with a reason, a good one is read.
	dir := t.TempDir()
	bin := filepath.Join(dir, "policy.html")
	os.WriteFile(bin, []byte("%PDF-1.4\x00\x01\x02binary"), 0o600)
	readFile(t, u, bin)
	mustShow(t, u, "This is not a text or web page file.")
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, []byte("  \n"), 0o600)
	readFile(t, u, empty)
	mustShow(t, u, "There is no text to read.")
	if len(u.data().Companies) != 0 {
		t.Fatal("a company was saved from a bad policy")
	}
	good := filepath.Join(dir, "netrack.txt")
	os.WriteFile(good, []byte(seed(t, "001_a66e4632f88529cc.txt")), 0o600)
	readFile(t, u, good)
	mustShow(t, u, "Check what Prava found: NETRACK")
}

// readFile reads a policy file through the add screen, as the file dialog
// would hand it over.
func readFile(t *testing.T, u *UI, path string) {
	t.Helper()
	u.showAddCompany()
	u.readPolicyFile(path)
	u.Settle()
}

// selectTab selects the tab titled title in the visible tab bars.
func selectTab(t *testing.T, u *UI, title string) {
	t.Helper()
	found := false
	walk(u, func(o fyne.CanvasObject) {
		if tabs, ok := o.(*container.AppTabs); ok && !found {
			for i, item := range tabs.Items {
				if item.Text == title {
					tabs.SelectIndex(i)
					found = true
				}
			}
		}
	})
	if !found {
		t.Fatalf("no tab %q", title)
	}
}

func TestCompanyListTenThousand(t *testing.T) {
	u := homeUI(t, func(d *record.Data) {
		for i := range 10000 {
			d.Companies = append(d.Companies, record.Company{ID: fmt.Sprint(i), Name: fmt.Sprintf("Company %05d", i), Jurisdiction: "EU-LV"})
		}
		d.Companies[1234].Name = "Zebra Žvaigždė"
		d.Requests = append(d.Requests,
			record.Request{ID: "late", CompanyID: "7", Kind: "access", Law: "EU-LV", Channel: "email", Status: record.StatusSent, Dates: record.Dates{Sent: today.AddDate(0, -2, 0)}},
			record.Request{ID: "wait", CompanyID: "0", Kind: "access", Law: "EU-LV", Channel: "email", Status: record.StatusSent, Dates: record.Dates{Sent: today.AddDate(0, 0, -3)}},
		)
	})
	l := u.home.companies
	if l.list.Length() != 10000 {
		t.Fatalf("list length %d", l.list.Length())
	}
	// Only the rows on screen are built.
	rows := 0
	walk(u, func(o fyne.CanvasObject) {
		if lbl, ok := o.(*widget.Label); ok && strings.HasPrefix(lbl.Text, "Company ") {
			rows++
		}
	})
	if rows == 0 || rows > 60 {
		t.Errorf("%d rows built for 10,000 companies", rows)
	}
	// Sent by e-mail on Fri 20 Nov: one month ends Sun 20 Dec, so Mon 21 Dec.
	mustShow(t, u, "Waiting · days left: 28")
	test.Type(l.search, "žvaigž")
	if l.list.Length() != 1 {
		t.Fatalf("search found %d", l.list.Length())
	}
	mustShow(t, u, "Zebra Žvaigždė")
	mustShow(t, u, "Companies shown: 1 of 10000")
	l.search.SetText("company 0000")
	if l.list.Length() != 10 {
		t.Errorf("search \"company 0000\" found %d, want 10", l.list.Length())
	}
	mustShow(t, u, "Overdue · days late:")
}

func TestShortcuts(t *testing.T) {
	u := homeUI(t, nil)
	sc := &u.keys
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault})
	mustShow(t, u, "Add a company")
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault})
	if u.win.Canvas().Focused() != u.home.companies.search {
		t.Error("Ctrl+F does not focus the search")
	}
}

func TestFailedSaveChangesNothing(t *testing.T) {
	u := homeUI(t, func(d *record.Data) {
		d.Companies = []record.Company{{ID: "a", Name: "Alpha"}}
	})
	before, _ := os.ReadFile(u.path)
	events := len(u.data().Timeline) // the vault's creation
	restore := breakSaves(t, u)

	addPasted(t, u, seed(t, "003_667823663de3ed12.txt"))
	tap(t, u, "Save company")
	mustShow(t, u, "The change could not be saved, so it was undone")
	if len(u.data().Companies) != 1 || len(u.data().Timeline) != events {
		t.Errorf("memory changed after a failed save: %d companies, %d events", len(u.data().Companies), len(u.data().Timeline))
	}
	u.showCompany("a")
	tap(t, u, "Delete")
	tap(t, u, "Yes")
	if len(u.data().Companies) != 1 {
		t.Error("a failed delete removed the company from memory")
	}
	restore()
	after, _ := os.ReadFile(u.path)
	if string(before) != string(after) {
		t.Error("the vault file changed")
	}
}

// TestCompanyPageNamesItsOperators: a brand's page says which legal
// persons its letters go to (review B3), in the person's language.
func TestCompanyPageNamesItsOperators(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v.vault")
	newVault(t, path, func(d *record.Data) {
		d.Companies = append(d.Companies, record.Company{ID: "netrack", Name: "NETRACK", Jurisdiction: "RU",
			LegalEntities: []string{"ООО «Старт»", "ООО «Серверные Решения»"}})
	})
	u := startedUI(t, path)
	UseLanguage("uk")
	t.Cleanup(func() { UseLanguage("en") })
	u.showCompany("netrack")
	mustShow(t, u, "Оператори: ООО «Старт»; ООО «Серверные Решения»")
}
