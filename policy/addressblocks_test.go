package policy

import "testing"

// TestUnlabelledAddressBlocks reads the addresses issue 22 saw missed on
// unseen policies: a British block one part a line with the town alone on
// its line, Czech registry forms with a "NNN NN Town N" postcode and a
// street that has no street word, a street word of British usage. The
// companies and addresses are invented.
func TestUnlabelledAddressBlocks(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"uk block, town on its own line", "Privacy Policy\n\nWho we are\n\nHarbour Lantern Ltd\n14 Quayside Row\nWhitby\nYO21 3PZ\n\nWe are the controller of your personal data. Email privacy@harbourlantern.co.uk.",
			"14 Quayside Row, Whitby, YO21 3PZ"},
		{"uk block, crescent", "Contact us\n\nAmberleaf Tutors Ltd\n7 Holloway Crescent\nNorwich NR3 1QT\n\nprivacy@amberleaf.co.uk",
			"7 Holloway Crescent, Norwich NR3 1QT"},
		{"cz registry, district", "Správcem osobních údajů je Modrý Pták s.r.o., IČO 12345678, se sídlem Vinohradská 1511/230, Strašnice, 100 00 Praha 10.",
			"Vinohradská 1511/230, Strašnice, 100 00 Praha 10"},
		{"cz spolek", "Správcem údajů je Spolek Lesní Studánka, IČO 22334455, Husova 12, 110 00 Praha 1. E-mail: info@lesnistudanka.cz",
			"Husova 12, 110 00 Praha 1"},
		{"sk town after postcode", "Prevádzkovateľ: Horský Potok s.r.o., IČO 55667788, Hlavná 8, 040 01 Košice, Slovensko.",
			"Hlavná 8, 040 01 Košice, Slovensko"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := Analyze(c.text)
			if !contains(f.Addresses, c.want) {
				t.Errorf("addresses = %q, want %q", f.Addresses, c.want)
			}
		})
	}
}

// TestTownBeforeNameIsNoAddress: a bare name before a postcode is the
// company's, unless a street stands before it; the block's first line,
// the name, stays out of the address.
func TestTownBeforeNameIsNoAddress(t *testing.T) {
	f := Analyze("Contact\n\nHarbour Lantern Ltd\nWhitby YO21 3PZ\n")
	for _, a := range f.Addresses {
		if a != "Whitby YO21 3PZ" && a != "" {
			t.Errorf("address %q takes in the name", a)
		}
	}
}
