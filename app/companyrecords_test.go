package app

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"prava/policy"
	"prava/record"
)

// TestDuplicateCompanyIsOffered: the same policy added twice offers the
// company already kept, or a second one on purpose.
func TestDuplicateCompanyIsOffered(t *testing.T) {
	u := homeUI(t, nil)
	addPasted(t, u, seed(t, "003_667823663de3ed12.txt"))
	tap(t, u, "Save company")
	addPasted(t, u, seed(t, "003_667823663de3ed12.txt"))
	tap(t, u, "Save company")
	mustShow(t, u, "Costless Ukraine, LLC is already among your companies.")
	tap(t, u, "Open it")
	if len(u.data().Companies) != 1 {
		t.Fatalf("%d companies after opening the one kept", len(u.data().Companies))
	}
	mustShow(t, u, "Write a request…")
	addPasted(t, u, seed(t, "003_667823663de3ed12.txt"))
	tap(t, u, "Save company")
	tap(t, u, "Add it again")
	if len(u.data().Companies) != 2 {
		t.Errorf("%d companies after adding again on purpose", len(u.data().Companies))
	}
}

// TestReviewOffersTheOtherNamedParties: the review lists the other names
// the policy gives, with their roles, and one click makes one of them the
// legal name.
func TestReviewOffersTheOtherNamedParties(t *testing.T) {
	u := homeUI(t, nil)
	addPasted(t, u, seed(t, "001_a66e4632f88529cc.txt")) // NETRACK names other companies too
	mustShow(t, u, "The policy also names these")
	var alt *widget.Button
	walk(u, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && strings.Contains(b.Text, " — ") && alt == nil {
			alt = b
		}
	})
	if alt == nil {
		t.Fatal("no other party offered")
	}
	name, _, _ := strings.Cut(alt.Text, " — ")
	tap(t, u, alt.Text)
	if got := entryAfter(t, u, "Legal name (the controller)").Text; got != name {
		t.Errorf("the legal name is %q after choosing %q", got, name)
	}
}

// TestMergeAndRecheckPasted: two records of one company become one, with
// the requests of both; a policy that was pasted is re-checked by pasting
// it again.
func TestMergeAndRecheckPasted(t *testing.T) {
	u := homeUI(t, func(d *record.Data) {
		d.Companies = []record.Company{
			{ID: "a", Name: "Alpha", Jurisdiction: "EU-LV", Contacts: []record.Contact{{Kind: record.ByEmail, Value: "privacy@alpha.lv"}}},
			{ID: "b", Name: "Alpha again", Jurisdiction: "EU-LV", Contacts: []record.Contact{{Kind: record.ByEmail, Value: "dpo@alpha.lv"}}},
		}
		d.Requests = []record.Request{{ID: "r", CompanyID: "b", Kind: "access", Law: "EU-LV", Status: record.StatusDraft}}
	})
	u.showCompany("a")
	tap(t, u, "Merge…")
	selectWithOption(t, u, "Alpha again · GDPR: Latvia").SetSelected("Alpha again · GDPR: Latvia")
	tap(t, u, "Merge")
	if len(u.data().Companies) != 1 || u.data().Request("r").CompanyID != "a" || len(u.data().Company("a").Contacts) != 2 {
		t.Fatalf("after the merge: %+v", u.data().Companies)
	}

	u.showCompany("a")
	tap(t, u, "Re-check policy")
	var pasted *widget.Entry
	walk(u, func(o fyne.CanvasObject) {
		if e, ok := o.(*pasteEntry); ok && strings.Contains(e.PlaceHolder, "paste the policy") {
			pasted = &e.Entry
		}
	})
	if pasted == nil {
		t.Fatal("no field to paste the policy again")
	}
	pasted.SetText(seed(t, "003_667823663de3ed12.txt"))
	tap(t, u, "Read")
	mustShow(t, u, "data.controller@costless.com.ua")
}

// TestPacksAndDirectoryDifferences: an empty list suggests packs, one
// click adds a pack's companies; re-checking a directory company against
// its policy shows where the two disagree.
func TestPacksAndDirectoryDifferences(t *testing.T) {
	u := homeUI(t, nil)
	u.showCompanies()
	mustShow(t, u, "A way to start")
	var add *widget.Button
	walk(u, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, "Add these ") && add == nil {
			add = b
		}
	})
	if add == nil {
		t.Fatal("no pack offered")
	}
	tap(t, u, add.Text)
	n := len(u.data().Companies)
	if n < 2 {
		t.Fatalf("the pack added %d companies", n)
	}
	var google string
	for _, c := range u.data().Companies {
		if c.Name == "Google LLC" {
			google = c.ID
		}
	}
	if google == "" {
		t.Skip("the first pack has no Google")
	}
	text := "Privacy Policy. Google LLC, 1600 Amphitheatre Parkway, Mountain View, CA 94043, USA. Write to privacy-questions@google.com."
	u.showChanges(google, policy.Source{Decoded: policy.Decoded{Text: text}, Location: "pasted", RetrievedAt: today}, policy.Analyze(text))
	mustShow(t, u, "The directory and the policy disagree")
	mustShow(t, u, "E-mail: the directory says “data-access-requests@google.com”")
}

// TestCompanyPageNamesAnotherControllersAddress: the address the policy
// gives beside another controller (seed 003's Sannacode) says whose it is
// and that letters are copied to it, in the person's language.
func TestCompanyPageNamesAnotherControllersAddress(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v.vault")
	newVault(t, path, func(d *record.Data) {
		d.Companies = append(d.Companies, record.Company{ID: "costless", Name: "Costless Ukraine, LLC", Jurisdiction: "EU-LT",
			Contacts: []record.Contact{{Kind: record.ByEmail, Value: "mail@costless.com.ua"},
				{Kind: record.ByEmail, Value: "data.controller@costless.com.ua", Label: "controller", Entity: "Sannacode"}}})
	})
	u := startedUI(t, path)
	UseLanguage("lt")
	t.Cleanup(func() { UseLanguage("en") })
	u.showCompany("costless")
	mustShow(t, u, "data.controller@costless.com.ua — Sannacode (taip pat duomenų valdytojo) adresas; laiškų kopijos siunčiamos šiuo adresu")
	mustShow(t, u, "mail@costless.com.ua")
}
