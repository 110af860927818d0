package app

import (
	"strings"
	"testing"

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
