package app

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
)

// "No requests" is ordinary text, not the low-contrast colour.
func TestNoRequestsReadable(t *testing.T) {
	if _, imp := stateText(casework.State{}); imp == widget.LowImportance {
		t.Fatal("'No requests' uses the low-contrast importance")
	}
}

// A review of a policy where the reader found no name has a heading that
// does not end in an empty name.
func TestReviewHeadingWithoutName(t *testing.T) {
	UseLanguage("en")
	for _, name := range []string{"", "  "} {
		h := reviewHeading(name)
		if h == "" || strings.HasSuffix(strings.TrimSpace(h), ":") {
			t.Fatalf("heading for %q = %q", name, h)
		}
	}
	if h := reviewHeading("Acme"); !strings.Contains(h, "Acme") {
		t.Fatalf("heading for Acme = %q", h)
	}
}

// The empty Deadlines page's text is a readable column, not a narrow strip.
func TestEmptyBoardTextIsAColumn(t *testing.T) {
	v := filepath.Join(t.TempDir(), "v.prava")
	newVault(t, v, nil)
	u := startedUI(t, v)
	board := u.boardView()
	w := test.NewWindow(board)
	defer w.Close()
	w.Resize(fyne.NewSize(1280, 800))
	var hint *widget.Label
	var find func(o fyne.CanvasObject)
	find = func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text == T("board.empty_hint") {
			hint = l
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, k := range c.Objects {
				find(k)
			}
		}
	}
	find(board)
	if hint == nil {
		t.Fatal("no empty-board hint shown")
	}
	if wd := hint.Size().Width; wd < 400 {
		t.Fatalf("empty-board hint is %v wide, want a column of about 460", wd)
	}
}
