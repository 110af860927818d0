package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"prava/directory"
	"prava/policy"
	"prava/record"
)

// selectWithOption finds the visible select that offers option.
func selectWithOption(t *testing.T, u *UI, option string) *widget.Select {
	t.Helper()
	var found *widget.Select
	walk(u, func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok && found == nil {
			for _, opt := range s.Options {
				if opt == option {
					found = s
				}
			}
		}
	})
	if found == nil {
		t.Fatalf("no choice offers %q", option)
	}
	return found
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
	tap(t, u, "Write the letters")
	mustShow(t, u, "choose it with Edit on the company's page")

	u.showCompany("c")
	mustShow(t, u, "law not known")
	tap(t, u, "Edit")
	mustShow(t, u, "Correct Alpha")
	entryAfter(t, u, "Legal name (the controller)").SetText("SIA Alpha")
	entryAfter(t, u, "Marking for every request").SetText("Datu subjekta pieprasījums")
	selectWithOption(t, u, "GDPR: Latvia").SetSelected("GDPR: Latvia")
	selectWithOption(t, u, "Latvian").SetSelected("Latvian")
	tap(t, u, "Save")
	mustShow(t, u, "GDPR: Latvia")
	mustShow(t, u, "SIA Alpha")

	u.showWriter("c")
	tap(t, u, "Write the letters")
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

// TestRefusalUndoDelete: a refusal asks for its reason and leads to the
// complaint; the last event can be undone; a request written by mistake
// can be deleted; the list says a written letter is not sent.
func TestRefusalUndoDelete(t *testing.T) {
	u := homeUI(t, func(d *record.Data) {
		d.Profile = record.Profile{Name: "Olena Petrenko", Email: "olena@example.org", Country: "LV"}
		d.Companies = []record.Company{{ID: "c", Name: "Alpha", Jurisdiction: "EU-LV", Language: "lv",
			Contacts: []record.Contact{{Kind: record.ByEmail, Value: "privacy@alpha.lv"}}}}
	})
	u.showWriter("c")
	tap(t, u, "Write the letters")
	id := u.data().Requests[0].ID
	u.showCompanies()
	mustShow(t, u, "Written, not sent")

	u.showRequest(id)
	tap(t, u, "Mark sent")
	mustShow(t, u, "Undo: Sent")
	tap(t, u, "Refused")
	mustShow(t, u, "Why did the company refuse?")
	tap(t, u, "Record the refusal") // empty: the form will not submit
	if u.data().Request(id).Status == record.StatusRefused {
		t.Fatal("a refusal without a reason was recorded")
	}
	var why *widget.Entry
	walk(u, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == "Their reason in a few words: the complaint quotes it." {
			why = e
		}
	})
	if why == nil {
		t.Fatal("no field for the refusal's reason")
	}
	why.SetText("they say they hold nothing")
	tap(t, u, "Record the refusal")
	if r := u.data().Request(id); r.Status != record.StatusRefused || !strings.Contains(r.Notes, "hold nothing") {
		t.Fatalf("after the refusal: %+v", r)
	}
	mustShow(t, u, "Write the complaint")
	mustShow(t, u, "The company refused: write the complaint")
	mustShow(t, u, "Refused: ")
	mustShow(t, u, "they say they hold nothing")
	if shows(u, "0001-01-01") {
		t.Error("a zero date is shown after a refusal")
	}
	u.showCompanies()
	mustShow(t, u, "Refused · complain")

	u.showRequest(id)
	tap(t, u, "Undo: Refused")
	if r := u.data().Request(id); r.Status != record.StatusSent {
		t.Errorf("after undoing the refusal: %s", r.Status)
	}
	tap(t, u, "Delete")
	tap(t, u, "Yes")
	if len(u.data().Requests) != 0 {
		t.Error("the request was not deleted")
	}
	if d := reopen(t, u); len(d.Requests) != 0 {
		t.Error("the deletion was not saved")
	}
}

// TestEditDraftLetter: a draft's text can be changed; the PDF follows.
func TestEditDraftLetter(t *testing.T) {
	u := homeUI(t, func(d *record.Data) {
		d.Profile = record.Profile{Name: "Olena Petrenko", Email: "olena@example.org"}
		d.Companies = []record.Company{{ID: "c", Name: "Alpha", Jurisdiction: "EU-LV", Language: "en",
			Contacts: []record.Contact{{Kind: record.ByEmail, Value: "privacy@alpha.lv"}}}}
	})
	u.showWriter("c")
	tap(t, u, "Write the letters")
	id := u.data().Requests[0].ID
	pdf := u.data().Requests[0].PDF
	tap(t, u, "Edit the letter")
	var body *widget.Entry
	walk(u, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.MultiLine && strings.Contains(e.Text, "Article 15") {
			body = e
		}
	})
	if body == nil {
		t.Fatal("no letter text to edit")
	}
	body.SetText(body.Text + "\n\nMy customer number is 4711.")
	tap(t, u, "Save")
	r := u.data().Request(id)
	if !strings.Contains(r.LetterText.String(), "My customer number is 4711.") || string(r.PDF) == string(pdf) {
		t.Error("the edited text was not kept, or the PDF not written again")
	}
	mustShow(t, u, "My customer number is 4711.")
}

// TestOtherKindsAnswerAndWebForm: a rectification with its corrections,
// the reply to a refusal, and a company that takes requests only through
// its web form.
func TestOtherKindsAnswerAndWebForm(t *testing.T) {
	u := homeUI(t, func(d *record.Data) {
		d.Profile = record.Profile{Name: "Olena Petrenko", Email: "olena@example.org", Address: "Brīvības iela 1, Rīga, LV-1010", Country: "LV"}
		d.Companies = []record.Company{
			{ID: "c", Name: "Alpha", Jurisdiction: "EU-LV", Language: "en", Contacts: []record.Contact{{Kind: record.ByEmail, Value: "privacy@alpha.lv"}}},
			{ID: "f", Name: "Formula", Jurisdiction: "EU-LV", Language: "en", Contacts: []record.Contact{{Kind: record.ByWebForm, Value: "https://formula.example/privacy"}}},
		}
	})
	u.showWriter("c")
	check := func(label string) {
		walk(u, func(o fyne.CanvasObject) {
			if c, ok := o.(*widget.Check); ok && c.Text == label {
				c.SetChecked(!c.Checked)
			}
		})
	}
	check("Rectification")
	tap(t, u, "Write the letters")
	mustShow(t, u, "Say what to correct")
	var corrections *widget.Entry
	walk(u, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && strings.HasPrefix(e.PlaceHolder, "One a line") {
			corrections = e
		}
	})
	corrections.SetText("my address is wrong")
	tap(t, u, "Write the letters")
	mustShow(t, u, "is not a correction")
	corrections.SetText("address = Brīvības iela 1, Rīga")
	tap(t, u, "Write the letters")
	if n := len(u.data().Requests); n != 2 {
		t.Fatalf("%d requests written, want access and rectification", n)
	}
	var access string
	for _, r := range u.data().Requests {
		if r.Kind == "rectification" && !strings.Contains(r.LetterText.String(), "Brīvības iela 1, Rīga") {
			t.Error("the rectification lacks the correction")
		}
		if r.Kind == "access" {
			access = r.ID
		}
	}
	u.showRequest(access)
	tap(t, u, "Mark sent")
	entryAfter(t, u, "What the company answered").SetText("send us your passport")
	tap(t, u, "Reply received")
	tap(t, u, "Answer the refusal…")
	tap(t, u, "Write the reply")
	mustShow(t, u, "Reply to a refusal · Alpha")

	u.showWriter("f")
	tap(t, u, "Write the letters")
	mustShow(t, u, "Open the form")
	mustShow(t, u, "takes requests only through its web form")
	var form record.Request
	for _, r := range u.data().Requests {
		if r.CompanyID == "f" {
			form = r
		}
	}
	if form.Channel != "web form" || form.Contact != "https://formula.example/privacy" {
		t.Errorf("the web-form request: %+v", form)
	}
}

// TestKeysAndUnsavedChanges: Esc goes back, Enter in the search opens the
// company found, and quitting with a form half-typed asks first.
func TestKeysAndUnsavedChanges(t *testing.T) {
	u := homeUI(t, func(d *record.Data) {
		d.Companies = []record.Company{{ID: "a", Name: "Alpha", Jurisdiction: "EU-LV"}, {ID: "b", Name: "Beta", Jurisdiction: "UA"}}
	})
	u.home.companies.search.SetText("bet")
	u.home.companies.search.OnSubmitted("bet")
	mustShow(t, u, "Write a request…")
	mustShow(t, u, "Beta")
	u.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	mustShow(t, u, "Companies shown: 1 of 2")

	u.showCompanyEdit("a")
	entryAfter(t, u, "Name").SetText("Alpha Ltd")
	u.closeRequested()
	mustShow(t, u, "Quit without saving?")
	tap(t, u, "No")
	tap(t, u, "Save")
	if u.unsaved {
		t.Error("a saved form still counts as unsaved")
	}
	// A review is all unsaved: quitting asks before it is thrown away.
	addPasted(t, u, seed(t, "003_667823663de3ed12.txt"))
	u.closeRequested()
	mustShow(t, u, "Quit without saving?")
	tap(t, u, "No")
	// Back from a form with a typed paragraph asks too.
	u.showWriter("a")
	entryAfter(t, u, "A paragraph of your own (optional)").SetText("my account: alpha-1")
	tap(t, u, "Back")
	mustShow(t, u, "Leave without saving?")
	tap(t, u, "Yes")
	mustShow(t, u, "Write a request…")
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

// TestProfileChecksPhoneAndName: a phone that is not one, or a name that
// is a paste gone wrong, is refused and nothing is stored.
func TestProfileChecksPhoneAndName(t *testing.T) {
	u := homeUI(t, nil)
	u.home.tabs.SelectIndex(tabProfile)
	before := u.data().Profile
	entryAfter(t, u, "Phone").SetText("call me")
	tap(t, u, "Save")
	mustShow(t, u, "This is not a phone number")
	entryAfter(t, u, "Phone").SetText("+380 44 123 4567")
	entryAfter(t, u, "Full name").SetText(strings.Repeat("Olena ", 50))
	tap(t, u, "Save")
	mustShow(t, u, "This is too long for a name")
	if u.data().Profile != before {
		t.Error("a refused profile was stored")
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
	tap(t, u, "Write the letters")
	if len(u.data().Requests) != 1 || !strings.Contains(u.data().Requests[0].LetterText.String(), "4711") {
		t.Error("the letter does not carry the detail filled in")
	}
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
