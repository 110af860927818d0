package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestMainWindowShowsWelcome(t *testing.T) {
	LoadTranslations()
	a := test.NewTempApp(t)
	w := NewMainWindow(a)
	defer w.Close()
	if w.Title() != "Prava" {
		t.Errorf("title = %q", w.Title())
	}
	var texts []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			texts = append(texts, v.Text)
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		}
	}
	walk(w.Content())
	want := lang.L("welcome.heading")
	if want == "welcome.heading" {
		t.Fatal("translations were not loaded")
	}
	found := false
	for _, s := range texts {
		found = found || s == want
	}
	if !found {
		t.Errorf("window shows %q, not the heading %q", texts, want)
	}
}

// TestTranslationsComplete makes sure every language has every key the
// English file has, so no screen falls back to a raw key.
func TestTranslationsComplete(t *testing.T) {
	keys := translationKeys(t, "en")
	for _, code := range []string{"uk", "ru", "lv", "lt"} {
		other := translationKeys(t, code)
		for k := range keys {
			if other[k] == "" {
				t.Errorf("%s.json lacks %q", code, k)
			}
		}
	}
}
