package policy

import "testing"

// TestNameKey checks both of nameKey's paths: ASCII names read byte by
// byte, the rest decomposed with their marks dropped; the same name must
// give the same key either way.
func TestNameKey(t *testing.T) {
	cases := map[string]string{
		"Acme Ltd.":           "acmeltd",
		"ACME-Bombay 24 GmbH": "acmebombay24gmbh",
		"SIA “Rīgas Ūdens”":   "siarigasudens",
		"SIA \"Rigas Udens\"": "siarigasudens",
		"ООО «Север»":         "ооосевер",
		"":                    "",
		" .,;":                "",
	}
	for name, want := range cases {
		if got := nameKey(name); got != want {
			t.Errorf("nameKey(%q) = %q, want %q", name, got, want)
		}
	}
}
