package app

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestRecheckWithNothingStaysOpen: "Re-check policy" with nothing given
// says what to give in the dialog itself, in the person's language, and
// keeps the dialog and what was typed; a file can be chosen.
func TestRecheckWithNothingStaysOpen(t *testing.T) {
	u := homeUIAt(t, filepath.Join(t.TempDir(), "v.vault"), fitVault)
	UseLanguage("uk")
	t.Cleanup(func() { UseLanguage("en") })
	u.showCompany("c")
	newCompanyPage(u, u.desk, "c").recheckPolicy()
	from := entryAfter(t, u, T("company.recheck_from"))
	from.SetText("   ")
	tap(t, u, T("company.recheck_do"))
	mustShow(t, u, T("company.recheck_nothing"))
	mustShow(t, u, T("company.recheck_from"))
	if shows(u, T("company.recheck_failed")) {
		t.Error("an empty re-check still says the policy could not be read")
	}
	if from.Text != "   " {
		t.Errorf("the field now holds %q", from.Text)
	}
	from.SetText("https://example.org/privacy")
	if shows(u, T("company.recheck_nothing")) {
		t.Error("the instruction stays after an address was typed")
	}
	test.Tap(button(t, u, T("add.choose_file")))
	mustShow(t, u, T("file.open_title"))
}

// TestDirectorySearchSaysNothingFound: a search of the known companies
// that finds none says so and names the tabs to add the company from
// instead, as the tabs are called; it goes when a search finds some.
func TestDirectorySearchSaysNothingFound(t *testing.T) {
	u := homeUI(t, nil)
	u.showAddCompany()
	query := directorySearch(t, u)
	query.SetText("zzqxv")
	mustShow(t, u, "Nothing found for “zzqxv”")
	walk(u, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, "Nothing found") {
			if l.Position().Y < query.Position().Y+query.Size().Height {
				t.Errorf("the message at y=%v lies over the search field (y=%v–%v)", l.Position().Y, query.Position().Y, query.Position().Y+query.Size().Height)
			}
		}
	})
	for _, tab := range []string{"add.paste", "add.file", "add.web"} {
		mustShow(t, u, "“"+T(tab)+"”")
	}
	query.SetText("google")
	if shows(u, "Nothing found") {
		t.Error("a search that finds companies still says nothing was found")
	}
}

// TestDirectoryNotesSayTheyAreEnglish: the directory's notes come in
// English only; in another UI language the card says so before them.
func TestDirectoryNotesSayTheyAreEnglish(t *testing.T) {
	t.Cleanup(func() { UseLanguage("en") })
	for _, code := range []string{"uk", "en"} {
		u := homeUI(t, nil)
		UseLanguage(code)
		u.showAddCompany()
		query := directorySearch(t, u)
		query.SetText("google")
		u.Settle()
		if !shows(u, "canned responses") {
			t.Fatalf("%s: Google's card shows no note; it shows:\n%s", code, strings.Join(texts(u), "\n"))
		}
		if got := shows(u, T("dir.notes_english")); got != (code != "en") {
			t.Errorf("%s: the card says the notes are in English: %v", code, got)
		}
	}
}

// directorySearch is the add page's search of the known companies.
func directorySearch(t *testing.T, u *UI) *searchEntry {
	t.Helper()
	var query *searchEntry
	walk(u, func(o fyne.CanvasObject) {
		if e, ok := o.(*searchEntry); ok {
			query = e
		}
	})
	if query == nil {
		t.Fatal("the add page has no search field")
	}
	return query
}
