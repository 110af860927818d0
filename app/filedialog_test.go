package app

import (
	"path/filepath"
	"slices"
	"testing"
)

// TestFileDialogsInThePersonsLanguage: the file dialogs' title and the
// places at their side (Fyne's "Home", "Computer") are in the language
// chosen, in each of the languages Prava ships (#28).
func TestFileDialogsInThePersonsLanguage(t *testing.T) {
	for _, code := range Languages[1:] {
		t.Run(code, func(t *testing.T) {
			u := homeUIAt(t, filepath.Join(t.TempDir(), "v.vault"))
			UseLanguage(code)
			t.Cleanup(func() { UseLanguage("en") })
			u.showHome()
			for _, open := range []bool{false, true} {
				title := "file.save_title"
				if open {
					title = "file.open_title"
					u.chooseFile([]string{".txt"}, func(string) {})
				} else {
					u.chooseSaveFile("letter.pdf", []string{".pdf"}, func(string) {})
				}
				shown := texts(u)
				if !slices.Contains(shown, T(title)) {
					t.Errorf("%s: the title %q is not shown", title, T(title))
				}
				if !slices.Contains(shown, T("file.place.home")) {
					t.Errorf("%s: the home folder is not named %q", title, T("file.place.home"))
				}
				for _, s := range shown {
					if s == "Home" || s == "Computer" || looksEnglish(s) {
						t.Errorf("%s shows English: %q", title, s)
					}
				}
				u.win.Canvas().Overlays().Top().Hide()
				u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())
			}
		})
	}
}
