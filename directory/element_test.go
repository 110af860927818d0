package directory

import "testing"

func TestProfileField(t *testing.T) {
	for _, tt := range []struct {
		desc, typ, want string
	}{
		{"Name", "name", FieldName},
		{"Email", "name", FieldEmail}, // the record's type is wrong; the description is right
		{"E-Mail-Adresse", "input", FieldEmail},
		{"Adresse", "address", FieldAddress},
		{"Geburtsdatum", "birthdate", FieldBirthDate},
		{"Geburtsort", "input", ""},
		{"Vorherige Adresse(n)", "address", ""},
		{"Kundennummer", "input", FieldCustomerRef},
		{"IKEA Family Number", "input", ""},
		{"Customer number (N° Client) of the KorriGo card (if holder)", "input", FieldCustomerRef},
		{"Telefonnummer", "input", FieldPhone},
		{"Username", "name", ""},
		{"Nom", "name", FieldName},
		{"Fahrzeugidentifikationsnummer (FIN)", "input", ""},
	} {
		if got := (Element{Desc: tt.desc, Type: tt.typ}).ProfileField(); got != tt.want {
			t.Errorf("%q (%s): %q, want %q", tt.desc, tt.typ, got, tt.want)
		}
	}
}
