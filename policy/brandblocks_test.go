package policy

import "testing"

// TestLowerCaseBrandUnderLabel: a small site writes its brand in lower
// case on the line under the controller label, above its street; the
// block makes it the name. A lower-case line over no street is a
// sentence, not a name. The brands and addresses are invented.
func TestLowerCaseBrandUnderLabel(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"de", "Datenschutz\n\nVerantwortliche Stelle im Sinne der Datenschutzgesetze:\nkaffeeklatsch\nLindenallee 7\n30159 Hannover\n\nFragen an info@kaffeeklatsch.example",
			"kaffeeklatsch"},
		{"en", "Privacy\n\nData controller:\nbluewren.studio\n42 Harbour Street\nBrighton BN1 1AA\n\nWrite to hello@bluewren.example",
			"bluewren.studio"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := Analyze(c.text)
			if f.Controller == nil || *f.Controller != c.want {
				t.Errorf("controller = %s, want %q", show(f.Controller), c.want)
			}
		})
	}
	f := Analyze("Datenschutz\n\nVerantwortlich:\nwir sind erreichbar\nper E-Mail an info@kaffeeklatsch.example\n")
	if f.Controller != nil {
		t.Errorf("controller = %q, want none: a sentence over no street", *f.Controller)
	}
}

// TestNameEndsSentenceUnderHeading: under a controller heading, a short
// sentence may lead with a verb to the name at its end, a brand with a
// body's head noun in lower case or a company with its legal form. A
// sentence ending in one capitalised word, or spoken as "we", names
// nobody. The names are invented.
func TestNameEndsSentenceUnderHeading(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"lt brand and head noun", "Privatumo politika\n\n2. Duomenų valdytojas\n\nDuomenis tvarko Saulėta.lt administracija. Klausimus siųskite per kontaktų formą.\n\n3. Kokius duomenis renkame\n\nEl. paštą.",
			"Saulėta.lt administracija"},
		{"lt body in sentence case", "Duomenų valdytojas\n\nDuomenis tvarko Vilniaus jaunimo centras.\n\nKontaktai: info@vjc.example",
			"Vilniaus jaunimo centras"},
		{"en company", "Privacy\n\nData controller\n\nYour data is handled by Bluewren Studio Ltd. Write to hello@bluewren.example.",
			"Bluewren Studio Ltd."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := Analyze(c.text)
			if f.Controller == nil || *f.Controller != c.want {
				t.Errorf("controller = %s, want %q", show(f.Controller), c.want)
			}
		})
	}
	for _, text := range []string{
		"Privacy\n\nData controller\n\nPlease write to Support.\n\nhello@bluewren.example",
		"Privacy\n\nData controller\n\nWe answer to Quiet Harbour.\n\nhello@bluewren.example",
	} {
		if f := Analyze(text); f.Controller != nil {
			t.Errorf("%q: controller = %q, want none", text, *f.Controller)
		}
	}
}
