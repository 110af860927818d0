package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
	"prava/policy"
	"prava/record"
)

func TestProfile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v.vault")
	newVault(t, path, nil)
	u := startedUI(t, path)
	mustShow(t, u, "Your profile")
	mustShow(t, u, "Only put into letters where the law requires it")
	entryAfter(t, u, "Full name").SetText("Olena Petrenko")
	entryAfter(t, u, "E-mail").SetText("olena@")
	tap(t, u, "Save")
	mustShow(t, u, "Write the e-mail address as name@example.com.")
	if u.data().Profile.Name != "" {
		t.Fatal("a profile with a bad e-mail was stored")
	}
	entryAfter(t, u, "E-mail").SetText("olena@example.org")
	entryAfter(t, u, "Date of birth").SetText("23.04.1985")
	tap(t, u, "Save")
	mustShow(t, u, "Write the date of birth as YYYY-MM-DD")
	entryAfter(t, u, "Date of birth").SetText("1985-04-23")
	entryAfter(t, u, "Identity document").SetText("passport FB 123456")
	walk(u, func(o fyne.CanvasObject) {
		// Countries are chosen by name, not by code.
		if s, ok := o.(*widget.Select); ok && slices.Contains(s.Options, "Latvia") {
			s.SetSelected("Latvia")
		}
	})
	tap(t, u, "Save")
	mustShow(t, u, "Saved at ")
	u.showCompanies()
	if shows(u, "Letters need your name and address") {
		t.Error("the list still asks for the profile after it was saved")
	}
	d := reopen(t, u)
	want := record.Profile{Name: "Olena Petrenko", Email: "olena@example.org", BirthDate: "1985-04-23", IDDocument: "passport FB 123456", Country: "LV"}
	if d.Profile != want {
		t.Errorf("stored profile %+v, want %+v", d.Profile, want)
	}
}

func TestSettings(t *testing.T) {
	u := homeUI(t, nil)
	u.home.tabs.SelectIndex(tabSettings)
	u.Settle()
	mustShow(t, u, "This computer's keyring holds the vault's key")
	mustShow(t, u, u.path)

	transit := entryAfter(t, u, "Days a letter takes by post")
	if transit.Text != "5" {
		t.Errorf("transit days shown %q, want the default 5", transit.Text)
	}
	transit.SetText("many")
	tap(t, u, "Save")
	mustShow(t, u, "Write the postal days as a number from 0 to 60.")
	transit.SetText("7")
	var martial *widget.Check
	walk(u, func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok && strings.Contains(c.Text, "martial law") {
			martial = c
		}
	})
	if !martial.Checked {
		t.Error("martial law is not on by default")
	}
	test.Tap(martial)
	tap(t, u, "Save")
	s := u.data().Settings
	if s.TransitDays != 7 || s.MartialLaw == nil || *s.MartialLaw {
		t.Errorf("settings stored %+v", s)
	}

	// Another language: the window is rebuilt in it, and the choice kept.
	var lang *widget.Select
	walk(u, func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok && lang == nil {
			lang = s
		}
	})
	lang.SetSelected("Українська")
	t.Cleanup(func() { UseLanguage("en") })
	mustShow(t, u, "Як рахуються строки")
	mustShow(t, u, "Компанії")
	if got := u.app.Preferences().String(prefLanguage); got != "uk" {
		t.Errorf("language kept as %q", got)
	}
	lang = nil
	walk(u, func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok && lang == nil {
			lang = s
		}
	})
	lang.SetSelected("Latviešu")
	mustShow(t, u, "Uzņēmumi")
}

func TestCompanyPage(t *testing.T) {
	dir := t.TempDir()
	policyFile := filepath.Join(dir, "policy.txt")
	text := seed(t, "003_667823663de3ed12.txt")
	os.WriteFile(policyFile, []byte(text), 0o600)
	u := homeUI(t, nil)
	readFile(t, u, policyFile)
	tap(t, u, "Save company")
	id := u.data().Companies[0].ID
	mustShow(t, u, "data.controller@costless.com.ua")
	mustShow(t, u, "Marking for every request: “Privatumo politika”")

	// Choose the other e-mail for erasure requests.
	var selects []*widget.Select
	walk(u, func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok && len(s.Options) > 0 && s.Options[0] == "As the policy says" {
			selects = append(selects, s)
		}
	})
	if len(selects) != len(record.FirstKinds) {
		t.Fatalf("%d contact choices, want one per kind", len(selects))
	}
	selects[1].SetSelected("E-mail: mail@costless.com.ua")
	u.Settle()
	c := u.data().Company(id)
	if c.Contacts[c.Use["erasure"]].Value != "mail@costless.com.ua" {
		t.Errorf("erasure goes to %+v", c.Contacts[c.Use["erasure"]])
	}

	// Notes and a contact of one's own.
	var notes *widget.Entry
	for _, e := range entries(u) {
		if e.MultiLine {
			notes = e
		}
	}
	notes.SetText("Customer no. 4711")
	buttons := 0
	walk(u, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Save" && buttons == 1 {
			test.Tap(b) // the second Save on the page is the notes'
		}
		if b, ok := o.(*widget.Button); ok && b.Text == "Save" {
			buttons++
		}
	})
	for _, e := range entries(u) {
		if e.PlaceHolder == "E-mail, postal address, web form or phone" {
			test.Type(e, "+370 5 000 0000")
		}
	}
	tap(t, u, "Add")
	c = u.data().Company(id)
	if c.Notes != "Customer no. 4711" || c.Contacts[len(c.Contacts)-1] != (record.Contact{Kind: record.ByPhone, Value: "+370 5 000 0000"}) {
		t.Errorf("notes %q, contacts %+v", c.Notes, c.Contacts)
	}

	// The policy, with what was found highlighted.
	tap(t, u, "Show the policy as of "+c.Policies[0].Retrieved.Format(time.DateOnly))
	var rich *widget.RichText
	walk(u, func(o fyne.CanvasObject) {
		if r, ok := o.(*widget.RichText); ok && len(r.Segments) > 10 {
			rich = r
		}
	})
	if rich == nil {
		t.Fatal("the policy text is not shown")
	}
	var marked []string
	for _, s := range rich.Segments {
		if ts := s.(*widget.TextSegment); ts.Style.TextStyle.Bold {
			marked = append(marked, ts.Text)
		}
	}
	if !contains(marked, "data.controller@costless.com.ua") || !contains(marked, "Costless Ukraine, LLC") {
		t.Errorf("highlighted: %q", marked)
	}
	if rich.String() != text && !strings.Contains(text, strings.TrimSpace(rich.String()[:200])) {
		t.Error("the policy shown is not the policy read")
	}

	// Re-check: the policy now names a new address.
	os.WriteFile(policyFile, []byte(text+"\nRašykite privacy@costless.lt."), 0o600)
	tap(t, u, "Re-check policy")
	tap(t, u, "Read")
	mustShow(t, u, "What changed in the policy")
	mustShow(t, u, "privacy@costless.lt")
	tap(t, u, "Keep the new version")
	c = u.data().Company(id)
	if len(c.Policies) != 2 || c.Notes != "Customer no. 4711" {
		t.Errorf("after the re-check: %d snapshots, notes %q", len(c.Policies), c.Notes)
	}
	// A re-check of a policy that did not change says so.
	tap(t, u, "Re-check policy")
	tap(t, u, "Read")
	mustShow(t, u, "Nothing Prava reads has changed.")
	mustShow(t, u, "The text is exactly the same as before.")
	tap(t, u, "Cancel")
	// A source that is gone gets a message, and nothing changes.
	os.Remove(policyFile)
	// It is not offered again: the dialog asks for one and stays.
	tap(t, u, "Re-check policy")
	tap(t, u, "Read")
	mustShow(t, u, "Give the policy's file or web address, or paste its text.")
	entryAfter(t, u, "Read from").SetText(policyFile)
	tap(t, u, "Read")
	mustShow(t, u, "The policy could not be read again.")
	if len(u.data().Company(id).Policies) != 2 {
		t.Error("a failed re-check changed the company")
	}
}

func TestProblemKeys(t *testing.T) {
	for err, want := range map[error]string{
		fmt.Errorf("storage: x: %w", casework.ErrInUse):     "problem.in_use",
		fmt.Errorf("storage: x: %w", casework.ErrDamaged):   "problem.damaged",
		fmt.Errorf("storage: x: %w", casework.ErrTooNew):    "problem.too_new",
		fmt.Errorf("storage: x: %w", casework.ErrNotAVault): "problem.not_a_vault",
		casework.ErrKeyringUnavailable:                      "problem.no_keyring",
		casework.ErrWrongKey:                                "problem.wrong_key",
		errors.New("disk on fire"):                          "problem.other",
	} {
		if got := problemKey(err); got != want {
			t.Errorf("%v → %s, want %s", err, got, want)
		}
	}
}

func TestFoundSpans(t *testing.T) {
	text := "Europos duomenys. Rašykite EU biurui: info@example.lt, Vilnius."
	f := &policy.Findings{Evidence: []policy.Evidence{
		{Field: "jurisdiction", Value: "EU", Offset: 0},                                  // "Eu" of Europos is no match
		{Field: "emails", Value: "info@example.lt", Offset: strings.Index(text, "info")}, // exact
		{Field: "emails", Value: "INFO@example.lt", Offset: 3},                           // elsewhere, case differs
	}}
	findings, _ := json.Marshal(f)
	spans := foundSpans(text, record.PolicySnapshot{Text: record.NewText(text), Findings: findings})
	var got []string
	for _, s := range spans {
		got = append(got, text[s[0]:s[1]])
	}
	if strings.Join(got, "|") != "EU|info@example.lt" {
		t.Errorf("spans %q", got)
	}
}

// TestTabOrder walks the profile form with Tab: the focus goes down the
// fields in the order they are shown, then to Save.
func TestTabOrder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v.vault")
	newVault(t, path, nil)
	u := startedUI(t, path)
	c := u.win.Canvas()
	order := []string{"Full name", "Postal address", "E-mail", "Phone", "Date of birth", "Customer number"}
	c.Focus(entryAfter(t, u, order[0]))
	for _, label := range order[1:] {
		c.FocusNext()
		if c.Focused() != entryAfter(t, u, label) {
			t.Fatalf("Tab does not lead to %q", label)
		}
	}
	c.FocusNext()
	if _, ok := c.Focused().(*widget.Select); !ok {
		t.Fatalf("after the customer number, Tab goes to %T, not the country", c.Focused())
	}
	c.FocusNext()
	if c.Focused() != entryAfter(t, u, "Identity document") {
		t.Fatal("Tab does not lead from the country to the identity document")
	}
	c.FocusNext()
	if c.Focused() != button(t, u, "Save") {
		t.Errorf("after the last field, Tab goes to %T, not Save", c.Focused())
	}
}
