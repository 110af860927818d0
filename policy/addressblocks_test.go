package policy

import "testing"

// TestUnlabelledAddressBlocks reads the addresses issue 22 saw missed on
// unseen policies: a British block one part a line with the town alone on
// its line (and a county after it), Czech registry forms with a "NNN NN
// Town N" postcode and a street that has no street word, a street word of
// British usage, postcodes with a country prefix (D-, A-), an Estonian
// registry form with "linn", a labelled town with its country. The
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
		{"uk block, town and county alone", "Contact us\n\nQuillstone Books Ltd\n12 Mill Lane\nTaunton\nSomerset\nTA1 2PX\nUnited Kingdom",
			"12 Mill Lane, Taunton, Somerset, TA1 2PX, United Kingdom"},
		{"uk business park, town and county", "Contact us\n\nQuillstone Books Ltd\nUnit 4, Riverside Business Park\nTaunton\nSomerset\nTA1 2PX\nUnited Kingdom",
			"Unit 4, Riverside Business Park, Taunton, Somerset, TA1 2PX, United Kingdom"},
		{"de country-prefixed postcode", "Impressum\n\nKleiner Garten Verlag UG (haftungsbeschränkt)\nAm Kirchplatz 3a\nD-04109 Leipzig\n\nE-Mail: kontakt@kleinergarten.example",
			"Am Kirchplatz 3a, D-04109 Leipzig"},
		{"at country-prefixed postcode", "Verantwortlich: Bergblick Reisen GmbH, Praterstraße 9, A-1020 Wien.",
			"Praterstraße 9, A-1020 Wien"},
		{"et registry form, town with linn", "Vastutav töötleja: Kuusk ja Kask OÜ, registrikood 12999999, Tartu maakond, Tartu linn, Riia tn 15, 51010",
			"Tartu maakond, Tartu linn, Riia tn 15, 51010"},
		{"ua labelled town only", "Володілець персональних даних — ТОВ «Ясна Зоря», код ЄДРПОУ 43210987. Адреса: м. Київ, Україна. Email: info@yasnazorya.ua",
			"м. Київ, Україна"},
		{"uk town and region after the register code", "Володілець персональних даних — ТОВ «Ясна Зоря», код ЄДРПОУ 43210987, м. Житомир, Житомирська обл. (далі — Товариство).",
			"м. Житомир, Житомирська обл."},
		{"ru town and country after the register code", "Оператор: ТОО «Жёлтый Парус», БИН 200140098765, г. Караганда, Казахстан. Email: hello@zheltyparus.example",
			"г. Караганда, Казахстан"},
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

// TestStreetAndTownBlock: a block of a street and a town, each on its own
// line, with no postcode, is an address when the town ends the block; a
// capitalised line with more lines after it is not taken for a town.
func TestStreetAndTownBlock(t *testing.T) {
	f := Analyze("Verantwortlich:\nkaffeeklatsch\nLindenallee 7\nBad Nenndorf\n\nE-Mail: info@kaffeeklatsch.example")
	if !contains(f.Addresses, "Lindenallee 7, Bad Nenndorf") {
		t.Errorf("addresses = %q, want the street and the town", f.Addresses)
	}
	f = Analyze("Kontakt:\nLindenallee 7\nMaria Sommer\nTelefon 0511 123456\n\nE-Mail: info@kaffeeklatsch.example")
	for _, a := range f.Addresses {
		if a == "Lindenallee 7, Maria Sommer" {
			t.Errorf("addresses = %q: a person's line is no town", f.Addresses)
		}
	}
}

// TestDottedLegalFormNotInAddress: the "a." of "S.A." and the "r." of
// "s.r.o." are no street abbreviations, so the company written before its
// address on one line stays out of the address.
func TestDottedLegalFormNotInAddress(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"The controller is Helios Travel S.A., Ermou 10, 105 63 Athens. Contact: privacy@helios.example", "Ermou 10, 105 63 Athens"},
		{"Správcem je Modrá Louka s.r.o., Husova 12, 110 00 Praha 1. E-mail: info@louka.example", "Husova 12, 110 00 Praha 1"},
	} {
		f := Analyze(c.text)
		if !contains(f.Addresses, c.want) {
			t.Errorf("addresses = %q, want %q without the company's name", f.Addresses, c.want)
		}
	}
	// An abbreviation standing on its own still counts.
	for _, c := range []struct {
		lower string
		p     int
		want  bool
	}{{"s.a.", 2, false}, {"s.r.o", 2, false}, {"a. gatvė", 0, true}, {"nr. 5 a. kalna", 6, true}} {
		if got := wordAt(c.lower, c.p, c.lower[c.p:c.p+2]); got != c.want {
			t.Errorf("wordAt(%q, %d) = %v, want %v", c.lower, c.p, got, c.want)
		}
	}
}
