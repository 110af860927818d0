package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestTimestampSetting turns timestamps on from Settings: an address that
// is not a TSA's is refused in the person's words and nothing is saved;
// an empty one means the default authority.
func TestTimestampSetting(t *testing.T) {
	u := homeUI(t, nil)
	u.home.tabs.SelectIndex(tabSettings)
	u.Settle()
	var on *widget.Check
	var saves []*widget.Button
	walk(u, func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Check:
			if strings.HasPrefix(v.Text, "Timestamp what I send") {
				on = v
			}
		case *widget.Button:
			if v.Text == "Save" {
				saves = append(saves, v)
			}
		}
	})
	if on == nil || len(saves) < 2 {
		t.Fatalf("no timestamp setting; the window shows:\n%s", strings.Join(texts(u), "\n"))
	}
	save := saves[len(saves)-1]
	test.Tap(on)
	entryAfter(t, u, "Time-stamping authority (empty: FreeTSA)").SetText("ftp://tsa.example")
	test.Tap(save)
	u.Settle()
	mustShow(t, u, "This is not a time-stamping authority's address")
	if u.data().Settings.Timestamps {
		t.Fatal("a refused address was saved")
	}
	entryAfter(t, u, "Time-stamping authority (empty: FreeTSA)").SetText("")
	test.Tap(save)
	u.Settle()
	if s := u.data().Settings; !s.Timestamps || s.TSA != "" {
		t.Fatalf("settings stored %+v", s)
	}
}
