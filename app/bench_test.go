package app

import (
	"fmt"
	"path/filepath"
	"prava/casework"
	"prava/record"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// bigVault writes a vault with 10,000 companies and 50,000 requests (each
// with a one-page letter's text) and returns its path.
func bigVault(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "big.vault")
	letter := strings.Repeat("Прошу надати копію моїх персональних даних, мету обробки, одержувачів і строк зберігання. ", 25)
	newVault(b, path, func(d *record.Data) {
		d.Profile = record.Profile{Name: "Olena Petrenko", Email: "olena@example.org"}
		for i := range 10_000 {
			id := fmt.Sprintf("c%05d", i)
			d.Companies = append(d.Companies, record.Company{
				ID: id, Name: "Company " + id, LegalName: "ТОВ «Компанія " + id + "»", Jurisdiction: "UA", Language: "uk",
				Contacts: []record.Contact{{Kind: record.ByEmail, Value: "privacy@" + id + ".example"}, {Kind: record.ByPost, Value: "01001, м. Київ, вул. Хрещатик, 22"}},
			})
			for j := range 5 {
				r := record.Request{
					ID: fmt.Sprintf("%s-%d", id, j), CompanyID: id, Kind: "access", Law: "UA", Channel: "email",
					Status: record.StatusDone, LetterText: record.NewText(fmt.Sprintf("%s %d\n%s", id, j, letter)),
				}
				if j == 0 {
					r.Status, r.Dates.Sent = record.StatusSent, today.AddDate(0, 0, -i%60)
				}
				d.Requests = append(d.Requests, r)
			}
		}
	})
	return path
}

// bigUI is the app started and settled on the stress vault (bigVault), in
// English; it closes when the benchmark ends.
func bigUI(b *testing.B) *UI {
	b.Helper()
	path := bigVault(b)
	UseLanguage("en")
	a := test.NewTempApp(b)
	u := New(a, Options{VaultPath: path, Keyring: testKeyring, Now: func() time.Time { return today }})
	u.queue = make(chan func(), 64)
	u.Start()
	u.Settle()
	b.Cleanup(func() { u.Close(); u.win.Close() })
	return u
}

// BenchmarkStart measures what a person waits for between starting Prava
// and a usable window on a vault of 10,000 companies and 50,000 requests:
// inspecting the vault and asking the keyring, opening and decrypting it,
// indexing the companies, building the screens (ms-to-usable), then
// painting the first frame with Fyne's software painter (slower than the
// GPU's) and checking the deadlines for the notification (ns/op). The
// keyring is the tests' double (testKeyring).
func BenchmarkStart(b *testing.B) {
	path := bigVault(b)
	UseLanguage("en")
	var usable time.Duration
	b.ResetTimer()
	for b.Loop() {
		a := test.NewTempApp(b)
		started := time.Now()
		u := New(a, Options{VaultPath: path, Keyring: testKeyring, Now: func() time.Time { return today },
			Ready: func() { usable += time.Since(started) }})
		u.queue = make(chan func(), 64)
		u.Start()
		u.Settle()
		if u.desk == nil || u.home.companies.list.Length() != 10_000 {
			b.Fatal("the vault did not open on the list")
		}
		u.win.Canvas().Capture()
		u.Close()
		u.win.Close()
	}
	// ms-to-usable stops when the list is on screen, before the first
	// frame is painted and before the deadline notification is worked out;
	// ns/op includes both.
	b.ReportMetric(float64(usable.Milliseconds())/float64(b.N), "ms-to-usable")
}

// BenchmarkEditOnBigVault measures what one change costs the window on the
// stress vault: editing a company's notes from its page. "before" is the
// save every edit ran on the UI goroutine before the desk (the window
// froze this long); "after" is the
// app's way: ui-ms is the time the UI goroutine spends (starting the change
// and, once saved, taking the new data and rebuilding the page), save-ms
// the time the save takes in the background while frames go on.
func BenchmarkEditOnBigVault(b *testing.B) {
	u := bigUI(b)
	id := u.data().Companies[5000].ID
	u.showCompany(id)
	n := 0
	b.Run("before", func(b *testing.B) {
		// What the UI goroutine would wait for if it ran the change
		// itself: the desk's edit and the save of the whole vault.
		for b.Loop() {
			n++
			if err := u.desk.EditCompany(id, casework.CompanyEdit{Notes: new(fmt.Sprint("note ", n))}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("after", func(b *testing.B) {
		var ui, save, worst time.Duration
		for b.Loop() {
			n++
			note := fmt.Sprint("note ", n)
			start := time.Now()
			newCompanyPage(u, u.desk, id).editFacts(casework.CompanyEdit{Notes: new(note)}, func() { u.showCompany(id) })
			dispatched := time.Since(start)
			u.pending.Wait() // the save, in the background
			saved := time.Since(start)
			done := <-u.queue
			t0 := time.Now()
			done() // back on the UI goroutine
			onUI := dispatched + time.Since(t0)
			ui += onUI
			worst = max(worst, onUI)
			save += saved - dispatched
			if u.data().Company(id).Notes != note {
				b.Fatal("the edit did not reach the screen's data")
			}
		}
		b.ReportMetric(float64(ui.Microseconds())/1000/float64(b.N), "ui-ms/op")
		b.ReportMetric(float64(worst.Microseconds())/1000, "worst-ui-ms")
		b.ReportMetric(float64(save.Microseconds())/1000/float64(b.N), "save-ms/op")
	})
}

// BenchmarkSearchTyping measures one keystroke in the companies search on
// the stress vault: the search over 10,000 companies, the list laid out
// again and its visible rows filled (with each company's state). ms/key is
// the mean, worst-ms the slowest key; painted-ms/key adds a frame painted
// by Fyne's software painter, slower than the GPU a window uses.
func BenchmarkSearchTyping(b *testing.B) {
	u := bigUI(b)
	u.win.Resize(fyne.NewSize(1000, 700))
	search := u.home.companies.search
	const typed = "company c01234"
	for _, paint := range []bool{false, true} {
		name := "plain"
		if paint {
			name = "painted"
		}
		b.Run(name, func(b *testing.B) {
			var total, worst time.Duration
			keys := 0
			for b.Loop() {
				search.SetText("")
				for _, r := range typed {
					start := time.Now()
					test.Type(search, string(r))
					if paint {
						u.win.Canvas().Capture()
					}
					d := time.Since(start)
					total, worst, keys = total+d, max(worst, d), keys+1
				}
				if n := len(u.home.companies.shown); n != 1 {
					b.Fatalf("%q found %d companies, want 1", typed, n)
				}
			}
			b.ReportMetric(float64(total.Microseconds())/1000/float64(keys), "ms/key")
			b.ReportMetric(float64(worst.Microseconds())/1000, "worst-ms")
		})
	}
}
