package app

import (
	"strings"
	"testing"
)

// TestProfileChecksPhoneAndName: a phone that is not one, or a name that
// is a paste gone wrong, is refused and nothing is stored.
func TestProfileChecksPhoneAndName(t *testing.T) {
	u := homeUI(t, nil)
	u.home.tabs.SelectIndex(tabProfile)
	before := u.data().Profile
	entryAfter(t, u, "Phone").SetText("call me")
	tap(t, u, "Save")
	mustShow(t, u, "This is not a phone number")
	entryAfter(t, u, "Phone").SetText("+380 44 123 4567")
	entryAfter(t, u, "Full name").SetText(strings.Repeat("Olena ", 50))
	tap(t, u, "Save")
	mustShow(t, u, "This is too long for a name")
	if u.data().Profile != before {
		t.Error("a refused profile was stored")
	}
}
