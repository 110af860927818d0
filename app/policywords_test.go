package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"prava/record"
)

// TestNoPolicyWordsWithoutAPolicy: for a company added from the directory,
// whose policy Prava never read, the writer and the edit page do not speak
// of "the policy"; for one added from its policy they do.
func TestNoPolicyWordsWithoutAPolicy(t *testing.T) {
	u := homeUI(t, func(d *record.Data) {
		d.Companies = []record.Company{
			{ID: "dir", Name: "Alpha", Jurisdiction: "EU-LV", Contacts: []record.Contact{{Kind: record.ByEmail, Value: "privacy@alpha.lv"}}},
			{ID: "pol", Name: "Beta", Jurisdiction: "EU-LV", Contacts: []record.Contact{{Kind: record.ByEmail, Value: "privacy@beta.lv"}},
				Policies: []record.PolicySnapshot{{Source: "https://beta.lv/privacy", Text: record.NewText("Beta is the controller.")}}},
		}
	})
	policyWords := []string{T("writer.lang_policy"), T("company.use_auto"), T("writer.contact_hint"), T("company.edit_why")}
	u.showWriter("dir")
	u.win.Resize(fyne.NewSize(1000, 3000))
	mustShow(t, u, T("writer.contact_hint_no_policy"))
	selects := func() (out []string) {
		walk(u, func(o fyne.CanvasObject) {
			if s, ok := o.(*widget.Select); ok {
				out = append(out, s.Selected)
			}
		})
		return out
	}
	if got := selects(); len(got) < 2 || got[0] != T("writer.lang_company") || got[1] != T("company.use_auto_no_policy") {
		t.Errorf("the writer's choices without a policy: %q", got)
	}
	u.showCompanyEdit("dir")
	mustShow(t, u, T("company.edit_why_no_policy"))
	for _, show := range []func(){func() { u.showWriter("dir") }, func() { u.showCompanyEdit("dir") }, func() { u.showCompany("dir") }} {
		show()
		for _, s := range policyWords {
			if shows(u, s) || slices.Contains(selects(), s) {
				t.Errorf("a company with no policy read shows %q", s)
			}
		}
	}
	u.showWriter("pol")
	mustShow(t, u, T("writer.contact_hint"))
	if got := selects(); len(got) < 2 || got[0] != T("writer.lang_policy") || got[1] != T("company.use_auto") {
		t.Errorf("the writer's choices with a policy: %q", got)
	}
}

// TestWriteButtonCountsTheLetters: the writer's button says "letter" for
// one request ticked and "letters" for more.
func TestWriteButtonCountsTheLetters(t *testing.T) {
	u := homeUI(t, func(d *record.Data) {
		d.Companies = []record.Company{{ID: "c", Name: "Alpha", Jurisdiction: "EU-LV"}}
	})
	UseLanguage("uk")
	t.Cleanup(func() { UseLanguage("en") })
	u.showWriter("c")
	button(t, u, "Написати лист")
	var erasure *widget.Check
	walk(u, func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok && c.Text == kindName(record.Erasure) {
			erasure = c
		}
	})
	test.Tap(erasure)
	button(t, u, "Написати листи")
}
