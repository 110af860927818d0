package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"prava/record"
)

// TestUndoIsNotCancel: the request's Undo button does not use the word
// of the Cancel buttons, in any language: "Скасувати: Надіслано" read as
// cancelling the letter.
func TestUndoIsNotCancel(t *testing.T) {
	t.Cleanup(func() { UseLanguage("en") })
	for _, code := range Languages {
		UseLanguage(code)
		// The undo's verb is another word than Cancel's ("Скасувати" was
		// both in uk); ru "Отменить" beside "Отмена" is the usual pair.
		undo := T("request.undo", args("Event", T("history.sent")))
		verb := strings.TrimRight(strings.Fields(undo)[0], ":")
		if strings.EqualFold(verb, T("common.cancel")) {
			t.Errorf("%s: %q begins with the word of Cancel, %q", code, undo, T("common.cancel"))
		}
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
	tap(t, u, "Write the letter")
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
	tap(t, u, "Write the letter")
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
	tap(t, u, "Write the letter")
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
