package app

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	fynestorage "fyne.io/fyne/v2/storage"
)

// prefPDFFolder is the folder the last PDF was saved to. Fyne's dialogs
// share one remembered folder, so without it "Save PDF" opened where the
// last policy file was read from.
const prefPDFFolder = "pdf.folder"

// choosePDFFile asks where to save a letter's PDF, starting in the folder
// of the last PDF saved, and remembers the folder chosen.
func (u *UI) choosePDFFile(name string, then func(path string)) {
	u.chooseSaveFileIn(name, []string{".pdf"}, u.pdfFolder(), func(path string) {
		u.app.Preferences().SetString(prefPDFFolder, filepath.Dir(path))
		then(path)
	})
}

// pdfFolder is the remembered PDF folder, nil when none is kept or it is
// gone (the dialog then starts where Fyne would).
func (u *UI) pdfFolder() fyne.ListableURI {
	dir := u.app.Preferences().String(prefPDFFolder)
	if dir == "" {
		return nil
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil
	}
	l, err := fynestorage.ListerForURI(fynestorage.NewFileURI(dir))
	if err != nil {
		return nil
	}
	return l
}
