package app

import (
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
