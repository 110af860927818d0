package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"prava/record"
)

// entitiesUI is a UI on the Edit page of a brand with two legal entities.
func entitiesUI(t *testing.T) *UI {
	t.Helper()
	u := homeUI(t, func(d *record.Data) {
		d.Companies = []record.Company{{ID: "c", Name: "Alpha", Jurisdiction: "EU-LV",
			LegalEntities: []string{"Alpha Holdings Ltd", "Alpha Services SIA"}}}
	})
	u.showCompanyEdit("c")
	return u
}

// removeBeside is the button in the row that shows text: the one that
// removes it.
func removeBeside(t *testing.T, u *UI, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(u, func(o fyne.CanvasObject) {
		c, ok := o.(*fyne.Container)
		if !ok || found != nil {
			return
		}
		var shown bool
		var b *widget.Button
		for _, child := range c.Objects {
			switch v := child.(type) {
			case *widget.Label:
				shown = shown || v.Text == text
			case *widget.Button:
				b = v
			}
		}
		if shown && b != nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no row %q with a button; the window shows:\n%s", text, strings.Join(texts(u), "\n"))
	}
	return found
}

// listed tells whether a label shows name, as the list of entities does
// (the line a name is typed in is no label).
func listed(u *UI, name string) bool {
	found := false
	walk(u, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text == name {
			found = true
		}
	})
	return found
}

// TestEditLegalEntities: the Edit page shows the entities stored, and
// what the person removes and adds is what Save stores, in order; the
// company's page then addresses the new list.
func TestEditLegalEntities(t *testing.T) {
	u := entitiesUI(t)
	mustShow(t, u, "Alpha Holdings Ltd")
	mustShow(t, u, "Alpha Services SIA")
	test.Tap(removeBeside(t, u, "Alpha Holdings Ltd"))
	u.Settle()
	if listed(u, "Alpha Holdings Ltd") {
		t.Fatal("a removed entity still shows")
	}
	if !u.unsaved {
		t.Error("a removed entity is not an unsaved change")
	}
	entryAfter(t, u, "Legal entities").SetText("  Alpha Baltic UAB ")
	tap(t, u, "Add")
	mustShow(t, u, "Alpha Baltic UAB")
	if got := entryAfter(t, u, "Legal entities").Text; got != "" {
		t.Errorf("the line keeps %q after the name was added", got)
	}
	if got := u.data().Companies[0].LegalEntities; len(got) != 2 || got[0] != "Alpha Holdings Ltd" {
		t.Fatalf("stored %q before Save", got)
	}
	tap(t, u, "Save")
	mustShow(t, u, "Operated by Alpha Services SIA; Alpha Baltic UAB")
	want := []string{"Alpha Services SIA", "Alpha Baltic UAB"}
	if got := reopen(t, u).Companies[0].LegalEntities; !slices.Equal(got, want) {
		t.Fatalf("stored %q, want %q", got, want)
	}
}

// TestEditClearsLegalEntities: removing every entity says there are none
// and Save clears the stored list.
func TestEditClearsLegalEntities(t *testing.T) {
	u := entitiesUI(t)
	test.Tap(removeBeside(t, u, "Alpha Holdings Ltd"))
	test.Tap(removeBeside(t, u, "Alpha Services SIA"))
	u.Settle()
	mustShow(t, u, T("company.entities_none"))
	tap(t, u, "Save")
	if got := reopen(t, u).Companies[0].LegalEntities; len(got) != 0 {
		t.Fatalf("stored %q after every entity was removed", got)
	}
}

// TestEditSavesTypedEntity: a name typed but not added with its button is
// stored by Save, as the page shows it.
func TestEditSavesTypedEntity(t *testing.T) {
	u := entitiesUI(t)
	entryAfter(t, u, "Legal entities").SetText("Alpha Baltic UAB")
	tap(t, u, "Save")
	want := []string{"Alpha Holdings Ltd", "Alpha Services SIA", "Alpha Baltic UAB"}
	if got := reopen(t, u).Companies[0].LegalEntities; !slices.Equal(got, want) {
		t.Fatalf("stored %q, want %q", got, want)
	}
}

// TestEditRefusesBadEntity: a name the desk's check refuses (too long, a
// control character, one too many, twice) is not added, the reason shows
// under it in the person's words, and nothing stored changes, on Add and
// on Save alike.
func TestEditRefusesBadEntity(t *testing.T) {
	u := entitiesUI(t)
	line := entryAfter(t, u, "Legal entities")
	for _, c := range []struct{ name, says string }{
		{strings.Repeat("A", 201), T("problem.legal_entities.too_long")},
		{"Alpha\tLtd", T("problem.legal_entities.too_long")},
		{"Alpha Services SIA", T("company.entity_twice")},
	} {
		line.SetText(c.name)
		tap(t, u, "Add")
		mustShow(t, u, c.says)
		if got := line.Text; got != c.name {
			t.Errorf("the refused name %q became %q in its line", c.name, got)
		}
	}
	line.SetText("")
	for i := range 18 {
		line.SetText("Alpha " + string(rune('A'+i)))
		tap(t, u, "Add")
	}
	line.SetText("Alpha Twenty-first")
	tap(t, u, "Add")
	mustShow(t, u, T("problem.legal_entities.too_many"))
	if listed(u, "Alpha Twenty-first") {
		t.Error("a 21st entity shows in the list")
	}
	// Saved with the bad name still typed, the page is refused as a whole.
	u.showCompanyEdit("c")
	entryAfter(t, u, "Name").SetText("Alpha Group")
	entryAfter(t, u, "Legal entities").SetText("Alpha\x07Ltd")
	tap(t, u, "Save")
	mustShow(t, u, T("problem.legal_entities.too_long"))
	got := reopen(t, u).Companies[0]
	if got.Name != "Alpha" || !slices.Equal(got.LegalEntities, []string{"Alpha Holdings Ltd", "Alpha Services SIA"}) {
		t.Fatalf("a refused edit stored %q with %q", got.Name, got.LegalEntities)
	}
}

// TestEnterAddsEntity: Enter in the line adds the name typed, as the
// Add button does.
func TestEnterAddsEntity(t *testing.T) {
	u := entitiesUI(t)
	line := entryAfter(t, u, "Legal entities")
	line.SetText("Alpha Baltic UAB")
	line.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	u.Settle()
	if !listed(u, "Alpha Baltic UAB") || line.Text != "" {
		t.Errorf("after Enter the list shows the name: %v, the line holds %q", listed(u, "Alpha Baltic UAB"), line.Text)
	}
}
