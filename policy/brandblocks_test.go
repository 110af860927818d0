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
