package law

import (
	"prava/record"
	"strings"
	"testing"
)

// TestAuthorityDirectory: every EU/EEA state has a national authority
// with a way to reach it; the checked entries keep their declined names in
// every letter language; Germany lists its Länder after the federal one.
func TestAuthorityDirectory(t *testing.T) {
	for state := range memberStates {
		a, err := AuthorityFor(record.Code("EU-"+state), "")
		if err != nil {
			t.Errorf("%s: %v", state, err)
			continue
		}
		if a.Scope != "" || a.NameLocal == "" || a.Address == "" || a.Email == "" && a.WebForm == "" {
			t.Errorf("%s: incomplete national entry %+v", state, a)
		}
	}
	for _, c := range []record.Code{"EU-LV", "EU-LT", "UA", "RU"} {
		a, err := AuthorityFor(c, "")
		if err != nil || !a.Verified {
			t.Fatalf("%s: the checked entry is gone (%v)", c, err)
		}
		for _, lang := range []string{"uk", "ru", "lv", "lt", "en"} {
			if _, ok := a.NameIn(lang); !ok {
				t.Errorf("%s: no declined name in %s", c, lang)
			}
		}
	}
	if n, _ := mustAuthority(t, "UA").NameIn("uk"); n.To != "до Уповноваженого Верховної Ради України з прав людини" {
		t.Errorf("UA in uk: %q", n.To)
	}
	de := AuthoritiesIn("de")
	if len(de) < 17 || de[0].ID != "debfdi" || de[1].Scope == "" {
		t.Fatalf("Germany: %d entries, first %q", len(de), de[0].ID)
	}
	for _, a := range de[1:] {
		if a.Region == "" || !strings.Contains("regional church broadcasting", a.Scope) {
			t.Errorf("%s: scope %q, region %q", a.ID, a.Scope, a.Region)
		}
	}
	if !mustAuthority(t, "EU-LV").IsNamed("Datu valsts inspekcija") || mustAuthority(t, "EU-LV").IsNamed("Datatilsynet") {
		t.Error("IsNamed does not tell the Latvian authority's name from another's")
	}
}

func mustAuthority(t *testing.T, c record.Code) Authority {
	t.Helper()
	a, err := AuthorityFor(c, "")
	if err != nil {
		t.Fatal(err)
	}
	return a
}
