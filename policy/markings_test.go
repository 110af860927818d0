package policy

import "testing"

// TestMarkingsInTextOrder: a page in two languages asks for a subject in
// each; the first the text gives is the one meant, whichever language's
// cue a list happens to hold first. The shop is invented.
func TestMarkingsInTextOrder(t *testing.T) {
	text := "Datenschutzerklärung\n\nFragen zum Datenschutz senden Sie bitte an kontakt@kleinladen.example mit dem Betreff „Datenschutzanfrage“.\n\n" +
		"Privacy policy\n\nPlease send questions to kontakt@kleinladen.example with the subject \"Privacy question\".\n"
	f := Analyze(text)
	if f.Markings.Any == nil || *f.Markings.Any != "Datenschutzanfrage" {
		t.Errorf("markings.any = %s, want %q", show(f.Markings.Any), "Datenschutzanfrage")
	}
}
