package app

import (
	"path/filepath"
	"testing"
)

// Save PDF starts in the folder of the last PDF saved, kept in a
// preference of its own (not Fyne's folder shared with the policy dialog).
func TestPDFFolderRemembered(t *testing.T) {
	u := newTestUI(t, t.TempDir()+"/v.prava")
	if u.pdfFolder() != nil {
		t.Fatal("a PDF folder before any PDF was saved")
	}
	dir := t.TempDir()
	u.app.Preferences().SetString(prefPDFFolder, dir)
	got := u.pdfFolder()
	if got == nil || filepath.Clean(got.Path()) != filepath.Clean(dir) {
		t.Fatalf("PDF folder = %v, want %s", got, dir)
	}
	u.app.Preferences().SetString(prefPDFFolder, filepath.Join(dir, "gone"))
	if u.pdfFolder() != nil {
		t.Fatal("a folder that is gone is offered")
	}
}
