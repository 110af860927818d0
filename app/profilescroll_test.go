package app

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// TestProfileProblemScrolledTo: Save at the foot of the profile, on a
// small window, with the e-mail near the top wrong: the page scrolls back
// up to the e-mail, focuses it and says what is wrong under it (#28).
func TestProfileProblemScrolledTo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v.vault")
	newVault(t, path, nil)
	u := startedUI(t, path)
	u.win.Resize(smallWindow)
	entryAfter(t, u, "Full name").SetText("Olena Petrenko")
	email := entryAfter(t, u, "E-mail")
	email.SetText("olena@")
	var page *container.Scroll
	walk(u, func(o fyne.CanvasObject) {
		if s, ok := o.(*container.Scroll); ok && page == nil {
			if _, found := offsetIn(s.Content, email); found {
				page = s
			}
		}
	})
	if page == nil {
		t.Fatal("the profile is not a scrolled page")
	}
	page.ScrollToBottom()
	y, _ := offsetIn(page.Content, email)
	if y+email.Size().Height > page.Offset.Y && y < page.Offset.Y+page.Size().Height {
		t.Fatalf("the e-mail field shows at the bottom (y %v, offset %v, height %v): the form is too short to test", y, page.Offset.Y, page.Size().Height)
	}
	tap(t, u, "Save")
	if y < page.Offset.Y || y+email.Size().Height > page.Offset.Y+page.Size().Height {
		t.Errorf("the e-mail field at %v is not in view after Save (offset %v, height %v)", y, page.Offset.Y, page.Size().Height)
	}
	if u.win.Canvas().Focused() != email {
		t.Error("the e-mail field is not focused after Save refused it")
	}
	n := 0
	for _, s := range texts(u) {
		if s == "Write the e-mail address as name@example.com." {
			n++
		}
	}
	if n != 2 {
		t.Errorf("the problem is said %d times, want under the field and by Save", n)
	}
}
