package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
	"prava/directory"
	"prava/letters"
	"prava/record"
)

// toggle checks or unchecks the visible check box labelled label.
func toggle(t *testing.T, u *UI, label string) {
	t.Helper()
	found := false
	walk(u, func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok && c.Text == label && !found {
			c.SetChecked(!c.Checked)
			found = true
		}
	})
	if !found {
		t.Fatalf("no check box %q", label)
	}
}

// TestWriterAsksReasonsForAnObjection: the reasons field shows for an
// objection (and for an erasure on the objection ground), not for access,
// and the reasons typed reach the objection's letter.
func TestWriterAsksReasonsForAnObjection(t *testing.T) {
	u := homeUI(t, func(d *record.Data) {
		d.Profile = record.Profile{Name: "Olena Petrenko", Email: "olena@example.org", Address: "Brīvības iela 1, Rīga, LV-1010", Country: "LV"}
		d.Companies = []record.Company{{ID: "c", Name: "Alpha", Jurisdiction: "EU-LV", Language: "en", Contacts: []record.Contact{{Kind: record.ByEmail, Value: "privacy@alpha.lv"}}}}
	})
	u.showWriter("c")
	if shows(u, "Your particular situation") {
		t.Fatal("an access request alone asks for reasons")
	}
	toggle(t, u, "Erasure")
	mustShow(t, u, "Your particular situation") // the objection ground is chosen for an erasure
	toggle(t, u, "I object to the processing")
	if shows(u, "Your particular situation") {
		t.Fatal("an erasure without the objection ground asks for reasons")
	}
	toggle(t, u, "Erasure")
	toggle(t, u, "Objection")
	entryAfter(t, u, "Your particular situation (objection)").SetText("my address is shown to a person I fear")
	tap(t, u, "Write the letters")
	var objection, access string
	for _, r := range u.data().Requests {
		switch r.Kind {
		case record.Objection:
			objection = r.LetterText.String()
		case record.Access:
			access = r.LetterText.String()
		}
	}
	if !strings.Contains(objection, "my address is shown to a person I fear") {
		t.Errorf("the objection's letter lacks the reasons:\n%s", objection)
	}
	if access == "" || strings.Contains(access, "a person I fear") {
		t.Errorf("the access letter (written: %v) carries the objection's reasons", access != "")
	}
}

// TestRussianEmailWarnsOfTheSignature: a Russian request by e-mail says,
// in the person's language, in the writer's preview and on the request's
// page, that 152-FZ asks for a signed request; by post it does not.
func TestRussianEmailWarnsOfTheSignature(t *testing.T) {
	u := homeUI(t, func(d *record.Data) {
		d.Profile = record.Profile{Name: "Olena Petrenko", Email: "olena@example.org", Address: "ул. Ленина 1, Москва", IDDocument: "паспорт 45 10 123456, выдан 01.02.2010 ОУФМС России по г. Москве"}
		d.Companies = []record.Company{{ID: "c", Name: "NETRACK", Jurisdiction: "RU", Language: "ru", Contacts: []record.Contact{{Kind: record.ByEmail, Value: "pd@netrack.ru"}}}}
	})
	const warning = "Russian law (152-FZ, Art. 14 part 3) asks for a signed request"
	UseLanguage("uk")
	t.Cleanup(func() { UseLanguage("en") })
	u.showWriter("c")
	tap(t, u, "Переглянути")
	mustShow(t, u, "Російський закон (152-ФЗ, ст. 14 ч. 3) вимагає підписаного запиту")
	UseLanguage("en")
	u.showWriter("c")
	tap(t, u, "Write the letter")
	mustShow(t, u, warning)
	tap(t, u, "Mark sent")
	if shows(u, warning) {
		t.Error("the warning stays after the letter was sent")
	}
}

// TestLettersWarningsAreKnown: the letters' warning for a Russian e-mail
// is still the one warningText puts in the person's words; if the letters
// reword it, this fails rather than the app showing English.
func TestLettersWarningsAreKnown(t *testing.T) {
	d := &record.Data{
		Profile:   record.Profile{Name: "Olena Petrenko", Email: "olena@example.org", Address: "ул. Ленина 1, Москва", IDDocument: "паспорт 45 10 123456, выдан 01.02.2010 ОУФМС России по г. Москве"},
		Companies: []record.Company{{ID: "c", Name: "NETRACK", Jurisdiction: "RU", Language: "ru", Contacts: []record.Contact{{Kind: record.ByEmail, Value: "pd@netrack.ru"}}}},
	}
	w, err := casework.Write(d, "c", casework.Draft{Kind: record.Access, Contact: -1, Date: today})
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Letter.Warnings) == 0 {
		t.Fatal("a Russian request by e-mail has no warning")
	}
	UseLanguage("ru")
	defer UseLanguage("en")
	for _, text := range w.Letter.Warnings {
		if got := warningText(text); got == text {
			t.Errorf("the letters' warning %q is not recognised: it would show in English", text)
		}
	}
	if !needsSignature(&w.Request) {
		t.Error("the request page would not warn of the signature the letter warns of")
	}

	// Every other warning the letters give: each is put in the person's
	// words, none is left in English.
	d.Companies = append(d.Companies,
		record.Company{ID: "lt", Name: "UAB Pavyzdys", Jurisdiction: "EU-LT", Language: "lt", Contacts: []record.Contact{{Kind: record.ByEmail, Value: "dpo@pavyzdys.lt"}}},
		record.Company{ID: "ua", Name: "ТОВ «Приклад»", Jurisdiction: "UA", Language: "uk", Contacts: []record.Contact{{Kind: record.ByEmail, Value: "dpo@pryklad.ua"}}},
		record.Company{ID: "site", Name: "example.lv", Jurisdiction: "EU-LV", Language: "lv", Contacts: []record.Contact{{Kind: record.ByEmail, Value: "info@example.lv"}}})
	seen := map[string]bool{}
	for _, c := range []struct {
		company string
		draft   casework.Draft
	}{
		{"c", casework.Draft{Kind: record.Access, Lang: "en"}},
		{"c", casework.Draft{Kind: record.Rectification, Corrections: []letters.Correction{{Field: "address", Value: "ул. Мира 2"}}}},
		{"lt", casework.Draft{Kind: record.Objection}},
		{"lt", casework.Draft{Kind: record.Erasure, Grounds: []letters.Ground{letters.GroundObjection}}},
		{"ua", casework.Draft{Kind: record.Objection}},
		{"site", casework.Draft{Kind: record.Access}},
	} {
		c.draft.Contact, c.draft.Date = -1, today
		w, err := casework.Write(d, c.company, c.draft)
		if err != nil {
			t.Errorf("%s %s: %v", c.company, c.draft.Kind, err)
			continue
		}
		for _, text := range w.Letter.Warnings {
			got := warningText(text)
			if got == text || strings.Contains(got, "{{") {
				t.Errorf("%s %s: the warning %q would show in English (or unfilled): %q", c.company, c.draft.Kind, text, got)
			}
			seen[got] = true
		}
	}
	UseLanguage("lv")
	if got := warningText("Valsts datu inspekcija examines a complaint only when it is signed: post the signed PDF."); !strings.HasPrefix(got, "Valsts datu inspekcija izskata sūdzību") {
		t.Errorf("the signed-complaint warning in Latvian: %q", got)
	}
	if got := warningText("A warning the app does not know."); got != "A warning the app does not know." {
		t.Errorf("an unknown warning became %q", got)
	}
	if len(seen) < 6 {
		t.Errorf("only %d kinds of warning came up; the cases above should give six", len(seen))
	}
}

// TestRequestPageRepeatsTheWarnings: what the writer warned of when the
// letter was written is said again, in the person's language, on the
// request's page until it is sent (issue 23: not only in the writer).
func TestRequestPageRepeatsTheWarnings(t *testing.T) {
	u := homeUI(t, func(d *record.Data) {
		d.Profile = record.Profile{Name: "Olena Petrenko", Email: "olena@example.org", Address: "Gedimino pr. 1, LT-01103 Vilnius", Country: "LT"}
		d.Companies = []record.Company{{ID: "c", Name: "UAB Pavyzdys", Jurisdiction: "EU-LT", Language: "lt", Contacts: []record.Contact{{Kind: record.ByEmail, Value: "dpo@pavyzdys.lt"}}}}
	})
	UseLanguage("uk")
	t.Cleanup(func() { UseLanguage("en") })
	u.showWriter("c")
	toggle(t, u, T("kind.access"))
	toggle(t, u, T("kind.objection"))
	tap(t, u, T("writer.write_one"))
	var id string
	for _, r := range u.data().Requests {
		if r.Kind == record.Objection {
			id = r.ID
		}
	}
	if id == "" {
		t.Fatal("no objection was written")
	}
	u.showRequest(id)
	warning := T("warning.objection_no_reasons")
	mustShow(t, u, warning)
	tap(t, u, T("event.sent"))
	u.showRequest(id)
	if shows(u, warning) {
		t.Error("the warning stays after the letter was sent")
	}
}

// TestWriterAsksWhatTheDirectorySays: a company from the directory that
// asks for details the profile does not hold gets lines for them in the
// writer's paragraph, and the letter carries what the person fills in.
func TestWriterAsksWhatTheDirectorySays(t *testing.T) {
	dir, err := directory.Default()
	if err != nil {
		t.Fatal(err)
	}
	var e *directory.Entry
	for i := range dir.Entries() {
		x := &dir.Entries()[i]
		if x.Email != "" && len(x.Required) > 0 {
			for _, el := range x.Required {
				if el.ProfileField() == "" {
					e = x
				}
			}
		}
		if e != nil {
			break
		}
	}
	if e == nil {
		t.Skip("no directory record asks for a detail outside the profile")
	}
	c := dir.Prefill(e, "LV", today)
	c.Jurisdiction = "EU-LV"
	u := homeUI(t, func(d *record.Data) { d.Companies = []record.Company{c} })
	u.showWriter(c.ID)
	mustShow(t, u, "To identify you the company asks for")
	extra := entryAfter(t, u, "A paragraph of your own (optional)")
	if !strings.HasPrefix(extra.Text, e.Required[0].Desc) && !strings.Contains(extra.Text, ":") {
		t.Fatalf("the paragraph does not ask for the details: %q", extra.Text)
	}
	extra.SetText(extra.Text + "4711")
	tap(t, u, "Write the letter")
	if len(u.data().Requests) != 1 || !strings.Contains(u.data().Requests[0].LetterText.String(), "4711") {
		t.Error("the letter does not carry the detail filled in")
	}
}

// TestWriterGivesPhoneOnlyWhenTicked: the profile's phone number reaches
// the letter only when "Give my phone number" is ticked (review 2, L11),
// and a company that asks for nothing leaves it unticked.
func TestWriterGivesPhoneOnlyWhenTicked(t *testing.T) {
	u := homeUI(t, func(d *record.Data) {
		d.Profile = record.Profile{Name: "Olena Petrenko", Email: "olena@example.org", Phone: "+371 2000 0001", Address: "Brīvības iela 1, Rīga, LV-1010", Country: "LV"}
		d.Companies = []record.Company{{ID: "c", Name: "Alpha", Jurisdiction: "EU-LV", Language: "en", Contacts: []record.Contact{{Kind: record.ByEmail, Value: "privacy@alpha.lv"}}}}
	})
	written := func() string {
		t.Helper()
		for _, r := range u.data().Requests {
			if r.Kind == record.Access && r.Status == record.StatusDraft {
				return r.LetterText.String()
			}
		}
		t.Fatal("no access letter was written")
		return ""
	}
	u.showWriter("c")
	tap(t, u, "Write the letter")
	if s := written(); strings.Contains(s, "2000 0001") {
		t.Errorf("the phone number is given unasked:\n%s", s)
	}
	if err := u.desk.DeleteRequest(u.data().Requests[0].ID); err != nil {
		t.Fatal(err)
	}
	u.sync()
	u.showWriter("c")
	toggle(t, u, "Give my phone number in the letter")
	tap(t, u, "Write the letter")
	if s := written(); !strings.Contains(s, "2000 0001") {
		t.Errorf("the phone number ticked is left out:\n%s", s)
	}
}

// TestWriterTicksPhoneForACompanyThatAsks: a directory company that asks
// for the phone number to identify the person (WhatsApp: "WhatsApp phone
// number") has "Give my phone number" ticked at the start.
func TestWriterTicksPhoneForACompanyThatAsks(t *testing.T) {
	u := homeUI(t, func(d *record.Data) {
		d.Profile = record.Profile{Name: "Olena Petrenko", Email: "olena@example.org", Phone: "+371 2000 0001", Address: "Brīvības iela 1, Rīga, LV-1010", Country: "LV"}
	})
	dir := knownCompanies()
	if dir == nil {
		t.Fatal("no directory")
	}
	c, err := u.desk.AddFromDirectory(dir, "whatsapp", false)
	if err != nil {
		t.Fatal(err)
	}
	u.sync()
	u.showWriter(c.ID)
	ticked := false
	walk(u, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Check); ok && b.Text == "Give my phone number in the letter" {
			ticked = b.Checked
		}
	})
	if !ticked {
		t.Error("a company that asks for the phone number leaves it unticked")
	}
}
