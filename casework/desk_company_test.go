package casework

import (
	"errors"
	"strings"
	"testing"

	"prava/record"
)

func TestEditFactsAfterSaving(t *testing.T) {
	k, _, id := newDesk(t)
	err := k.EditCompany(id, CompanyEdit{
		Name: new("Costless"), LegalName: new("UAB Costless"), Registration: new("305000000"),
		Jurisdiction: new(record.Code("eu-lv")), Language: new("en"), PromisedDays: new(20), Notes: new("called them"),
		Markings: map[record.Kind]string{record.AnyKind: "GDPR request"},
	})
	if err != nil {
		t.Fatal(err)
	}
	c := k.Data().Company(id)
	if c.Jurisdiction != "EU-LV" || c.LegalName != "UAB Costless" || c.PromisedDays != 20 || c.Markings["any"] != "GDPR request" || len(c.Policies) != 1 {
		t.Errorf("edited company: %+v", c)
	}
	last := k.Data().Timeline[len(k.Data().Timeline)-1]
	if last.What != string(EntryCompanyEdited) || !strings.Contains(last.Note, "law") || !strings.Contains(last.Note, "legal name") {
		t.Errorf("timeline: %+v", last)
	}
	// The letter now follows the corrected law.
	ws, err := k.WriteRequests(id, []Draft{{Kind: record.Access, Contact: -1, Date: testDay}})
	if err != nil || ws[0].Request.Law != "EU-LV" || !strings.Contains(ws[0].Letter.Text(), "UAB Costless") {
		t.Errorf("letter after the correction: %v %+v", err, ws)
	}
}

func TestContactsKeepTheirChoices(t *testing.T) {
	k, _, id := newDesk(t)
	before := k.Data().Company(id).Clone()
	access := before.Contacts[before.Use["access"]]
	if err := k.AddContact(id, record.Contact{Value: "+370 600 12345"}); err != nil {
		t.Fatal(err)
	}
	c := k.Data().Company(id)
	if got := c.Contacts[len(c.Contacts)-1]; got.Kind != record.ByPhone {
		t.Errorf("a typed phone number was stored as %s", got.Kind)
	}
	// Removing a contact before the chosen one keeps the choice on it.
	first := slices0(c.Use["access"])
	if err := k.RemoveContact(id, first); err != nil {
		t.Fatal(err)
	}
	c = k.Data().Company(id)
	if i, ok := c.Use["access"]; first != before.Use["access"] && (!ok || c.Contacts[i] != access) {
		t.Errorf("the access choice moved: %v", c.Use)
	}
	if err := k.RemoveContactValue(id, "+370 600 12345"); err != nil {
		t.Fatal(err)
	}
	if err := k.RemoveContactValue(id, "+370 600 12345"); err == nil {
		t.Error("removing a contact that is gone said nothing")
	}
}

// slices0 is the index of a contact before i, or i itself when it is the
// first.
func slices0(i int) int {
	if i > 0 {
		return 0
	}
	return i
}

func TestDuplicateCompany(t *testing.T) {
	k, _, id := newDesk(t)
	c := k.Data().Company(id).Clone()
	c.ID, c.Name = "", "Costless again"
	_, err := k.AddCompany(c, false, "again")
	var dup *DuplicateError
	if !errors.As(err, &dup) || dup.Existing.ID != id || !strings.Contains(err.Error(), id) {
		t.Fatalf("a second Costless: %v", err)
	}
	if len(k.Data().Companies) != 1 {
		t.Error("the duplicate was stored")
	}
	again, err := k.AddCompany(c, true, "again")
	if err != nil || len(k.Data().Companies) != 2 {
		t.Fatalf("added again on purpose: %v", err)
	}
	// Merging folds the second into the first, requests and all.
	ws, err := k.WriteRequests(again.ID, []Draft{{Kind: record.Access, Contact: -1, Date: testDay}})
	if err != nil {
		t.Fatal(err)
	}
	if err := k.MergeCompanies(id, again.ID); err != nil {
		t.Fatal(err)
	}
	if len(k.Data().Companies) != 1 || k.Data().Request(ws[0].Request.ID).CompanyID != id {
		t.Errorf("after the merge: %d companies, request of %s", len(k.Data().Companies), k.Data().Request(ws[0].Request.ID).CompanyID)
	}
}

func TestAddCompaniesSkipsDuplicates(t *testing.T) {
	k, _, id := newDesk(t)
	again := k.Data().Company(id).Clone()
	again.ID = ""
	cs := []record.Company{
		{Name: "One", Contacts: []record.Contact{{Kind: record.ByEmail, Value: "privacy@one.example"}}},
		again,
		{Name: "One again", Contacts: []record.Contact{{Kind: record.ByEmail, Value: "privacy@one.example"}}},
	}
	added, err := k.AddCompanies(cs, "pack")
	if err != nil || len(added) != 1 || added[0].Name != "One" || len(k.Data().Companies) != 2 {
		t.Errorf("added %+v (%v), %d companies", added, err, len(k.Data().Companies))
	}
}
