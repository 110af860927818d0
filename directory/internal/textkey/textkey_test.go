package textkey

import "testing"

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Müller GmbH & Co. KG": "muller gmbh co kg",
		"MULLER":               "muller",
		"Straße":               "strasse",
		"Société Générale":     "societe generale",
		"McDonald's":           "mcdonalds",
		"Booking.com B.V.":     "booking com b v",
		"  Google+  ":          "google",
		"Łódź Ørsted Æther":    "lodz orsted aether",
		"ПриватБанк":           "приватбанк",
		"Tele2 (Latvija), SIA": "tele2 latvija sia",
		"":                     "",
		"---":                  "",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHost(t *testing.T) {
	for in, want := range map[string]string{
		"https://www.Google.com/maps": "google.com",
		"booking.com":                 "booking.com",
		"http://sub.example.org:8080": "sub.example.org",
		"":                            "",
	} {
		if got := Host(in); got != want {
			t.Errorf("Host(%q) = %q, want %q", in, got, want)
		}
	}
	if got := EmailHost("DPO@Booking.com"); got != "booking.com" {
		t.Errorf("EmailHost = %q", got)
	}
	if got := EmailHost("no address"); got != "" {
		t.Errorf("EmailHost of no address = %q", got)
	}
}
