package app

import (
	"strings"
	"testing"

	"prava/casework"
	"prava/record"
)

// TestEditKeepsEveryKindsMarking: the Edit page offers a marking for
// every kind that starts a case, one list with record.FirstKinds; a
// marking set from the command line for an objection shows there and
// survives an edit of another fact, and one for a kind the page does not
// know is kept as it was.
func TestEditKeepsEveryKindsMarking(t *testing.T) {
	u := homeUI(t, func(d *record.Data) {
		d.Companies = []record.Company{{ID: "c", Name: "Alpha", Jurisdiction: "EU-LV", Markings: map[string]string{
			"objection": "Iebildums", "portability": "Pārnesamība",
		}}}
	})
	u.showCompany("c")
	mustShow(t, u, "Marking — Objection: “Iebildums”")
	u.showCompanyEdit("c")
	for _, k := range markingKinds {
		entryAfter(t, u, markingLabel(k))
	}
	if got := entryAfter(t, u, "Marking — Objection").Text; got != "Iebildums" {
		t.Fatalf("the objection's marking shows as %q", got)
	}
	entryAfter(t, u, "Name").SetText("Alpha SIA")
	entryAfter(t, u, "Marking — Portability").SetText("")
	entryAfter(t, u, "Marking — Restriction").SetText("Ierobežošana")
	tap(t, u, "Save")
	want := map[string]string{"objection": "Iebildums", "restriction": "Ierobežošana"}
	got := reopen(t, u).Companies[0]
	if got.Name != "Alpha SIA" || len(got.Markings) != len(want) {
		t.Fatalf("stored %q with markings %v, want %v", got.Name, got.Markings, want)
	}
	for k, m := range want {
		if got.Markings[k] != m {
			t.Errorf("marking for %s: %q, want %q", k, got.Markings[k], m)
		}
	}
}

// recordingDesk keeps the edit the Edit page hands the desk, to run it
// later, as the real desk does on another goroutine.
type recordingDesk struct{ edit *casework.CompanyEdit }

func (d *recordingDesk) EditCompany(_ string, edit casework.CompanyEdit) error {
	d.edit = &edit
	return nil
}

// TestEditReadsWidgetsOnTheUIGoroutine: what is saved is what the page
// showed when Save was tapped. The edit the desk runs (off the UI
// goroutine) reads no widget: typing after the tap changes nothing in it.
func TestEditReadsWidgetsOnTheUIGoroutine(t *testing.T) {
	u := homeUI(t, func(d *record.Data) {
		d.Companies = []record.Company{{ID: "c", Name: "Alpha", Jurisdiction: "EU-LV"}}
	})
	desk := &recordingDesk{}
	u.openPage(newCompanyEdit(u, desk, "c").build())
	entryAfter(t, u, "Name").SetText("At the tap")
	entryAfter(t, u, "Marking — Objection").SetText("Iebildums")
	typed := entries(u)
	tap(t, u, "Save")
	if desk.edit == nil {
		t.Fatal("Save handed the desk no edit")
	}
	for _, e := range typed {
		e.SetText("typed later")
	}
	if *desk.edit.Name != "At the tap" || desk.edit.Markings[record.Objection] != "Iebildums" {
		t.Errorf("the desk's edit holds %q, %v: not what the page showed at the tap", *desk.edit.Name, desk.edit.Markings)
	}
}

// TestCorrectTheLawAfterSaving is the trap a new user fell into: a company
// saved without a law the letters know. The writer says where to choose
// it, the company's Edit page offers the laws by name, and the letter is
// then written under the law chosen.
func TestCorrectTheLawAfterSaving(t *testing.T) {
	u := homeUI(t, func(d *record.Data) {
		d.Profile = record.Profile{Name: "Olena Petrenko", Email: "olena@example.org", Address: "Brīvības iela 1, Rīga, LV-1010"}
		d.Companies = []record.Company{{ID: "c", Name: "Alpha", Contacts: []record.Contact{{Kind: record.ByEmail, Value: "privacy@alpha.lv"}}}}
	})
	u.showWriter("c")
	tap(t, u, "Write the letter")
	mustShow(t, u, "choose it with Edit on the company's page")

	u.showCompany("c")
	mustShow(t, u, "law not known")
	tap(t, u, "Edit")
	mustShow(t, u, "Edit Alpha")
	entryAfter(t, u, "Legal name (the controller)").SetText("SIA Alpha")
	entryAfter(t, u, "Marking for every request").SetText("Datu subjekta pieprasījums")
	selectWithOption(t, u, "GDPR: Latvia").SetSelected("GDPR: Latvia")
	selectWithOption(t, u, "Latvian").SetSelected("Latvian")
	tap(t, u, "Save")
	mustShow(t, u, "GDPR: Latvia")
	mustShow(t, u, "SIA Alpha")

	u.showWriter("c")
	tap(t, u, "Write the letter")
	if len(u.data().Requests) != 1 || u.data().Requests[0].Law != "EU-LV" || !strings.Contains(u.data().Requests[0].LetterText.String(), "SIA Alpha") {
		t.Fatalf("after the correction: %+v", u.data().Requests)
	}
	if d := reopen(t, u); d.Companies[0].Jurisdiction != "EU-LV" || d.Companies[0].Language != "lv" || d.Companies[0].Markings["any"] != "Datu subjekta pieprasījums" {
		t.Errorf("stored %+v", d.Companies[0])
	}
}

// TestEditRefusesBadFacts: an empty name is refused beside the field and
// nothing is stored.
func TestEditRefusesBadFacts(t *testing.T) {
	u := homeUI(t, func(d *record.Data) {
		d.Companies = []record.Company{{ID: "c", Name: "Alpha", Jurisdiction: "EU-LV"}}
	})
	u.showCompanyEdit("c")
	entryAfter(t, u, "Name").SetText("  ")
	tap(t, u, "Save")
	mustShow(t, u, "A name is needed.")
	entryAfter(t, u, "Name").SetText(strings.Repeat("x", 300))
	tap(t, u, "Save")
	mustShow(t, u, "This is too long for a name")
	if u.data().Companies[0].Name != "Alpha" {
		t.Error("a refused name was stored")
	}
}
