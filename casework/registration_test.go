package casework

import (
	"strings"
	"testing"

	"prava/record"
)

// TestDuplicateByOneNumber: a company stored with its ИНН alone is found
// again when a later reading gives its ОГРН and ИНН (review 2, M6), and
// a company with other numbers is not.
func TestDuplicateByOneNumber(t *testing.T) {
	d := &record.Data{Companies: []record.Company{{ID: "a", Name: "Планта", Registration: "3906277134"}}}
	dup := Duplicate(d, &record.Company{Name: "Планта и К", Registration: "3906277134, 1123926065108"})
	if dup == nil || dup.Existing.ID != "a" || dup.Same != "the same registration number" {
		t.Fatalf("Duplicate = %+v, want company a by its registration number", dup)
	}
	if dup := Duplicate(d, &record.Company{Name: "Другая", Registration: "1027700123456, 7701234567"}); dup != nil {
		t.Errorf("Duplicate = %+v, want none", dup)
	}
}

// TestRegistrationNumbersFit: the numbers a register entry gives together
// fit a company record, and a paste gone wrong is still refused.
func TestRegistrationNumbersFit(t *testing.T) {
	c := record.Company{Name: "ООО «Пример»", Registration: "1123926065108, 3906277134, 326774600529055"}
	if err := CheckCompany(&c); err != nil {
		t.Errorf("CheckCompany(%q) = %v, want nil", c.Registration, err)
	}
	c.Registration = strings.Repeat("1234567890, ", 7)
	if err := CheckCompany(&c); err == nil {
		t.Errorf("CheckCompany(%d characters) = nil, want too_long", len(c.Registration))
	}
}
