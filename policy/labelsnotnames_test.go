package policy

import "testing"

// TestLabelsAreNotNames: a heading that names the role and a form's
// required fields ("Name *") stand where a name would, under a role
// heading; neither is a party (issue 22: "a section heading, a table
// header or a form label taken as the name"). The texts are invented.
func TestLabelsAreNotNames(t *testing.T) {
	cases := []struct{ name, text string }{
		{"uk role heading, then a form", "Політика конфіденційності\n\n3.1. Володілець\n\nВолоділець персональних даних\n\nНазва *\nEmail *\n\nПишіть нам: info@zelenyi-kit.ua"},
		{"en role heading, then a form", "Privacy\n\nData controller\n\nName *\nEmail *\nMessage\n\nWrite to us: hello@quietharbour.example"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := Analyze(c.text)
			if f.Controller != nil {
				t.Errorf("controller = %q, want none", *f.Controller)
			}
		})
	}
	// The real name under the same labels is still read.
	f := Analyze("Datenschutz\n\nName *\n\nVerantwortliche Stelle:\nPraxis Dr. Jens Köhler\nLindenweg 8\n34117 Kassel")
	if f.Controller == nil || *f.Controller != "Praxis Dr. Jens Köhler" {
		t.Errorf("controller = %s, want Praxis Dr. Jens Köhler", show(f.Controller))
	}
	if !contains(f.Addresses, "Lindenweg 8, 34117 Kassel") {
		t.Errorf("addresses = %q: the title Dr. is no street", f.Addresses)
	}
	if f.Jurisdiction != "EU-DE" {
		t.Errorf("jurisdiction = %s, want EU-DE from the German street and postcode", f.Jurisdiction)
	}
}

// TestStreetsAreNotParties: the street that begins an address after a role
// word ("Duomenų valdytojui raštu paštu: Kauno g. 3A-104") is no party; it
// was read as the controller's brand and as a further controller (lt_nordgsm).
// The text is invented on its pattern.
func TestStreetsAreNotParties(t *testing.T) {
	text := "Privatumo politika\n\nDuomenų valdytojas – UAB „Žalias Kelias“, įmonės kodas 305123456, Kauno g. 12-4, LT-01314 Vilnius, el. paštas info@zaliaskelias.lt.\n\n" +
		"Duomenų subjektas turi teisę pateikti Duomenų valdytojui raštu paštu: Kauno g. 12-4, Vilnius Duomenų valdytojas gavęs tokį prašymą ne vėliau kaip per vieną mėnesį pateikia atsakymą.\n"
	f := Analyze(text)
	if f.Controller == nil || *f.Controller != "UAB „Žalias Kelias“" {
		t.Errorf("controller = %s, want UAB „Žalias Kelias“", show(f.Controller))
	}
	if f.Brand != nil {
		t.Errorf("brand = %q, want none", *f.Brand)
	}
	for _, p := range f.Alternatives {
		if p.Name == "Kauno" {
			t.Errorf("the street is a party: %+v", p)
		}
	}
	if len(f.OtherControllers) > 0 {
		t.Errorf("other controllers = %q, want none", f.OtherControllers)
	}
}
