package letters

import (
	"strings"
	"testing"

	"prava/law"
	"prava/record"
)

// TestBrandAddressedToEntities: a company known by a brand (NETRACK, seed
// 001) is written to the legal entities its policy names, by their legal
// names, with the brand after them (letters-review 2, B3); a name with a
// legal form stays the addressee.
func TestBrandAddressedToEntities(t *testing.T) {
	entities := []string{"ООО «Старт»", "ООО «Серверные Решения»"}
	want := map[string]string{
		"ru": "В ООО «Старт», ООО «Серверные Решения» (NETRACK)",
		"uk": "ООО «Старт», ООО «Серверные Решения» (NETRACK)",
		"en": "ООО «Старт», ООО «Серверные Решения» (NETRACK)",
	}
	for lang, first := range want {
		r := sampleRequest(lang, record.Access)
		r.Jurisdiction = "RU"
		r.Channel = record.ByPost
		r.To = Recipient{Name: "NETRACK", Address: "109029, Россия, Москва, ул. Нижегородская, дом 32, стр. А", Entities: entities}
		l, err := Compose(r)
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if len(l.Recipient) == 0 || l.Recipient[0] != first {
			t.Errorf("%s: the addressee is %q, want %q", lang, l.Recipient, first)
		}
		if !strings.Contains(l.Text(), "ООО «Серверные Решения»") {
			t.Errorf("%s: the letter does not name both entities", lang)
		}
	}
	// A complaint about the brand names the entities too.
	r := sampleRequest("ru", record.Complaint)
	r.Jurisdiction, r.Marking, r.Channel = "RU", "", record.ByPost
	r.To = Recipient{Name: "Роскомнадзор", Address: "Китайгородский проезд, д. 7, стр. 2, Москва, 109992"}
	r.Company = &Recipient{Name: "NETRACK", Entities: entities}
	r.Options = law.DefaultOptions()
	if l, err := Compose(r); err != nil {
		t.Fatal(err)
	} else if !strings.Contains(l.Text(), "ООО «Старт», ООО «Серверные Решения»") {
		t.Errorf("the complaint does not name the entities:\n%s", l.Text())
	}

	for _, tc := range []struct {
		to   Recipient
		name string
	}{
		{Recipient{Name: "Costless Ukraine, LLC", Entities: []string{"Sannacode"}}, "Costless Ukraine, LLC"},
		{Recipient{Name: "ООО «Старт»", Entities: entities}, "ООО «Старт»"},
		{Recipient{Name: "SIA “LatInSoft”", Entities: []string{"Other SIA"}}, "SIA “LatInSoft”"},
		{Recipient{Name: "NETRACK"}, "NETRACK"},
		{Recipient{Name: "NETRACK", Entities: []string{" ", ""}}, "NETRACK"},
		{Recipient{Name: "NETRACK", Entities: []string{"ООО «Старт»", "ООО «Старт»"}}, "ООО «Старт»"},
	} {
		if got := toEntities(tc.to).Name; got != tc.name {
			t.Errorf("toEntities(%q, %q) = %q, want %q", tc.to.Name, tc.to.Entities, got, tc.name)
		}
	}
}
